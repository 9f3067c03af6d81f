using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Matches;

/// <summary>The match lifecycle over GraphQL, with the rules that must hold under concurrency.</summary>
public sealed class MatchFlowTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Request = "mutation($p: ID!, $m: ID!, $msg: String) { requestMentor(programId: $p, mentorId: $m, message: $msg) { match { id status requestMessage } errors { code field } } }";

    private static string Transition(string name) =>
        $"mutation($id: ID!, $reason: String) {{ {name}(matchId: $id, reason: $reason) {{ match {{ status transitions {{ from to actor reason }} }} errors {{ code }} }} }}";

    [Fact]
    public async Task A_mentee_requests_a_mentor_who_accepts_pauses_resumes_and_both_complete()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var noah = await SignInAsync(DemoPeople.Noah);
        var david = await SignInAsync("david.chen@exemple.qc.ca");

        var requested = await noah.QueryAsync(Request, new { p = jumo, m = await Factory.MemberGlobalIdAsync("david.chen@exemple.qc.ca"), msg = "Bonjour, j'aimerais parler de soins virtuels." });
        var matchId = Data(requested, "requestMentor")["match"]!["id"]!.GetValue<string>();
        Assert.Equal("REQUESTED", Data(requested, "requestMentor")["match"]!["status"]!.GetValue<string>());

        Assert.Equal("NOT_ALLOWED", Code(await noah.QueryAsync(Transition("acceptRequest"), new { id = matchId }), "acceptRequest"));
        Assert.Equal("ACTIVE", Status(await david.QueryAsync(Transition("acceptRequest"), new { id = matchId }), "acceptRequest"));
        Assert.Equal("PAUSED", Status(await noah.QueryAsync(Transition("pauseMatch"), new { id = matchId, reason = "Examens" }), "pauseMatch"));
        Assert.Equal("ACTIVE", Status(await david.QueryAsync(Transition("resumeMatch"), new { id = matchId }), "resumeMatch"));
        Assert.Equal("ACTIVE", Status(await noah.QueryAsync(Transition("completeMatch"), new { id = matchId }), "completeMatch"));
        Assert.Equal("INVALID_TRANSITION", Code(await noah.QueryAsync(Transition("completeMatch"), new { id = matchId }), "completeMatch"));
        var completed = await david.QueryAsync(Transition("completeMatch"), new { id = matchId });

        Assert.Equal("COMPLETED", Status(completed, "completeMatch"));
        var transitions = Data(completed, "completeMatch")["match"]!["transitions"]!.AsArray();
        Assert.Equal(["REQUESTED", "ACTIVE", "PAUSED", "ACTIVE", "COMPLETED"], transitions.Select(t => t!["to"]!.GetValue<string>()));
        Assert.Equal(["MENTEE", "MENTOR", "MENTEE", "MENTOR", "MENTOR"], transitions.Select(t => t!["actor"]!.GetValue<string>()));
        Assert.Equal("Examens", transitions[2]!["reason"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_mentor_declines_with_a_reason_and_strangers_cannot_touch_the_match()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var noah = await SignInAsync(DemoPeople.Noah);
        var requested = await noah.QueryAsync(Request, new { p = jumo, m = await Factory.MemberGlobalIdAsync(DemoPeople.Helene) });
        var matchId = Data(requested, "requestMentor")["match"]!["id"]!.GetValue<string>();
        var stranger = await SignInAsync(DemoPeople.Margaret);
        var helene = await SignInAsync(DemoPeople.Helene);

        Assert.Equal("MATCH_NOT_FOUND", Code(await stranger.QueryAsync(Transition("acceptRequest"), new { id = matchId }), "acceptRequest"));
        var declined = await helene.QueryAsync(Transition("declineRequest"), new { id = matchId, reason = "Je suis déjà très occupée ce trimestre." });

        Assert.Equal("DECLINED", Status(declined, "declineRequest"));
        Assert.Equal("INVALID_TRANSITION", Code(await helene.QueryAsync(Transition("acceptRequest"), new { id = matchId }), "acceptRequest"));
    }

    [Theory]
    [InlineData("self", "SAME_PERSON")]
    [InlineData("mentee", "NOT_A_MENTOR")]
    public async Task Bad_requests_answer_typed_errors_and_store_nothing(string target, string code)
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var noah = await SignInAsync(DemoPeople.Noah);
        var before = await CountAsync();

        var response = await noah.QueryAsync(Request, new { p = jumo, m = await Factory.MemberGlobalIdAsync(target == "self" ? DemoPeople.Noah : DemoPeople.Sarah) });

        Assert.Contains(code, Data(response, "requestMentor")["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Parallel_duplicate_requests_open_one_request()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var noah = await SignInAsync(DemoPeople.Noah);
        var mentor = await Factory.MemberGlobalIdAsync("julie.caron@exemple.qc.ca");

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => noah.QueryAsync(Request, new { p = jumo, m = mentor })));

        Assert.Single(results, r => Data(r, "requestMentor")["match"] is not null);
        Assert.All(results.Where(r => Data(r, "requestMentor")["match"] is null), r => Assert.Equal("DUPLICATE_REQUEST", Code(r, "requestMentor")));
    }

    [Fact]
    public async Task A_mentor_never_exceeds_capacity_when_accepting_at_the_same_instant()
    {
        // Emily mentors one mentee at most; five students ask her, and she accepts all at once.
        var emily = "emily.wilson@exemple.qc.ca";
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var mentor = await Factory.MemberGlobalIdAsync(emily);
        var students = new[] { "william.boucher", "rosalie.lachance", "ethan.rousseau", "maya.patel", "felix.gingras" };
        var requests = new List<string>();
        foreach (var student in students)
        {
            var client = await SignInAsync($"{student}@exemple.qc.ca");
            requests.Add(Data(await client.QueryAsync(Request, new { p = jumo, m = mentor }), "requestMentor")["match"]!["id"]!.GetValue<string>());
        }

        var mentorClient = await SignInAsync(emily);
        var results = await Task.WhenAll(requests.Select(id => mentorClient.QueryAsync(Transition("acceptRequest"), new { id })));

        Assert.Single(results, r => Status(r, "acceptRequest") == "ACTIVE");
        Assert.All(results.Where(r => Data(r, "acceptRequest")["match"] is null), r => Assert.Equal("MENTOR_AT_CAPACITY", Code(r, "acceptRequest")));
        await using var db = Factory.CreateDbContext();
        Assert.Equal(1, await db.Matches.CountAsync(m => m.Mentor!.Email == emily && m.Status == MatchStatus.Active));
    }

    [Fact]
    public async Task A_mentee_never_gets_two_current_matches_in_a_program_even_if_two_mentors_accept_at_once()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var noah = await SignInAsync(DemoPeople.Noah);
        var mentors = new[] { "patrick.murphy@exemple.qc.ca", "robert.macdonald@exemple.qc.ca", "nathalie.fortin@exemple.qc.ca" };
        var matchIds = new List<(string Mentor, string Match)>();
        foreach (var mentor in mentors)
        {
            matchIds.Add((mentor, Data(await noah.QueryAsync(Request, new { p = jumo, m = await Factory.MemberGlobalIdAsync(mentor) }), "requestMentor")["match"]!["id"]!.GetValue<string>()));
        }

        var clients = new List<(GraphQLClient Client, string Match)>();
        foreach (var (mentor, match) in matchIds)
        {
            clients.Add((await SignInAsync(mentor), match));
        }

        var results = await Task.WhenAll(clients.Select(x => x.Client.QueryAsync(Transition("acceptRequest"), new { id = x.Match })));

        Assert.Single(results, r => Status(r, "acceptRequest") == "ACTIVE");
        Assert.All(results.Where(r => Data(r, "acceptRequest")["match"] is null), r => Assert.Equal("MENTEE_ALREADY_MATCHED", Code(r, "acceptRequest")));
    }

    [Fact]
    public async Task Structured_pairs_are_proposed_by_the_coordinator_and_activate_when_both_accept()
    {
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
        }

        var cohortId = await CohortIdAsync("Hiver 2027");
        var coordinator = await SignInAsync(DemoPeople.StructuredCoordinator);
        var outsider = await SignInAsync(DemoPeople.JumoCoordinator);
        const string Propose = "mutation($c: ID!, $mentor: ID!, $mentee: ID!) { proposeMatch(cohortId: $c, mentorId: $mentor, menteeId: $mentee) { match { id status } errors { code field } } }";
        var variables = new { c = cohortId, mentor = await Factory.MemberGlobalIdAsync("michel.lavoie@exemple.qc.ca"), mentee = await Factory.MemberGlobalIdAsync(DemoPeople.Camille) };

        Assert.Equal("FORBIDDEN", (await outsider.QueryAsync(Propose, variables)).FirstErrorCode);
        var proposed = await coordinator.QueryAsync(Propose, variables);
        var matchId = Data(proposed, "proposeMatch")["match"]!["id"]!.GetValue<string>();
        Assert.Equal("PROPOSED", Data(proposed, "proposeMatch")["match"]!["status"]!.GetValue<string>());

        var michel = await SignInAsync("michel.lavoie@exemple.qc.ca");
        var camille = await SignInAsync(DemoPeople.Camille);
        Assert.Equal("PROPOSED", Status(await michel.QueryAsync(Transition("acceptProposal"), new { id = matchId }), "acceptProposal"));
        Assert.Equal("ACTIVE", Status(await camille.QueryAsync(Transition("acceptProposal"), new { id = matchId }), "acceptProposal"));

        var ended = await coordinator.QueryAsync(Transition("endMatch"), new { id = matchId });
        Assert.Equal("REASON_REQUIRED", Code(ended, "endMatch"));
        Assert.Equal("ENDED", Status(await coordinator.QueryAsync(Transition("endMatch"), new { id = matchId, reason = "Changement de milieu de stage" }), "endMatch"));
    }

    [Fact]
    public async Task Unanswered_requests_expire_after_the_programs_delay_and_the_mentee_can_ask_again()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var noah = await SignInAsync(DemoPeople.Noah);
        var mentor = await Factory.MemberGlobalIdAsync("julie.caron@exemple.qc.ca");
        var matchId = Data(await noah.QueryAsync(Request, new { p = jumo, m = mentor }), "requestMentor")["match"]!["id"]!.GetValue<string>();
        var id = GlobalId.Parse(matchId, "Match");

        await using (var db = Factory.CreateDbContext())
        {
            Assert.Empty(await RequestExpiry.ExpireDueAsync(db, DateTimeOffset.UtcNow.AddDays(13), default));
            var expired = await RequestExpiry.ExpireDueAsync(db, DateTimeOffset.UtcNow.AddDays(15), default);
            Assert.Contains(id, expired.Select(m => m.Id));
            Assert.All(expired, m => Assert.Equal(MatchStatus.Expired, m.Status));
        }

        const string View = "query($id: ID!) { match(id: $id) { status transitions { to actor } nextSuggestions { mentor { id } score } } }";
        var view = await noah.QueryAsync(View, new { id = matchId });
        Assert.Equal("EXPIRED", view.EnsureNoErrors().Data["match"]!["status"]!.GetValue<string>());
        Assert.Equal("SYSTEM", view.Data["match"]!["transitions"]![1]!["actor"]!.GetValue<string>());

        // The mentee is shown whom to ask next, best first, never the mentor who did not answer; the mentor is shown nothing.
        var next = view.Data["match"]!["nextSuggestions"]!.AsArray();
        Assert.Equal(5, next.Count);
        Assert.DoesNotContain(mentor, next.Select(s => s!["mentor"]!["id"]!.GetValue<string>()));
        Assert.Equal(next.Select(s => s!["score"]!.GetValue<double>()).OrderDescending(), next.Select(s => s!["score"]!.GetValue<double>()));
        var tooMany = await noah.QueryAsync("query($id: ID!) { match(id: $id) { nextSuggestions(first: 11) { score } } }", new { id = matchId });
        Assert.Equal("LIMIT_EXCEEDED", tooMany.FirstErrorCode);
        var julie = await SignInAsync("julie.caron@exemple.qc.ca");
        Assert.Empty((await julie.QueryAsync(View, new { id = matchId })).EnsureNoErrors().Data["match"]!["nextSuggestions"]!.AsArray());

        // Once the mentee asks again, there is nothing more to suggest on the expired request.
        Assert.NotNull(Data(await noah.QueryAsync(Request, new { p = jumo, m = mentor }), "requestMentor")["match"]);
        Assert.Empty((await noah.QueryAsync(View, new { id = matchId })).EnsureNoErrors().Data["match"]!["nextSuggestions"]!.AsArray());
    }

    private static System.Text.Json.Nodes.JsonNode Data(GraphQLResponse response, string field) => response.EnsureNoErrors().Data[field]!;

    private static string? Status(GraphQLResponse response, string field) => Data(response, field)["match"]?["status"]?.GetValue<string>();

    private static string? Code(GraphQLResponse response, string field) =>
        Data(response, field)["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).FirstOrDefault();

    private async Task<int> CountAsync()
    {
        await using var db = Factory.CreateDbContext();
        return await db.Matches.CountAsync();
    }

    private async Task<string> CohortIdAsync(string name)
    {
        await using var db = Factory.CreateDbContext();
        return GlobalId.Encode("Cohort", (await db.Cohorts.SingleAsync(p => p.Name == name)).Id);
    }
}
