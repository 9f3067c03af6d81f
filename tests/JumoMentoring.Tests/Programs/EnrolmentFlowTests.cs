using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Programs;

public sealed class EnrolmentFlowTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Enrol = "mutation($input: EnrolInput!) { enrollInProgram(input: $input) { enrolment { role status mentorCapacity program { code } } errors { code field message } } }";
    private const string Apply = "mutation($input: EnrolInput!) { applyToProgram(input: $input) { enrolment { id status waitlistPosition } errors { code field } } }";

    [Fact]
    public async Task Coordinator_and_two_members_go_through_application_waiting_list_and_admission()
    {
        var structured = await Factory.ProgramGlobalIdAsync(DemoData.StructuredProgramCode);
        var coordinator = await SignInAsync(DemoPeople.StructuredCoordinator);
        var noah = await SignInAsync(DemoPeople.Noah);
        var sarah = await SignInAsync(DemoPeople.Sarah);

        // Two members apply.
        var noahApplication = await noah.QueryAsync(Apply, new { input = new { programId = structured, role = "MENTEE", motivation = "Je veux pratiquer en région." } });
        var sarahApplication = await sarah.QueryAsync(Apply, new { input = new { programId = structured, role = "MENTEE" } });
        var noahId = noahApplication.EnsureNoErrors().Data["applyToProgram"]!["enrolment"]!["id"]!.GetValue<string>();
        var sarahId = sarahApplication.EnsureNoErrors().Data["applyToProgram"]!["enrolment"]!["id"]!.GetValue<string>();
        Assert.Equal("APPLIED", noahApplication.Data["applyToProgram"]!["enrolment"]!["status"]!.GetValue<string>());

        // The coordinator opens a cohort of one pair, admits Noah and waitlists Sarah.
        var cohort = await coordinator.QueryAsync(
            "mutation($p: ID!) { createCohort(input: { programId: $p, name: \"Automne 2027\", capacity: 1, startsOn: \"2027-09-01\", endsOn: \"2028-06-30\" }) { cohort { id capacity } errors { code } } }",
            new { p = structured });
        var cohortId = cohort.EnsureNoErrors().Data["createCohort"]!["cohort"]!["id"]!.GetValue<string>();
        const string Admit = "mutation($e: ID!, $c: ID!) { admitApplicant(input: { enrolmentId: $e, cohortId: $c }) { enrolment { status cohort { name } } errors { code } } }";
        var admitted = await coordinator.QueryAsync(Admit, new { e = noahId, c = cohortId });
        var waitlisted = await coordinator.QueryAsync("mutation($e: ID!) { waitlistApplicant(enrolmentId: $e) { enrolment { status waitlistPosition } errors { code } } }", new { e = sarahId });
        Assert.Equal("ACTIVE", admitted.EnsureNoErrors().Data["admitApplicant"]!["enrolment"]!["status"]!.GetValue<string>());
        Assert.Equal("Automne 2027", admitted.Data["admitApplicant"]!["enrolment"]!["cohort"]!["name"]!.GetValue<string>());

        // Two demo residents were already waiting: Sarah is third, and sees it.
        Assert.Equal(3, waitlisted.EnsureNoErrors().Data["waitlistApplicant"]!["enrolment"]!["waitlistPosition"]!.GetValue<int>());
        var sarahView = await sarah.QueryAsync("{ me { enrolments { status waitlistPosition program { code } } } }");
        var structuredEnrolment = sarahView.EnsureNoErrors().Data["me"]!["enrolments"]!.AsArray().Single(e => e!["program"]!["code"]!.GetValue<string>() == DemoData.StructuredProgramCode)!;
        Assert.Equal("WAITLISTED", structuredEnrolment["status"]!.GetValue<string>());
        Assert.Equal(3, structuredEnrolment["waitlistPosition"]!.GetValue<int>());

        // The cohort is full: admitting Sarah answers COHORT_FULL and changes nothing.
        var full = await coordinator.QueryAsync(Admit, new { e = sarahId, c = cohortId });
        Assert.Equal("COHORT_FULL", SingleErrorCode(full, "admitApplicant"));

        // The first on the list withdraws: Sarah moves up.
        var camille = await SignInAsync(DemoPeople.Camille);
        var withdrawn = await camille.QueryAsync("mutation($p: ID!) { withdrawFromProgram(input: { programId: $p, role: MENTEE }) { enrolment { status } errors { code } } }", new { p = structured });
        Assert.Equal("WITHDRAWN", withdrawn.EnsureNoErrors().Data["withdrawFromProgram"]!["enrolment"]!["status"]!.GetValue<string>());
        var list = await coordinator.QueryAsync("query($p: ID!) { program(id: $p) { waitingList(role: MENTEE) { waitlistPosition member { displayName } } } }", new { p = structured });
        var waiting = list.EnsureNoErrors().Data["program"]!["waitingList"]!.AsArray();
        Assert.Equal(["Gabriel Dubé", "Sarah Thompson"], waiting.Select(w => w!["member"]!["displayName"]!.GetValue<string>()));
        Assert.Equal([1, 2], waiting.Select(w => w!["waitlistPosition"]!.GetValue<int>()));

        // The coordinator sees the cohort's members.
        var members = await coordinator.QueryAsync("query($c: ID!) { node(id: $c) { ... on Cohort { members { role member { displayName } } } } }", new { c = cohortId });
        Assert.Equal("Noah Smith", members.EnsureNoErrors().Data["node"]!["members"]![0]!["member"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Enrolling_in_jumo_takes_effect_at_once_and_twice_is_already_enrolled()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var camille = await SignInAsync(DemoPeople.Camille);

        var first = await camille.QueryAsync(Enrol, new { input = new { programId = jumo, role = "MENTEE" } });
        var again = await camille.QueryAsync(Enrol, new { input = new { programId = jumo, role = "MENTEE" } });

        Assert.Equal("ACTIVE", first.EnsureNoErrors().Data["enrollInProgram"]!["enrolment"]!["status"]!.GetValue<string>());
        Assert.Equal("ALREADY_ENROLLED", SingleErrorCode(again, "enrollInProgram"));
        Assert.Null(again.Data["enrollInProgram"]!["enrolment"]);
    }

    [Fact]
    public async Task Parallel_enrolments_of_one_member_create_exactly_one()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var camille = await SignInAsync(DemoPeople.Camille);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            camille.QueryAsync(Enrol, new { input = new { programId = jumo, role = "MENTOR", mentorCapacity = 2 } })));

        Assert.Single(results, r => r.EnsureNoErrors().Data["enrollInProgram"]!["enrolment"] is not null);
        Assert.All(results.Where(r => r.Data["enrollInProgram"]!["enrolment"] is null), r => Assert.Equal("ALREADY_ENROLLED", SingleErrorCode(r, "enrollInProgram")));
        await using var db = Factory.CreateDbContext();
        Assert.Equal(1, await db.Enrolments.CountAsync(e => e.Member!.Email == DemoPeople.Camille && e.Role == ProgramRole.Mentor));
    }

    [Fact]
    public async Task Parallel_admissions_never_overfill_a_cohort()
    {
        var structured = await Factory.ProgramGlobalIdAsync(DemoData.StructuredProgramCode);
        var coordinator = await SignInAsync(DemoPeople.StructuredCoordinator);
        var cohort = await coordinator.QueryAsync("mutation($p: ID!) { createCohort(input: { programId: $p, name: \"Petite\", capacity: 1 }) { cohort { id } } }", new { p = structured });
        var cohortId = cohort.EnsureNoErrors().Data["createCohort"]!["cohort"]!["id"]!.GetValue<string>();
        var waiting = await coordinator.QueryAsync("query($p: ID!) { program(id: $p) { waitingList(role: MENTEE) { id } } }", new { p = structured });
        var ids = waiting.EnsureNoErrors().Data["program"]!["waitingList"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(2, ids.Count);

        var results = await Task.WhenAll(ids.Select(id => coordinator.QueryAsync(
            "mutation($e: ID!, $c: ID!) { admitApplicant(input: { enrolmentId: $e, cohortId: $c }) { enrolment { status } errors { code } } }", new { e = id, c = cohortId })));

        Assert.Single(results, r => r.EnsureNoErrors().Data["admitApplicant"]!["enrolment"] is not null);
        Assert.Single(results, r => SingleErrorCode(r, "admitApplicant") == "COHORT_FULL");
    }

    [Theory]
    [InlineData(DemoData.StructuredProgramCode, "MENTEE", null, "APPLICATION_REQUIRED")]
    [InlineData(DemoData.FlexibleProgramCode, "MENTOR", null, "INVALID_CAPACITY")]
    [InlineData(DemoData.FlexibleProgramCode, "MENTOR", 21, "INVALID_CAPACITY")]
    [InlineData(DemoData.FlexibleProgramCode, "MENTEE", 2, "INVALID_CAPACITY")]
    public async Task Invalid_enrolments_answer_typed_errors_and_store_nothing(string program, string role, int? capacity, string code)
    {
        var programId = await Factory.ProgramGlobalIdAsync(program);
        var camille = await SignInAsync(DemoPeople.Camille);
        var before = await EnrolmentCountAsync();

        var response = await camille.QueryAsync(Enrol, new { input = new { programId, role, mentorCapacity = capacity } });

        Assert.Equal(code, SingleErrorCode(response, "enrollInProgram"));
        Assert.Equal(before, await EnrolmentCountAsync());
    }

    [Fact]
    public async Task A_closed_program_refuses_enrolments_in_the_readers_language()
    {
        await using (var db = Factory.CreateDbContext())
        {
            await db.Programs.Where(p => p.Code == DemoData.FlexibleProgramCode).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, ProgramStatus.Closed));
        }

        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var camille = await SignInAsync(DemoPeople.Camille);

        var french = await camille.QueryAsync(Enrol, new { input = new { programId = jumo, role = "MENTEE" } });
        var english = await camille.QueryAsync(Enrol, new { input = new { programId = jumo, role = "MENTEE" } }, acceptLanguage: "en");

        Assert.Equal("PROGRAM_CLOSED", SingleErrorCode(french, "enrollInProgram"));
        Assert.StartsWith("Ce programme", french.Data["enrollInProgram"]!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("This program", english.Data["enrollInProgram"]!["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Withdrawing_when_not_enrolled_is_a_typed_error()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var camille = await SignInAsync(DemoPeople.Camille);

        var response = await camille.QueryAsync("mutation($p: ID!) { withdrawFromProgram(input: { programId: $p, role: MENTOR }) { errors { code } } }", new { p = jumo });

        Assert.Equal("NOT_ENROLLED", SingleErrorCode(response, "withdrawFromProgram"));
    }

    private static string? SingleErrorCode(GraphQLResponse response, string field) =>
        response.EnsureNoErrors().Data[field]!["errors"]!.AsArray().Select(e => e!["code"]!.GetValue<string>()).SingleOrDefault();

    private async Task<int> EnrolmentCountAsync()
    {
        await using var db = Factory.CreateDbContext();
        return await db.Enrolments.CountAsync();
    }
}
