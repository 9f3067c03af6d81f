using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.ReferenceData;

/// <summary>The managed lists of DOMAIN.md (career stages, regions, practice settings, topics, languages).</summary>
public enum ReferenceKind
{
    CareerStage,
    Region,
    PracticeSetting,
    Topic,
    Language,

    /// <summary>When a member is usually free to meet (matching compares them).</summary>
    Availability,
}

/// <summary>
/// One entry of a managed list. Lists live in the database, not in enums, so the college can add a
/// topic without a client release; members store the stable <see cref="Code"/>.
/// </summary>
public sealed class ReferenceItem
{
    public required ReferenceKind Kind { get; init; }
    public required string Code { get; init; }
    public required string LabelFr { get; set; }
    public required string LabelEn { get; set; }

    /// <summary>Display order; for career stages it is also seniority (matching compares it).</summary>
    public required int Rank { get; set; }
    public bool IsActive { get; set; } = true;

    public string Label(Language language) => language == Language.En ? LabelEn : LabelFr;
}

public sealed class ReferenceItemConfiguration : IEntityTypeConfiguration<ReferenceItem>
{
    public void Configure(EntityTypeBuilder<ReferenceItem> builder)
    {
        builder.HasKey(i => new { i.Kind, i.Code });
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(i => i.Code).HasMaxLength(64);
        builder.Property(i => i.LabelFr).HasMaxLength(200);
        builder.Property(i => i.LabelEn).HasMaxLength(200);
    }
}
