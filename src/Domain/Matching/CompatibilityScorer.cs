using System.Text.Json.Serialization;

namespace JumoMentoring.Domain.Matching;

/// <summary>
/// Rules a pair must pass before it is scored. Codes are stable: they are stored with matching runs
/// and shown to coordinators, so add new values at the end.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<HardConstraint>))]
public enum HardConstraint
{
    NoSharedLanguage,
    MentorNotSenior,
    SamePerson,
    AlreadyMatched,
    MentorAtCapacity,
    BannedPair,
}

/// <summary>What one criterion added to a score.</summary>
public sealed record CriterionContribution
{
    public required MatchingCriterion Criterion { get; init; }

    /// <summary>
    /// The weight used for this mentee: the program's weight, times the priority multiplier when the
    /// mentee marked the criterion as a priority, and 0 when the criterion does not apply (the mentee
    /// listed nothing for it: no preference is neither a match nor a mismatch).
    /// </summary>
    public required double Weight { get; init; }
    public required bool IsPriority { get; init; }

    /// <summary>How well the mentor meets the criterion, 0..1 (share of the mentee's codes the mentor has; region: 1 or 0).</summary>
    public required double Value { get; init; }

    /// <summary>100 × Weight × Value / (sum of the weights), rounded to 0.01 so that the points add up to the score.</summary>
    public required decimal Points { get; init; }

    /// <summary>The codes both share, in the mentee's order (for Region: the region, when it is the same).</summary>
    public required IReadOnlyList<string> SharedCodes { get; init; }
}

/// <summary>A compatibility score 0–100 (two decimals) with what each criterion contributed.</summary>
public sealed record MatchScore
{
    public required decimal Value { get; init; }

    /// <summary>One per criterion, in <see cref="MatchingCriterion"/> order; their points sum to <see cref="Value"/>.</summary>
    public required IReadOnlyList<CriterionContribution> Contributions { get; init; }
}

/// <summary>The outcome of evaluating one mentee–mentor pair: every failed hard constraint, or a score.</summary>
public sealed record MatchEvaluation
{
    public required Guid MenteeId { get; init; }
    public required Guid MentorId { get; init; }

    /// <summary>All the hard constraints the pair fails, in <see cref="HardConstraint"/> order; empty when compatible.</summary>
    public required IReadOnlyList<HardConstraint> FailedConstraints { get; init; }

    /// <summary>Null when a hard constraint fails: an incompatible pair has no score.</summary>
    public MatchScore? Score { get; init; }

    [JsonIgnore]
    public bool IsCompatible => FailedConstraints.Count == 0;
}

/// <summary>
/// Pure, deterministic compatibility of a mentee with a mentor.
///
/// Score = 100 × Σ wᵢ·vᵢ / Σ wᵢ over the criteria that apply to the mentee, where vᵢ ∈ [0, 1]:
/// topics, practice settings and availability: the share of the mentee's codes the mentor also has
/// (it measures how much of what the mentee asked for the mentor covers); region: 1 when the same,
/// else 0 (neighbouring regions get nothing: simple and explainable). A criterion for which the mentee
/// listed nothing does not apply. The score is rounded to 0.01 (half away from zero) and the solver
/// works on it as an integer number of hundredths, so its optimum is exact.
/// </summary>
public sealed class CompatibilityScorer
{
    private static readonly MatchingCriterion[] Criteria = Enum.GetValues<MatchingCriterion>();

