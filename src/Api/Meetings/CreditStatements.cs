using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Meetings;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Meetings;

/// <summary>One line of a statement: a member's meetings in one structured program and cohort, in one role.</summary>
public sealed record CreditLine(MentoringProgram Program, Cohort? Cohort, ProgramRole Role, int Meetings, long Minutes)
{
    public decimal Hours => CreditHours.FromMinutes(Minutes);
}

/// <summary>
/// A member's continuing-education statement for a calendar year: the meetings of their matches in
/// structured programs (flexible programs do not count), whichever member recorded them.
/// </summary>
public sealed record CreditStatement(int Year, Member Member, IReadOnlyList<CreditLine> Lines)
{
    public int Meetings => Lines.Sum(l => l.Meetings);

    public long Minutes => Lines.Sum(l => l.Minutes);

    /// <summary>The total minutes rounded once (not the sum of the lines' rounded hours).</summary>
    public decimal Hours => CreditHours.FromMinutes(Minutes);
}

public static class CreditStatements
{
    public const int FirstYear = 2000;

    /// <summary>Years a statement can be asked for: from <see cref="FirstYear"/> to this year.</summary>
    public static bool IsValidYear(int year, DateOnly today) => year >= FirstYear && year <= today.Year;

    public static async Task<CreditStatement> BuildAsync(JumoDbContext db, Guid memberId, int year, CancellationToken cancellationToken)
    {
        var member = await db.Members.AsNoTracking().SingleAsync(m => m.Id == memberId, cancellationToken);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var groups = await db.Meetings.AsNoTracking()
            .Where(m => m.OccurredOn >= first && m.OccurredOn <= last
                && (m.Match!.MentorId == memberId || m.Match.MenteeId == memberId)
                && m.Match.Program!.Kind == ProgramKind.Structured)
            .GroupBy(m => new { m.Match!.ProgramId, m.Match.CohortId, IsMentor = m.Match.MentorId == memberId })
            .Select(g => new { g.Key.ProgramId, g.Key.CohortId, g.Key.IsMentor, Count = g.Count(), Minutes = g.Sum(m => (long)m.DurationMinutes) })
            .ToListAsync(cancellationToken);

        var programIds = groups.Select(g => g.ProgramId).Distinct().ToList();
        var cohortIds = groups.Where(g => g.CohortId is not null).Select(g => g.CohortId!.Value).Distinct().ToList();
        var programs = await db.Programs.AsNoTracking().Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        var cohorts = await db.Cohorts.AsNoTracking().Where(c => cohortIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var lines = groups
            .Select(g => new CreditLine(
                programs[g.ProgramId],
                g.CohortId is { } cohortId ? cohorts[cohortId] : null,
                g.IsMentor ? ProgramRole.Mentor : ProgramRole.Mentee,
                g.Count,
                g.Minutes))
            .OrderBy(l => l.Program.NameFr, StringComparer.Ordinal)
            .ThenBy(l => l.Cohort?.StartsOn ?? DateOnly.MinValue)
            .ThenBy(l => l.Cohort?.Name, StringComparer.Ordinal)
            .ThenBy(l => l.Role)
            .ToList();
        return new CreditStatement(year, member, lines);
    }
}
