using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Resources;

public sealed class ResourceRecommendationTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Query =
        "query($t: [String!], $a: ResourceAudience, $s: ResourceStage, $first: Int) { recommendedResources(topics: $t, audience: $a, stage: $s, first: $first) { slug title language } }";

    [Fact]
    public async Task Shared_topics_come_first_then_audience_then_stage()
    {
        var response = await Graph.QueryAsync(Query, new { t = new[] { "exam-preparation", "transition-to-practice" }, a = "MENTEE", s = "DURING", first = 7 });

        Assert.Equal(
            [
                // Both topics.
                "objectifs-smart",

                // One topic, mentees, during.
                "examen-cmfc", "facturation-ramq", "plan-etude-examen", "transition-vers-la-pratique",

                // One topic, mentees, another stage.
                "bilan-de-fin", "premiere-rencontre",
            ],
            response.EnsureNoErrors().Data["recommendedResources"]!.Slugs());
    }

    [Fact]
    public async Task Audience_outranks_stage_and_nothing_unfitting_is_recommended()
    {
        await Factory.AddAsync(
            ResourceTestData.Published("coord-closing", "Clore une cohorte", null, topics: ["leadership"], audience: ["coordinator"], stage: "closing"),
            ResourceTestData.Published("mentor-during", "Tenir le rythme", null, topics: ["leadership"], audience: ["mentor"], stage: "during"),
            ResourceTestData.Published("unrelated", "Sans rapport", null, topics: ["research"], audience: ["mentor"], stage: "getting-started"));

        var response = await Graph.QueryAsync(Query, new { t = new[] { "leadership" }, a = "COORDINATOR", s = "DURING", first = 20 });

        var slugs = response.EnsureNoErrors().Data["recommendedResources"]!.Slugs();
        Assert.True(slugs.IndexOf("coord-closing") < slugs.IndexOf("mentor-during"), string.Join(", ", slugs));
        Assert.DoesNotContain("unrelated", slugs);
        Assert.DoesNotContain("facturation-soins-virtuels-brouillon", slugs);
    }

    [Fact]
    public async Task Recommendations_follow_the_request_language()
    {
        var response = await Graph.QueryAsync(Query, new { t = new[] { "transition-to-residency" }, first = 5 }, acceptLanguage: "fr");

        var nodes = response.EnsureNoErrors().Data["recommendedResources"]!.AsArray();
        Assert.Equal(["carms-match", "choisir-la-medecine-familiale"], nodes.Slugs());
        Assert.Equal("EN", nodes[0]!["language"]!.GetValue<string>());
        Assert.Equal("Choisir la médecine familiale, ou une pratique ciblée", nodes[1]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task No_criteria_recommends_nothing_and_limits_are_typed_errors()
    {
        var none = await Graph.QueryAsync(Query);
        var tooMany = await Graph.QueryAsync(Query, new { t = new[] { "wellness" }, first = 21 });
        var unknownTopic = await Graph.QueryAsync(Query, new { t = new[] { "cardiology" } });
        var tooManyTopics = await Graph.QueryAsync(Query, new { t = Enumerable.Repeat("wellness", 21).ToArray() });

        Assert.Empty(none.EnsureNoErrors().Data["recommendedResources"]!.AsArray());
        Assert.Equal("LIMIT_EXCEEDED", tooMany.FirstErrorCode);
        Assert.Equal("BAD_USER_INPUT", unknownTopic.FirstErrorCode);
        Assert.Equal("LIMIT_EXCEEDED", tooManyTopics.FirstErrorCode);
    }
}
