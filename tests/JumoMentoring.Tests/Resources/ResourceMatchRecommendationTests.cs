using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Resources;

/// <summary>
/// recommendedResources(matchId:) on the demo pair Margaret O'Connor (mentor) – Sarah Thompson
/// (mentee), JUMO, active for 8 weeks, with open goals on exam preparation and wellness.
/// </summary>
public sealed class ResourceMatchRecommendationTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Query =
        "query($m: ID, $t: [String!], $a: ResourceAudience, $first: Int) { recommendedResources(matchId: $m, topics: $t, audience: $a, first: $first) { slug } }";

    private static readonly string[] PairTopics = ["exam-preparation", "wellness"];

    [Theory]
    [InlineData(DemoPeople.Sarah, "test-for-mentees")]
    [InlineData(DemoPeople.Margaret, "test-for-mentors")]
    [InlineData(DemoPeople.JumoCoordinator, "test-for-coordinators")]
    [InlineData(DemoPeople.Admin, "test-for-coordinators")]
    public async Task Each_reader_of_a_match_gets_the_resources_for_their_role_first(string email, string expectedFirst)
    {
        // Same topics (both of the pair's goals) and stage: only the audience tells them apart.
        await Factory.AddAsync(
            ResourceTestData.Published("test-for-coordinators", "Pour les coordonnateurs", null, topics: PairTopics, audience: ["coordinator"], stage: "during"),
            ResourceTestData.Published("test-for-mentees", "Pour les mentorés", null, topics: PairTopics, audience: ["mentee"], stage: "during"),
            ResourceTestData.Published("test-for-mentors", "Pour les mentors", null, topics: PairTopics, audience: ["mentor"], stage: "during"));
        var client = await SignInAsync(email);

        var slugs = await RecommendAsync(client, first: 3);

        Assert.Equal(expectedFirst, slugs[0]);
        Assert.Equal(["test-for-coordinators", "test-for-mentees", "test-for-mentors"], slugs.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(DemoPeople.Noah)]
    [InlineData(DemoPeople.Helene)]
    [InlineData(DemoPeople.StructuredCoordinator)]
    public async Task A_stranger_to_the_match_gets_the_answer_of_a_match_that_does_not_exist(string email)
    {
        var client = await SignInAsync(email);

        var stranger = await client.QueryAsync(Query, new { m = await MatchIdAsync() });
        var missing = await client.QueryAsync(Query, new { m = GlobalId.Encode("Match", Guid.NewGuid()) });

        Assert.Equal("NOT_FOUND", stranger.FirstErrorCode);
        Assert.Equal(missing.FirstErrorCode, stranger.FirstErrorCode);
        Assert.Equal(missing.Errors![0]!["message"]!.GetValue<string>(), stranger.Errors![0]!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Anonymous_readers_sign_in_and_a_match_excludes_the_other_criteria()
    {
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var matchId = await MatchIdAsync();

        Assert.Equal("UNAUTHENTICATED", (await Graph.QueryAsync(Query, new { m = matchId })).FirstErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await sarah.QueryAsync(Query, new { m = matchId, t = new[] { "research" } })).FirstErrorCode);
        Assert.Equal("BAD_USER_INPUT", (await sarah.QueryAsync(Query, new { m = matchId, a = "MENTOR" })).FirstErrorCode);
        Assert.Equal("INVALID_ID", (await sarah.QueryAsync(Query, new { m = GlobalId.Encode("Goal", Guid.NewGuid()) })).FirstErrorCode);

        // The criteria without a match still work as before.
        Assert.NotEmpty((await sarah.QueryAsync(Query, new { t = new[] { "research" } })).EnsureNoErrors().Data["recommendedResources"]!.AsArray());
    }

    [Fact]
    public async Task The_topics_of_the_open_goals_drive_the_ranking()
    {
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var before = await RecommendAsync(sarah, first: 20);

        // recherche-en-premiere-ligne (research, mentees, during) fits the pair's audience and stage, not its topics.
        (await sarah.QueryAsync(
            "mutation($m: ID!) { createGoal(input: { matchId: $m, title: \"Publier un cas clinique\", topic: \"research\" }) { errors { code } } }",
            new { m = await MatchIdAsync() })).Ok("createGoal");
        var after = await RecommendAsync(sarah, first: 20);

        Assert.True(Position(after, "recherche-en-premiere-ligne") < Position(before, "recherche-en-premiere-ligne"), $"{string.Join(", ", before)}\n{string.Join(", ", after)}");
        Assert.Equal(["examen-cmfc", "mieux-etre-du-medecin", "parentalite-et-carriere", "plan-etude-examen", "recherche-en-premiere-ligne"], after.Take(5));
    }

    [Fact]
    public async Task Without_open_goals_the_mentee_s_topics_of_interest_count()
    {
        // Mathieu Gauthier mentors Léa Bergeron (choosing-practice, transition-to-residency); the pair has no goal.
        var match = await Factory.FindAsync("mathieu.gauthier@exemple.qc.ca", "lea.bergeron@exemple.qc.ca");
        var coordinator = await SignInAsync(DemoPeople.JumoCoordinator);

        var slugs = await RecommendAsync(coordinator, first: 3, DemoMatches.GlobalIdOf(match));

        Assert.Equal("choisir-la-medecine-familiale", slugs[0]);
    }

    [Fact]
    public async Task The_stage_follows_the_life_of_the_match()
    {
        await Factory.AddAsync(
            ResourceTestData.Published("test-getting-started", "Pour commencer", null, topics: PairTopics, audience: ["mentee"], stage: "getting-started"),
            ResourceTestData.Published("test-during", "En cours de route", null, topics: PairTopics, audience: ["mentee"], stage: "during"),
            ResourceTestData.Published("test-closing", "Pour conclure", null, topics: PairTopics, audience: ["mentee"], stage: "closing"));
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);

        var eightWeeks = await RecommendAsync(sarah, first: 1);
        await Factory.SetActivatedAtAsync(match.Id, DateTimeOffset.UtcNow.AddDays(-6));
        var oneWeek = await RecommendAsync(sarah, first: 1);
        await Factory.SetStatusAsync(match.Id, MatchStatus.Completed);
        var completed = await RecommendAsync(sarah, first: 1);

        Assert.Equal(["test-during"], eightWeeks);
        Assert.Equal(["test-getting-started"], oneWeek);
        Assert.Equal(["test-closing"], completed);
    }

    private static int Position(List<string> slugs, string slug) => slugs.IndexOf(slug) is var i and >= 0 ? i : int.MaxValue;

    private async Task<string> MatchIdAsync() => DemoMatches.GlobalIdOf(await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah));

    private async Task<List<string>> RecommendAsync(GraphQLClient client, int first, string? matchId = null) =>
        (await client.QueryAsync(Query, new { m = matchId ?? await MatchIdAsync(), first })).EnsureNoErrors().Data["recommendedResources"]!.Slugs();
}
