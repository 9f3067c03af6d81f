using System.Text.Json.Nodes;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Data;
using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Reports;

/// <summary>programReport: a coordinator's view of a program follows what its members do, in counts only.</summary>
public sealed class ProgramReportTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Report =
        "query($p: ID!, $y: Int) { programReport(programId: $p, year: $y) { year activeMentors activeMentees applications waitlisted mentorPlaces freeMentorPlaces " +
        "matches { status count } matchesNeedingAttention matchesStarted requestsAnswered medianDaysToAnswer meetings meetingMinutes goalsSet goalsAchieved checkIns averageSatisfaction } }";

    private static int Status(JsonNode report, string status) =>
        report["matches"]!.AsArray().Single(m => m!["status"]!.GetValue<string>() == status)!["count"]!.GetValue<int>();

    private static int Int(JsonNode report, string field) => report[field]!.GetValue<int>();

    [Fact]
    public async Task The_report_follows_a_request_a_meeting_a_goal_and_a_check_in()
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var coordinator = await SignInAsync(DemoPeople.JumoCoordinator);
        var before = (await coordinator.QueryAsync(Report, new { p = jumo })).EnsureNoErrors().Data["programReport"]!;
        Assert.Equal(QuebecTime.Today(TimeProvider.System).Year, Int(before, "year"));

        var noah = await SignInAsync(DemoPeople.Noah);
        var david = await SignInAsync("david.chen@exemple.qc.ca");
        var matchId = (await noah.QueryAsync(
                "mutation($p: ID!, $m: ID!) { requestMentor(programId: $p, mentorId: $m) { match { id } } }",
                new { p = jumo, m = await Factory.MemberGlobalIdAsync("david.chen@exemple.qc.ca") }))
            .EnsureNoErrors().Data["requestMentor"]!["match"]!["id"]!.GetValue<string>();
        (await david.QueryAsync("mutation($id: ID!) { acceptRequest(matchId: $id) { match { status } } }", new { id = matchId })).EnsureNoErrors();
        var today = QuebecTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        var meeting = await david.QueryAsync(
            "mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { errors { code } } }",
            new { input = new { matchId, occurredOn = today, durationMinutes = 90, mode = "VIDEO", note = "Privé" } });
        Assert.Empty(meeting.EnsureNoErrors().Data["recordMeeting"]!["errors"]!.AsArray());
        var goalId = (await noah.QueryAsync(
                "mutation($input: CreateGoalInput!) { createGoal(input: $input) { goal { id } } }",
                new { input = new { matchId, title = "Soins virtuels" } }))
            .EnsureNoErrors().Data["createGoal"]!["goal"]!["id"]!.GetValue<string>();
        (await noah.QueryAsync("mutation($id: ID!) { achieveGoal(goalId: $id) { goal { status } } }", new { id = goalId })).EnsureNoErrors();
        var checkIn = await noah.QueryAsync(
            "mutation($input: SubmitCheckInInput!) { submitCheckIn(input: $input) { errors { code } } }",
            new { input = new { matchId, satisfaction = 2, met = true } });
        Assert.Empty(checkIn.EnsureNoErrors().Data["submitCheckIn"]!["errors"]!.AsArray());

        var after = (await coordinator.QueryAsync(Report, new { p = jumo })).EnsureNoErrors().Data["programReport"]!;
        Assert.Equal(Status(before, "ACTIVE") + 1, Status(after, "ACTIVE"));
        Assert.Equal(Int(before, "freeMentorPlaces") - 1, Int(after, "freeMentorPlaces"));
        Assert.Equal(Int(before, "mentorPlaces"), Int(after, "mentorPlaces"));
        Assert.Equal(Int(before, "matchesStarted") + 1, Int(after, "matchesStarted"));
        Assert.Equal(Int(before, "requestsAnswered") + 1, Int(after, "requestsAnswered"));
        Assert.NotNull(after["medianDaysToAnswer"]);
        Assert.Equal(Int(before, "meetings") + 1, Int(after, "meetings"));
        Assert.Equal(Int(before, "meetingMinutes") + 90, Int(after, "meetingMinutes"));
        Assert.Equal(Int(before, "goalsSet") + 1, Int(after, "goalsSet"));
        Assert.Equal(Int(before, "goalsAchieved") + 1, Int(after, "goalsAchieved"));
        Assert.Equal(Int(before, "checkIns") + 1, Int(after, "checkIns"));
        Assert.Equal(Int(before, "matchesNeedingAttention") + 1, Int(after, "matchesNeedingAttention")); // satisfaction 2
        Assert.InRange(after["averageSatisfaction"]!.GetValue<double>(), 1, 5);
        Assert.DoesNotContain("Privé", after.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Soins virtuels", after.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_past_year_has_no_activity_and_counts_every_status()
    {
        var structured = await Factory.ProgramGlobalIdAsync(DemoData.StructuredProgramCode);
        var coordinator = await SignInAsync(DemoPeople.StructuredCoordinator);

        var report = (await coordinator.QueryAsync(Report, new { p = structured, y = 2001 })).EnsureNoErrors().Data["programReport"]!;

        Assert.Equal(2001, Int(report, "year"));
        Assert.Equal(0, Int(report, "meetings") + Int(report, "matchesStarted") + Int(report, "goalsSet") + Int(report, "checkIns"));
        Assert.Null(report["medianDaysToAnswer"]);
        Assert.Null(report["averageSatisfaction"]);
        Assert.Equal(8, report["matches"]!.AsArray().Count);
        Assert.True(Int(report, "applications") + Int(report, "waitlisted") > 0, "the demo structured program has applicants");
    }

    [Theory]
    [InlineData(null, "UNAUTHENTICATED")]
    [InlineData(DemoPeople.Sarah, "FORBIDDEN")]
    [InlineData(DemoPeople.JumoCoordinator, "FORBIDDEN")]
    public async Task Only_the_programs_coordinators_and_admins_read_it(string? who, string code)
    {
        var structured = await Factory.ProgramGlobalIdAsync(DemoData.StructuredProgramCode);
        var client = who is null ? Graph : await SignInAsync(who);

        Assert.Equal(code, (await client.QueryAsync(Report, new { p = structured })).FirstErrorCode);
        Assert.Null((await (await SignInAsync(DemoPeople.Admin)).QueryAsync(Report, new { p = structured })).FirstErrorCode);
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(3000)]
    public async Task A_year_out_of_range_is_bad_user_input(int year)
    {
        var jumo = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode);
        var admin = await SignInAsync(DemoPeople.Admin);

        Assert.Equal("BAD_USER_INPUT", (await admin.QueryAsync(Report, new { p = jumo, y = year })).FirstErrorCode);
    }
}
