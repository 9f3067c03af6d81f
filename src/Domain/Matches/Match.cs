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

    /// <summary>Flexible programs: the mentee's message with the request.</summary>
    public string? RequestMessage { get; set; }

    /// <summary>Structured programs: the cohort the coordinator proposed the pair in.</summary>
    public Guid? CohortId { get; set; }
    public DateTimeOffset? MentorAcceptedAt { get; set; }
    public DateTimeOffset? MenteeAcceptedAt { get; set; }
    public DateTimeOffset? MentorConfirmedCompletionAt { get; set; }
    public DateTimeOffset? MenteeConfirmedCompletionAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
    public List<MatchTransition> Transitions { get; init; } = [];
}

/// <summary>One step of a match's life: who moved it, when, and why. Never updated, never deleted.</summary>
public sealed class MatchTransition
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MatchId { get; init; }
    public MatchStatus? From { get; init; }
    public required MatchStatus To { get; init; }

    /// <summary>The member who acted; null when the platform did (expiry).</summary>
    public Guid? ActorId { get; init; }
    public required MatchActor Actor { get; init; }
    public string? Reason { get; init; }
    public DateTimeOffset At { get; init; } = DateTimeOffset.UtcNow;
}

public sealed class MatchTransitionConfiguration : IEntityTypeConfiguration<MatchTransition>
{
    public void Configure(EntityTypeBuilder<MatchTransition> builder)
    {
        builder.HasKey(t => t.Id);
        builder.HasIndex(t => t.MatchId);
        builder.Property(t => t.From).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.To).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Actor).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.Reason).HasMaxLength(1000);
    }
}

public sealed class MatchConfiguration : IEntityTypeConfiguration<Match>
{
    public void Configure(EntityTypeBuilder<Match> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.ProgramId, m.MentorId });
        builder.HasIndex(m => new { m.ProgramId, m.MenteeId });

        // The database itself refuses a second open request for a pair and a second current match of a mentee in a program.
        builder.HasIndex(m => new { m.ProgramId, m.MentorId, m.MenteeId }).IsUnique()
            .HasFilter("status IN ('Requested', 'Proposed', 'Active', 'Paused')").HasDatabaseName("ux_matches_open_pair");
        builder.HasIndex(m => new { m.ProgramId, m.MenteeId }).IsUnique()
            .HasFilter("status IN ('Active', 'Paused')").HasDatabaseName("ux_matches_current_mentee");
        builder.Property(m => m.RequestMessage).HasMaxLength(2000);
        builder.HasMany(m => m.Transitions).WithOne().HasForeignKey(t => t.MatchId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.HasOne(m => m.Program).WithMany().HasForeignKey(m => m.ProgramId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Mentor).WithMany().HasForeignKey(m => m.MentorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(m => m.Mentee).WithMany().HasForeignKey(m => m.MenteeId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_matches_distinct_members", "mentor_id <> mentee_id"));
    }
}
