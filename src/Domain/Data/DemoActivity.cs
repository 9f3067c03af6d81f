using JumoMentoring.Domain.CheckIns;
using JumoMentoring.Domain.Goals;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Meetings;
using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Domain.Data;

/// <summary>
/// Life on the demo's active matches: goals with milestones, meetings and check-ins, dated relative
/// to the day of seeding so the demo always looks current. Côté–Nguyen is the pair that needs
/// attention (a low satisfaction and no contact for weeks); Hélène Tremblay owes a check-in.
/// Idempotent: goals are keyed by match and title, milestones by goal and title, and a match's
/// meetings and check-ins (and its backdated activation) are added only while it has none.
/// </summary>
public static class DemoActivity
{
    public const string StructuredCohortPrefix = "Cohorte ";

    public static async Task SeedAsync(JumoDbContext db, CancellationToken cancellationToken = default)
    {
        var now = DateTimeOffset.UtcNow;
        var today = QuebecTime.DateOf(now);
        var numbers = Plans.SelectMany(p => new[] { p.Mentor, p.Mentee }).ToList();
        var members = await db.Members.Where(m => numbers.Contains(m.MemberNumber)).ToDictionaryAsync(m => m.MemberNumber, m => m.Id, cancellationToken);
        foreach (var plan in Plans)
        {
            var mentorId = members[plan.Mentor];
            var menteeId = members[plan.Mentee];
            var match = await db.Matches.Include(m => m.Program)
                .SingleOrDefaultAsync(m => m.MentorId == mentorId && m.MenteeId == menteeId && m.Status == MatchStatus.Active, cancellationToken);
            if (match is null)
            {
                continue;
            }

            var fresh = !await db.Meetings.AnyAsync(x => x.MatchId == match.Id, cancellationToken)
                && !await db.CheckIns.AnyAsync(x => x.MatchId == match.Id, cancellationToken);
            var activatedAt = now.AddDays(-7 * plan.ActiveForWeeks);
            if (fresh)
            {
                // The demo's matches are created as active "now": give them a past so schedules and attention have something to show.
                await db.MatchTransitions.Where(t => t.MatchId == match.Id && t.To == MatchStatus.Active)
                    .ExecuteUpdateAsync(s => s.SetProperty(t => t.At, activatedAt), cancellationToken);
                await db.Matches.Where(m => m.Id == match.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, activatedAt).SetProperty(m => m.UpdatedAt, activatedAt), cancellationToken);
                foreach (var seed in plan.Meetings)
                {
                    db.Meetings.Add(new Meeting
                    {
                        MatchId = match.Id,
                        RecordedById = seed.ByMentor ? mentorId : menteeId,
                        OccurredOn = today.AddDays(-seed.DaysAgo),
                        DurationMinutes = seed.Minutes,
                        Mode = seed.Mode,
                        Note = seed.Note,
                        CreatedAt = now.AddDays(-seed.DaysAgo),
                        UpdatedAt = now.AddDays(-seed.DaysAgo),
                    });
                }

                foreach (var seed in plan.CheckIns)
                {
                    db.CheckIns.Add(new CheckIn
                    {
                        MatchId = match.Id,
                        MemberId = seed.ByMentor ? mentorId : menteeId,
                        Satisfaction = seed.Satisfaction,
                        Met = seed.Met,
                        Comment = seed.Comment,
                        SubmittedAt = now.AddDays(-seed.DaysAgo),
                    });
                }
            }

            await SeedGoalsAsync(db, match, plan.Goals, now, today, cancellationToken);
            if (match.Program!.Kind == ProgramKind.Structured && match.CohortId is null)
            {
                await PlaceInCohortAsync(db, match, today.AddDays(-7 * plan.ActiveForWeeks - 14), cancellationToken);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task SeedGoalsAsync(JumoDbContext db, Match match, GoalSeed[] seeds, DateTimeOffset now, DateOnly today, CancellationToken cancellationToken)
    {
        var goals = await db.Goals.Include(g => g.Milestones).Where(g => g.MatchId == match.Id).ToListAsync(cancellationToken);
        foreach (var seed in seeds)
        {
            var goal = goals.FirstOrDefault(g => g.Title == seed.Title);
            if (goal is null)
            {
                goal = new Goal
                {
                    MatchId = match.Id,
                    Title = seed.Title,
                    Description = seed.Description,
                    Topic = seed.Topic,
                    Status = seed.Status,
                    ClosedAt = seed.Status == GoalStatus.Open ? null : now.AddDays(-3),
                };
                db.Goals.Add(goal);
                goals.Add(goal);
            }

            foreach (var (title, dueInDays, completedDaysAgo) in seed.Milestones)
            {
                if (goal.Milestones.All(m => m.Title != title))
                {
                    // Added explicitly: a new entity with its key already set, found only through a collection, would be taken for an existing row.
                    var milestone = new Milestone
                    {
                        GoalId = goal.Id,
                        Title = title,
                        DueOn = dueInDays is { } days ? today.AddDays(days) : null,
                        CompletedAt = completedDaysAgo is { } ago ? now.AddDays(-ago) : null,
                    };
                    db.Milestones.Add(milestone);
                    goal.Milestones.Add(milestone);
                }
            }
        }
    }

    /// <summary>Structured pairs belong to a cohort: the demo's runs for a year from a little before the pair started.</summary>
    private static async Task PlaceInCohortAsync(JumoDbContext db, Match match, DateOnly startsOn, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.FirstOrDefaultAsync(c => c.ProgramId == match.ProgramId && c.Name.StartsWith(StructuredCohortPrefix), cancellationToken);
        if (cohort is null)
        {
            cohort = new Cohort
            {
                ProgramId = match.ProgramId,
                Name = $"{StructuredCohortPrefix}{startsOn.Year}-{startsOn.Year + 1}",
                Capacity = 10,
                StartsOn = startsOn,
                EndsOn = startsOn.AddYears(1).AddDays(-1),
            };
            db.Cohorts.Add(cohort);
        }

        match.CohortId = cohort.Id;
        var enrolments = await db.Enrolments
            .Where(e => e.ProgramId == match.ProgramId && e.CohortId == null && (e.MemberId == match.MentorId || e.MemberId == match.MenteeId))
            .ToListAsync(cancellationToken);
        foreach (var enrolment in enrolments)
        {
            enrolment.CohortId = cohort.Id;
        }
    }

    private sealed record MeetingSeed(int DaysAgo, int Minutes, MeetingMode Mode, bool ByMentor, string? Note = null);

    private sealed record CheckInSeed(int DaysAgo, bool ByMentor, int Satisfaction, bool Met, string? Comment = null);

    private sealed record GoalSeed(string Title, string? Description, string? Topic, GoalStatus Status, params (string Title, int? DueInDays, int? CompletedDaysAgo)[] Milestones);

    private sealed record Plan(string Mentor, string Mentee, int ActiveForWeeks, MeetingSeed[] Meetings, CheckInSeed[] CheckIns, GoalSeed[] Goals);

    private const bool ByMentor = true;
    private const bool ByMentee = false;

    private static readonly Plan[] Plans =
    [
        // Margaret O'Connor and Sarah Thompson (JUMO): a pair that works well.
        new("10003", "20002", 8,
            [
                new(52, 60, MeetingMode.Video, ByMentor, "Set a study plan; Sarah worries about time management."),
                new(35, 30, MeetingMode.Phone, ByMentee, "Questions sur le format des questions à réponses courtes."),
                new(21, 90, MeetingMode.InPerson, ByMentor),
                new(7, 45, MeetingMode.Video, ByMentee),
            ],
            [new(6, ByMentor, 5, true), new(6, ByMentee, 4, true, "Very helpful so far.")],
            [
                new("Réussir l'examen du CMFC", null, "exam-preparation", GoalStatus.Open, ("Choisir un guide de révision", null, 40)),
                new("Keep a sustainable study rhythm", "Protect evenings and one full day off a week until the exam.", "wellness", GoalStatus.Open,
                    ("Weekly schedule with a day off", null, 20), ("Talk about energy levels with Margaret", 30, null)),
            ]),

        // Jean-Philippe Côté and Kevin Nguyen (JUMO): the pair that needs attention.
        new("10004", "20004", 10,
            [new(49, 30, MeetingMode.Phone, ByMentee, "Talked about Chibougamau vs Val-d'Or.")],
            [new(35, ByMentee, 2, false, "Hard to find a time to meet; I would like more guidance."), new(35, ByMentor, 3, false)],
            [new("Faire un stage à Chibougamau cet hiver", null, "rural-practice", GoalStatus.Abandoned, ("Écrire au CISSS", null, null))]),

        // Amira Haddad and Chloé Paquette (JUMO): just started.
        new("10012", "30003", 3,
            [new(14, 45, MeetingMode.Video, ByMentor), new(4, 30, MeetingMode.Video, ByMentee, "Liste des programmes à visiter.")],
            [],
            [
                new("Préparer mon jumelage CaRMS", "Choisir mes programmes et préparer mes entrevues.", "transition-to-residency", GoalStatus.Open,
                    ("Dresser la liste de mes programmes", -2, 3), ("Simuler deux entrevues", 45, null)),
            ]),

        // Hélène Tremblay and Thomas Leblanc (structured program, continuing-education hours): Hélène owes a check-in.
        new("10001", "20008", 6,
            [
                new(35, 60, MeetingMode.InPerson, ByMentor, "Premier contact; Thomas veut s'installer au Lac-Saint-Jean."),
                new(21, 90, MeetingMode.Video, ByMentee),
                new(8, 45, MeetingMode.Phone, ByMentor),
            ],
            [new(13, ByMentee, 4, true, "Les rencontres m'aident beaucoup.")],
            [
                new("Planifier ma pratique au Saguenay", null, "transition-to-practice", GoalStatus.Open, ("Visiter deux GMF de la région", 60, null)),
                new("Trouver un stage en obstétrique", null, "choosing-practice", GoalStatus.Achieved, ("Contacter l'hôpital de Chicoutimi", null, 25)),
            ]),

        // Mathieu Gauthier and Léa Bergeron (JUMO, a resident mentoring a student).
        new("20001", "30001", 2, [new(6, 30, MeetingMode.Video, ByMentee)], [], []),
    ];
}
