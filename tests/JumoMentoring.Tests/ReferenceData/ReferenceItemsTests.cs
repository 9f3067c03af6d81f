using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JumoMentoring.Tests.ReferenceData;

/// <summary>referenceItems: the managed lists a profile form offers, for anyone, in display order and in the reader's language.</summary>
public sealed class ReferenceItemsTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Query = "query($kind: ReferenceKind!) { referenceItems(kind: $kind) { kind code label fr: label(language: FR) rank } }";

    [Fact]
    public async Task Anyone_reads_the_17_regions_in_order_with_labels_in_their_language()
    {
        var response = await Graph.QueryAsync(Query, new { kind = "REGION" }, acceptLanguage: "en");

        var regions = response.EnsureNoErrors().Data["referenceItems"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 17).Select(i => i.ToString("00", System.Globalization.CultureInfo.InvariantCulture)), regions.Select(r => r!["code"]!.GetValue<string>()));
        Assert.All(regions, r => Assert.Equal("REGION", r!["kind"]!.GetValue<string>()));
        Assert.Equal("Montréal", regions[5]!["label"]!.GetValue<string>());
    }

    [Fact]
    public async Task Career_stages_come_by_seniority_in_french_by_default_and_retired_entries_are_left_out()
    {
        await using (var db = Factory.CreateDbContext())
        {
            await db.ReferenceItems.Where(i => i.Kind == ReferenceKind.Topic && i.Code == "research").ExecuteUpdateAsync(s => s.SetProperty(i => i.IsActive, false));
        }

        Factory.Services.GetRequiredService<ReferenceCatalog>().Invalidate();
        var stages = (await Graph.QueryAsync(Query, new { kind = "CAREER_STAGE" })).EnsureNoErrors().Data["referenceItems"]!.AsArray();
        var topics = (await Graph.QueryAsync(Query, new { kind = "TOPIC" }, acceptLanguage: "en")).EnsureNoErrors().Data["referenceItems"]!.AsArray();

        Assert.Equal(["medical-student", "resident", "early-career", "experienced", "retired"], stages.Select(s => s!["code"]!.GetValue<string>()));
        Assert.Equal("Étudiant·e en médecine", stages[0]!["label"]!.GetValue<string>());
        Assert.Contains("exam-preparation", topics.Select(t => t!["code"]!.GetValue<string>()));
        Assert.DoesNotContain("research", topics.Select(t => t!["code"]!.GetValue<string>()));
        Assert.Equal(topics.Select(t => t!["rank"]!.GetValue<int>()).Order(), topics.Select(t => t!["rank"]!.GetValue<int>()));
    }

    [Fact]
    public async Task An_unknown_kind_is_a_validation_error()
    {
        var response = await Graph.QueryAsync(Query, new { kind = "PLANET" });

        Assert.Equal("GRAPHQL_VALIDATION_FAILED", response.FirstErrorCode);
    }
}
