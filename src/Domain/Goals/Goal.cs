using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Goals;

public enum GoalStatus
{
    Open,
    Achieved,
    Abandoned,
}

/// <summary>
/// What a pair works toward. Its text (title, description, milestone titles) is private to the two
/// members; coordinators see only its status and progress. OPEN → ACHIEVED or ABANDONED, and a
/// closed goal no longer changes.
/// </summary>
public sealed class Goal
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    /// <summary>Goals a match may hold, open or closed: a pair works toward a few things, not hundreds.</summary>
    public const int MaxPerMatch = 50;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MatchId { get; init; }
    public Match? Match { get; init; }
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>Code of the Topic list.</summary>
    public string? Topic { get; set; }
    public GoalStatus Status { get; set; } = GoalStatus.Open;
    public List<Milestone> Milestones { get; init; } = [];

    /// <summary>The member who created it; null for demo data.</summary>
    public Guid? CreatedById { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>When it was achieved or abandoned.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public bool IsClosed => Status != GoalStatus.Open;

    /// <summary>From 0 to 1: completed milestones over all milestones, 0 with none; an achieved goal is 1.</summary>
    public double Progress => Status == GoalStatus.Achieved ? 1
        : Milestones.Count == 0 ? 0
        : (double)Milestones.Count(m => m.CompletedAt is not null) / Milestones.Count;
}

/// <summary>A step toward a goal, with an optional due date.</summary>
public sealed class Milestone
{
    public const int TitleMaxLength = 200;
    public const int MaxPerGoal = 30;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid GoalId { get; init; }
    public required string Title { get; set; }
    public DateOnly? DueOn { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

public sealed class GoalConfiguration : IEntityTypeConfiguration<Goal>
{
    public void Configure(EntityTypeBuilder<Goal> builder)
    {
        builder.HasKey(g => g.Id);
        builder.HasIndex(g => g.MatchId);
        builder.Property(g => g.Title).HasMaxLength(Goal.TitleMaxLength);
        builder.Property(g => g.Description).HasMaxLength(Goal.DescriptionMaxLength);
        builder.Property(g => g.Topic).HasMaxLength(64);
        builder.Property(g => g.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(g => g.Match).WithMany().HasForeignKey(g => g.MatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(g => g.CreatedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Milestones).WithOne().HasForeignKey(m => m.GoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MilestoneConfiguration : IEntityTypeConfiguration<Milestone>
{
    public void Configure(EntityTypeBuilder<Milestone> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.GoalId);
        builder.Property(m => m.Title).HasMaxLength(Milestone.TitleMaxLength);
    }
}
