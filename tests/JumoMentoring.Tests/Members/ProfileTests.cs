using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Members;

public sealed class ProfileTests(ApiFactory factory) : ApiTest(factory)
{
    protected override string? SignedInAs => DemoPeople.Noah;

    private const string Update = "mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { member { region { code label } topics { code } languagesSpoken { code } bio preferredLanguage } errors { code field } } }";

    [Fact]
    public async Task A_member_edits_their_profile()
    {
        var response = await Graph.QueryAsync(Update, new
        {
            input = new { region = "09", topics = new[] { "rural-practice", "wellness" }, languagesSpoken = new[] { "fr", "en" }, bio = "  Externe, je vise la Côte-Nord.  ", preferredLanguage = "FR" },
        });

        var member = response.EnsureNoErrors().Data["updateMyProfile"]!["member"]!;
        Assert.Empty(response.Data["updateMyProfile"]!["errors"]!.AsArray());
        Assert.Equal("Côte-Nord", member["region"]!["label"]!.GetValue<string>());
        Assert.Equal("Externe, je vise la Côte-Nord.", member["bio"]!.GetValue<string>());
        var again = await Graph.QueryAsync("{ me { region { code } topics { code } preferredLanguage } }");
        Assert.Equal("09", again.EnsureNoErrors().Data["me"]!["region"]!["code"]!.GetValue<string>());
        Assert.Equal(["rural-practice", "wellness"], again.Data["me"]!["topics"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_and_nothing_is_saved()
    {
        var before = await Graph.QueryAsync("{ me { region { code } topics { code } bio careerStage { code } } }");

        var response = await Graph.QueryAsync(Update, new
        {
            input = new { region = "18", topics = new[] { "astrology" }, languagesSpoken = new[] { "de" }, careerStage = "chief", bio = new string('x', 1001) },
        });

        var errors = response.EnsureNoErrors().Data["updateMyProfile"]!["errors"]!.AsArray()
            .Select(e => (e!["code"]!.GetValue<string>(), e["field"]!.GetValue<string>())).ToList();
        Assert.Null(response.Data["updateMyProfile"]!["member"]);
        Assert.Equal(
            new[] { ("INVALID_LANGUAGE", "languagesSpoken"), ("INVALID_TOPIC", "topics"), ("INVALID_CAREER_STAGE", "careerStage"), ("INVALID_REGION", "region"), ("BIO_TOO_LONG", "bio") }.Order(),
            errors.Order());
        var after = await Graph.QueryAsync("{ me { region { code } topics { code } bio careerStage { code } } }");
        Assert.Equal(before.Data.ToJsonString(), after.Data.ToJsonString());
    }

    [Fact]
    public async Task Directory_search_ignores_accents_and_case_and_filters_combine()
    {
        var helene = await Graph.QueryAsync("{ members(where: { search: \"HELENE\" }) { nodes { displayName } } }");
        var byTopic = await Graph.QueryAsync("{ members(where: { topic: \"rural-practice\", region: \"10\" }) { nodes { displayName } } }");
        var badCode = await Graph.QueryAsync("{ members(where: { region: \"99\" }) { totalCount } }");

        Assert.Equal(["Hélène Tremblay"], helene.EnsureNoErrors().Data["members"]!["nodes"]!.AsArray().Select(n => n!["displayName"]!.GetValue<string>()));
        Assert.Equal(["Jean-Philippe Côté"], byTopic.EnsureNoErrors().Data["members"]!["nodes"]!.AsArray().Select(n => n!["displayName"]!.GetValue<string>()));
        Assert.Equal("BAD_USER_INPUT", badCode.FirstErrorCode);
    }

    [Fact]
    public async Task The_directory_is_ordered_by_name_across_pages()
    {
        var names = new List<string>();
        string? after = null;
        do
        {
            var page = await Graph.QueryAsync("query($after: String) { members(first: 4, after: $after, order: NAME) { nodes { lastName } pageInfo { hasNextPage endCursor } } }", new { after });
            var connection = page.EnsureNoErrors().Data["members"]!;
            names.AddRange(connection["nodes"]!.AsArray().Select(n => n!["lastName"]!.GetValue<string>()));
            after = connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? connection["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.True(names.Count > 8);
        Assert.Equal(names.OrderBy(Domain.Members.Member.Normalize, StringComparer.Ordinal), names);
        Assert.Equal(names.Count, names.Distinct().Count());
    }
}
