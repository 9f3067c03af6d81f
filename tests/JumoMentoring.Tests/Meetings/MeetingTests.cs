using JumoMentoring.Api.Graph;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Meetings;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Meetings;

/// <summary>The meetings log: who records, who reads the note, totals, typed errors.</summary>
public sealed class MeetingTests(ApiFactory factory) : ApiTest(factory)
{
    private const string MeetingFields = "id occurredOn durationMinutes mode note recordedByMe recordedBy { displayName }";
    private const string Record = $"mutation($input: RecordMeetingInput!) {{ recordMeeting(input: $input) {{ meeting {{ {MeetingFields} }} errors {{ code field }} }} }}";
    private const string Update = $"mutation($input: UpdateMeetingInput!) {{ updateMeeting(input: $input) {{ meeting {{ {MeetingFields} }} errors {{ code field }} }} }}";
    private const string Remove = "mutation($id: ID!) { removeMeeting(meetingId: $id) { match { meetingTotals { count minutes } } errors { code field } } }";
    private const string Totals = "query($id: ID!) { match(id: $id) { meetingTotals { count minutes hours } } }";

    private static DateOnly Today => QuebecTime.Today(TimeProvider.System);

    private static string Day(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd");

    [Fact]
    public async Task Either_member_records_a_meeting_and_its_note_is_the_authors_alone()
    {
        var match = DemoMatches.GlobalIdOf(await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah));
        var sarah = await SignInAsync(DemoPeople.Sarah);

        var recorded = (await sarah.QueryAsync(Record, new { input = new { matchId = match, occurredOn = Day(2), durationMinutes = 50, mode = "IN_PERSON", note = "  Je stresse pour l'examen.  " } }))
            .Ok("recordMeeting")["meeting"]!;
        var id = recorded["id"]!.GetValue<string>();
        Assert.Equal("Je stresse pour l'examen.", recorded["note"]!.GetValue<string>());
        Assert.Equal("IN_PERSON", recorded["mode"]!.GetValue<string>());
        Assert.True(recorded["recordedByMe"]!.GetValue<bool>());

        const string ByNode = $"query($id: ID!) {{ node(id: $id) {{ ... on Meeting {{ {MeetingFields} }} }} }}";
        var readers = new Dictionary<string, bool>
        {
            [DemoPeople.Sarah] = true,
            [DemoPeople.Margaret] = false,          // the partner
            [DemoPeople.JumoCoordinator] = false,   // the program's coordinator
            [DemoPeople.Admin] = false,
        };
        foreach (var (reader, isAuthor) in readers)
        {
            var client = await SignInAsync(reader);
            var node = (await client.QueryAsync(ByNode, new { id })).EnsureNoErrors().Data["node"]!;
            var listed = (await client.QueryAsync($"query($id: ID!) {{ match(id: $id) {{ meetings(first: 1) {{ nodes {{ {MeetingFields} }} }} }} }}", new { id = match }))
                .EnsureNoErrors().Data["match"]!["meetings"]!["nodes"]![0]!;
            foreach (var meeting in new[] { node, listed })
            {
                Assert.Equal(50, meeting["durationMinutes"]!.GetValue<int>());
                Assert.Equal(isAuthor, meeting["recordedByMe"]!.GetValue<bool>());
                Assert.Equal(isAuthor ? "Je stresse pour l'examen." : null, meeting["note"]?.GetValue<string>());
                Assert.Equal("Sarah Thompson", meeting["recordedBy"]!["displayName"]!.GetValue<string>());
            }
        }

        // Nobody else sees the meeting.
        var noah = await SignInAsync(DemoPeople.Noah);
        Assert.Null((await noah.QueryAsync(ByNode, new { id })).EnsureNoErrors().Data["node"]);
        var outsider = await SignInAsync(DemoPeople.StructuredCoordinator);
        Assert.Null((await outsider.QueryAsync(ByNode, new { id })).EnsureNoErrors().Data["node"]);
    }

