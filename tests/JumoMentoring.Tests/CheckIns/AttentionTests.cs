using JumoMentoring.Api.Graph;
using JumoMentoring.Chat;
using JumoMentoring.Domain;
using JumoMentoring.Domain.CheckIns;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Meetings;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JumoMentoring.Tests.CheckIns;

/// <summary>matchesNeedingAttention: each rule, the reasons, and that nothing private leaks.</summary>
public sealed class AttentionTests(ApiFactory factory) : ApiTest(factory)
{
    private const string Query = "query($p: ID!) { matchesNeedingAttention(programId: $p) { match { id status mentor { displayName } mentee { displayName } } reasons { code since fr: message(language: FR) en: message(language: EN) message } } }";

    [Fact]
    public async Task The_demo_shows_the_one_jumo_pair_that_stalls_with_its_reasons_in_both_languages()
    {
        var martin = await SignInAsync(DemoPeople.JumoCoordinator);
        var response = await martin.QueryAsync(Query, new { p = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode) });

        var item = Assert.Single(response.EnsureNoErrors().Data["matchesNeedingAttention"]!.AsArray())!;
        Assert.Equal("Jean-Philippe Côté", item["match"]!["mentor"]!["displayName"]!.GetValue<string>());
        Assert.Equal("Kevin Nguyen", item["match"]!["mentee"]!["displayName"]!.GetValue<string>());
        var reasons = item["reasons"]!.AsArray();
        Assert.Equal(["LOW_SATISFACTION", "NO_RECENT_CONTACT"], reasons.Select(r => r!["code"]!.GetValue<string>()));
        Assert.Equal("La personne mentorée a donné 2 sur 5 à son dernier suivi.", reasons[0]!["fr"]!.GetValue<string>());
        Assert.Equal("The mentee gave 2 out of 5 in their latest check-in.", reasons[0]!["en"]!.GetValue<string>());
        Assert.Equal(reasons[0]!["fr"]!.GetValue<string>(), reasons[0]!["message"]!.GetValue<string>());
        Assert.Matches("^No meeting, no \"we met\" and no message for 4[89] days\\.$", reasons[1]!["en"]!.GetValue<string>());

        // Never private content: no check-in comment, meeting note, goal text.
        var json = response.Body!.ToJsonString();
        Assert.DoesNotContain("Hard to find", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Chibougamau vs", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Explore a rural practice", json, StringComparison.Ordinal);