    public CompatibilityScorer(MatchingWeights weights)
    {
        var errors = weights.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(weights));
        }

        Weights = weights;
    }

    public MatchingWeights Weights { get; }

    /// <summary>The failed hard constraints of a pair, in enum order (empty when the pair is compatible).</summary>
    public static IReadOnlyList<HardConstraint> CheckHardConstraints(MatchingProfile mentee, MatchingProfile mentor, MatchingContext context)
    {
        var failed = new List<HardConstraint>();
        if (!mentee.Languages.Any(l => mentor.Languages.Contains(l, StringComparer.Ordinal)))
        {
            failed.Add(HardConstraint.NoSharedLanguage);
        }

        if (mentor.CareerStageRank <= mentee.CareerStageRank)
        {
            failed.Add(HardConstraint.MentorNotSenior);
        }

        if (mentee.MemberId == mentor.MemberId)
        {
            failed.Add(HardConstraint.SamePerson);
        }

        var pair = new MemberPair(mentee.MemberId, mentor.MemberId);
        if (context.ExistingPairs.Contains(pair))
        {
            failed.Add(HardConstraint.AlreadyMatched);
        }

        if (mentor.Capacity <= 0)
        {
            failed.Add(HardConstraint.MentorAtCapacity);
        }

        if (context.BannedPairs.Contains(pair))
        {
            failed.Add(HardConstraint.BannedPair);
        }

        return failed;
    }

    public MatchEvaluation Evaluate(MatchingProfile mentee, MatchingProfile mentor, MatchingContext context)
    {
        var failed = CheckHardConstraints(mentee, mentor, context);
        return new MatchEvaluation
        {
            MenteeId = mentee.MemberId,
            MentorId = mentor.MemberId,
            FailedConstraints = failed,
            Score = failed.Count == 0 ? Score(mentee, mentor) : null,
        };
    }

    /// <summary>The score of a pair, whether or not it passes the hard constraints.</summary>
    public MatchScore Score(MatchingProfile mentee, MatchingProfile mentor)
    {
        var topics = Shared(mentee.Topics, mentor.Topics);
        var settings = Shared(mentee.PracticeSettings, mentor.PracticeSettings);
        var slots = Shared(mentee.Availability, mentor.Availability);
        var sameRegion = string.Equals(mentee.Region, mentor.Region, StringComparison.Ordinal);
        var counts = new CriterionCounts(
            topics.Shared.Count, topics.Wanted,
            sameRegion,
            settings.Shared.Count, settings.Wanted,
            slots.Shared.Count, slots.Wanted);

        var weights = WeightsFor(mentee);
        var exact = new double[Criteria.Length];
        var total = Hundredths(weights, counts, exact);

        // Largest remainder: floor every criterion's hundredths, then hand the hundredths the rounding of
        // the total leaves over to the largest fractional parts (ties in criterion order), so the points
        // add up to the score exactly and each is within 0.01 of its exact value.
        Span<long> points = stackalloc long[Criteria.Length];
        long floorSum = 0;
        for (var i = 0; i < Criteria.Length; i++)
        {
            points[i] = (long)Math.Floor(exact[i]);
            floorSum += points[i];
        }

        var order = Enumerable.Range(0, Criteria.Length)
            .OrderByDescending(i => exact[i] - Math.Floor(exact[i]))
            .ThenBy(i => i)
            .ToArray();
        var left = total - floorSum;
        for (var k = 0; left > 0; k++, left--)
        {
            points[order[k % order.Length]]++;
        }

        for (var k = order.Length - 1; left < 0; k = (k + order.Length - 1) % order.Length)
        {
            // Only floating-point noise can get here; take back from the smallest fractions.
            if (points[order[k]] > 0)
            {
                points[order[k]]--;
                left++;
            }
        }

        var contributions = new CriterionContribution[Criteria.Length];
        for (var i = 0; i < Criteria.Length; i++)
        {
            var criterion = Criteria[i];
            contributions[i] = new CriterionContribution
            {
                Criterion = criterion,
                Weight = weights.Of(criterion),
                IsPriority = weights.IsPriority(criterion),
                Value = counts.Value(criterion),
                Points = points[i] / 100m,
                SharedCodes = criterion switch
                {
                    MatchingCriterion.Topics => topics.Shared,
                    MatchingCriterion.PracticeSettings => settings.Shared,
                    MatchingCriterion.Availability => slots.Shared,
                    _ => sameRegion ? [mentee.Region] : [],
                },
            };
        }

        return new MatchScore { Value = total / 100m, Contributions = contributions };
    }

    /// <summary>The weights for one mentee: priorities multiplied, criteria without codes dropped.</summary>
    internal MenteeWeights WeightsFor(MatchingProfile mentee)
    {
        double Effective(MatchingCriterion criterion, bool applies) =>
            !applies ? 0 : Weights.WeightOf(criterion) * (mentee.Priorities.Contains(criterion) ? Weights.PriorityMultiplier : 1);

        return new MenteeWeights(
            Effective(MatchingCriterion.Topics, mentee.Topics.Count > 0),
            Effective(MatchingCriterion.Region, true),
            Effective(MatchingCriterion.PracticeSettings, mentee.PracticeSettings.Count > 0),
            Effective(MatchingCriterion.Availability, mentee.Availability.Count > 0),
            mentee.Priorities.Contains(MatchingCriterion.Topics),
            mentee.Priorities.Contains(MatchingCriterion.Region),
            mentee.Priorities.Contains(MatchingCriterion.PracticeSettings),
            mentee.Priorities.Contains(MatchingCriterion.Availability));
    }

    /// <summary>
    /// The one place a score is computed: <see cref="Score"/> and the cohort solver both call it, so a
    /// pair scores the same to the hundredth everywhere. Writes each criterion's exact hundredths to
    /// <paramref name="exact"/> and returns the total rounded to an integer number of hundredths.
    /// </summary>
    internal static int Hundredths(in MenteeWeights weights, in CriterionCounts counts, Span<double> exact)
    {
        var total = weights.Topics + weights.Region + weights.PracticeSettings + weights.Availability;
        if (total <= 0)
        {
            // Only when the mentee lists nothing and the region weighs 0: nothing to compare on.
            exact.Clear();
            return 0;
        }

        exact[0] = 10000.0 * weights.Topics * counts.Value(MatchingCriterion.Topics) / total;
        exact[1] = 10000.0 * weights.Region * counts.Value(MatchingCriterion.Region) / total;
        exact[2] = 10000.0 * weights.PracticeSettings * counts.Value(MatchingCriterion.PracticeSettings) / total;
        exact[3] = 10000.0 * weights.Availability * counts.Value(MatchingCriterion.Availability) / total;
        return (int)Math.Round(exact[0] + exact[1] + exact[2] + exact[3], MidpointRounding.AwayFromZero);
    }

    private static (IReadOnlyList<string> Shared, int Wanted) Shared(IReadOnlyList<string> mentee, IReadOnlyList<string> mentor)
    {
        var wanted = mentee.Distinct(StringComparer.Ordinal).ToList();
        var offered = mentor.ToHashSet(StringComparer.Ordinal);
        return (wanted.Where(offered.Contains).ToList(), wanted.Count);
    }
}