    [Fact]
    public async Task Totals_add_up_per_match_and_per_member()
    {
        var demo = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var match = DemoMatches.GlobalIdOf(demo);
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var margaret = await SignInAsync(DemoPeople.Margaret);
        var expected = await Factory.WithDbAsync(db => db.Meetings.Where(m => m.MatchId == demo.Id).Select(m => m.DurationMinutes).ToListAsync());
        var before = (await sarah.QueryAsync(Totals, new { id = match })).EnsureNoErrors().Data["match"]!["meetingTotals"]!;
        Assert.Equal(expected.Count, before["count"]!.GetValue<int>());
        Assert.Equal(expected.Sum(), before["minutes"]!.GetValue<int>());

        (await sarah.QueryAsync(Record, new { input = new { matchId = match, occurredOn = Day(1), durationMinutes = 30, mode = "PHONE" } })).Ok("recordMeeting");
        (await margaret.QueryAsync(Record, new { input = new { matchId = match, occurredOn = Day(1), durationMinutes = 22, mode = "VIDEO" } })).Ok("recordMeeting");

        var after = (await margaret.QueryAsync(Totals, new { id = match })).EnsureNoErrors().Data["match"]!["meetingTotals"]!;
        var minutes = expected.Sum() + 52;
        Assert.Equal(expected.Count + 2, after["count"]!.GetValue<int>());
        Assert.Equal(minutes, after["minutes"]!.GetValue<int>());
        Assert.Equal((double)CreditHours.FromMinutes(minutes), after["hours"]!.GetValue<double>());

        // Per member: every match of theirs, whoever recorded; visible to themself only.
        const string Mine = "{ me { meetingTotals { count minutes } year2000: meetingTotals(year: 2000) { count } } }";
        var me = (await sarah.QueryAsync(Mine)).EnsureNoErrors().Data["me"]!;
        Assert.Equal(expected.Count + 2, me["meetingTotals"]!["count"]!.GetValue<int>());
        Assert.Equal(minutes, me["meetingTotals"]!["minutes"]!.GetValue<int>());
        Assert.Equal(0, me["year2000"]!["count"]!.GetValue<int>());
        var partner = await margaret.QueryAsync("query($id: ID!) { member(id: $id) { displayName meetingTotals { count } } }", new { id = await Factory.MemberGlobalIdAsync(DemoPeople.Sarah) });
        Assert.Null(partner.EnsureNoErrors().Data["member"]!["meetingTotals"]);
    }

    [Fact]
    public async Task Bad_input_answers_typed_errors_and_stores_nothing()
    {
        var demo = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var match = DemoMatches.GlobalIdOf(demo);
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var before = await SnapshotAsync();
        var activated = await Factory.WithDbAsync(db => MatchActivation.ActivatedAtAsync(db, [demo.Id], default));
        var startedOn = QuebecTime.DateOf(activated[demo.Id]);

        async Task<string[]> Codes(string occurredOn, int minutes, string? note = null) =>
            (await sarah.QueryAsync(Record, new { input = new { matchId = match, occurredOn, durationMinutes = minutes, mode = "VIDEO", note } })).Refused("recordMeeting");

        Assert.Equal(["DURATION_OUT_OF_RANGE"], await Codes(Day(1), Meeting.MinDurationMinutes - 1));
        Assert.Equal(["DURATION_OUT_OF_RANGE"], await Codes(Day(1), Meeting.MaxDurationMinutes + 1));
        Assert.Equal(["MEETING_IN_FUTURE"], await Codes(Today.AddDays(1).ToString("yyyy-MM-dd"), 30));
        Assert.Equal(["MEETING_BEFORE_MATCH"], await Codes(startedOn.AddDays(-1).ToString("yyyy-MM-dd"), 30));
        Assert.Equal(["DURATION_OUT_OF_RANGE", "MEETING_IN_FUTURE", "NOTE_TOO_LONG"], await Codes(Today.AddDays(3).ToString("yyyy-MM-dd"), 0, new string('n', Meeting.NoteMaxLength + 1)));

        // A malformed date or mode is refused by the schema itself.
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (await sarah.QueryAsync(Record, new { input = new { matchId = match, occurredOn = "hier", durationMinutes = 30, mode = "VIDEO" } })).FirstErrorCode);
        Assert.Equal("GRAPHQL_VALIDATION_FAILED", (await sarah.QueryAsync(Record, new { input = new { matchId = match, occurredOn = Day(1), durationMinutes = 30, mode = "CARRIER_PIGEON" } })).FirstErrorCode);

