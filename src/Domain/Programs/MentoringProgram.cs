using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Programs;

public enum ProgramKind
{
    /// <summary>The virtual program (JUMO): open enrolment, mentee-driven matching, no fixed term.</summary>
    Flexible,

    /// <summary>The traditional program: application, cohorts, waiting list, continuing-education credit.</summary>
    Structured,
}

public enum ProgramStatus
{
    Draft,
    Open,
    Closed,
    Archived,
}

/// <summary>A mentoring program. Named MentoringProgram in C# to stay clear of the host's Program class.</summary>
public sealed class MentoringProgram
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Stable short code (e.g. "jumo"), used by the seed and by people in URLs.</summary>
    public required string Code { get; init; }
    public required ProgramKind Kind { get; init; }
    public required string NameFr { get; set; }
    public required string NameEn { get; set; }
    public required string DescriptionFr { get; set; }
    public required string DescriptionEn { get; set; }
    public ProgramStatus Status { get; set; } = ProgramStatus.Open;

    /// <summary>Flexible programs: days a mentor has to answer a request before it expires.</summary>
    public int RequestExpiryDays { get; set; } = 14;

    /// <summary>Weeks between two check-ins asked of each member of an active match.</summary>
    public int CheckInIntervalWeeks { get; set; } = 4;

    /// <summary>How this program weighs the matching criteria (stored as JSON).</summary>
    public Matching.MatchingWeights MatchingWeights { get; set; } = Matching.MatchingWeights.Default;
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

public sealed class MentoringProgramConfiguration : IEntityTypeConfiguration<MentoringProgram>
{
    public void Configure(EntityTypeBuilder<MentoringProgram> builder)
    {
        builder.ToTable("programs");
        builder.HasKey(p => p.Id);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.Property(p => p.Code).HasMaxLength(64);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.NameFr).HasMaxLength(200);
        builder.Property(p => p.NameEn).HasMaxLength(200);
        builder.Property(p => p.DescriptionFr).HasMaxLength(4000);
        builder.Property(p => p.DescriptionEn).HasMaxLength(4000);
        builder.Property(p => p.MatchingWeights).HasColumnType("jsonb").HasConversion(
            w => System.Text.Json.JsonSerializer.Serialize(w, (System.Text.Json.JsonSerializerOptions?)null),
            json => System.Text.Json.JsonSerializer.Deserialize<Matching.MatchingWeights>(json, (System.Text.Json.JsonSerializerOptions?)null) ?? Matching.MatchingWeights.Default);
        builder.ToTable(t => t.HasCheckConstraint("ck_programs_check_in_interval", "check_in_interval_weeks BETWEEN 1 AND 26"));
    }
}
