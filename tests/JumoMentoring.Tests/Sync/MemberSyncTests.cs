using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Webhooks;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static JumoMentoring.Tests.Sync.SyncRows;

namespace JumoMentoring.Tests.Sync;

public sealed class MemberSyncTests(ApiFactory factory) : ApiTest(factory)
{
    private Task<GraphQLClient> MemberSystemAsync() => Factory.SignInAsync(client: "member-system");

    private static JsonNode Result(GraphQLResponse response)
    {
        var payload = response.EnsureNoErrors().Data["syncMembers"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["result"]!;
    }

    private static int Count(JsonNode result, string name) => result[name]!.GetValue<int>();

    [Fact]
    public async Task A_delta_sync_creates_and_updates_by_member_number_and_is_idempotent()
    {
        var client = await MemberSystemAsync();
        object[] rows =
        [
            Row("40001", "  Marie-Ève ", " Lavallée  ", "  Marie-Eve.Lavallee@Exemple.QC.ca ", "FR", "medical-student", "6", spoken: ["fr", "EN"]),
            Row("10001", "Hélène", "Tremblay-Roy", "helene.tremblayroy@exemple.qc.ca", "fr", "experienced", "02", spoken: ["fr", "en"], settings: ["gmf", "obstetrics"]),
        ];

        var first = Result(await client.QueryAsync(SyncMembers, new { input = new { members = rows } }));
        var again = Result(await client.QueryAsync(SyncMembers, new { input = new { mode = "DELTA", members = rows } }));

        Assert.Equal("DELTA", first["mode"]!.GetValue<string>());
        Assert.Null(first["sync"]);
        Assert.Equal((2, 1, 1, 0, 0), (Count(first, "received"), Count(first, "created"), Count(first, "updated"), Count(first, "unchanged"), Count(first, "rejected")));
        Assert.Equal((0, 0, 2), (Count(again, "created"), Count(again, "updated"), Count(again, "unchanged")));

        await using var db = Factory.CreateDbContext();
        var created = await db.Members.SingleAsync(m => m.MemberNumber == "40001");
        Assert.Equal(("Marie-Ève", "Lavallée", "marie-eve.lavallee@exemple.qc.ca"), (created.FirstName, created.LastName, created.Email));
        Assert.Equal(("medical-student", "06", MemberStatus.Active), (created.CareerStage, created.Region, created.Status));
        Assert.Equal(["fr", "en"], created.LanguagesSpoken);
        Assert.Empty(created.Topics);
        var helene = await db.Members.SingleAsync(m => m.MemberNumber == "10001");
        Assert.Equal(("Tremblay-Roy", "helene.tremblayroy@exemple.qc.ca"), (helene.LastName, helene.Email));

        // Still the same person: her enrolments and matches are hers.
        Assert.Equal(2, await db.Enrolments.CountAsync(e => e.MemberId == helene.Id));
        Assert.Equal(DemoPeople.MemberCount + 1, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Bad_rows_are_reported_one_by_one_and_the_valid_rows_are_applied()
    {
        var client = await MemberSystemAsync();
        object[] rows =
        [
            Row("40001", "Anne", "Valide", "anne.valide@exemple.qc.ca"),
            Row("40002", "Bad", "Email", "bad email@exemple"),
            Row("40003", "Unknown", "Language", "u.l@exemple.qc.ca", language: "de"),
            Row("40004", "Unknown", "Region", "u.r@exemple.qc.ca", region: "99"),
            Row("40005", "Unknown", "Stage", "u.s@exemple.qc.ca", stage: "astronaut", settings: ["gmf", "spaceship"]),
            Row("4 0 0 6", " ", "Number", "n@exemple.qc.ca"),
            Row("40001", "Anne", "Twice", "anne.twice@exemple.qc.ca"),
            Row("40008", "Taken", "Email", "HELENE.TREMBLAY@exemple.qc.ca"),
            Row("40009", "Label", "Values", "label.values@exemple.qc.ca", language: "fr-CA", stage: "Résident·e en médecine familiale", region: "Montreal", spoken: ["Français", "english"]),
        ];

        var result = Result(await client.QueryAsync(SyncMembers, new { input = new { members = rows } }, acceptLanguage: "en"));

        Assert.Equal((9, 2, 7), (Count(result, "received"), Count(result, "created"), Count(result, "rejected")));
        var errors = result["rowErrors"]!.AsArray().Select(e => (e!["index"]!.GetValue<int>(), e["code"]!.GetValue<string>(), e["field"]!.GetValue<string>())).ToList();
        Assert.Equal(
            [
                (1, "INVALID_EMAIL", "email"), (2, "INVALID_LANGUAGE", "preferredLanguage"), (3, "INVALID_REGION", "region"),
                (4, "INVALID_CAREER_STAGE", "careerStage"), (4, "INVALID_PRACTICE_SETTING", "practiceSettings"),
                (5, "INVALID_MEMBER_NUMBER", "memberNumber"), (5, "INVALID_NAME", "firstName"),
                (6, "DUPLICATE_MEMBER_NUMBER", "memberNumber"), (7, "EMAIL_TAKEN", "email"),
            ],
            errors);
        Assert.Contains("spaceship", result["rowErrors"]![4]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("Unknown practice setting", result["rowErrors"]![4]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        await using var db = Factory.CreateDbContext();
        var labelled = await db.Members.SingleAsync(m => m.MemberNumber == "40009");
        Assert.Equal(("resident", "06"), (labelled.CareerStage, labelled.Region));
        Assert.Equal(["fr", "en"], labelled.LanguagesSpoken);
        Assert.Equal("Valide", (await db.Members.SingleAsync(m => m.MemberNumber == "40001")).LastName);
    }

    [Fact]
    public async Task Topics_and_bio_are_never_touched_and_a_members_own_edit_stands_until_the_member_system_changes()
    {
        var client = await MemberSystemAsync();
        Dictionary<string, object?> Helene(string region, string stage = "experienced") =>
            Row("10001", "Hélène", "Tremblay", "helene.tremblay@exemple.qc.ca", "fr", stage, region, spoken: ["fr", "en"], settings: ["gmf", "obstetrics"]);

        // The first sync says what she already has: nothing changes.
        Assert.Equal(1, Count(Result(await client.QueryAsync(SyncMembers, new { input = new { members = new[] { Helene("02") } } })), "unchanged"));

        // She moves her practice to Québec city herself; the member system still says 02.
        var helene = await SignInAsync(DemoPeople.Helene);
        (await helene.QueryAsync("mutation { updateMyProfile(input: { region: \"03\" }) { errors { code } } }")).EnsureNoErrors();
        Assert.Equal(1, Count(Result(await client.QueryAsync(SyncMembers, new { input = new { members = new[] { Helene("02") } } })), "unchanged"));
        Assert.Equal("03", await RegionAsync());

        // The member system's record changes (to Mauricie) and her stage with it: both apply.
        var changed = Result(await client.QueryAsync(SyncMembers, new { input = new { members = new[] { Helene("04", "retired") } } }));
        Assert.Equal(1, Count(changed, "updated"));
        await using var db = Factory.CreateDbContext();
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.MemberNumber == "10001");
        Assert.Equal(("04", "retired"), (member.Region, member.CareerStage));
        Assert.Equal(["transition-to-practice", "parenthood", "wellness"], member.Topics);
        Assert.StartsWith("Médecin de famille à Chicoutimi", member.Bio, StringComparison.Ordinal);

        async Task<string> RegionAsync()
        {
            await using var regionDb = Factory.CreateDbContext();
            return await regionDb.Members.Where(m => m.MemberNumber == "10001").Select(m => m.Region).SingleAsync();
        }
    }

    [Fact]
    public async Task An_inactive_member_is_deactivated_not_deleted_cannot_sign_in_and_comes_back_when_active_again()
    {
        var client = await MemberSystemAsync();
        var sarahToken = await SignInAsync(DemoPeople.Sarah);
        await using var before = Factory.CreateDbContext();
        var sarah = await before.Members.AsNoTracking().SingleAsync(m => m.Email == DemoPeople.Sarah);
        var matches = await before.Matches.CountAsync(m => m.MenteeId == sarah.Id);
        var goals = await before.Goals.CountAsync(g => g.Match!.MenteeId == sarah.Id);
        Assert.True(matches > 0 && goals > 0);
        var row = From(sarah);

        row["active"] = false;
        var deactivated = Result(await client.QueryAsync(SyncMembers, new { input = new { members = new[] { row } } }));
        var again = Result(await client.QueryAsync(SyncMembers, new { input = new { members = new[] { row } } }));

        Assert.Equal((1, 1), (Count(deactivated, "deactivated"), Count(again, "unchanged")));
        await using (var db = Factory.CreateDbContext())
        {
            Assert.Equal(MemberStatus.Deactivated, (await db.Members.SingleAsync(m => m.Id == sarah.Id)).Status);
            Assert.Equal(matches, await db.Matches.CountAsync(m => m.MenteeId == sarah.Id));
            Assert.Equal(goals, await db.Goals.CountAsync(g => g.Match!.MenteeId == sarah.Id));
            var outbox = await db.OutboxEvents.SingleAsync();
            Assert.Equal(WebhookEventTypes.MemberDeactivated, outbox.Type);
            Assert.Contains("\"memberNumber\": \"20002\"", outbox.Data, StringComparison.Ordinal);
            Assert.Contains("\"reason\": \"marked-inactive\"", outbox.Data, StringComparison.Ordinal);
        }

        // Sign-in is refused, even with a token issued before.
        Assert.Equal("UNAUTHENTICATED", (await sarahToken.QueryAsync("{ me { displayName } }")).FirstErrorCode);
        var token = await Graph.Http.PostAsJsonAsync("/auth/dev-token", new { email = DemoPeople.Sarah });
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);

        row["active"] = true;
        var back = Result(await client.QueryAsync(SyncMembers, new { input = new { members = new[] { row } } }));
        Assert.Equal(1, Count(back, "reactivated"));
        var me = await (await SignInAsync(DemoPeople.Sarah)).QueryAsync("{ me { status matches { status } } }");
        Assert.Equal("ACTIVE", me.EnsureNoErrors().Data["me"]!["status"]!.GetValue<string>());
        Assert.Equal(matches, me.Data["me"]!["matches"]!.AsArray().Count);
    }

    [Fact]
    public async Task A_full_run_in_batches_deactivates_exactly_the_members_it_did_not_list()
    {
        var client = await MemberSystemAsync();
        await using var db = Factory.CreateDbContext();
        var rows = await FromDatabaseAsync(db);
        var staff = await db.RoleAssignments.Select(r => r.MemberId).Distinct().CountAsync();

        // Liam left the college; the staff are not in the member system's export; Zoé's row has a typo.
        rows.RemoveAll(r => (string)r["memberNumber"]! is "30010" or "90001" or "90002" or "90003");
        rows.Single(r => (string)r["memberNumber"]! == "30009")["email"] = "zoe.simard@@exemple.qc.ca";
        rows.Add(Row("40001", "Nouvelle", "Membre", "nouvelle.membre@exemple.qc.ca"));

        var start = await client.QueryAsync("mutation { startMemberSync { sync { id status } errors { code } } }");
        var syncId = start.EnsureNoErrors().Data["startMemberSync"]!["sync"]!["id"]!.GetValue<string>();
        var first = Result(await client.QueryAsync(SyncMembers, new { input = new { mode = "FULL", syncId, members = rows.Take(20) } }));
        var second = Result(await client.QueryAsync(SyncMembers, new { input = new { mode = "FULL", syncId, members = rows.Skip(20) } }));
        Assert.Equal(0, await db.Members.CountAsync(m => m.Status == MemberStatus.Deactivated));

        var complete = await client.QueryAsync("mutation($id: ID!) { completeMemberSync(syncId: $id) { sync { status received created unchanged deactivated rejected completedAt } errors { code } } }", new { id = syncId });

        Assert.Equal(("OPEN", 20, 20), (first["sync"]!["status"]!.GetValue<string>(), Count(first, "received"), Count(first, "unchanged")));
        Assert.Equal((1, 1), (Count(second, "created"), Count(second, "rejected")));
        var run = complete.EnsureNoErrors().Data["completeMemberSync"]!["sync"]!;
        Assert.Equal("COMPLETED", run["status"]!.GetValue<string>());
        Assert.Equal((rows.Count, 1, rows.Count - 2, 1, 1), (Count(run, "received"), Count(run, "created"), Count(run, "unchanged"), Count(run, "deactivated"), Count(run, "rejected")));
        var deactivated = await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Deactivated).Select(m => m.MemberNumber).ToListAsync();
        Assert.Equal(["30010"], deactivated);
        Assert.Equal(3, staff);

        var events = await db.OutboxEvents.AsNoTracking().Where(e => e.Type == WebhookEventTypes.MemberDeactivated).ToListAsync();
        Assert.Contains("missing-from-full-sync", Assert.Single(events).Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_full_sync_in_one_call_starts_and_completes_its_run()
    {
        var client = await MemberSystemAsync();
        await using var db = Factory.CreateDbContext();
        var rows = (await FromDatabaseAsync(db)).Where(r => (string)r["memberNumber"]! != "10002").ToList();

        var result = Result(await client.QueryAsync(SyncMembers, new { input = new { mode = "FULL", members = rows } }));

        Assert.Equal(("FULL", "COMPLETED"), (result["mode"]!.GetValue<string>(), result["sync"]!["status"]!.GetValue<string>()));
        Assert.Equal((DemoPeople.MemberCount - 1, 1), (Count(result, "unchanged"), Count(result, "deactivated")));
        Assert.Equal("10002", await db.Members.Where(m => m.Status == MemberStatus.Deactivated).Select(m => m.MemberNumber).SingleAsync());
    }

    [Fact]
    public async Task Runs_refuse_what_would_be_a_mistake()
    {
        var client = await MemberSystemAsync();
        const string Complete = "mutation($id: ID!) { completeMemberSync(syncId: $id) { sync { status } errors { code field } } }";
        var syncId = (await client.QueryAsync("mutation { startMemberSync { sync { id } errors { code } } }")).Data["startMemberSync"]!["sync"]!["id"]!.GetValue<string>();
        var row = Row("40001", "Une", "Ligne", "une.ligne@exemple.qc.ca");

        // Completing a run that received nothing would deactivate everyone.
        Assert.Equal("EMPTY_SYNC", await CodeAsync(client.QueryAsync(Complete, new { id = syncId }), "completeMemberSync"));
        Assert.Equal("EMPTY_SYNC", await CodeAsync(client.QueryAsync(SyncMembers, new { input = new { mode = "FULL", members = Array.Empty<object>() } }), "syncMembers"));
        Assert.Equal("SYNC_ID_NOT_ALLOWED", await CodeAsync(client.QueryAsync(SyncMembers, new { input = new { mode = "DELTA", syncId, members = new[] { row } } }), "syncMembers"));

        Result(await client.QueryAsync(SyncMembers, new { input = new { mode = "FULL", syncId, members = new[] { row } } }));
        (await client.QueryAsync(Complete, new { id = syncId })).EnsureNoErrors();
        Assert.Equal("SYNC_NOT_OPEN", await CodeAsync(client.QueryAsync(Complete, new { id = syncId }), "completeMemberSync"));
        Assert.Equal("SYNC_NOT_OPEN", await CodeAsync(client.QueryAsync(SyncMembers, new { input = new { mode = "FULL", syncId, members = new[] { row } } }), "syncMembers"));

        var unknown = JumoMentoring.Api.Graph.GlobalId.Encode("MemberSyncRun", Guid.NewGuid());
        Assert.Equal("SYNC_NOT_FOUND", await CodeAsync(client.QueryAsync(Complete, new { id = unknown }), "completeMemberSync"));
        Assert.Equal("INVALID_ID", (await client.QueryAsync(Complete, new { id = "nope" })).FirstErrorCode);

        // The run is readable again by id, by the member system only.
        var run = await client.QueryAsync("query($id: ID!) { node(id: $id) { ... on MemberSyncRun { status received } } }", new { id = syncId });
        Assert.Equal("COMPLETED", run.EnsureNoErrors().Data["node"]!["status"]!.GetValue<string>());
        Assert.Null((await (await SignInAsync(DemoPeople.JumoCoordinator)).QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = syncId })).Data["node"]);
    }

    [Fact]
    public async Task More_than_a_thousand_rows_a_call_is_refused()
    {
        var client = await MemberSystemAsync();
        var rows = Enumerable.Range(0, MemberSync.MaxRowsPerCall + 1).Select(i => Row($"5{i:0000}", "A", "B", $"a{i}@exemple.qc.ca")).ToArray();

        var response = await client.QueryAsync(SyncMembers, new { input = new { members = rows } });

        Assert.Equal("LIMIT_EXCEEDED", response.FirstErrorCode);
        await using var db = Factory.CreateDbContext();
        Assert.Equal(DemoPeople.MemberCount, await db.Members.CountAsync());
    }

    [Fact]
    public async Task Only_the_member_system_and_admins_may_sync()
    {
        var input = new { input = new { members = new[] { Row("40001", "A", "B", "a.b@exemple.qc.ca") } } };

        var anonymous = await Graph.QueryAsync(SyncMembers, input);
        var member = await (await SignInAsync(DemoPeople.Sarah)).QueryAsync(SyncMembers, input);
        var coordinator = await (await SignInAsync(DemoPeople.JumoCoordinator)).QueryAsync("mutation { startMemberSync { sync { id } } }");
        var admin = await (await SignInAsync(DemoPeople.Admin)).QueryAsync(SyncMembers, input);

        Assert.Equal("UNAUTHENTICATED", anonymous.FirstErrorCode);
        Assert.Equal("FORBIDDEN", member.FirstErrorCode);
        Assert.Equal("FORBIDDEN", coordinator.FirstErrorCode);
        Assert.Equal(1, Count(Result(admin), "created"));
    }

    private static async Task<string?> CodeAsync(Task<GraphQLResponse> response, string field) =>
        (await response).EnsureNoErrors().Data[field]!["errors"]!.AsArray().SingleOrDefault()?["code"]!.GetValue<string>();
}
