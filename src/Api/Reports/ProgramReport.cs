using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.CheckIns;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using JumoMentoring.Api.Meetings;
using JumoMentoring.Api.Programs;
using JumoMentoring.Chat;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Goals;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Reports;

public sealed record MatchStatusCount(MatchStatus Status, int Count);

/// <summary>
/// A program at a glance, for its coordinators: who is in it now, how its matches stand, and what
/// the pairs did in one calendar year. Counts and durations only, never anyone's text.
/// </summary>
public sealed record ProgramReport(
    MentoringProgram Program,
    int Year,
    DateTimeOffset GeneratedAt,
    int ActiveMentors,
    int ActiveMentees,
    int Applications,
    int Waitlisted,
    int MentorPlaces,
    int FreeMentorPlaces,
    IReadOnlyList<MatchStatusCount> Matches,
    int MatchesNeedingAttention,
    int MatchesStarted,
    int RequestsAnswered,
    double? MedianDaysToAnswer,
    int Meetings,
    long MeetingMinutes,
    int GoalsSet,
    int GoalsAchieved,
    int CheckIns,
    double? AverageSatisfaction)
{
    public static async Task<ProgramReport> BuildAsync(JumoDbContext db, ChatStore chat, MentoringProgram program, int year, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var programId = program.Id;
        var enrolments = await db.Enrolments.AsNoTracking()
            .Where(e => e.ProgramId == programId)
            .GroupBy(e => new { e.Role, e.Status })
            .Select(g => new { g.Key.Role, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Count(ProgramRole? role, EnrolmentStatus status) => enrolments.Where(e => (role is null || e.Role == role) && e.Status == status).Sum(e => e.Count);

        var mentors = await db.Enrolments.AsNoTracking()
            .Where(e => e.ProgramId == programId && e.Role == ProgramRole.Mentor && e.Status == EnrolmentStatus.Active)
            .Select(e => new
            {
                Capacity = e.MentorCapacity ?? 1,
                Current = db.Matches.Count(m => m.MentorId == e.MemberId && m.ProgramId == programId && MatchLifecycle.Current.Contains(m.Status)),
            })
            .ToListAsync(cancellationToken);

        var byStatus = await db.Matches.AsNoTracking()
            .Where(m => m.ProgramId == programId)
            .GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);

        // The year in Quebec: transitions and check-ins by instant, meetings by their day.
        var (from, to) = (QuebecTime.StartOf(new DateOnly(year, 1, 1)).ToUniversalTime(), QuebecTime.StartOf(new DateOnly(year + 1, 1, 1)).ToUniversalTime());
        var (firstDay, lastDay) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var started = await db.MatchTransitions.AsNoTracking()
            .CountAsync(
                t => t.At >= from && t.At < to && t.To == MatchStatus.Active && (t.From == MatchStatus.Requested || t.From == MatchStatus.Proposed)
                    && db.Matches.Any(m => m.Id == t.MatchId && m.ProgramId == programId),
                cancellationToken);
        var answers = await db.MatchTransitions.AsNoTracking()
            .Where(t => t.At >= from && t.At < to && t.From == MatchStatus.Requested && (t.To == MatchStatus.Active || t.To == MatchStatus.Declined))
            .Join(db.Matches.Where(m => m.ProgramId == programId), t => t.MatchId, m => m.Id, (t, m) => new { t.At, m.CreatedAt })
            .ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking()
            .Where(m => m.OccurredOn >= firstDay && m.OccurredOn <= lastDay && m.Match!.ProgramId == programId)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Minutes = g.Sum(m => (long)m.DurationMinutes) })
            .SingleOrDefaultAsync(cancellationToken);
        var goalsSet = await db.Goals.AsNoTracking().CountAsync(g => g.CreatedAt >= from && g.CreatedAt < to && g.Match!.ProgramId == programId, cancellationToken);
        var goalsAchieved = await db.Goals.AsNoTracking()
            .CountAsync(g => g.Status == GoalStatus.Achieved && g.ClosedAt >= from && g.ClosedAt < to && g.Match!.ProgramId == programId, cancellationToken);
        var checkIns = await db.CheckIns.AsNoTracking()
            .Where(x => x.SubmittedAt >= from && x.SubmittedAt < to && x.Match!.ProgramId == programId)
            .GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Average = g.Average(x => (double)x.Satisfaction) })
            .SingleOrDefaultAsync(cancellationToken);
        var attention = await MatchAttention.FindAsync(db, chat, programId, now, cancellationToken);

        return new ProgramReport(
            program,
            year,
            now,
            ActiveMentors: Count(ProgramRole.Mentor, EnrolmentStatus.Active),
            ActiveMentees: Count(ProgramRole.Mentee, EnrolmentStatus.Active),
            Applications: Count(null, EnrolmentStatus.Applied),
            Waitlisted: Count(null, EnrolmentStatus.Waitlisted),
            MentorPlaces: mentors.Sum(m => m.Capacity),
            FreeMentorPlaces: mentors.Sum(m => Math.Max(0, m.Capacity - m.Current)),
            Matches: [.. Enum.GetValues<MatchStatus>().Select(s => new MatchStatusCount(s, byStatus.GetValueOrDefault(s)))],
            MatchesNeedingAttention: attention.Count,
            MatchesStarted: started,
            RequestsAnswered: answers.Count,
            MedianDaysToAnswer: Median(answers.Select(a => (a.At - a.CreatedAt).TotalDays)),
            Meetings: meetings?.Count ?? 0,
            MeetingMinutes: meetings?.Minutes ?? 0,
            GoalsSet: goalsSet,
            GoalsAchieved: goalsAchieved,
            CheckIns: checkIns?.Count ?? 0,
            AverageSatisfaction: checkIns is null ? null : Math.Round(checkIns.Average, 2));
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round(median, 2);
    }
}

