namespace JumoMentoring.Domain.Matching;

/// <summary>
/// How much each criterion counts, per program. Only ratios matter: the score is normalised by the sum
/// of the weights that apply to the mentee, so (40, 15, 25, 20) and (8, 3, 5, 4) score alike.
/// </summary>
public sealed record MatchingWeights
{
    /// <summary>Topics come first: they are why a mentee looks for a mentor.</summary>
    public double Topics { get; init; } = 40;

    /// <summary>Same region helps meeting in person and sharing the local practice context.</summary>
    public double Region { get; init; } = 15;
    public double PracticeSettings { get; init; } = 25;
    public double Availability { get; init; } = 20;

    /// <summary>Factor applied to the weight of each criterion the mentee marked as a priority.</summary>
    public double PriorityMultiplier { get; init; } = 2;

    public static MatchingWeights Default { get; } = new();

    public double WeightOf(MatchingCriterion criterion) => criterion switch
    {
        MatchingCriterion.Topics => Topics,
        MatchingCriterion.Region => Region,
        MatchingCriterion.PracticeSettings => PracticeSettings,
        MatchingCriterion.Availability => Availability,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, null),
    };

    /// <summary>The problems with these weights, empty when they can be used.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        foreach (var criterion in Enum.GetValues<MatchingCriterion>())
        {
            var weight = WeightOf(criterion);
            if (!double.IsFinite(weight) || weight < 0)
            {
                errors.Add($"The weight of {criterion} must be a finite number ≥ 0 (got {weight}).");
            }
        }

        if (errors.Count == 0 && Enum.GetValues<MatchingCriterion>().All(c => WeightOf(c) == 0))
        {
            errors.Add("At least one weight must be above 0.");
        }

        // Below 1 a priority would count less than a criterion the mentee did not mark.
        if (!double.IsFinite(PriorityMultiplier) || PriorityMultiplier < 1)
        {
            errors.Add($"The priority multiplier must be a finite number ≥ 1 (got {PriorityMultiplier}).");
        }

        return errors;
    }
}
