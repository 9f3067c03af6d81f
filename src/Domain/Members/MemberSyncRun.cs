using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Members;

public enum MemberSyncRunStatus
{
    /// <summary>Taking batches of rows.</summary>
    Open,

    /// <summary>Closed: the members it did not see were deactivated.</summary>
    Completed,
}

/// <summary>
/// A FULL sync with the member system, sent in several batches: started, fed rows, then completed,
/// which deactivates every active member the run did not see (docs/decisions/0005-member-sync.md).
/// Its counts add up the batches.
/// </summary>
public sealed class MemberSyncRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public MemberSyncRunStatus Status { get; set; } = MemberSyncRunStatus.Open;

    /// <summary>Who started it: "graphql" or "csv:FILE".</summary>
    public required string Source { get; init; }
    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? CompletedAt { get; set; }
    public int Received { get; set; }
    public int Created { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    /// <summary>Marked inactive by a row, plus (at completion) missing from the run.</summary>
    public int Deactivated { get; set; }
    public int Reactivated { get; set; }
    public int Rejected { get; set; }
}

/// <summary>
/// What the member system last said about one member: the run it was last seen in, and the values
/// of the fields members may also edit themselves (the base of the three-way merge in <see cref="MemberSync"/>).
/// </summary>
public sealed class MemberSyncState
{
    public required Guid MemberId { get; init; }

    /// <summary>The last FULL run that listed the member.</summary>
    public Guid? LastRunId { get; set; }
    public DateTimeOffset LastSyncedAt { get; set; } = DateTimeOffset.UtcNow;
    public string? PreferredLanguage { get; set; }
    public List<string>? LanguagesSpoken { get; set; }
    public string? Region { get; set; }
    public List<string>? PracticeSettings { get; set; }
}

public sealed class MemberSyncRunConfiguration : IEntityTypeConfiguration<MemberSyncRun>
{
    public void Configure(EntityTypeBuilder<MemberSyncRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Source).HasMaxLength(300);
    }
}

public sealed class MemberSyncStateConfiguration : IEntityTypeConfiguration<MemberSyncState>
{
    public void Configure(EntityTypeBuilder<MemberSyncState> builder)
    {
        builder.HasKey(s => s.MemberId);
        builder.HasIndex(s => s.LastRunId);
        builder.Property(s => s.PreferredLanguage).HasMaxLength(2);
        builder.Property(s => s.Region).HasMaxLength(64);
        builder.HasOne<Member>().WithOne().HasForeignKey<MemberSyncState>(s => s.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<MemberSyncRun>().WithMany().HasForeignKey(s => s.LastRunId).OnDelete(DeleteBehavior.SetNull);
    }
}