public sealed class MatchStatusCountType : ObjectGraphType<MatchStatusCount>
{
    public MatchStatusCountType()
    {
        Name = "MatchStatusCount";
        Field<NonNullGraphType<MatchStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field(x => x.Count);
    }
}

public sealed class ProgramReportType : ObjectGraphType<ProgramReport>
{
    public ProgramReportType()
    {
        Name = "ProgramReport";
        Description = "A program at a glance, for its coordinators: now, and over one calendar year (in Quebec). Counts only, never anyone's text.";
        Field<NonNullGraphType<ProgramType>>("program").Resolve(c => c.Source.Program);
        Field(r => r.Year).Description("The calendar year of the yearly figures.");
        Field(r => r.GeneratedAt);
        Field(r => r.ActiveMentors).Description("Now: mentors enrolled.");
        Field(r => r.ActiveMentees).Description("Now: mentees enrolled.");
        Field(r => r.Applications).Description("Now: applications waiting for a decision.");
        Field(r => r.Waitlisted).Description("Now: applicants on the waiting list.");
        Field(r => r.MentorPlaces).Description("Now: the sum of the enrolled mentors' capacities.");
        Field(r => r.FreeMentorPlaces).Description("Now: places mentors still have (capacity minus active and paused matches).");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MatchStatusCountType>>>>("matches").Description("Now: matches of every status.").Resolve(c => c.Source.Matches);
        Field(r => r.MatchesNeedingAttention).Description("Now: how many matchesNeedingAttention lists.");
        Field(r => r.MatchesStarted).Description("In the year: matches that became active (a request accepted, a proposal accepted by both).");
        Field(r => r.RequestsAnswered).Description("In the year: requests a mentor accepted or declined.");
        Field(r => r.MedianDaysToAnswer, nullable: true).Description("In the year: median days from a request to the mentor's answer; null without answers.");
        Field(r => r.Meetings).Description("In the year: meetings recorded.");
        Field<NonNullGraphType<IntGraphType>>("meetingMinutes").Description("In the year: their total duration.").Resolve(c => (int)Math.Min(int.MaxValue, c.Source.MeetingMinutes));
        Field(r => r.GoalsSet).Description("In the year: goals created.");
        Field(r => r.GoalsAchieved).Description("In the year: goals achieved.");
        Field(r => r.CheckIns).Description("In the year: check-ins submitted.");
        Field(r => r.AverageSatisfaction, nullable: true).Description("In the year: their average satisfaction, 1 to 5; null without check-ins.");
    }
}

public static class ReportQueries
{
    public static void AddReportQueries(this ObjectGraphType query) =>
        query.Field<NonNullGraphType<ProgramReportType>>("programReport")
            .Description("Coordinators of the program (and admins): the program at a glance, now and over a calendar year.")
            .Argument<NonNullGraphType<IdGraphType>>("programId")
            .Argument<IntGraphType>("year", $"From {CreditStatements.FirstYear} to this year; this year when left out.")
            .ResolveAsync(async c =>
            {
                var programId = GlobalId.Parse(c.GetArgument<string>("programId"), ProgramType.TypeName);
                c.Viewer().RequireCoordinatorOf(programId);
                var clock = c.RequestServices!.GetRequiredService<TimeProvider>();
                var today = QuebecTime.Today(clock);
                var year = c.GetArgument<int?>("year") ?? today.Year;
                if (!CreditStatements.IsValidYear(year, today))
                {
                    throw GraphError.BadUserInput($"'year' must be between {CreditStatements.FirstYear} and this year.");
                }

                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var program = await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, c.CancellationToken)
                    ?? throw new GraphError(ErrorCodes.NotFound, "Program not found.");
                return await ProgramReport.BuildAsync(db, c.RequestServices!.GetRequiredService<ChatStore>(), program, year, clock.GetUtcNow(), c.CancellationToken);
            });
}
