using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Resources;

public enum ResourceKind
{
    Guide,
    Checklist,
    Template,
    Article,
    Link,
}

public enum ResourceStatus
{
    Draft,
    Published,
    Archived,
}

/// <summary>An entry of the bilingual guide library. Either language may be missing (never both titles).</summary>
public sealed class Resource
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required ResourceKind Kind { get; set; }
    public string? TitleFr { get; set; }
    public string? TitleEn { get; set; }
    public string? SummaryFr { get; set; }
    public string? SummaryEn { get; set; }

    /// <summary>Markdown.</summary>
    public string? BodyFr { get; set; }
    public string? BodyEn { get; set; }
    public string? Url { get; set; }
    public List<string> Topics { get; set; } = [];

    /// <summary>mentor, mentee, coordinator.</summary>
    public List<string> Audience { get; set; } = [];

    /// <summary>getting-started, during, closing.</summary>
    public string? Stage { get; set; }
    public ResourceStatus Status { get; set; } = ResourceStatus.Draft;
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.TitleFr).HasMaxLength(300);
        builder.Property(r => r.TitleEn).HasMaxLength(300);
        builder.Property(r => r.SummaryFr).HasMaxLength(1000);
        builder.Property(r => r.SummaryEn).HasMaxLength(1000);
        builder.Property(r => r.Url).HasMaxLength(2000);
        builder.Property(r => r.Stage).HasMaxLength(32);
        builder.ToTable(t => t.HasCheckConstraint("ck_resources_has_title", "title_fr IS NOT NULL OR title_en IS NOT NULL"));
    }
}
