using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Resources;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Resources;

/// <summary>What a resource shows: languages and their fallback, Markdown rendered safely, ids and filters.</summary>
public sealed class ResourceContentTests(ApiFactory factory) : ApiTest(factory)
{
    private const string ResourceById =
        "query($id: ID!) { resource(id: $id) { id slug kind title summary body bodyHtml url language isTranslationFallback snippet topics { code label } audience stage } }";

    [Fact]
    public async Task A_resource_is_served_in_the_request_language()
    {
        var fr = await ResourceAsync("premiere-rencontre", "fr-CA,en;q=0.5");
        var en = await ResourceAsync("premiere-rencontre", "en-CA,fr;q=0.5");

        Assert.Equal("Ordre du jour d'une première rencontre de mentorat", fr["title"]!.GetValue<string>());
        Assert.Equal("FR", fr["language"]!.GetValue<string>());
        Assert.False(fr["isTranslationFallback"]!.GetValue<bool>());
        Assert.Equal("Préparation aux examens", (await ResourceAsync("examen-cmfc", "fr"))["topics"]![0]!["label"]!.GetValue<string>());
        Assert.Equal("First mentoring meeting agenda", en["title"]!.GetValue<string>());
        Assert.Equal("EN", en["language"]!.GetValue<string>());
        Assert.StartsWith("The first meeting sets the tone", en["body"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("GUIDE", en["kind"]!.GetValue<string>());
        Assert.Equal("GETTING_STARTED", en["stage"]!.GetValue<string>());
        Assert.Equal(["MENTOR", "MENTEE"], en["audience"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Null(en["snippet"]);
    }

    [Fact]
    public async Task A_missing_language_falls_back_to_the_other_and_says_so()
    {
        var englishOnlyForFrench = await ResourceAsync("carms-match", "fr");
        var frenchOnlyForEnglish = await ResourceAsync("veille-sante-publique", "en");
        var englishOnlyForEnglish = await ResourceAsync("carms-match", "en");

        Assert.Equal("EN", englishOnlyForFrench["language"]!.GetValue<string>());
        Assert.True(englishOnlyForFrench["isTranslationFallback"]!.GetValue<bool>());
        Assert.Equal("Preparing for the CaRMS residency match", englishOnlyForFrench["title"]!.GetValue<string>());
        Assert.Equal("FR", frenchOnlyForEnglish["language"]!.GetValue<string>());
        Assert.True(frenchOnlyForEnglish["isTranslationFallback"]!.GetValue<bool>());
        Assert.Equal("https://www.inspq.qc.ca", frenchOnlyForEnglish["url"]!.GetValue<string>());
        Assert.False(englishOnlyForEnglish["isTranslationFallback"]!.GetValue<bool>());
    }

    [Fact]
    public async Task The_list_flags_fallbacks_and_the_language_filter_keeps_only_resources_written_in_it()
    {
        const string query = "query($l: Language) { resources(first: 100, language: $l) { totalCount nodes { slug language isTranslationFallback } } }";
        var preferred = await Graph.QueryAsync(query, acceptLanguage: "en");
        var onlyEnglish = await Graph.QueryAsync(query, new { l = "EN" }, acceptLanguage: "fr");
        var onlyFrench = await Graph.QueryAsync(query, new { l = "FR" }, acceptLanguage: "en");

        var all = preferred.EnsureNoErrors().Data["resources"]!["nodes"]!.AsArray();
        Assert.Equal(26, all.Count);
        Assert.Equal(["veille-sante-publique"], all.Where(n => n!["isTranslationFallback"]!.GetValue<bool>()).Select(n => n!["slug"]!.GetValue<string>()));
        var english = onlyEnglish.EnsureNoErrors().Data["resources"]!["nodes"]!.AsArray();
        Assert.Equal(25, english.Count);
        Assert.All(english, n => Assert.Equal("EN", n!["language"]!.GetValue<string>()));
        Assert.All(english, n => Assert.False(n!["isTranslationFallback"]!.GetValue<bool>()));
        var french = onlyFrench.EnsureNoErrors().Data["resources"]!["nodes"]!.AsArray();
        Assert.Equal(24, french.Count);
        Assert.DoesNotContain(french, n => n!["slug"]!.GetValue<string>() is "carms-match" or "recherche-en-premiere-ligne");
    }

    [Fact]
    public async Task Topic_and_audience_filter_the_list()
    {
        var byTopic = await Graph.QueryAsync("{ resources(topic: \"exam-preparation\") { totalCount nodes { slug topics { code } } } }");
        var byAudience = await Graph.QueryAsync("{ resources(audience: COORDINATOR) { totalCount nodes { slug audience } } }");
        var both = await Graph.QueryAsync("{ resources(topic: \"leadership\", audience: COORDINATOR) { nodes { slug } } }");

        var topicNodes = byTopic.EnsureNoErrors().Data["resources"]!["nodes"]!.AsArray();
        Assert.Equal(["examen-cmfc", "objectifs-smart", "plan-etude-examen"], topicNodes.Select(n => n!["slug"]!.GetValue<string>()).Order());
        var audienceNodes = byAudience.EnsureNoErrors().Data["resources"]!["nodes"]!.AsArray();
        Assert.Equal(4, audienceNodes.Count);
        Assert.All(audienceNodes, n => Assert.Contains("COORDINATOR", n!["audience"]!.AsArray().Select(a => a!.GetValue<string>())));
        Assert.Equal(["evaluation-de-programme", "lancement-de-cohorte"], both.EnsureNoErrors().Data["resources"]!["nodes"]!.Slugs().Order());
    }

    [Fact]
    public async Task Markdown_is_rendered_to_safe_html()
    {
        await Factory.AddAsync(ResourceTestData.Published("malicieux", "Guide piégé", "Booby-trapped guide",
            bodyFr: """
                ## Titre

                Du **gras** et un [lien sûr](https://exemple.qc.ca/guide) et <script>alert('x')</script>.

                <img src=x onerror="alert(1)">

                [clic](javascript:alert(1)) [majuscules](JaVaScRiPt:alert(2)) [entité](jav&#x61;script:alert(3))
                [tab](java	script:alert(4)) [data](data:text/html;base64,PHNjcmlwdD4=) ![image](javascript:alert(5))
                <javascript:alert(6)> <vbscript:msgbox(7)> [courriel](mailto:aide@exemple.qc.ca) [relatif](/guides/autre)

                - [ ] une tâche
                """));

        var html = (await ResourceAsync("malicieux", "fr"))["bodyHtml"]!.GetValue<string>();

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<strong>gras</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://exemple.qc.ca/guide\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"mailto:aide@exemple.qc.ca\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/guides/autre\"", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"jav", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"data:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"vbscript", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=\"javascript", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("clic", html, StringComparison.Ordinal);
        Assert.Contains("majuscules", html, StringComparison.Ordinal);
        Assert.Equal(3, html.Split("<a ").Length - 1);
    }

    [Fact]
    public async Task An_unsafe_url_is_not_served()
    {
        var resource = ResourceTestData.Published("lien-douteux", "Lien douteux", null);
        resource.Url = "javascript:alert(1)";
        await Factory.AddAsync(resource);

        Assert.Null((await ResourceAsync("lien-douteux", "fr"))["url"]);
    }

    [Fact]
    public async Task Resources_are_nodes_and_drafts_are_not_found_by_id()
    {
        await using var db = Factory.CreateDbContext();
        var draft = await db.Resources.SingleAsync(r => r.Status == ResourceStatus.Draft);
        var archived = await db.Resources.SingleAsync(r => r.Status == ResourceStatus.Archived);
        var published = await db.Resources.SingleAsync(r => r.Slug == "objectifs-smart");

        var response = await Graph.QueryAsync(
            """
            query($p: ID!, $d: ID!, $a: ID!) {
              node(id: $p) { __typename id ... on Resource { slug title } }
              resource(id: $p) { id }
              draft: resource(id: $d) { id }
              draftNode: node(id: $d) { id }
              archived: resource(id: $a) { id }
            }
            """,
            new { p = GlobalId.Encode("Resource", published.Id), d = GlobalId.Encode("Resource", draft.Id), a = GlobalId.Encode("Resource", archived.Id) },
            acceptLanguage: "en");
        var wrongType = await Graph.QueryAsync("query($id: ID!) { resource(id: $id) { id } }", new { id = GlobalId.Encode("Member", published.Id) });

        var data = response.EnsureNoErrors().Data;
        Assert.Equal("Resource", data["node"]!["__typename"]!.GetValue<string>());
        Assert.Equal("Setting SMART goals", data["node"]!["title"]!.GetValue<string>());
        Assert.Equal(data["node"]!["id"]!.GetValue<string>(), data["resource"]!["id"]!.GetValue<string>());
        Assert.Null(data["draft"]);
        Assert.Null(data["draftNode"]);
        Assert.Null(data["archived"]);
        Assert.Equal("INVALID_ID", wrongType.FirstErrorCode);
    }

    private async Task<System.Text.Json.Nodes.JsonNode> ResourceAsync(string slug, string acceptLanguage)
    {
        Guid id;
        await using (var db = Factory.CreateDbContext())
        {
            id = await db.Resources.Where(r => r.Slug == slug).Select(r => r.Id).SingleAsync();
        }

        var response = await Graph.QueryAsync(ResourceById, new { id = GlobalId.Encode("Resource", id) }, acceptLanguage: acceptLanguage);
        return response.EnsureNoErrors().Data["resource"]!;
    }
}
