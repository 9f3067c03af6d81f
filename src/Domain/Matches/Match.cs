using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Matches;

/// <summary>The lifecycle of a dyad: requested/proposed → active ⇄ paused → completed or ended, or declined/expired.</summary>
public enum MatchStatus
{
    Requested,
    Proposed,
    Active,
    Paused,
    Completed,
    Ended,
    Declined,
    Expired,
}

/// <summary>One mentor and one mentee in one program (a "dyad").</summary>
public sealed class Match
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ProgramId { get; init; }
    public MentoringProgram? Program { get; init; }
    public required Guid MentorId { get; init; }
    public Member? Mentor { get; init; }
    public required Guid MenteeId { get; init; }
    public Member? Mentee { get; init; }
    public MatchStatus Status { get; set; } = MatchStatus.Requested;
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public sealed class MatchConfiguration : IEntityTypeConfiguration<Match>
{
    public void Configure(EntityTypeBuilder<Match> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.ProgramId, m.MentorId });
        builder.HasIndex(m => new { m.ProgramId, m.MenteeId });
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(m => m.Program).WithMany().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Mentor).WithMany().HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Mentee).WithMany().HasForeignKey(m => m.MenteeId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_matches_distinct_members", "mentor_id <> mentee_id"));
    }
}
