using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Matching;

public enum PairRuleKind
{
    /// <summary>The pair must be in the cohort's next matching run.</summary>
    Lock,

    /// <summary>The pair is never suggested nor matched in the program.</summary>
    Ban,
}

/// <summary>A coordinator's decision about one mentor–mentee pair of a program (and, for locks, a cohort).</summary>
public sealed class PairRule
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid ProgramId { get; init; }
    public Guid? CohortId { get; init; }
    public required Guid MentorId { get; init; }
    public required Guid MenteeId { get; init; }
    public required PairRuleKind Kind { get; init; }
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

public sealed class PairRuleConfiguration : IEntityTypeConfiguration<PairRule>
{
    public void Configure(EntityTypeBuilder<PairRule> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => new { r.ProgramId, r.MentorId, r.MenteeId }).IsUnique();
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(8);
    }
}

/// <summary>
/// One run of the cohort solver, stored whole so it can be reproduced and audited: the exact input
/// (profiles, weights, rules) and the result, as JSON. Publishing turns its pairs into PROPOSED matches.
/// </summary>
public sealed class CohortMatchingRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid CohortId { get; init; }
    public required CohortObjective Objective { get; init; }
    public required string InputJson { get; init; }
    public required string ResultJson { get; init; }
    public Guid? CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? PublishedAt { get; set; }
}

public sealed class CohortMatchingRunConfiguration : IEntityTypeConfiguration<CohortMatchingRun>
{
    public void Configure(EntityTypeBuilder<CohortMatchingRun> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.CohortId);
        builder.Property(r => r.Objective).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.InputJson).HasColumnType("jsonb");
        builder.Property(r => r.ResultJson).HasColumnType("jsonb");
    }
}
