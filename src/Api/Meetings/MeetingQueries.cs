using System.Globalization;
using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Members;
using JumoMentoring.Api.Programs;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Matches;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Meetings;

public static class MeetingQueries
{
    public static void AddMeetingQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(MeetingType.TypeName, (c, id) => c.MeetingById(id));

        query.Field<NonNullGraphType<CreditStatementType>>("creditStatement")
            .Description("The signed-in member's continuing-education statement for a calendar year: meetings of their matches in structured programs, by program and cohort. Printable at /attestations/{year}.")
            .Argument<NonNullGraphType<IntGraphType>>("year", $"From {CreditStatements.FirstYear} to this year.")
            .ResolveAsync(async c =>
            {
                var me = c.Viewer().RequireMember();
                var year = c.GetArgument<int>("year");
                if (!CreditStatements.IsValidYear(year, QuebecTime.Today(c.RequestServices!.GetRequiredService<TimeProvider>())))
                {
                    throw GraphError.BadUserInput($"'year' must be between {CreditStatements.FirstYear} and this year.");
                }

                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                return await CreditStatements.BuildAsync(db, me, year, c.CancellationToken);
            });
    }

    /// <summary><c>Match.meetings</c> and <c>Match.meetingTotals</c>.</summary>
    public static void AddMeetingFields(this ObjectGraphType<Match> match)
    {
        match.Field<NonNullGraphType<ConnectionType<MeetingType, MeetingView>>>("meetings")
            .Description("The pair's meetings, latest first. Notes are their author's alone.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var paging = Paging.From(c);
                var viewer = c.Viewer();
                var matchId = c.Source.Id;
                var services = c.RequestServices!;
                await using var db = await services.CreateDbAsync(c.CancellationToken);
                var meetings = db.Meetings.AsNoTracking().Where(m => m.MatchId == matchId);
                if (paging.After is { } after)
                {
                    var (day, id) = DecodeCursor(after);
                    meetings = meetings.Where(m => m.OccurredOn < day || (m.OccurredOn == day && m.Id.CompareTo(id) < 0));
                }

                var rows = await meetings.OrderByDescending(m => m.OccurredOn).ThenByDescending(m => m.Id).Take(paging.First + 1).ToListAsync(c.CancellationToken);
                return paging.ToConnection(
                    rows.Select(m => new MeetingView(m, m.RecordedById == viewer.MemberId)).ToList(),
                    v => $"{v.Meeting.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}\u001f{v.Meeting.Id:N}",
                    async ct =>
                    {
                        await using var countDb = await services.CreateDbAsync(ct);
                        return await countDb.Meetings.CountAsync(m => m.MatchId == matchId, ct);
                    });
            });

        match.Field<NonNullGraphType<MeetingTotalsType>>("meetingTotals")
            .Description("How many meetings the pair recorded, and how long.")
            .Resolve(c => c.MeetingTotalsByMatch(c.Source.Id));
    }

    /// <summary><c>Member.meetingTotals</c>.</summary>
    public static void AddMeetingFields(this ObjectGraphType<MemberView> member) =>
        member.Field<MeetingTotalsType>("meetingTotals")
            .Description("Meetings of all the member's matches (every program), in one calendar year or all time. Null unless you are this member or an admin.")
            .Argument<IntGraphType>("year", "A calendar year; all time when left out.")
            .Resolve(c => c.Source.Member.Id == c.Viewer().MemberId || c.Viewer().IsAdmin
                ? c.MeetingTotalsByMember(c.Source.Member.Id, c.GetArgument<int?>("year"))
                : null);

    private static (DateOnly Day, Guid Id) DecodeCursor(string cursor)
    {
        var parts = Paging.DecodeCursor(cursor).Split('\u001f');
        return parts.Length == 2
            && DateOnly.TryParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && Guid.TryParseExact(parts[1], "N", out var id)
            ? (day, id)
            : throw GraphError.InvalidCursor(cursor);
    }
}

public sealed class CreditStatementType : ObjectGraphType<CreditStatement>
{
    public CreditStatementType()
    {
        Name = "CreditStatement";
        Description = "Continuing-education hours of one member for one calendar year, from the meetings of their matches in structured programs.";
        Field<NonNullGraphType<IntGraphType>>("year").Resolve(c => c.Source.Year);
        Field<NonNullGraphType<MemberType>>("member").Resolve(c => new MemberView(c.Source.Member, MemberVisibility.Full));
        Field<NonNullGraphType<FloatGraphType>>("hours").Description("All minutes / 60, to the nearest quarter hour (rounded once, from the total).").Resolve(c => (double)c.Source.Hours);
        Field<NonNullGraphType<IntGraphType>>("minutes").Resolve(c => (int)c.Source.Minutes);
        Field<NonNullGraphType<IntGraphType>>("meetings").Description("How many meetings.").Resolve(c => c.Source.Meetings);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CreditLineType>>>>("lines")
            .Description("By program, cohort and role; empty when nothing counts for the year.")
            .Resolve(c => c.Source.Lines);
        Field<NonNullGraphType<StringGraphType>>("attestationPath")
            .Description("Where the printable bilingual attestation is served (GET with the same bearer token).")
            .Resolve(c => $"/attestations/{c.Source.Year}");
    }
}

public sealed class CreditLineType : ObjectGraphType<CreditLine>
{
    public CreditLineType()
    {
        Name = "CreditStatementLine";
        Field<NonNullGraphType<ProgramType>>("program").Resolve(c => c.Source.Program);
        Field<CohortType>("cohort").Description("Null when the match was not in a cohort.").Resolve(c => c.Source.Cohort);
        Field<NonNullGraphType<ProgramRoleEnum>>("role").Resolve(c => c.Source.Role);
        Field<NonNullGraphType<IntGraphType>>("meetings").Resolve(c => c.Source.Meetings);
        Field<NonNullGraphType<IntGraphType>>("minutes").Resolve(c => (int)c.Source.Minutes);
        Field<NonNullGraphType<FloatGraphType>>("hours").Description("Minutes / 60, to the nearest quarter hour.").Resolve(c => (double)c.Source.Hours);
    }
}