        // The boundaries themselves are fine.
        (await sarah.QueryAsync(Record, new { input = new { matchId = match, occurredOn = startedOn.ToString("yyyy-MM-dd"), durationMinutes = Meeting.MinDurationMinutes, mode = "VIDEO" } })).Ok("recordMeeting");
        (await sarah.QueryAsync(Record, new { input = new { matchId = match, occurredOn = Today.ToString("yyyy-MM-dd"), durationMinutes = Meeting.MaxDurationMinutes, mode = "VIDEO" } })).Ok("recordMeeting");
        Assert.Equal(before + 2, await SnapshotAsync());
    }

    [Fact]
    public async Task Only_the_author_changes_or_removes_a_meeting_and_only_while_the_match_is_active_or_paused()
    {
        var demo = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var match = DemoMatches.GlobalIdOf(demo);
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var margaret = await SignInAsync(DemoPeople.Margaret);
        var id = (await sarah.QueryAsync(Record, new { input = new { matchId = match, occurredOn = Day(3), durationMinutes = 40, mode = "VIDEO", note = "privé" } }))
            .Ok("recordMeeting")["meeting"]!["id"]!.GetValue<string>();
        var change = new { input = new { meetingId = id, occurredOn = Day(4), durationMinutes = 45, mode = "PHONE", note = (string?)null } };

        Assert.Equal(["NOT_THE_AUTHOR"], (await margaret.QueryAsync(Update, change)).Refused("updateMeeting"));
        Assert.Equal(["NOT_THE_AUTHOR"], (await margaret.QueryAsync(Remove, new { id })).Refused("removeMeeting"));
        var coordinator = await SignInAsync(DemoPeople.JumoCoordinator);
        Assert.Equal(["NOT_A_MEMBER"], (await coordinator.QueryAsync(Update, change)).Refused("updateMeeting"));
        Assert.Equal(["NOT_A_MEMBER"], (await coordinator.QueryAsync(Record, new { input = new { matchId = match, occurredOn = Day(1), durationMinutes = 30, mode = "VIDEO" } })).Refused("recordMeeting"));
        var noah = await SignInAsync(DemoPeople.Noah);
        Assert.Equal(["MEETING_NOT_FOUND"], (await noah.QueryAsync(Update, change)).Refused("updateMeeting"));
        Assert.Equal(["MATCH_NOT_FOUND"], (await noah.QueryAsync(Record, new { input = new { matchId = match, occurredOn = Day(1), durationMinutes = 30, mode = "VIDEO" } })).Refused("recordMeeting"));

        var updated = (await sarah.QueryAsync(Update, change)).Ok("updateMeeting")["meeting"]!;
        Assert.Equal(Day(4), updated["occurredOn"]!.GetValue<string>());
        Assert.Equal("PHONE", updated["mode"]!.GetValue<string>());
        Assert.Null(updated["note"]);

        await Factory.SetStatusAsync(demo.Id, MatchStatus.Completed);
        Assert.Equal(["MATCH_NOT_ACTIVE"], (await sarah.QueryAsync(Update, change)).Refused("updateMeeting"));
        Assert.Equal(["MATCH_NOT_ACTIVE"], (await sarah.QueryAsync(Record, new { input = new { matchId = match, occurredOn = Day(1), durationMinutes = 30, mode = "VIDEO" } })).Refused("recordMeeting"));
        Assert.Equal(["MATCH_NOT_ACTIVE"], (await sarah.QueryAsync(Remove, new { id })).Refused("removeMeeting"));

        await Factory.SetStatusAsync(demo.Id, MatchStatus.Paused);
        var before = await Factory.WithDbAsync(db => db.Meetings.CountAsync(m => m.MatchId == demo.Id));
        var removed = (await sarah.QueryAsync(Remove, new { id })).Ok("removeMeeting");
        Assert.Equal(before - 1, removed["match"]!["meetingTotals"]!["count"]!.GetValue<int>());
        Assert.Null((await sarah.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id })).EnsureNoErrors().Data["node"]);
    }

    [Fact]
    public async Task Meetings_page_latest_first()
    {
        var demo = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var margaret = await SignInAsync(DemoPeople.Margaret);
        var expected = await Factory.WithDbAsync(db => db.Meetings.Where(m => m.MatchId == demo.Id)
            .OrderByDescending(m => m.OccurredOn).ThenByDescending(m => m.Id).Select(m => m.Id).ToListAsync());
        const string Page = "query($id: ID!, $after: String) { match(id: $id) { meetings(first: 3, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { id } } } }";

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await margaret.QueryAsync(Page, new { id = DemoMatches.GlobalIdOf(demo), after })).EnsureNoErrors().Data["match"]!["meetings"]!;
            Assert.Equal(expected.Count, page["totalCount"]!.GetValue<int>());
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        Assert.Equal(expected.Select(id => GlobalId.Encode("Meeting", id)), seen);
        Assert.Equal("INVALID_CURSOR", (await margaret.QueryAsync(Page, new { id = DemoMatches.GlobalIdOf(demo), after = "nope" })).FirstErrorCode);
    }

    private Task<int> SnapshotAsync() => Factory.WithDbAsync(db => db.Meetings.CountAsync());
}
