using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Members;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Meetings;

public enum MeetingMode
{
    Video,
    Phone,
    InPerson,
}

/// <summary>
/// A meeting of a pair, recorded by either member: the day, how long, how. Structured programs count
/// the time as continuing education. The note is the author's alone (not the partner's, not the
/// coordinators').
/// </summary>
public sealed class Meeting
{
    public const int MinDurationMinutes = 5;
    public const int MaxDurationMinutes = 600;
    public const int NoteMaxLength = 4000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid MatchId { get; init; }
    public Match? Match { get; init; }

    /// <summary>The member who recorded it: the only one who reads <see cref="Note"/>, and who may change it.</summary>
    public required Guid RecordedById { get; init; }
    public required DateOnly OccurredOn { get; set; }
    public required int DurationMinutes { get; set; }
    public required MeetingMode Mode { get; set; }
    public string? Note { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

/// <summary>Continuing-education hours: minutes to the nearest quarter hour.</summary>
public static class CreditHours
{
    /// <summary>67 minutes → 1.0; 68 → 1.25 (15-minute steps, a remainder of 8 minutes or more rounds up).</summary>
    public static decimal FromMinutes(long minutes) => (minutes + 7) / 15 * 0.25m;
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => new { m.MatchId, m.OccurredOn });
        builder.Property(m => m.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.Note).HasMaxLength(Meeting.NoteMaxLength);
        builder.HasOne(m => m.Match).WithMany().HasForeignKey(m => m.MatchId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.RecordedById).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("ck_meetings_duration",
            $"duration_minutes BETWEEN {Meeting.MinDurationMinutes} AND {Meeting.MaxDurationMinutes}"));
    }
}
