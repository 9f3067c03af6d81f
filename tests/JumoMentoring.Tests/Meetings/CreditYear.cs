using JumoMentoring.Api.Graph;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Meetings;

/// <summary>
/// A past year with known meetings: Hélène Tremblay and Thomas Leblanc (structured program) met three
/// times in it for 128 minutes (2.13 h, so 2.25 h at the quarter hour), and once on each side of it;
/// Hélène also mentors Noah in JUMO, which never counts. The demo's own meetings are recent, so the
/// year (two years ago) holds only these.
/// </summary>
public static class CreditYear
{
    public const string Thomas = "thomas.leblanc@exemple.qc.ca";
    public const int Minutes = 128;
    public const double Hours = 2.25;
    public const int Meetings = 3;

    public static int Year { get; } = QuebecTime.Today(TimeProvider.System).Year - 2;

    public static async Task SetUpAsync(ApiFactory factory)
    {
        var structured = await factory.FindAsync(DemoPeople.Helene, Thomas);
        await factory.SetActivatedAtAsync(structured.Id, new DateTimeOffset(Year - 1, 6, 1, 12, 0, 0, TimeSpan.Zero));
        Guid flexibleId;
        await using (var db = factory.CreateDbContext())
        {
            var jumo = await db.Programs.SingleAsync(p => p.Code == DemoData.FlexibleProgramCode);
            var ids = await db.Members.Where(m => m.Email == DemoPeople.Helene || m.Email == DemoPeople.Noah).ToDictionaryAsync(m => m.Email, m => m.Id);
            var flexible = new Match { ProgramId = jumo.Id, MentorId = ids[DemoPeople.Helene], MenteeId = ids[DemoPeople.Noah], Status = MatchStatus.Active };
            flexible.Transitions.Add(new MatchTransition { MatchId = flexible.Id, To = MatchStatus.Active, Actor = MatchActor.Mentor, At = new DateTimeOffset(Year - 1, 6, 1, 12, 0, 0, TimeSpan.Zero) });
            db.Matches.Add(flexible);
            await db.SaveChangesAsync();
            flexibleId = flexible.Id;
        }

        var thomas = await factory.SignInAsync(Thomas);
        var helene = await factory.SignInAsync(DemoPeople.Helene);
        const string Record = "mutation($input: RecordMeetingInput!) { recordMeeting(input: $input) { meeting { id } errors { code } } }";
        async Task RecordAsync(GraphQLClient client, Guid match, DateOnly day, int minutes, string mode) =>
            (await client.QueryAsync(Record, new { input = new { matchId = GlobalId.Encode("Match", match), occurredOn = day.ToString("yyyy-MM-dd"), durationMinutes = minutes, mode } }))
                .Ok("recordMeeting");

        await RecordAsync(thomas, structured.Id, new DateOnly(Year - 1, 12, 31), 30, "VIDEO");    // the year before
        await RecordAsync(thomas, structured.Id, new DateOnly(Year, 1, 1), 60, "VIDEO");
        await RecordAsync(thomas, structured.Id, new DateOnly(Year, 6, 15), 45, "PHONE");
        await RecordAsync(helene, structured.Id, new DateOnly(Year, 12, 31), 23, "IN_PERSON");
        await RecordAsync(helene, structured.Id, new DateOnly(Year + 1, 1, 1), 30, "VIDEO");      // the year after
        await RecordAsync(helene, flexibleId, new DateOnly(Year, 3, 3), 90, "VIDEO");             // flexible: not continuing education
    }
}
