using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.CheckIns;

/// <summary>
/// A member's short check-in on their match, asked every <see cref="Programs.MentoringProgram.CheckInIntervalWeeks"/>:
/// how satisfied (1–5), whether the pair met, and a comment for the coordinators. The partner sees
/// none of it.
/// </summary>
public sealed class CheckIn
{
    public const int MinSatisfaction = 1;
    public const int MaxSatisfaction = 5;
    public const int CommentMaxLength = 2000;

    /// <summary>Satisfaction at or below this makes the match need attention.</summary>
    public const int LowSatisfaction = 2;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MatchId { get; init; }
    public Match? Match { get; init; }
    public required Guid MemberId { get; init; }
    public required int Satisfaction { get; init; }

    /// <summary>"We met" since the previous check-in.</summary>
    public required bool Met { get; init; }
    public string? Comment { get; init; }
    public DateTimeOffset SubmittedAt { get; init; } = DateTimeOffset.UtcNow;
}

/// <summary>When a member owes a check-in: a pure rule, unit-tested.</summary>
public static class CheckInSchedule
{
    /// <summary>A second check-in within this delay of the previous one is refused.</summary>
    public static readonly TimeSpan MinimumGap = TimeSpan.FromHours(24);

    /// <summary>
    /// The interval after the member's last check-in, or after the match became active when there is
    /// none: a late check-in moves the next one, so nobody owes two at once. Early check-ins are
    /// allowed and restart the interval.
    /// </summary>
    public static DateTimeOffset NextDue(DateTimeOffset activatedAt, DateTimeOffset? lastCheckIn, int intervalWeeks) =>
        (lastCheckIn is { } last && last > activatedAt ? last : activatedAt).AddDays(7 * intervalWeeks);

    public static bool IsDue(DateTimeOffset activatedAt, DateTimeOffset? lastCheckIn, int intervalWeeks, DateTimeOffset now) =>
        NextDue(activatedAt, lastCheckIn, intervalWeeks) <= now;
}

public sealed class CheckInConfiguration : IEntityTypeConfiguration<CheckIn>
{
    public void Configure(EntityTypeBuilder<CheckIn> builder)
    {
        builder.ToTable("check_ins", t => t.HasCheckConstraint("ck_check_ins_satisfaction",
            $"satisfaction BETWEEN {CheckIn.MinSatisfaction} AND {CheckIn.MaxSatisfaction}"));
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => new { c.MatchId, c.MemberId, c.SubmittedAt });
        builder.Property(c => c.Comment).HasMaxLength(CheckIn.CommentMaxLength);
        builder.HasOne(c => c.Match).WithMany().HasForeignKey(c => c.MatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