/// <summary>Effective weights of one mentee (0 for a criterion that does not apply).</summary>
internal readonly record struct MenteeWeights(
    double Topics, double Region, double PracticeSettings, double Availability,
    bool TopicsPriority, bool RegionPriority, bool PracticeSettingsPriority, bool AvailabilityPriority)
{
    public double Of(MatchingCriterion criterion) => criterion switch
    {
        MatchingCriterion.Topics => Topics,
        MatchingCriterion.Region => Region,
        MatchingCriterion.PracticeSettings => PracticeSettings,
        _ => Availability,
    };

    public bool IsPriority(MatchingCriterion criterion) => criterion switch
    {
        MatchingCriterion.Topics => TopicsPriority,
        MatchingCriterion.Region => RegionPriority,
        MatchingCriterion.PracticeSettings => PracticeSettingsPriority,
        _ => AvailabilityPriority,
    };
}

/// <summary>How many distinct codes the mentee listed per criterion and how many of them the mentor shares.</summary>
internal readonly record struct CriterionCounts(
    int SharedTopics, int MenteeTopics,
    bool SameRegion,
    int SharedSettings, int MenteeSettings,
    int SharedSlots, int MenteeSlots)
{
    public double Value(MatchingCriterion criterion) => criterion switch
    {
        MatchingCriterion.Topics => Ratio(SharedTopics, MenteeTopics),
        MatchingCriterion.Region => SameRegion ? 1 : 0,
        MatchingCriterion.PracticeSettings => Ratio(SharedSettings, MenteeSettings),
        _ => Ratio(SharedSlots, MenteeSlots),
    };

    private static double Ratio(int shared, int wanted) => wanted == 0 ? 0 : (double)shared / wanted;
}
