using System.Text.Json.Nodes;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.Webhooks;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Webhooks;

/// <summary>match.* and goal.achieved: one event per change of status, in the change's transaction, none for a refused change.</summary>
public sealed class MatchAndGoalEventTests(ApiFactory factory) : WebhookTest(factory)
{
    private const string Request = "mutation($p: ID!, $m: ID!) { requestMentor(programId: $p, mentorId: $m) { match { id } errors { code } } }";

    private static string Transition(string name) =>
        $"mutation($id: ID!, $reason: String) {{ {name}(matchId: $id, reason: $reason) {{ match {{ status }} errors {{ code }} }} }}";

    private async Task<List<(string Type, JsonNode Data)>> EventsAsync()
    {
        await using var db = Factory.CreateDbContext();
        var events = await db.OutboxEvents.AsNoTracking().OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync();
        return [.. events.Select(e => (e.Type, JsonNode.Parse(e.Data)!))];
    }

    [Fact]
    public async Task Each_change_of_a_flexible_matchs_status_is_one_event_and_refused_or_partial_steps_are_none()
    {
        var noah = await SignInAsync(DemoPeople.Noah);
        var david = await SignInAsync("david.chen@exemple.qc.ca");
        var matchId = (await noah.QueryAsync(Request, new { p = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode), m = await Factory.MemberGlobalIdAsync("david.chen@exemple.qc.ca") }))
            .EnsureNoErrors().Data["requestMentor"]!["match"]!["id"]!.GetValue<string>();

        Assert.Equal("NOT_ALLOWED", await CodeAsync(noah, "acceptRequest", matchId));
        Assert.Null(await CodeAsync(david, "acceptRequest", matchId));
        Assert.Null(await CodeAsync(noah, "pauseMatch", matchId, "Examens"));
        Assert.Null(await CodeAsync(david, "resumeMatch", matchId));
        Assert.Null(await CodeAsync(noah, "completeMatch", matchId)); // the first confirmation: still ACTIVE
        Assert.Null(await CodeAsync(david, "completeMatch", matchId));

        var events = await EventsAsync();
        Assert.Equal(["match.requested", "match.accepted", "match.paused", "match.resumed", "match.completed"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(matchId, e.Data["match"]!["id"]!.GetValue<string>()));
        Assert.Equal([null, "REQUESTED", "ACTIVE", "PAUSED", "ACTIVE"], events.Select(e => e.Data["match"]!["previousStatus"]?.GetValue<string>()));
        Assert.Equal(["MENTEE", "MENTOR", "MENTEE", "MENTOR", "MENTOR"], events.Select(e => e.Data["actor"]!.GetValue<string>()));
        Assert.Equal("Examens", events[2].Data["reason"]!.GetValue<string>());
        Assert.Equal(await MemberNumberAsync(DemoPeople.Noah), events[0].Data["mentee"]!["memberNumber"]!.GetValue<string>());
        Assert.Equal(await MemberNumberAsync("david.chen@exemple.qc.ca"), events[0].Data["mentor"]!["memberNumber"]!.GetValue<string>());
        Assert.Null(events[0].Data["match"]!["cohortId"]);
    }

    [Fact]
    public async Task A_declined_request_and_an_expired_one_are_events_too()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var noah = await SignInAsync(DemoPeople.Noah);
        var helene = await SignInAsync(DemoPeople.Helene);
        var declined = (await noah.QueryAsync(Request, new { p = jumo, m = await Factory.MemberGlobalIdAsync(DemoPeople.Helene) })).EnsureNoErrors().Data["requestMentor"]!["match"]!["id"]!.GetValue<string>();
        Assert.Null(await CodeAsync(helene, "declineRequest", declined, "Trop occupée ce trimestre."));
        var expiring = (await noah.QueryAsync(Request, new { p = jumo, m = await Factory.MemberGlobalIdAsync("julie.caron@exemple.qc.ca") })).EnsureNoErrors().Data["requestMentor"]!["match"]!["id"]!.GetValue<string>();

        await using (var db = Factory.CreateDbContext())
        {
            Assert.Contains(GlobalId.Parse(expiring, "Match"), (await RequestExpiry.ExpireDueAsync(db, DateTimeOffset.UtcNow.AddDays(15), default)).Select(m => m.Id));
        }

