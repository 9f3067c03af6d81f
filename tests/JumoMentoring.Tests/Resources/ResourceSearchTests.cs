using System.Text.RegularExpressions;
using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Resources;

/// <summary>Full-text search of the library through the graph: languages, accents, ranking, snippets and paging.</summary>
public sealed partial class ResourceSearchTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Search =
        "query($s: String, $l: Language, $first: Int, $after: String) { resources(search: $s, language: $l, first: $first, after: $after) { totalCount nodes { slug title language isTranslationFallback snippet } pageInfo { hasNextPage hasPreviousPage endCursor } } }";

    [Theory]
    [InlineData("médecin", "medecin")]
    [InlineData("évaluation", "evaluation")]
    [InlineData("ÉVALUATION", "Evaluation")]
    public async Task French_search_ignores_accents_and_case(string accented, string plain)
    {
        var withAccents = await SearchAsync(accented, acceptLanguage: "fr-CA");
        var without = await SearchAsync(plain, acceptLanguage: "fr-CA");

        Assert.NotEmpty(withAccents);
        Assert.Equal(withAccents, without);
    }

    [Fact]
    public async Task French_search_finds_the_guides_that_use_the_word()
    {
        var medecin = await SearchAsync("medecin", acceptLanguage: "fr");
        var evaluation = await SearchAsync("evaluation", acceptLanguage: "fr");

        Assert.Contains("Prendre soin de soi : le mieux-être du médecin", medecin);
        Assert.Contains("Facturation à la RAMQ : les bases pour les nouveaux médecins", medecin);
        Assert.Equal("L'évaluation d'une cohorte de mentorat", evaluation[0]);
    }

    [Fact]
    public async Task English_search_stems_and_ignores_accents()
    {
        var meetings = await SearchAsync("meetings", acceptLanguage: "en");
        var meeting = await SearchAsync("meeting", acceptLanguage: "en");
        var both = await SearchAsync("PAMQ wellness", acceptLanguage: "en");

        Assert.Equal("First mentoring meeting agenda", meetings[0]);
        Assert.Contains("Running good virtual mentoring meetings", meetings);
        Assert.Equal(meetings, meeting);
        Assert.Equal(["Looking after yourself: physician wellness"], both);
    }

    [Fact]
    public async Task Searching_in_one_language_does_not_look_in_the_other()
    {
        var english = await Graph.QueryAsync(Search, new { s = "meetings", l = "EN" });
        var french = await Graph.QueryAsync(Search, new { s = "meetings", l = "FR" });

        Assert.NotEqual(0, english.EnsureNoErrors().Data["resources"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, french.EnsureNoErrors().Data["resources"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Without_a_language_a_search_looks_in_both_and_serves_the_language_that_matched()
    {
        var response = await Graph.QueryAsync(Search, new { s = "rencontre meeting" });
        var any = await Graph.QueryAsync(Search, new { s = "meeting" });
        var nodes = any.EnsureNoErrors().Data["resources"]!["nodes"]!.AsArray();

        Assert.Equal(0, response.EnsureNoErrors().Data["resources"]!["totalCount"]!.GetValue<int>());
        Assert.NotEmpty(nodes);
        Assert.All(nodes, n =>
        {
            Assert.Equal("EN", n!["language"]!.GetValue<string>());
            Assert.False(n["isTranslationFallback"]!.GetValue<bool>());
        });
        Assert.Equal("Ordre du jour d'une première rencontre de mentorat", (await SearchAsync("premiere rencontre"))[0]);
    }

    [Fact]
    public async Task A_title_hit_ranks_above_a_body_hit()
    {
        await Factory.AddAsync(
            ResourceTestData.Published("corps", "Organiser son bureau", null,
                bodyFr: "Une bonne ergonomie au bureau évite les douleurs. L'ergonomie du poste compte, l'ergonomie de l'horaire aussi."),
            ResourceTestData.Published("titre", "L'ergonomie en clinique", null, bodyFr: "Quelques conseils pour le poste de travail."));

        var titles = await SearchAsync("ergonomie", acceptLanguage: "fr");

        Assert.Equal(["L'ergonomie en clinique", "Organiser son bureau"], titles);
    }

    [Fact]
    public async Task Snippets_mark_the_matches_and_escape_everything_else()
    {
        await Factory.AddAsync(ResourceTestData.Published("tri", "Le triage à l'accueil", null,
            bodyFr: "Le **triage** se fait vite <script>alert('x')</script> & sans <b>bruit</b> : les cas \"urgents\" < 5 min > les autres. Un triage bien fait rassure."));

        var response = await Graph.QueryAsync(Search, new { s = "triage" }, acceptLanguage: "fr");
        var snippet = response.EnsureNoErrors().Data["resources"]!["nodes"]![0]!["snippet"]!.GetValue<string>();

        Assert.Contains("<mark>triage</mark>", snippet, StringComparison.Ordinal);
        Assert.Contains("&amp;", snippet, StringComparison.Ordinal);
        Assert.Contains("&lt; 5 min &gt;", snippet, StringComparison.Ordinal);
        Assert.Contains("&quot;urgents&quot;", snippet, StringComparison.Ordinal);
        Assert.DoesNotContain("**", snippet, StringComparison.Ordinal);
        var withoutMarks = snippet.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
        Assert.DoesNotContain("<", withoutMarks, StringComparison.Ordinal);
        Assert.DoesNotContain(">", withoutMarks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Snippets_are_only_given_for_a_search()
    {
        var listed = await Graph.QueryAsync(Search, new { first = 5 });
        var searched = await Graph.QueryAsync(Search, new { s = "CHSLD" }, acceptLanguage: "fr");

        Assert.All(listed.EnsureNoErrors().Data["resources"]!["nodes"]!.AsArray(), n => Assert.Null(n!["snippet"]));
        Assert.Contains("<mark>CHSLD</mark>", searched.EnsureNoErrors().Data["resources"]!["nodes"]![0]!["snippet"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_search_resources_are_listed_by_title_without_regard_to_accents_or_case()
    {
        await Factory.AddAsync(
            ResourceTestData.Published("e-aigu", "Éthique de la supervision", null),
            ResourceTestData.Published("e-minuscule", "enseigner en GMF-U", null));

        var titles = await ListAllAsync(first: 100, acceptLanguage: "fr");

        Assert.Equal(28, titles.Count);
        Assert.Equal(titles.OrderBy(SortKey, StringComparer.Ordinal).ToList(), titles);
        Assert.True(titles.IndexOf("Éthique de la supervision") < titles.IndexOf("Facturation à la RAMQ : les bases pour les nouveaux médecins"));
        Assert.Equal(titles.IndexOf("Éthique de la supervision") - 1, titles.IndexOf("enseigner en GMF-U"));
    }

    [Fact]
    public async Task Title_order_pages_through_every_resource_exactly_once()
    {
        var all = await ListAllAsync(first: 100, acceptLanguage: "en");
        var paged = await ListAllAsync(first: 7, acceptLanguage: "en");

        Assert.Equal(26, all.Count);
        Assert.Equal(all, paged);
    }

    [Fact]
    public async Task Ranked_search_pages_through_every_hit_exactly_once()
    {
        var whole = await Graph.QueryAsync(Search, new { s = "patients", first = 100 }, acceptLanguage: "en");
        var expected = whole.EnsureNoErrors().Data["resources"]!["nodes"]!.AsArray().Select(n => n!["slug"]!.GetValue<string>()).ToList();
        Assert.True(expected.Count >= 5, $"Only {expected.Count} hits.");

        var seen = new List<string>();
        string? after = null;
        var pages = 0;
        while (true)
        {
            var response = await Graph.QueryAsync(Search, new { s = "patients", first = 2, after }, acceptLanguage: "en");
            var connection = response.EnsureNoErrors().Data["resources"]!;
            Assert.Equal(expected.Count, connection["totalCount"]!.GetValue<int>());
            Assert.Equal(after is not null, connection["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
            seen.AddRange(connection["nodes"]!.AsArray().Select(n => n!["slug"]!.GetValue<string>()));
            Assert.All(connection["nodes"]!.AsArray(), n => Assert.Contains("<mark>", n!["snippet"]!.GetValue<string>(), StringComparison.Ordinal));
            pages++;
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                break;
            }

            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }

        Assert.Equal((expected.Count + 1) / 2, pages);
        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task A_cursor_only_works_for_the_ordering_that_made_it()
    {
        var listed = await Graph.QueryAsync(Search, new { first = 2 });
        var searched = await Graph.QueryAsync(Search, new { s = "patients", first = 2 });
        var titleCursor = listed.EnsureNoErrors().Data["resources"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var rankCursor = searched.EnsureNoErrors().Data["resources"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var rankWithTitleCursor = await Graph.QueryAsync(Search, new { s = "patients", after = titleCursor });
        var titleWithRankCursor = await Graph.QueryAsync(Search, new { after = rankCursor });
        var forged = await Graph.QueryAsync(Search, new { after = "bm9wZQ" });

        Assert.Equal("INVALID_CURSOR", rankWithTitleCursor.FirstErrorCode);
        Assert.Equal("INVALID_CURSOR", titleWithRankCursor.FirstErrorCode);
        Assert.Equal("INVALID_CURSOR", forged.FirstErrorCode);
    }

    [Fact]
    public async Task Drafts_and_archived_resources_are_never_shown()
    {
        var draft = await SearchAsync("brouillon");
        var draftEn = await SearchAsync("draft", acceptLanguage: "en");
        var archived = await SearchAsync("pandemie", acceptLanguage: "fr");
        var listed = await ListAllAsync(first: 100, acceptLanguage: "fr");

        Assert.Empty(draft);
        Assert.Empty(draftEn);
        Assert.Empty(archived);
        Assert.DoesNotContain(listed, t => t.Contains("brouillon", StringComparison.Ordinal) || t.Contains("pandémie", StringComparison.Ordinal));
        Assert.Equal(26, listed.Count);
    }

    [Fact]
    public async Task Search_combines_with_filters()
    {
        var response = await Graph.QueryAsync(
            "{ resources(search: \"examen\", topic: \"exam-preparation\", audience: MENTEE) { totalCount nodes { topics { code } audience } } }", acceptLanguage: "fr");

        var nodes = response.EnsureNoErrors().Data["resources"]!["nodes"]!.AsArray();
        Assert.Equal(2, nodes.Count);
        Assert.All(nodes, n => Assert.Contains("exam-preparation", n!["topics"]!.AsArray().Select(t => t!["code"]!.GetValue<string>())));
    }

    [Fact]
    public async Task A_blank_search_is_no_search()
    {
        var response = await Graph.QueryAsync(Search, new { s = "   ", first = 3 });

        var connection = response.EnsureNoErrors().Data["resources"]!;
        Assert.Equal(26, connection["totalCount"]!.GetValue<int>());
        Assert.All(connection["nodes"]!.AsArray(), n => Assert.Null(n!["snippet"]));
    }

    [Fact]
    public async Task A_search_of_only_stop_words_or_symbols_finds_nothing_without_failing()
    {
        var stopWords = await Graph.QueryAsync(Search, new { s = "the of and" }, acceptLanguage: "en");
        var symbols = await Graph.QueryAsync(Search, new { s = "\"\" -- & | ! ( ) : * '" });

        Assert.Equal(0, stopWords.EnsureNoErrors().Data["resources"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(0, symbols.EnsureNoErrors().Data["resources"]!["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bad_arguments_are_typed_errors()
    {
        var tooLong = await Graph.QueryAsync(Search, new { s = new string('a', 201) });
        var tooMany = await Graph.QueryAsync(Search, new { first = 101 });
        var negative = await Graph.QueryAsync(Search, new { first = -1 });
        var topic = await Graph.QueryAsync("{ resources(topic: \"cardiology\") { totalCount } }");

        Assert.Equal("BAD_USER_INPUT", tooLong.FirstErrorCode);
        Assert.Equal("LIMIT_EXCEEDED", tooMany.FirstErrorCode);
        Assert.Equal("LIMIT_EXCEEDED", negative.FirstErrorCode);
        Assert.Equal("BAD_USER_INPUT", topic.FirstErrorCode);
    }

    private async Task<List<string>> SearchAsync(string search, string? acceptLanguage = null)
    {
        var response = await Graph.QueryAsync(Search, new { s = search, first = 100 }, acceptLanguage: acceptLanguage);
        return response.EnsureNoErrors().Data["resources"]!.Titles();
    }

    private async Task<List<string>> ListAllAsync(int first, string acceptLanguage)
    {
        var titles = new List<string>();
        string? after = null;
        while (true)
        {
            var response = await Graph.QueryAsync(Search, new { first, after }, acceptLanguage: acceptLanguage);
            var connection = response.EnsureNoErrors().Data["resources"]!;
            titles.AddRange(connection.Titles());
            if (!connection["pageInfo"]!["hasNextPage"]!.GetValue<bool>())
            {
                return titles;
            }

            after = connection["pageInfo"]!["endCursor"]!.GetValue<string>();
        }
    }

    private static string SortKey(string title) =>
        Marks().Replace(title.Normalize(System.Text.NormalizationForm.FormD), "").ToLowerInvariant();

    [GeneratedRegex(@"\p{Mn}")]
    private static partial Regex Marks();
}
