namespace JumoMentoring.Domain.Matching;

/// <summary>A mentor suggested to a mentee, with the score that ranked it.</summary>
public sealed record MentorSuggestion
{
    public required Guid MentorId { get; init; }
    public required MatchScore Score { get; init; }
    public required int FreeCapacity { get; init; }
}

/// <summary>Suggestions for the flexible program, where the mentee picks a mentor.</summary>
public static class MatchSuggestions
{
    /// <summary>
    /// The <paramref name="top"/> mentors that pass every hard constraint, best score first. Ties go to the
    /// mentor with more free places (it spreads requests over mentors who can take them), then to the
    /// smaller member id, so the order never depends on the order of <paramref name="mentors"/>.
    /// </summary>
    public static IReadOnlyList<MentorSuggestion> Rank(
        CompatibilityScorer scorer,
        MatchingProfile mentee,
        IEnumerable<MatchingProfile> mentors,
        MatchingContext context,
        int top)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(top);
        return mentors
            .Select(mentor => (mentor, evaluation: scorer.Evaluate(mentee, mentor, context)))
            .Where(x => x.evaluation.Score is not null)
            .Select(x => new MentorSuggestion
            {
                MentorId = x.mentor.MemberId,
                Score = x.evaluation.Score!,
                FreeCapacity = x.mentor.Capacity,
            })
            .OrderByDescending(s => s.Score.Value)
            .ThenByDescending(s => s.FreeCapacity)
            .ThenBy(s => s.MentorId)
            .Take(top)
            .ToList();
    }
}
