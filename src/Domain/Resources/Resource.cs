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

/// <summary>Who a resource is written for (the codes stored in <see cref="Resource.Audience"/>).</summary>
public enum ResourceAudience
{
    Mentor,
    Mentee,
    Coordinator,
}

/// <summary>When in a mentorship a resource helps (the codes stored in <see cref="Resource.Stage"/>).</summary>
public enum ResourceStage
{
    GettingStarted,
    During,
    Closing,
}

/// <summary>The stored codes of <see cref="ResourceAudience"/> and <see cref="ResourceStage"/>.</summary>
public static class ResourceCodes
{
    public static string ToCode(this ResourceAudience audience) => audience switch
    {
        ResourceAudience.Mentor => "mentor",
        ResourceAudience.Mentee => "mentee",
        _ => "coordinator",
    };

    public static string ToCode(this ResourceStage stage) => stage switch
    {
        ResourceStage.GettingStarted => "getting-started",
        ResourceStage.During => "during",
        _ => "closing",
    };

    public static ResourceAudience? ParseAudience(string? code) =>
        Enum.GetValues<ResourceAudience>().Cast<ResourceAudience?>().FirstOrDefault(a => a!.Value.ToCode() == code);

    public static ResourceStage? ParseStage(string? code) =>
        Enum.GetValues<ResourceStage>().Cast<ResourceStage?>().FirstOrDefault(s => s!.Value.ToCode() == code);
}

/// <summary>
/// An entry of the bilingual guide library. Either language may be missing (never both titles): a
/// resource is written in a language when it has a title in it.
/// </summary>
public sealed class Resource
{
    public const int SlugMaxLength = 100;
    public const int TitleMaxLength = 300;
    public const int SummaryMaxLength = 1000;

    /// <summary>Not a column limit (bodies are text): a guide longer than this belongs in several resources.</summary>
    public const int BodyMaxLength = 50_000;
    public const int UrlMaxLength = 2000;

    public Guid Id { get; init; } = Guid.CreateVersion7();

    /// <summary>Stable, unique, human-readable key (demo data and imports find a resource again by it).</summary>
    public required string Slug { get; init; }
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

    /// <summary>
    /// Concurrency token, 1 on creation and one more on every change: a coordinator who edited an
    /// older version is told so instead of overwriting another's work.
    /// </summary>
    public int Version { get; set; } = 1;
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;
}

public sealed class ResourceConfiguration : IEntityTypeConfiguration<Resource>
{
    public void Configure(EntityTypeBuilder<Resource> builder)
    {
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.Slug).IsUnique();
        builder.Property(r => r.Slug).HasMaxLength(Resource.SlugMaxLength);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.TitleFr).HasMaxLength(Resource.TitleMaxLength);
        builder.Property(r => r.TitleEn).HasMaxLength(Resource.TitleMaxLength);
        builder.Property(r => r.SummaryFr).HasMaxLength(Resource.SummaryMaxLength);
        builder.Property(r => r.SummaryEn).HasMaxLength(Resource.SummaryMaxLength);
        builder.Property(r => r.Url).HasMaxLength(Resource.UrlMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.Property(r => r.Stage).HasMaxLength(32);
        builder.ToTable(t => t.HasCheckConstraint("ck_resources_has_title", "title_fr IS NOT NULL OR title_en IS NOT NULL"));

        // Full-text search: the migration AddResourceSearch adds the stored generated columns
        // search_fr and search_en (tsvector over title A, summary B, body C with the fr_unaccent and
        // en_unaccent configurations) and their GIN indexes in SQL. They are deliberately not mapped:
        // EF would read both vectors with every resource, and only ResourceSearch's SQL uses them.
    }
}
