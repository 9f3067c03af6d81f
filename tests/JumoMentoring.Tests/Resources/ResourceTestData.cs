using System.Text.Json.Nodes;
using JumoMentoring.Domain.Resources;
using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Resources;

internal static class ResourceTestData
{
    /// <summary>Adds resources beside the demo library (the next test starts from the demo data again).</summary>
    public static async Task AddAsync(this ApiFactory factory, params Resource[] resources)
    {
        await using var db = factory.CreateDbContext();
        db.Resources.AddRange(resources);
        await db.SaveChangesAsync();
    }

    public static Resource Published(string slug, string? titleFr, string? titleEn, string? bodyFr = null, string? bodyEn = null,
        string[]? topics = null, string[]? audience = null, string? stage = null) => new()
        {
            Slug = slug,
            Kind = ResourceKind.Guide,
            TitleFr = titleFr,
            TitleEn = titleEn,
            BodyFr = bodyFr,
            BodyEn = bodyEn,
            Topics = [.. topics ?? []],
            Audience = [.. audience ?? ["mentee"]],
            Stage = stage,
            Status = ResourceStatus.Published,
        };

    public static List<string> Titles(this JsonNode connection) =>
        [.. connection["nodes"]!.AsArray().Select(n => n!["title"]!.GetValue<string>())];

    public static List<string> Slugs(this JsonNode list) =>
        [.. list.AsArray().Select(n => n!["slug"]!.GetValue<string>())];
}
