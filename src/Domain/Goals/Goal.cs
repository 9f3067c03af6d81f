using JumoMentoring.Domain.Matches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Goals;

public enum GoalStatus
{
    Open,
    Achieved,
    Abandoned,
}

/// <summary>What a pair works toward. Its text is private to the two members.</summary>
public sealed class Goal
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MatchId { get; init; }
    public Match? Match { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>Code of the Topic list.</summary>
    public string? Topic { get; set; }
    public GoalStatus Status { get; set; } = GoalStatus.Open;
    public List<Milestone> Milestones { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

public sealed class Milestone
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid GoalId { get; init; }
    public required string Title { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.HasKey(g => g.Id);
        builder.HasIndex(g => g.MatchId);
        builder.Property(g => g.Title).HasMaxLength(200);
        builder.Property(g => g.Description).HasMaxLength(4000);
        builder.Property(g => g.Topic).HasMaxLength(64);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(g => g.Match).WithMany().HasForeignKey(g => g.MatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Milestones).WithOne().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.GoalId);
        builder.Property(m => m.Title).HasMaxLength(200);
    }
}
