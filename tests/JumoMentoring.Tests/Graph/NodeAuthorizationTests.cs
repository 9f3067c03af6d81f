using System.Text.Json.Nodes;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.CheckIns;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Goals;
using JumoMentoring.Domain.Meetings;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.Resources;
using JumoMentoring.Domain.Webhooks;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Graph;

/// <summary>
/// No IDOR through <c>node(id:)</c> and <c>nodes(ids:)</c>: one instance of every type implementing
/// Node, fetched by each role, answers exactly what the direct fields would (null when the role may
/// not see it), with private text null for those who may see the object but not its text.
/// </summary>
public sealed class NodeAuthorizationTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Anonymous = "anonymous";
    private const string Integration = "integration";

    /// <summary>A JUMO mentee without a match: a stranger to the Margaret–Sarah pair.</summary>
    private const string Stranger = DemoPeople.Noah;

    /// <summary>The mentee of the pair, and the author of its meeting and check-in below.</summary>
    private const string Author = DemoPeople.Sarah;

    /// <summary>The mentor of the pair: the author's partner.</summary>
    private const string Partner = DemoPeople.Margaret;

    /// <summary>Coordinates the structured program only: another program than the pair's (JUMO).</summary>
    private const string StructuredCoordinator = DemoPeople.StructuredCoordinator;

    /// <summary>Coordinates JUMO, the pair's program.</summary>
    private const string JumoCoordinator = DemoPeople.JumoCoordinator;

    private const string Admin = DemoPeople.Admin;

    private const string GoalText = "Préparer l'examen (privé)";
    private const string MilestoneText = "Trois examens blancs (privé)";
    private const string MeetingNote = "Note privée de Sarah";
    private const string CheckInComment = "Commentaire pour la coordination";

    /// <summary>Every field asked of every node, aliased so that no two types clash.</summary>
    private const string Selection = """
        __typename id
        ... on Program { programCode: code }
        ... on Cohort { cohortMembers: members { id } }
        ... on Enrolment { enrolmentRole: role enrolmentMotivation: motivation }
        ... on Member { visibility memberEmail: email }
        ... on Match { matchStatus: status }
        ... on Goal { goalTitle: title goalDescription: description goalStatus: status }
        ... on Milestone { milestoneTitle: title }
        ... on Meeting { meetingNote: note meetingMinutes: durationMinutes }
        ... on CheckIn { checkInComment: comment checkInSatisfaction: satisfaction }
        ... on Resource { resourceStatus: status }
        ... on Conversation { conversationStatus: status }
        ... on CohortMatchingRun { runObjective: objective }
        ... on MemberSyncRun { syncStatus: status }
        ... on Webhook { webhookUrl: url }
        ... on WebhookDelivery { deliveryStatus: status }
        """;

    public static TheoryData<string> Roles => [Anonymous, Integration, Stranger, Author, Partner, StructuredCoordinator, JumoCoordinator, Admin];

    /// <summary>One object: its type, id, who sees it, and which of its private fields each of them reads.</summary>
    private sealed record NodeCase(string Type, string Label, string Id, Func<string, bool> Sees, params (string Field, Func<string, bool> Reads)[] Private);

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_node_type_answers_node_and_nodes_exactly_as_the_role_may_see_it(string role)
    {
        var cases = await ArrangeAsync();
        var client = await ClientAsync(role);
        var declarations = string.Join(", ", cases.Select((_, i) => $"$id{i}: ID!"));
        var singles = string.Join("\n", cases.Select((_, i) => $"n{i}: node(id: $id{i}) {{ {Selection} }}"));
        var query = $"query({declarations}, $ids: [ID!]!) {{ {singles}\n all: nodes(ids: $ids) {{ {Selection} }} }}";
        var variables = cases.Select((c, i) => (Key: $"id{i}", Value: (object)c.Id)).ToDictionary(p => p.Key, p => p.Value);
        variables["ids"] = cases.Select(c => c.Id).ToArray();

        var data = (await client.QueryAsync(query, variables)).EnsureNoErrors().Data;

        var batch = data["all"]!.AsArray();
        Assert.Equal(cases.Count, batch.Count);
        for (var i = 0; i < cases.Count; i++)
        {
            Check(cases[i], role, data[$"n{i}"], "node(id:)");
            Check(cases[i], role, batch[i], "nodes(ids:)");
        }
    }

    [Theory]
    [InlineData(DemoPeople.Noah, true)]                  // the applicant
    [InlineData(DemoPeople.StructuredCoordinator, true)] // the coordinator the words are for
    [InlineData(DemoPeople.Admin, true)]
    [InlineData(DemoPeople.JumoCoordinator, false)]      // sees Noah in full (a JUMO member), not his application to another program
    public async Task An_application_and_its_motivation_are_for_the_applicant_and_the_programs_coordinators_only_on_every_path(string viewer, bool reads)
    {
        const string Motivation = "Je veux pratiquer en région.";
        var noah = await SignInAsync(DemoPeople.Noah);
        var structured = await Factory.ProgramGlobalIdAsync(DemoData.StructuredProgramCode);
        var applied = await noah.QueryAsync(
            "mutation($input: EnrolInput!) { applyToProgram(input: $input) { enrolment { id } errors { code } } }",
            new { input = new { programId = structured, role = "MENTEE", motivation = Motivation } });
        var enrolmentId = applied.Ok("applyToProgram")["enrolment"]!["id"]!.GetValue<string>();
        var client = await SignInAsync(viewer);

        var response = await client.QueryAsync(
            """
            query($m: ID!, $e: ID!) {
              member(id: $m) { visibility enrolments { id motivation } }
              node(id: $e) { ... on Enrolment { motivation } }
            }
            """,
            new { m = await Factory.MemberGlobalIdAsync(DemoPeople.Noah), e = enrolmentId });

        var data = response.EnsureNoErrors().Data;
        Assert.Equal("FULL", data["member"]!["visibility"]!.GetValue<string>());
        var enrolments = data["member"]!["enrolments"]!.AsArray();
        Assert.Contains(enrolments, e => e!["id"]!.GetValue<string>() != enrolmentId); // the active JUMO role shows to all who see Noah in full
        var listed = enrolments.SingleOrDefault(e => e!["id"]!.GetValue<string>() == enrolmentId);
        Assert.Equal(reads ? Motivation : null, listed?["motivation"]?.GetValue<string>());
        Assert.Equal(reads, listed is not null);
        Assert.Equal(reads ? Motivation : null, data["node"]?["motivation"]?.GetValue<string>());
    }

    private static void Check(NodeCase expected, string role, JsonNode? node, string path)
    {
        var what = $"{expected.Label} by {path} as {role}";
        if (!expected.Sees(role))
        {
            Assert.True(node is null, $"{what}: expected null, got {node?.ToJsonString()}");
            return;
        }

        Assert.True(node is not null, $"{what}: expected the object, got null");
        Assert.Equal(expected.Type, node["__typename"]!.GetValue<string>());
        Assert.Equal(expected.Id, node["id"]!.GetValue<string>());
        foreach (var (field, reads) in expected.Private)
        {
            var value = node[field];
            var readable = value is JsonArray array ? array.Count > 0 : value is not null;
            Assert.True(reads(role) == readable, $"{what}: {field} should {(reads(role) ? "be readable" : "be null (or empty)")}, got {value?.ToJsonString() ?? "null"}");
        }
    }

    private static Func<string, bool> Only(params string[] roles) => roles.Contains;

    private static readonly Func<string, bool> Everyone = _ => true;

    /// <summary>One object of every Node type, most of them around the JUMO pair Margaret (mentor) – Sarah (mentee).</summary>
    private async Task<List<NodeCase>> ArrangeAsync()
    {
        var pair = await Factory.FindAsync(Partner, Author);
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        await using var db = Factory.CreateDbContext();
        var sarah = await db.Members.SingleAsync(m => m.Email == Author);
        var margaret = await db.Members.SingleAsync(m => m.Email == Partner);
        var enrolment = await db.Enrolments.SingleAsync(e => e.MemberId == sarah.Id && e.ProgramId == pair.ProgramId);
        var cohort = await db.Cohorts.FirstAsync(c => db.Programs.Any(p => p.Id == c.ProgramId && p.Kind == ProgramKind.Structured) && db.Enrolments.Any(e => e.CohortId == c.Id));

        var goal = new Goal { MatchId = pair.Id, Title = GoalText, Description = GoalText, Status = GoalStatus.Open };
        var milestone = new Milestone { GoalId = goal.Id, Title = MilestoneText };
        var meeting = new Meeting { MatchId = pair.Id, RecordedById = sarah.Id, OccurredOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)), DurationMinutes = 45, Mode = MeetingMode.Video, Note = MeetingNote };
        var checkIn = new CheckIn { MatchId = pair.Id, MemberId = sarah.Id, Satisfaction = 4, Met = true, Comment = CheckInComment, SubmittedAt = DateTimeOffset.UtcNow.AddDays(-1) };
        var endpoint = new WebhookEndpoint { Url = "https://partner.exemple.qc.ca/hook", Secret = "a-secret-of-at-least-16-chars", EventTypes = ["*"] };
        var outboxEvent = new OutboxEvent { Type = "member.enrolled", Data = "{}", DispatchedAt = DateTimeOffset.UtcNow };
        var delivery = new WebhookDelivery { EndpointId = endpoint.Id, EventId = outboxEvent.Id, EventType = outboxEvent.Type, Status = WebhookDeliveryStatus.Failed };
        db.AddRange(goal, milestone, meeting, checkIn, endpoint, outboxEvent, delivery);
        await db.SaveChangesAsync();

        var published = await db.Resources.FirstAsync(r => r.Status == ResourceStatus.Published);
        var draft = await db.Resources.FirstAsync(r => r.Status == ResourceStatus.Draft);
        var archived = await db.Resources.FirstAsync(r => r.Status == ResourceStatus.Archived);

        var run = (await (await SignInAsync(StructuredCoordinator)).QueryAsync(
            "mutation($id: ID!) { autoMatchCohort(cohortId: $id) { run { id } errors { code } } }", new { id = GlobalId.Encode("Cohort", cohort.Id) }))
            .Ok("autoMatchCohort")["run"]!["id"]!.GetValue<string>();
        var sync = (await (await Factory.SignInAsync(client: "member-system")).QueryAsync("mutation { startMemberSync { sync { id } errors { code } } }"))
            .Ok("startMemberSync")["sync"]!["id"]!.GetValue<string>();

        var pairSees = Only(Author, Partner, JumoCoordinator, Admin);
        var pairReads = Only(Author, Partner);
        var editors = Only(StructuredCoordinator, JumoCoordinator, Admin);
        return
        [
            new("Program", "JUMO", jumo, Everyone),
            new("Cohort", "a structured cohort", GlobalId.Encode("Cohort", cohort.Id), Everyone, ("cohortMembers", Only(StructuredCoordinator, Admin))),
            new("Enrolment", "Sarah's JUMO enrolment", GlobalId.Encode("Enrolment", enrolment.Id), Only(Author, JumoCoordinator, Admin)),
            new("Member", "Sarah", GlobalId.Encode("Member", sarah.Id), pairSees, ("memberEmail", pairSees)),
            // Margaret mentors in both programs: a card for a JUMO mentee, in full for either program's coordinators.
            new("Member", "Margaret", GlobalId.Encode("Member", margaret.Id), Only(Stranger, Author, Partner, StructuredCoordinator, JumoCoordinator, Admin),
                ("memberEmail", Only(Author, Partner, StructuredCoordinator, JumoCoordinator, Admin))),
            new("Match", "Margaret–Sarah", GlobalId.Encode("Match", pair.Id), pairSees),
            new("Goal", "their goal", GlobalId.Encode("Goal", goal.Id), pairSees, ("goalTitle", pairReads), ("goalDescription", pairReads)),
            new("Milestone", "its milestone", GlobalId.Encode("Milestone", milestone.Id), pairSees, ("milestoneTitle", pairReads)),
            new("Meeting", "Sarah's meeting", GlobalId.Encode("Meeting", meeting.Id), pairSees, ("meetingNote", Only(Author))),
            new("CheckIn", "Sarah's check-in", GlobalId.Encode("CheckIn", checkIn.Id), Only(Author, JumoCoordinator, Admin), ("checkInComment", Everyone)),
            new("Resource", "a published resource", GlobalId.Encode("Resource", published.Id), Everyone),
            new("Resource", "a draft", GlobalId.Encode("Resource", draft.Id), editors),
            new("Resource", "an archived resource", GlobalId.Encode("Resource", archived.Id), editors),
            new("Conversation", "Margaret–Sarah's conversation", GlobalId.Encode("Conversation", pair.Id), pairReads),
            new("CohortMatchingRun", "a run of the structured cohort", run, Only(StructuredCoordinator, Admin)),
            new("MemberSyncRun", "a FULL sync run", sync, Only(Integration, Admin)),
            new("Webhook", "an endpoint", GlobalId.Encode("Webhook", endpoint.Id), Only(Admin)),
            new("WebhookDelivery", "a delivery", GlobalId.Encode("WebhookDelivery", delivery.Id), Only(Admin)),
        ];
    }

    private async Task<GraphQLClient> ClientAsync(string role) => role switch
    {
        Anonymous => Graph,
        Integration => await Factory.SignInAsync(client: "member-system"),
        _ => await SignInAsync(role),
    };
}
