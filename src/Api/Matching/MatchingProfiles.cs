using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Matching;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Matching;

/// <summary>Maps members and enrolments to the pure <see cref="MatchingProfile"/> the scorer and solver take.</summary>
public static class MatchingProfiles
{
    public sealed record ProgramFacts(MentoringProgram Program, IReadOnlyList<MatchingProfile> Mentors, MatchingContext Context);

    /// <summary>
    /// The active mentors of a program with their free places (capacity minus current matches),
    /// the pairs already matched in it (any status) and the pairs coordinators banned.
    /// </summary>
    public static async Task<ProgramFacts?> LoadProgramAsync(JumoDbContext db, ReferenceCatalog catalog, Guid programId, Guid? cohortId, CancellationToken cancellationToken)
    {
        var program = await db.Programs.AsNoTracking().SingleOrDefaultAsync(p => p.Id == programId, cancellationToken);
        if (program is null)
        {
            return null;
        }

        var mentors = await db.Enrolments.AsNoTracking()
            .Where(e => e.ProgramId == programId && e.Role == ProgramRole.Mentor && e.Status == EnrolmentStatus.Active
                && (cohortId == null || e.CohortId == cohortId) && e.Member!.Status == MemberStatus.Active)
            .Select(e => new
            {
                e.Member,
                e.MentorCapacity,
                Current = db.Matches.Count(m => m.MentorId == e.MemberId && m.ProgramId == programId && MatchLifecycle.Current.Contains(m.Status)),
            })
            .ToListAsync(cancellationToken);
        var pairs = await db.Matches.AsNoTracking().Where(m => m.ProgramId == programId)
            .Select(m => new MemberPair(m.MenteeId, m.MentorId)).ToListAsync(cancellationToken);
        var bans = await db.PairRules.AsNoTracking().Where(r => r.ProgramId == programId && r.Kind == PairRuleKind.Ban)
            .Select(r => new MemberPair(r.MenteeId, r.MentorId)).ToListAsync(cancellationToken);
        var ranks = await RanksAsync(catalog, cancellationToken);
        var profiles = mentors.Select(m => Profile(m.Member!, ranks, Math.Max(0, (m.MentorCapacity ?? 1) - m.Current), [])).ToList();
        return new ProgramFacts(program, profiles, new MatchingContext(pairs, bans));
    }

    public static async Task<IReadOnlyDictionary<string, int>> RanksAsync(ReferenceCatalog catalog, CancellationToken cancellationToken) =>
        (await catalog.GetAsync(cancellationToken)).Values.Where(i => i.Kind == ReferenceKind.CareerStage).ToDictionary(i => i.Code, i => i.Rank);

    public static MatchingProfile Profile(Member member, IReadOnlyDictionary<string, int> ranks, int capacity, IEnumerable<string> priorities) => new()
    {
        MemberId = member.Id,
        CareerStageRank = ranks.TryGetValue(member.CareerStage, out var rank) ? rank : 0,
        Languages = member.LanguagesSpoken,
        Region = member.Region,
        PracticeSettings = member.PracticeSettings,
        Topics = member.Topics,
        Availability = member.Availability,
        Priorities = [.. priorities.Select(p => Enum.TryParse<MatchingCriterion>(p, out var c) ? (MatchingCriterion?)c : null).OfType<MatchingCriterion>()],
        Capacity = capacity,
    };

    public static async Task<Func<string, string, (string Fr, string En)>> LabelsAsync(ReferenceCatalog catalog, CancellationToken cancellationToken) =>
        MatchReasons.LabelsFrom((await catalog.GetAsync(cancellationToken)).Values);
}
