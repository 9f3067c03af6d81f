using System.Text.Json.Nodes;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Resources;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Resources;

/// <summary>The write side of the library: coordinators' mutations, statuses, validation, slugs and concurrency.</summary>
public sealed class ResourceEditingTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Fields = "resource { id slug status version kind title language summary body url topics { code } audience stage } errors { code field message }";
    private const string Create = $"mutation($i: CreateResourceInput!) {{ createResource(input: $i) {{ {Fields} }} }}";
    private const string Update = $"mutation($i: UpdateResourceInput!) {{ updateResource(input: $i) {{ {Fields} }} }}";
    private const string Publish = $"mutation($id: ID!) {{ publishResource(resourceId: $id) {{ {Fields} }} }}";
    private const string Archive = $"mutation($id: ID!) {{ archiveResource(resourceId: $id) {{ {Fields} }} }}";
    private const string ById = "query($id: ID!) { resource(id: $id) { slug status title } node(id: $id) { id } }";
    private const string Search = "query($s: String) { resources(search: $s) { totalCount nodes { slug title language } } }";
    private const string Library = "query($status: ResourceStatus, $first: Int, $after: String) { libraryResources(status: $status, first: $first, after: $after) { totalCount nodes { slug status } pageInfo { hasNextPage endCursor } } }";

    /// <summary>A guide with words no demo resource uses: "échassier" in French, "snowshoeing" in English.</summary>
    private static readonly object Guide = new
    {
        kind = "GUIDE",
        titleFr = "L'échassier et la garde de nuit",
        titleEn = "Snowshoeing after a night shift",
        summaryFr = "Récupérer après une garde.",
        bodyFr = "Comme l'échassier, le résident apprend à tenir debout longtemps.",
        bodyEn = "Snowshoeing in the morning helps residents recover after a night on call.",
        topics = new[] { "wellness" },
        audience = new[] { "MENTEE", "MENTOR" },
        stage = "DURING",
    };

    [Fact]
    public async Task A_draft_is_hidden_until_published_then_found_in_both_languages_edited_and_archived()
    {
        var coordinator = await SignInAsync(DemoPeople.StructuredCoordinator);
        var member = await SignInAsync(DemoPeople.Sarah);

        var created = (await coordinator.QueryAsync(Create, new { i = Guide })).Ok("createResource")["resource"]!;
        var id = created["id"]!.GetValue<string>();
        Assert.Equal("DRAFT", created["status"]!.GetValue<string>());
        Assert.Equal(1, created["version"]!.GetValue<int>());
        Assert.Equal("l-echassier-et-la-garde-de-nuit", created["slug"]!.GetValue<string>());

        // A draft: members, anonymous readers and search do not see it; coordinators do.
        await AssertHiddenAsync(member, id);
        await AssertHiddenAsync(Graph, id);
        Assert.Equal(0, await CountAsync(member, "echassier"));
        Assert.Equal("DRAFT", (await coordinator.QueryAsync(ById, new { id })).EnsureNoErrors().Data["resource"]!["status"]!.GetValue<string>());
        Assert.Contains(created["slug"]!.GetValue<string>(), await LibrarySlugsAsync(coordinator, "DRAFT"));

        var published = (await coordinator.QueryAsync(Publish, new { id })).Ok("publishResource")["resource"]!;
        Assert.Equal("PUBLISHED", published["status"]!.GetValue<string>());
        Assert.Equal(2, published["version"]!.GetValue<int>());

        // Published: found in French with and without accents, and in English (stemmed).
        Assert.Equal(["L'échassier et la garde de nuit"], await TitlesAsync(member, "echassier", "fr"));
        Assert.Equal(["L'échassier et la garde de nuit"], await TitlesAsync(member, "échassier", "fr"));
        Assert.Equal(["Snowshoeing after a night shift"], await TitlesAsync(member, "snowshoe", "en"));
        Assert.Equal(["Snowshoeing after a night shift"], await TitlesAsync(Graph, "SNOWSHOEING", "en"));
        Assert.NotNull((await member.QueryAsync(ById, new { id })).EnsureNoErrors().Data["resource"]);

        // Another coordinator edits one field; the rest, and the slug, stay.
        var jumo = await SignInAsync(DemoPeople.JumoCoordinator);
        var edited = (await jumo.QueryAsync(Update, new { i = new { resourceId = id, titleFr = "Le héron et les gardes de nuit", expectedVersion = 2 } }, acceptLanguage: "fr"))
            .Ok("updateResource")["resource"]!;
        Assert.Equal("Le héron et les gardes de nuit", edited["title"]!.GetValue<string>());
        Assert.Equal("Récupérer après une garde.", edited["summary"]!.GetValue<string>());
        Assert.Equal("l-echassier-et-la-garde-de-nuit", edited["slug"]!.GetValue<string>());
        Assert.Equal("PUBLISHED", edited["status"]!.GetValue<string>());
        Assert.Equal(3, edited["version"]!.GetValue<int>());
        Assert.Equal(["Le héron et les gardes de nuit"], await TitlesAsync(member, "heron", "fr"));

        var archived = (await jumo.QueryAsync(Archive, new { id })).Ok("archiveResource")["resource"]!;
        Assert.Equal("ARCHIVED", archived["status"]!.GetValue<string>());
        Assert.Equal(0, await CountAsync(member, "heron"));
        Assert.Equal(0, await CountAsync(member, "snowshoe"));
        await AssertHiddenAsync(member, id);
        Assert.Equal("ARCHIVED", (await coordinator.QueryAsync(ById, new { id })).EnsureNoErrors().Data["resource"]!["status"]!.GetValue<string>());

        // Published again, it is back.
        (await coordinator.QueryAsync(Publish, new { id })).Ok("publishResource");
        Assert.Equal(1, await CountAsync(member, "snowshoe"));
    }

    public static TheoryData<string, string, string> Forbidden() => new()
    {
        { "member", DemoPeople.Sarah, "FORBIDDEN" },
        { "mentor", DemoPeople.Margaret, "FORBIDDEN" },
        { "anonymous", "", "UNAUTHENTICATED" },
    };

    [Theory]
    [MemberData(nameof(Forbidden))]
    public async Task Only_coordinators_and_admins_edit_the_library(string who, string email, string code)
    {
        _ = who;
        var client = email.Length == 0 ? Graph : await SignInAsync(email);
        var draftId = await IdAsync("facturation-soins-virtuels-brouillon");
        var before = await SnapshotAsync();

        Assert.Equal(code, (await client.QueryAsync(Create, new { i = Guide })).FirstErrorCode);
        Assert.Equal(code, (await client.QueryAsync(Update, new { i = new { resourceId = draftId, titleFr = "Pris" } })).FirstErrorCode);
        Assert.Equal(code, (await client.QueryAsync(Publish, new { id = draftId })).FirstErrorCode);
        Assert.Equal(code, (await client.QueryAsync(Archive, new { id = draftId })).FirstErrorCode);
        Assert.Equal(code, (await client.QueryAsync(Library)).FirstErrorCode);
        Assert.Equal(before, await SnapshotAsync());
        await AssertHiddenAsync(client, draftId);
    }

    [Theory]
    [InlineData(DemoPeople.StructuredCoordinator)]
    [InlineData(DemoPeople.JumoCoordinator)]
    [InlineData(DemoPeople.Admin)]
    public async Task Coordinators_of_any_program_and_admins_edit_the_library(string email)
    {
        var client = await SignInAsync(email);
        var draftId = await IdAsync("facturation-soins-virtuels-brouillon");

        var created = (await client.QueryAsync(Create, new { i = Guide })).Ok("createResource")["resource"]!;
        (await client.QueryAsync(Update, new { i = new { resourceId = created["id"]!.GetValue<string>(), titleEn = "Edited" } })).Ok("updateResource");
        (await client.QueryAsync(Publish, new { id = draftId })).Ok("publishResource");
        (await client.QueryAsync(Archive, new { id = draftId })).Ok("archiveResource");

        var library = await LibrarySlugsAsync(client, null);
        Assert.Contains("facturation-soins-virtuels-brouillon", library);
        Assert.Contains("telesante-pandemie-2020", library);
        Assert.Contains(created["slug"]!.GetValue<string>(), library);
    }

    [Fact]
    public async Task Every_invalid_field_is_reported_at_once_and_nothing_is_stored()
    {
        var coordinator = await SignInAsync(DemoPeople.StructuredCoordinator);
        var before = await SnapshotAsync();

        var response = await coordinator.QueryAsync(Create, new
        {
            i = new
            {
                kind = "ARTICLE",
                titleFr = new string('t', Resource.TitleMaxLength + 1),
                summaryFr = new string('s', Resource.SummaryMaxLength + 1),
                bodyFr = new string('b', Resource.BodyMaxLength + 1),
                bodyEn = "English text without an English title.",
                url = "ftp://example.org/guide.pdf",
                topics = new[] { "wellness", "cardiology" },
            },
        });

        var errors = Errors(response, "createResource");
        Assert.Equal(
            ["BODY_TOO_LONG bodyFr", "INVALID_URL url", "SUMMARY_TOO_LONG summaryFr", "TITLE_REQUIRED titleEn", "TITLE_TOO_LONG titleFr", "UNKNOWN_TOPIC topics"],
            errors.Select(e => $"{e.Code} {e.Field}").Order(StringComparer.Ordinal));
        Assert.Contains("cardiology", errors.Single(e => e.Code == "UNKNOWN_TOPIC").Message, StringComparison.Ordinal);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Theory]
    [InlineData("GUIDE", null, null, null, "TITLE_REQUIRED")]
    [InlineData("GUIDE", "   ", "", null, "TITLE_REQUIRED")]
    [InlineData("LINK", "Un lien", null, null, "URL_REQUIRED")]
    [InlineData("LINK", "Un lien", null, "  ", "URL_REQUIRED")]
    [InlineData("GUIDE", "Relatif", null, "/guides/sommeil", "INVALID_URL")]
    [InlineData("GUIDE", "Script", null, "javascript:alert(1)", "INVALID_URL")]
    [InlineData("GUIDE", "Sans hôte", null, "https://", "INVALID_URL")]
    [InlineData("LINK", "Fichier", null, "file:///etc/passwd", "INVALID_URL")]
    public async Task A_resource_needs_a_title_and_links_an_absolute_web_address(string kind, string? titleFr, string? titleEn, string? url, string code)
    {
        var coordinator = await SignInAsync(DemoPeople.JumoCoordinator);
        var before = await SnapshotAsync();

        var response = await coordinator.QueryAsync(Create, new { i = new { kind, titleFr, titleEn, url } });

        Assert.Equal([code], response.Refused("createResource"));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_url_longer_than_its_column_is_refused_and_one_that_fits_is_kept()
    {
        var coordinator = await SignInAsync(DemoPeople.JumoCoordinator);
        var tooLong = "https://example.org/" + new string('a', Resource.UrlMaxLength);

        var refused = await coordinator.QueryAsync(Create, new { i = new { kind = "LINK", titleEn = "Long", url = tooLong } });
        var created = await coordinator.QueryAsync(Create, new { i = new { kind = "LINK", titleEn = "Ministry", url = " https://www.msss.gouv.qc.ca/ " } }, acceptLanguage: "en");

        Assert.Equal(["URL_TOO_LONG"], refused.Refused("createResource"));
        var resource = created.Ok("createResource")["resource"]!;
        Assert.Equal("https://www.msss.gouv.qc.ca/", resource["url"]!.GetValue<string>());
        Assert.Equal("ministry", resource["slug"]!.GetValue<string>());
        Assert.Equal("EN", resource["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task Publishing_needs_a_body_or_a_url_and_a_status_is_not_set_twice()
    {
        var coordinator = await SignInAsync(DemoPeople.StructuredCoordinator);
        var empty = (await coordinator.QueryAsync(Create, new { i = new { kind = "CHECKLIST", titleFr = "Liste à remplir", summaryFr = "Bientôt." } }))
            .Ok("createResource")["resource"]!["id"]!.GetValue<string>();
        var published = await IdAsync("examen-cmfc");

        Assert.Equal(["NOTHING_TO_PUBLISH"], (await coordinator.QueryAsync(Publish, new { id = empty })).Refused("publishResource"));
        Assert.Equal(["ALREADY_PUBLISHED"], (await coordinator.QueryAsync(Publish, new { id = published })).Refused("publishResource"));
        (await coordinator.QueryAsync(Archive, new { id = published })).Ok("archiveResource");
        Assert.Equal(["ALREADY_ARCHIVED"], (await coordinator.QueryAsync(Archive, new { id = published })).Refused("archiveResource"));

        // A published resource may not lose all it has to read.
        var other = await IdAsync("plan-etude-examen");
        var before = await SnapshotAsync();
        Assert.Equal(["NOTHING_TO_PUBLISH"], (await coordinator.QueryAsync(Update, new { i = new { resourceId = other, bodyFr = (string?)null, bodyEn = "" } })).Refused("updateResource"));
        Assert.Equal(before, await SnapshotAsync());

        // A draft may be archived (abandoned) and, once it has a body, published.
        (await coordinator.QueryAsync(Archive, new { id = empty })).Ok("archiveResource");
        (await coordinator.QueryAsync(Update, new { i = new { resourceId = empty, bodyFr = "- [ ] Une case" } })).Ok("updateResource");
        Assert.Equal("PUBLISHED", (await coordinator.QueryAsync(Publish, new { id = empty })).Ok("publishResource")["resource"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_update_changes_only_the_fields_given_and_null_or_blank_clears()
    {
        var coordinator = await SignInAsync(DemoPeople.JumoCoordinator);
        var id = (await coordinator.QueryAsync(Create, new { i = Guide })).Ok("createResource")["resource"]!["id"]!.GetValue<string>();

        // Left out: unchanged. Null or "": cleared. Lists: replaced, null clears.
        var response = await coordinator.QueryAsync(
            """
            mutation($id: ID!) {
              updateResource(input: { resourceId: $id, summaryFr: null, bodyEn: "", topics: ["research", "research", "leadership"], audience: null, stage: null, kind: ARTICLE }) {
                resource { kind title summary topics { code } audience stage text(language: EN) { title body } }
                errors { code }
              }
            }
            """,
            new { id },
            acceptLanguage: "fr");

        var resource = response.Ok("updateResource")["resource"]!;
        Assert.Equal("ARTICLE", resource["kind"]!.GetValue<string>());
        Assert.Equal("L'échassier et la garde de nuit", resource["title"]!.GetValue<string>());
        Assert.Null(resource["summary"]);
        Assert.Equal(["research", "leadership"], resource["topics"]!.AsArray().Select(t => t!["code"]!.GetValue<string>()));
        Assert.Empty(resource["audience"]!.AsArray());
        Assert.Null(resource["stage"]);
        Assert.Equal("Snowshoeing after a night shift", resource["text"]!["title"]!.GetValue<string>());
        Assert.Null(resource["text"]!["body"]);

        var stored = await Factory.WithDbAsync(db => db.Resources.SingleAsync(r => r.Slug == "l-echassier-et-la-garde-de-nuit"));
        Assert.Equal("Comme l'échassier, le résident apprend à tenir debout longtemps.", stored.BodyFr);
        Assert.Null(stored.SummaryFr);
        Assert.Null(stored.BodyEn);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Slugs_come_from_the_first_title_get_a_number_when_taken_and_never_change()
    {
        var coordinator = await SignInAsync(DemoPeople.StructuredCoordinator);

        async Task<JsonNode> CreateAsync(string? fr, string? en) =>
            (await coordinator.QueryAsync(Create, new { i = new { kind = "GUIDE", titleFr = fr, titleEn = en } })).Ok("createResource")["resource"]!;

        var first = await CreateAsync("Éthique & soins : l'œuvre du médecin!", "Ethics");
        var second = await CreateAsync("ÉTHIQUE, SOINS — L'ŒUVRE DU MÉDECIN", null);
        var third = await CreateAsync("Ethique soins l oeuvre du medecin", null);
        var english = await CreateAsync(null, "Première rencontre? First meeting");
        var demoTitle = await CreateAsync("Premiere rencontre", null);

        Assert.Equal("ethique-soins-l-oeuvre-du-medecin", first["slug"]!.GetValue<string>());
        Assert.Equal("ethique-soins-l-oeuvre-du-medecin-2", second["slug"]!.GetValue<string>());
        Assert.Equal("ethique-soins-l-oeuvre-du-medecin-3", third["slug"]!.GetValue<string>());
        Assert.Equal("premiere-rencontre-first-meeting", english["slug"]!.GetValue<string>());

        // The demo library already has "premiere-rencontre".
        Assert.Equal("premiere-rencontre-2", demoTitle["slug"]!.GetValue<string>());

        var renamed = (await coordinator.QueryAsync(Update, new { i = new { resourceId = first["id"]!.GetValue<string>(), titleFr = "Tout autre chose" } }))
            .Ok("updateResource")["resource"]!;
        Assert.Equal("ethique-soins-l-oeuvre-du-medecin", renamed["slug"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_edit_made_on_an_older_version_is_refused_and_stores_nothing()
    {
        var structured = await SignInAsync(DemoPeople.StructuredCoordinator);
        var jumo = await SignInAsync(DemoPeople.JumoCoordinator);
        var id = await IdAsync("examen-cmfc");
        var version = await Factory.WithDbAsync(db => db.Resources.Where(r => r.Slug == "examen-cmfc").Select(r => r.Version).SingleAsync());

        (await structured.QueryAsync(Update, new { i = new { resourceId = id, titleFr = "Première version", expectedVersion = version } })).Ok("updateResource");
        var stale = await jumo.QueryAsync(Update, new { i = new { resourceId = id, titleFr = "Seconde version", expectedVersion = version } });

        Assert.Equal(["VERSION_CONFLICT"], stale.Refused("updateResource"));
        var stored = await Factory.WithDbAsync(db => db.Resources.SingleAsync(r => r.Slug == "examen-cmfc"));
        Assert.Equal("Première version", stored.TitleFr);
        Assert.Equal(version + 1, stored.Version);
    }

    [Fact]
    public async Task Simultaneous_edits_of_different_fields_are_both_kept()
    {
        var structured = await SignInAsync(DemoPeople.StructuredCoordinator);
        var jumo = await SignInAsync(DemoPeople.JumoCoordinator);
        var id = await IdAsync("examen-cmfc");
        var version = await Factory.WithDbAsync(db => db.Resources.Where(r => r.Slug == "examen-cmfc").Select(r => r.Version).SingleAsync());

        for (var round = 0; round < 5; round++)
        {
            var responses = await Task.WhenAll(
                structured.QueryAsync(Update, new { i = new { resourceId = id, summaryFr = $"Résumé {round}" } }),
                jumo.QueryAsync(Update, new { i = new { resourceId = id, summaryEn = $"Summary {round}" } }));
            Assert.All(responses, r => r.Ok("updateResource"));
        }

        var stored = await Factory.WithDbAsync(db => db.Resources.SingleAsync(r => r.Slug == "examen-cmfc"));
        Assert.Equal("Résumé 4", stored.SummaryFr);
        Assert.Equal("Summary 4", stored.SummaryEn);
        Assert.Equal(version + 10, stored.Version);
    }

    [Fact]
    public async Task Unknown_resources_are_a_typed_error_and_the_library_pages_by_slug()
    {
        var coordinator = await SignInAsync(DemoPeople.Admin);
        var unknown = GlobalId.Encode("Resource", Guid.NewGuid());

        Assert.Equal(["RESOURCE_NOT_FOUND"], (await coordinator.QueryAsync(Publish, new { id = unknown })).Refused("publishResource"));
        Assert.Equal(["RESOURCE_NOT_FOUND"], (await coordinator.QueryAsync(Update, new { i = new { resourceId = unknown, titleFr = "x" } })).Refused("updateResource"));
        Assert.Equal("INVALID_ID", (await coordinator.QueryAsync(Archive, new { id = GlobalId.Encode("Goal", Guid.NewGuid()) })).FirstErrorCode);

        var slugs = new List<string>();
        string? after = null;
        do
        {
            var page = (await coordinator.QueryAsync(Library, new { first = 7, after })).EnsureNoErrors().Data["libraryResources"]!;
            slugs.AddRange(page["nodes"]!.AsArray().Select(n => n!["slug"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        var all = await Factory.WithDbAsync(db => db.Resources.OrderBy(r => r.Slug).Select(r => r.Slug).ToListAsync());
        Assert.Equal(all, slugs);
        Assert.Equal(["telesante-pandemie-2020"], await LibrarySlugsAsync(coordinator, "ARCHIVED"));
    }

    private static async Task AssertHiddenAsync(GraphQLClient client, string id)
    {
        var data = (await client.QueryAsync(ById, new { id })).EnsureNoErrors().Data;
        Assert.Null(data["resource"]);
        Assert.Null(data["node"]);
    }

    private static async Task<int> CountAsync(GraphQLClient client, string search) =>
        (await client.QueryAsync(Search, new { s = search })).EnsureNoErrors().Data["resources"]!["totalCount"]!.GetValue<int>();

    private static async Task<List<string>> TitlesAsync(GraphQLClient client, string search, string language) =>
        (await client.QueryAsync(Search, new { s = search }, acceptLanguage: language)).EnsureNoErrors().Data["resources"]!.Titles();

    private static async Task<List<string>> LibrarySlugsAsync(GraphQLClient client, string? status) =>
        [.. (await client.QueryAsync(Library, new { status, first = 100 })).EnsureNoErrors().Data["libraryResources"]!["nodes"]!.AsArray()
            .Select(n => n!["slug"]!.GetValue<string>())];

    private static List<(string Code, string? Field, string Message)> Errors(GraphQLResponse response, string field)
    {
        response.Refused(field);
        return [.. response.Data[field]!["errors"]!.AsArray().Select(e => (e!["code"]!.GetValue<string>(), e["field"]?.GetValue<string>(), e["message"]!.GetValue<string>()))];
    }

    private Task<string> IdAsync(string slug) =>
        Factory.WithDbAsync(async db => GlobalId.Encode("Resource", (await db.Resources.SingleAsync(r => r.Slug == slug)).Id));

    /// <summary>Every resource as stored, to show that a refused mutation changed nothing.</summary>
    private Task<string> SnapshotAsync() => Factory.WithDbAsync(async db =>
        string.Join('\n', (await db.Resources.AsNoTracking().OrderBy(r => r.Slug).ToListAsync())
            .Select(r => $"{r.Slug}|{r.Status}|{r.Version}|{r.Kind}|{r.TitleFr}|{r.TitleEn}|{r.SummaryFr}|{r.SummaryEn}|{r.BodyFr?.Length}|{r.BodyEn?.Length}|{r.Url}|{string.Join(',', r.Topics)}|{string.Join(',', r.Audience)}|{r.Stage}|{r.UpdatedAt:O}")));
}