        var chantal = await SignInAsync(DemoPeople.StructuredCoordinator);
        var structured = await chantal.QueryAsync(Query, new { p = await Factory.ProgramGlobalIdAsync(DemoData.StructuredProgramCode) });
        Assert.Empty(structured.EnsureNoErrors().Data["matchesNeedingAttention"]!.AsArray());
    }

    [Fact]
    public async Task Low_satisfaction_is_about_each_members_latest_check_in()
    {
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var sarah = await SignInAsync(DemoPeople.Sarah);
        const string Submit = "mutation($input: SubmitCheckInInput!) { submitCheckIn(input: $input) { checkIn { id } errors { code } } }";

        (await sarah.QueryAsync(Submit, new { input = new { matchId = DemoMatches.GlobalIdOf(match), satisfaction = 2, met = true, comment = "Confidentiel" } })).Ok("submitCheckIn");
        var flagged = await ReasonsAsync(match.Id);
        Assert.Equal(["LOW_SATISFACTION"], flagged);

        await Factory.WithDbAsync(db => db.CheckIns.Where(x => x.MatchId == match.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.SubmittedAt, x => x.SubmittedAt.AddDays(-2))));
        (await sarah.QueryAsync(Submit, new { input = new { matchId = DemoMatches.GlobalIdOf(match), satisfaction = 4, met = true } })).Ok("submitCheckIn");
        Assert.Empty(await ReasonsAsync(match.Id));
    }

    [Fact]
    public async Task No_contact_for_thirty_days_unless_a_meeting_a_we_met_or_a_chat_message()
    {
        var match = await Factory.FindAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        var now = DateTimeOffset.UtcNow;
        await Factory.WithDbAsync(db => db.Meetings.Where(x => x.MatchId == match.Id).ExecuteDeleteAsync());
        await Factory.WithDbAsync(db => db.CheckIns.Where(x => x.MatchId == match.Id).ExecuteDeleteAsync());

        // Started 20 days ago without any contact: too early to say.
        await Factory.SetActivatedAtAsync(match.Id, now.AddDays(-20));
        Assert.Empty(await ReasonsAsync(match.Id));

        // Started 40 days ago without any contact.
        await Factory.SetActivatedAtAsync(match.Id, now.AddDays(-40));
        Assert.Equal(["NO_RECENT_CONTACT"], await ReasonsAsync(match.Id));

        // A check-in saying "we did not meet" is no contact; "we met" is.
        await AddCheckInAsync(match, met: false, daysAgo: 2);
        Assert.Equal(["NO_RECENT_CONTACT"], await ReasonsAsync(match.Id));
        await AddCheckInAsync(match, met: true, daysAgo: 29);
        Assert.Empty(await ReasonsAsync(match.Id));
        await Factory.WithDbAsync(db => db.CheckIns.Where(x => x.MatchId == match.Id && x.Met).ExecuteUpdateAsync(s => s.SetProperty(x => x.SubmittedAt, now.AddDays(-31))));
        Assert.Equal(["NO_RECENT_CONTACT"], await ReasonsAsync(match.Id));

        // A meeting within 30 days.
        var today = QuebecTime.Today(TimeProvider.System);
        await AddMeetingAsync(match, today.AddDays(-31));
        Assert.Equal(["NO_RECENT_CONTACT"], await ReasonsAsync(match.Id));
        await AddMeetingAsync(match, today.AddDays(-28));
        Assert.Empty(await ReasonsAsync(match.Id));
        await Factory.WithDbAsync(db => db.Meetings.Where(x => x.MatchId == match.Id).ExecuteDeleteAsync());
        Assert.Equal(["NO_RECENT_CONTACT"], await ReasonsAsync(match.Id));

        // A chat message (its time only is read).
        var chat = Factory.Services.GetRequiredService<ChatStore>();
        await chat.SendAsync(new ConversationMembership(match.Id, match.MenteeId, match.MentorId, MatchStatus.Active), "attention-1", "Bonjour Margaret!");
        Assert.Empty(await ReasonsAsync(match.Id));
    }

    [Fact]
    public async Task Requests_unanswered_for_more_than_seven_days()
    {
        var request = await Factory.FindAsync("david.chen@exemple.qc.ca", "jessica.campbell@exemple.qc.ca");
        Assert.Equal(MatchStatus.Requested, request.Status);
        var now = DateTimeOffset.UtcNow;

        await Factory.WithDbAsync(db => db.Matches.Where(m => m.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, now.AddDays(-6))));
        Assert.Empty(await ReasonsAsync(request.Id));

        await Factory.WithDbAsync(db => db.Matches.Where(m => m.Id == request.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, now.AddDays(-8))));
        var martin = await SignInAsync(DemoPeople.JumoCoordinator);
        var items = (await martin.QueryAsync(Query, new { p = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode) })).EnsureNoErrors().Data["matchesNeedingAttention"]!.AsArray();
        var item = items.Single(i => i!["match"]!["id"]!.GetValue<string>() == DemoMatches.GlobalIdOf(request))!;
        Assert.Equal("REQUESTED", item["match"]!["status"]!.GetValue<string>());
        var reason = Assert.Single(item["reasons"]!.AsArray())!;
        Assert.Equal("REQUEST_WAITING", reason["code"]!.GetValue<string>());
        Assert.Equal("The mentor has not answered this request for 8 days.", reason["en"]!.GetValue<string>());
        Assert.True((reason["since"]!.GetValue<DateTimeOffset>() - now.AddDays(-8)).Duration() < TimeSpan.FromMilliseconds(1));

        // Longest-standing first: the request (8 days) comes after the stalled pair (its low check-in 35 days ago).
        Assert.Equal(DemoMatches.GlobalIdOf(request), items[^1]!["match"]!["id"]!.GetValue<string>());
    }

    public static TheoryData<string?, string, string?> Viewers => new()
    {
        { null, DemoData.FlexibleProgramCode, "UNAUTHENTICATED" },
        { DemoPeople.Sarah, DemoData.FlexibleProgramCode, "FORBIDDEN" },
        { DemoPeople.StructuredCoordinator, DemoData.FlexibleProgramCode, "FORBIDDEN" },
        { DemoPeople.JumoCoordinator, DemoData.StructuredProgramCode, "FORBIDDEN" },
        { DemoPeople.JumoCoordinator, DemoData.FlexibleProgramCode, null },
        { DemoPeople.Admin, DemoData.FlexibleProgramCode, null },
    };

    [Theory]
    [MemberData(nameof(Viewers))]
    public async Task Only_the_programs_coordinators_and_admins_ask(string? viewer, string program, string? code)
    {
        var client = viewer is null ? Graph : await SignInAsync(viewer);

        var response = await client.QueryAsync(Query, new { p = await Factory.ProgramGlobalIdAsync(program) });

        Assert.Equal(code, response.FirstErrorCode);
        if (code is null)
        {
            Assert.Single(response.Data["matchesNeedingAttention"]!.AsArray());
        }
    }

    /// <summary>The reason codes of one match in the JUMO coordinator's list; none when it is not listed.</summary>
    private async Task<string[]> ReasonsAsync(Guid matchId)
    {
        var martin = await SignInAsync(DemoPeople.JumoCoordinator);
        var items = (await martin.QueryAsync(Query, new { p = await Factory.ProgramGlobalIdAsync(DemoData.FlexibleProgramCode) })).EnsureNoErrors().Data["matchesNeedingAttention"]!.AsArray();
        var item = items.SingleOrDefault(i => i!["match"]!["id"]!.GetValue<string>() == GlobalId.Encode("Match", matchId));
        return item is null ? [] : [.. item["reasons"]!.AsArray().Select(r => r!["code"]!.GetValue<string>())];
    }

    private Task<int> AddCheckInAsync(Match match, bool met, int daysAgo) => Factory.WithDbAsync(db =>
    {
        db.CheckIns.Add(new CheckIn { MatchId = match.Id, MemberId = match.MenteeId, Satisfaction = 4, Met = met, SubmittedAt = DateTimeOffset.UtcNow.AddDays(-daysAgo) });
        return db.SaveChangesAsync();
    });

    private Task<int> AddMeetingAsync(Match match, DateOnly day) => Factory.WithDbAsync(db =>
    {
        db.Meetings.Add(new Meeting { MatchId = match.Id, RecordedById = match.MentorId, OccurredOn = day, DurationMinutes = 30, Mode = MeetingMode.Video });
        return db.SaveChangesAsync();
    });
}
