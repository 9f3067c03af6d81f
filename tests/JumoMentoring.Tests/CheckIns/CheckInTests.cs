using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.CheckIns;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.CheckIns;

/// <summary>Check-ins: the schedule, submitting, typed errors, and who reads them.</summary>
public sealed class CheckInTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Thomas = "thomas.leblanc@exemple.qc.ca";
    private const string Pending = "{ pendingCheckIns { match { id } dueSince lastCheckInAt } }";
    private const string Submit = "mutation($input: SubmitCheckInInput!) { submitCheckIn(input: $input) { checkIn { id satisfaction met comment submittedAt member { displayName } } errors { code field } } }";

    [Fact]
    public async Task Check_ins_fall_due_every_interval_after_activation_then_after_the_last_one()
    {
        var match = await Factory.FindAsync(DemoPeople.Helene, Thomas);
        var activatedAt = (await Factory.WithDbAsync(db => MatchActivation.ActivatedAtAsync(db, [match.Id], default)))[match.Id];
        var helene = await SignInAsync(DemoPeople.Helene);
        var thomas = await SignInAsync(Thomas);

        // The demo: Hélène never checked in, four weeks after the match started she owes one.
        var owed = Assert.Single((await helene.QueryAsync(Pending)).EnsureNoErrors().Data["pendingCheckIns"]!.AsArray())!;
        Assert.Equal(DemoMatches.GlobalIdOf(match), owed["match"]!["id"]!.GetValue<string>());
        AssertClose(activatedAt.AddDays(28), owed["dueSince"]!.GetValue<DateTimeOffset>());
        Assert.Null(owed["lastCheckInAt"]);

        // Thomas checked in 13 days ago: not due with a 4-week interval, due with a 1-week one.
        Assert.Empty((await thomas.QueryAsync(Pending)).EnsureNoErrors().Data["pendingCheckIns"]!.AsArray());
        await Factory.WithDbAsync(db => db.Programs.Where(p => p.Code == DemoData.StructuredProgramCode).ExecuteUpdateAsync(s => s.SetProperty(p => p.CheckInIntervalWeeks, 1)));
        var last = await Factory.WithDbAsync(db => db.CheckIns.Where(x => x.MatchId == match.Id && x.MemberId == match.MenteeId).MaxAsync(x => x.SubmittedAt));
        var due = Assert.Single((await thomas.QueryAsync(Pending)).EnsureNoErrors().Data["pendingCheckIns"]!.AsArray())!;
        AssertClose(last.AddDays(7), due["dueSince"]!.GetValue<DateTimeOffset>());
        AssertClose(last, due["lastCheckInAt"]!.GetValue<DateTimeOffset>());

        // Only active matches ask for check-ins.
        await Factory.SetStatusAsync(match.Id, MatchStatus.Paused);
        Assert.Empty((await helene.QueryAsync(Pending)).EnsureNoErrors().Data["pendingCheckIns"]!.AsArray());
        await Factory.SetStatusAsync(match.Id, MatchStatus.Active);

        // Checking in clears it.
        (await helene.QueryAsync(Submit, new { input = new { matchId = DemoMatches.GlobalIdOf(match), satisfaction = 5, met = true } })).Ok("submitCheckIn");
        Assert.Empty((await helene.QueryAsync(Pending)).EnsureNoErrors().Data["pendingCheckIns"]!.AsArray());
        Assert.Equal("UNAUTHENTICATED", (await Graph.QueryAsync(Pending)).FirstErrorCode);
    }

    [Fact]
    public async Task A_check_in_may_come_early_but_only_once_a_day()
    {
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var input = new { matchId = DemoMatches.GlobalIdOf(match), satisfaction = 4, met = false, comment = "  Tout va bien.  " };
        Assert.Empty((await sarah.QueryAsync(Pending)).EnsureNoErrors().Data["pendingCheckIns"]!.AsArray());

        var first = (await sarah.QueryAsync(Submit, new { input })).Ok("submitCheckIn")["checkIn"]!;
        Assert.Equal(4, first["satisfaction"]!.GetValue<int>());
        Assert.False(first["met"]!.GetValue<bool>());
        Assert.Equal("Tout va bien.", first["comment"]!.GetValue<string>());
        Assert.Equal("Sarah Thompson", first["member"]!["displayName"]!.GetValue<string>());

        Assert.Equal(["CHECK_IN_TOO_SOON"], (await sarah.QueryAsync(Submit, new { input })).Refused("submitCheckIn"));
        var id = GlobalId.Parse(first["id"]!.GetValue<string>(), "CheckIn");
        await Factory.WithDbAsync(db => db.CheckIns.Where(x => x.Id == id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SubmittedAt, DateTimeOffset.UtcNow.AddHours(-25))));
        (await sarah.QueryAsync(Submit, new { input })).Ok("submitCheckIn");
    }

    [Fact]
    public async Task Bad_input_answers_typed_errors_and_stores_nothing()
    {
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var matchId = DemoMatches.GlobalIdOf(match);
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var before = await CountAsync();

        Assert.Equal(["SATISFACTION_OUT_OF_RANGE"], (await sarah.QueryAsync(Submit, new { input = new { matchId, satisfaction = 0, met = true } })).Refused("submitCheckIn"));
        Assert.Equal(["SATISFACTION_OUT_OF_RANGE"], (await sarah.QueryAsync(Submit, new { input = new { matchId, satisfaction = 6, met = true } })).Refused("submitCheckIn"));
        var both = await sarah.QueryAsync(Submit, new { input = new { matchId, satisfaction = -3, met = true, comment = new string('c', CheckIn.CommentMaxLength + 1) } });
        Assert.Equal(["SATISFACTION_OUT_OF_RANGE", "COMMENT_TOO_LONG"], both.Refused("submitCheckIn"));
        Assert.Equal(["satisfaction", "comment"], both.Data["submitCheckIn"]!["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));

        var valid = new { input = new { matchId, satisfaction = 3, met = true } };
        Assert.Equal(["NOT_A_MEMBER"], (await (await SignInAsync(DemoPeople.JumoCoordinator)).QueryAsync(Submit, valid)).Refused("submitCheckIn"));
        Assert.Equal(["MATCH_NOT_FOUND"], (await (await SignInAsync(DemoPeople.Noah)).QueryAsync(Submit, valid)).Refused("submitCheckIn"));
        Assert.Equal("UNAUTHENTICATED", (await Graph.QueryAsync(Submit, valid)).FirstErrorCode);
        await Factory.SetStatusAsync(match.Id, MatchStatus.Ended);
        Assert.Equal(["MATCH_NOT_ACTIVE"], (await sarah.QueryAsync(Submit, valid)).Refused("submitCheckIn"));

        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task The_partner_never_sees_a_check_in_and_the_coordinators_read_its_comment()
    {
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var matchId = DemoMatches.GlobalIdOf(match);
        await Factory.WithDbAsync(db => db.CheckIns.Where(x => x.MatchId == match.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SubmittedAt, DateTimeOffset.UtcNow.AddDays(-10))));
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var id = (await sarah.QueryAsync(Submit, new { input = new { matchId, satisfaction = 3, met = true, comment = "Margaret annule souvent." } }))
            .Ok("submitCheckIn")["checkIn"]!["id"]!.GetValue<string>();
        const string List = "query($id: ID!) { match(id: $id) { checkIns(first: 50) { totalCount nodes { id comment satisfaction member { displayName } } } } }";
        const string ByNode = "query($id: ID!) { node(id: $id) { ... on CheckIn { satisfaction comment } } }";

        var margaret = await SignInAsync(DemoPeople.Margaret);
        var hers = (await margaret.QueryAsync(List, new { id = matchId })).EnsureNoErrors().Data["match"]!["checkIns"]!;
        Assert.NotEmpty(hers["nodes"]!.AsArray());
        Assert.All(hers["nodes"]!.AsArray(), x => Assert.Equal("Margaret O'Connor", x!["member"]!["displayName"]!.GetValue<string>()));
        Assert.Equal(hers["nodes"]!.AsArray().Count, hers["totalCount"]!.GetValue<int>());
        Assert.Null((await margaret.QueryAsync(ByNode, new { id })).EnsureNoErrors().Data["node"]);

        var own = (await sarah.QueryAsync(List, new { id = matchId })).EnsureNoErrors().Data["match"]!["checkIns"]!["nodes"]!.AsArray();
        Assert.All(own, x => Assert.Equal("Sarah Thompson", x!["member"]!["displayName"]!.GetValue<string>()));
        Assert.Equal(id, own[0]!["id"]!.GetValue<string>());

        foreach (var staff in new[] { DemoPeople.JumoCoordinator, DemoPeople.Admin })
        {
            var client = await SignInAsync(staff);
            var all = (await client.QueryAsync(List, new { id = matchId })).EnsureNoErrors().Data["match"]!["checkIns"]!["nodes"]!.AsArray();
            Assert.Equal(hers["nodes"]!.AsArray().Count + own.Count, all.Count);
            Assert.Equal("Margaret annule souvent.", all.Single(x => x!["id"]!.GetValue<string>() == id)!["comment"]!.GetValue<string>());
            Assert.Equal("Margaret annule souvent.", (await client.QueryAsync(ByNode, new { id })).EnsureNoErrors().Data["node"]!["comment"]!.GetValue<string>());
        }

        var outsider = await SignInAsync(DemoPeople.StructuredCoordinator);
        Assert.Null((await outsider.QueryAsync(ByNode, new { id })).EnsureNoErrors().Data["node"]);
    }

    private Task<int> CountAsync() => Factory.WithDbAsync(db => db.CheckIns.CountAsync());

    private static void AssertClose(DateTimeOffset expected, DateTimeOffset actual) =>
        Assert.True((expected - actual).Duration() < TimeSpan.FromMilliseconds(1), $"expected {expected:O}, got {actual:O}");
}