        // Demo requests may expire too: look at these two.
        var events = (await EventsAsync()).Where(e => e.Data["match"]!["id"]!.GetValue<string>() is var id && (id == declined || id == expiring)).ToList();
        Assert.Equal(["match.requested", "match.declined", "match.requested", "match.expired"], events.Select(e => e.Type));
        Assert.Equal("Trop occupée ce trimestre.", events[1].Data["reason"]!.GetValue<string>());
        Assert.Equal(expiring, events[3].Data["match"]!["id"]!.GetValue<string>());
        Assert.Equal("SYSTEM", events[3].Data["actor"]!.GetValue<string>());
        Assert.Equal("EXPIRED", events[3].Data["match"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_proposal_is_an_event_and_so_is_its_activation_when_the_second_member_accepts()
    {
        string cohortId;
        await using (var db = Factory.CreateDbContext())
        {
            var program = await db.Programs.SingleAsync(p => p.Code == DemoData.StructuredProgramCode);
            var cohort = new Cohort { ProgramId = program.Id, Name = "Hiver 2027", Capacity = 10 };
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            foreach (var email in new[] { "michel.lavoie@exemple.qc.ca", DemoPeople.Camille })
            {
                await db.Enrolments.Where(e => e.Member!.Email == email && e.ProgramId == program.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(e => e.CohortId, cohort.Id).SetProperty(e => e.Status, EnrolmentStatus.Active));
            }

            cohortId = GlobalId.Encode("Cohort", cohort.Id);
        }

        var coordinator = await SignInAsync(DemoPeople.StructuredCoordinator);
        const string Propose = "mutation($c: ID!, $mentor: ID!, $mentee: ID!) { proposeMatch(cohortId: $c, mentorId: $mentor, menteeId: $mentee) { match { id } errors { code } } }";
        var matchId = (await coordinator.QueryAsync(Propose, new { c = cohortId, mentor = await Factory.MemberGlobalIdAsync("michel.lavoie@exemple.qc.ca"), mentee = await Factory.MemberGlobalIdAsync(DemoPeople.Camille) }))
            .EnsureNoErrors().Data["proposeMatch"]!["match"]!["id"]!.GetValue<string>();
        Assert.Null(await CodeAsync(await SignInAsync("michel.lavoie@exemple.qc.ca"), "acceptProposal", matchId));
        Assert.Single(await EventsAsync());
        Assert.Null(await CodeAsync(await SignInAsync(DemoPeople.Camille), "acceptProposal", matchId));
        Assert.Equal("REASON_REQUIRED", await CodeAsync(coordinator, "endMatch", matchId));
        Assert.Null(await CodeAsync(coordinator, "endMatch", matchId, "Changement de milieu de stage"));

        var events = await EventsAsync();
        Assert.Equal(["match.proposed", "match.accepted", "match.ended"], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(cohortId, e.Data["match"]!["cohortId"]!.GetValue<string>()));
        Assert.Equal(["COORDINATOR", "MENTEE", "COORDINATOR"], events.Select(e => e.Data["actor"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_achieved_goal_is_one_event_without_the_pairs_text_even_when_both_members_achieve_it_at_once()
    {
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var margaret = await SignInAsync(DemoPeople.Margaret);
        var created = await sarah.QueryAsync(
            "mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } errors { code } } }",
            new { input = new { matchId = DemoMatches.GlobalIdOf(match), title = "Réussir l'ECOS", description = "Privé", topic = "exam-preparation" } });
        var goalId = created.EnsureNoErrors().Data["createGoal"]!["goal"]!["id"]!.GetValue<string>();
        await sarah.QueryAsync("mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { errors { code } } }", new { input = new { goalId, title = "Simulation 1" } });

        const string Achieve = "mutation($id: ID!) { achieveGoal(goalId: $id) { goal { status } errors { code } } }";
        var answers = await Task.WhenAll(sarah.QueryAsync(Achieve, new { id = goalId }), margaret.QueryAsync(Achieve, new { id = goalId }));
        var codes = answers.Select(a => a.EnsureNoErrors().Data["achieveGoal"]!["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).SingleOrDefault()).ToList();
        Assert.Single(codes, c => c is null);
        Assert.Single(codes, c => c == "GOAL_CLOSED");

        var (type, data) = Assert.Single(await EventsAsync());
        Assert.Equal(WebhookEventTypes.GoalAchieved, type);
        Assert.Equal(goalId, data["goal"]!["id"]!.GetValue<string>());
        Assert.Equal("exam-preparation", data["goal"]!["topic"]!.GetValue<string>());
        Assert.Equal(1, data["goal"]!["milestones"]!.GetValue<int>());
        Assert.Equal(0, data["goal"]!["milestonesCompleted"]!.GetValue<int>());
        Assert.Equal(DemoMatches.GlobalIdOf(match), data["match"]!["id"]!.GetValue<string>());
        Assert.Equal(await MemberNumberAsync(DemoPeople.Sarah), data["mentee"]!["memberNumber"]!.GetValue<string>());
        Assert.DoesNotContain("ECOS", data.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Privé", data.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, MatchStatus.Requested, "match.requested")]
    [InlineData(null, MatchStatus.Proposed, "match.proposed")]
    [InlineData(MatchStatus.Requested, MatchStatus.Active, "match.accepted")]
    [InlineData(MatchStatus.Proposed, MatchStatus.Active, "match.accepted")]
    [InlineData(MatchStatus.Paused, MatchStatus.Active, "match.resumed")]
    [InlineData(MatchStatus.Active, MatchStatus.Paused, "match.paused")]
    [InlineData(MatchStatus.Proposed, MatchStatus.Declined, "match.declined")]
    [InlineData(MatchStatus.Paused, MatchStatus.Completed, "match.completed")]
    [InlineData(MatchStatus.Requested, MatchStatus.Ended, "match.ended")]
    [InlineData(MatchStatus.Requested, MatchStatus.Expired, "match.expired")]
    [InlineData(MatchStatus.Proposed, MatchStatus.Proposed, null)]
    [InlineData(MatchStatus.Active, MatchStatus.Active, null)]
    public void The_event_type_follows_the_change_of_status(MatchStatus? from, MatchStatus to, string? type) =>
        Assert.Equal(type, MatchWebhookEvents.TypeOf(from, to));

    private static async Task<string?> CodeAsync(GraphQLClient client, string mutation, string matchId, string? reason = null) =>
        (await client.QueryAsync(Transition(mutation), new { id = matchId, reason })).EnsureNoErrors().Data[mutation]!["errors"]!.AsArray()
            .Select(e => e!["code"]!.GetValue<string>()).FirstOrDefault();

    private async Task<string> MemberNumberAsync(string email)
    {
        await using var db = Factory.CreateDbContext();
        return (await db.Members.SingleAsync(m => m.Email == email)).MemberNumber;
    }
}
