using JumoMentoring.Domain.Matching;
using static JumoMentoring.Tests.Matching.Profiles;

namespace JumoMentoring.Tests.Matching;

public sealed class CompatibilityScorerTests
{
    private static readonly CompatibilityScorer Scorer = new(MatchingWeights.Default);

    [Fact]
    public void A_compatible_pair_has_a_score_and_no_failed_constraint()
    {
        var evaluation = Scorer.Evaluate(Mentee(1, topics: ["a"]), Mentor(2, topics: ["a"]), MatchingContext.Empty);

        Assert.True(evaluation.IsCompatible);
        Assert.Empty(evaluation.FailedConstraints);
        Assert.Equal(100m, evaluation.Score!.Value);
    }

    public static TheoryData<HardConstraint> Constraints() => [.. Enum.GetValues<HardConstraint>()];

    [Theory]
    [MemberData(nameof(Constraints))]
    public void Each_hard_constraint_fails_alone_with_its_code(HardConstraint constraint)
    {
        var mentee = Mentee(1, stage: 2, languages: ["fr", "en"]);
        var mentor = Mentor(2, stage: 3, languages: ["en"], capacity: 2);
        var context = MatchingContext.Empty;
        switch (constraint)
        {
            case HardConstraint.NoSharedLanguage:
                mentor = mentor with { Languages = ["es"] };
                break;
            case HardConstraint.MentorNotSenior:
                mentor = mentor with { CareerStageRank = 2 }; // the same stage is not enough: strictly later
                break;
            case HardConstraint.SamePerson:
                mentor = mentor with { MemberId = mentee.MemberId };
                break;
            case HardConstraint.AlreadyMatched:
                context = new MatchingContext(existingPairs: [new MemberPair(mentee.MemberId, mentor.MemberId)]);
                break;
            case HardConstraint.MentorAtCapacity:
                mentor = mentor with { Capacity = 0 };
                break;
            case HardConstraint.BannedPair:
                context = new MatchingContext(bannedPairs: [new MemberPair(mentee.MemberId, mentor.MemberId)]);
                break;
        }

        var evaluation = Scorer.Evaluate(mentee, mentor, context);

        Assert.Equal([constraint], evaluation.FailedConstraints);
        Assert.Null(evaluation.Score);
        Assert.False(evaluation.IsCompatible);
    }

    [Fact]
    public void Every_failed_constraint_is_reported_in_enum_order()
    {
        var mentee = Mentee(1, stage: 3);
        var mentor = Mentor(1, stage: 3, languages: ["en"], capacity: 0);
        var pair = new MemberPair(mentee.MemberId, mentor.MemberId);

        var evaluation = Scorer.Evaluate(mentee, mentor, new MatchingContext([pair], [pair]));

        Assert.Equal(Enum.GetValues<HardConstraint>(), evaluation.FailedConstraints);
    }

    [Fact]
    public void Existing_and_banned_pairs_are_directed()
    {
        var context = new MatchingContext([new MemberPair(Id(2), Id(1))], [new MemberPair(Id(2), Id(1))]);

        Assert.True(Scorer.Evaluate(Mentee(1), Mentor(2), context).IsCompatible);
    }

    [Fact]
    public void Score_follows_the_documented_formula_and_rounding()
    {
        // Topics 1 of 2 (0.5), same region (1), no settings listed (does not apply), 1 of 1 slot (1):
        // 100 × (40×0.5 + 15×1 + 20×1) / (40 + 15 + 20) = 73.333… → 73.33.
        var mentee = Mentee(1, topics: ["a", "b"], slots: ["weekend"]);
        var mentor = Mentor(2, topics: ["a", "z"], settings: ["hospital"], slots: ["weekend", "weekday-evening"]);

        var score = Scorer.Evaluate(mentee, mentor, MatchingContext.Empty).Score!;

        Assert.Equal(73.33m, score.Value);
        var byCriterion = score.Contributions.ToDictionary(c => c.Criterion);
        Assert.Equal(Enum.GetValues<MatchingCriterion>(), score.Contributions.Select(c => c.Criterion));
        Assert.Equal((40, 0.5), (byCriterion[MatchingCriterion.Topics].Weight, byCriterion[MatchingCriterion.Topics].Value));
        Assert.Equal(0, byCriterion[MatchingCriterion.PracticeSettings].Weight);
        // Exact points 26.666…, 20, 0, 26.666…: floors leave one hundredth over, which goes to the
        // largest fraction, topics first on a tie.
        Assert.Equal([26.67m, 20.00m, 0m, 26.66m], score.Contributions.Select(c => c.Points));
        Assert.Equal(["a"], byCriterion[MatchingCriterion.Topics].SharedCodes);
        Assert.Equal(["06"], byCriterion[MatchingCriterion.Region].SharedCodes);
    }

    [Fact]
    public void Contributions_sum_to_the_score_and_stay_within_a_hundredth_of_the_exact_points()
    {
        var random = new Random(7);
        var weights = new MatchingWeights { Topics = 3, Region = 7, PracticeSettings = 11, Availability = 13, PriorityMultiplier = 2.5 };
        var scorer = new CompatibilityScorer(weights);
        for (var k = 0; k < 2000; k++)
        {
            var mentee = Random(random, 1, mentor: false);
            var mentor = Random(random, 2, mentor: true);

            var score = scorer.Score(mentee, mentor);

            Assert.Equal(score.Value, score.Contributions.Sum(c => c.Points));
            Assert.InRange(score.Value, 0m, 100m);
            Assert.Equal(score.Value, Math.Round(score.Value, 2));
            var total = score.Contributions.Sum(c => c.Weight);
            foreach (var c in score.Contributions)
            {
                Assert.InRange(c.Value, 0, 1);
                var exact = total == 0 ? 0 : 100 * c.Weight * c.Value / total;
                Assert.InRange((double)c.Points, exact - 0.0100001, exact + 0.0100001);
                Assert.Equal(c.IsPriority && c.Weight > 0, mentee.Priorities.Contains(c.Criterion) && c.Weight > 0);
            }
        }
    }

    [Fact]
    public void A_priority_multiplies_the_weight_of_its_criterion()
    {
        var plain = Scorer.Score(Mentee(1, topics: ["a"]), Mentor(2, region: "03", topics: ["a"]));
        var prioritised = Scorer.Score(Mentee(1, topics: ["a"], priorities: [MatchingCriterion.Topics]), Mentor(2, region: "03", topics: ["a"]));

        Assert.Equal(40, plain.Contributions[0].Weight);
        Assert.Equal(80, prioritised.Contributions[0].Weight);
        Assert.True(prioritised.Contributions[0].IsPriority);
        Assert.Equal(72.73m, plain.Value);       // 40 / 55
        Assert.Equal(84.21m, prioritised.Value); // 80 / 95
    }

    [Fact]
    public void A_criterion_the_mentee_left_empty_neither_helps_nor_hurts()
    {
        var score = Scorer.Score(Mentee(1, topics: ["a"]), Mentor(2, topics: ["a"], settings: ["gmf"], slots: ["weekend"]));

        Assert.Equal(100m, score.Value);
        Assert.All(score.Contributions.Where(c => c.Criterion is MatchingCriterion.PracticeSettings or MatchingCriterion.Availability), c => Assert.Equal(0, c.Weight));
    }

    [Fact]
    public void Duplicate_codes_count_once()
    {
        var score = Scorer.Score(Mentee(1, topics: ["a", "a", "b"]), Mentor(2, topics: ["a", "a"]));

        Assert.Equal(0.5, score.Contributions[0].Value);
        Assert.Equal(["a"], score.Contributions[0].SharedCodes);
    }

    [Fact]
    public void Only_the_ratios_of_the_weights_matter()
    {
        var scaled = new CompatibilityScorer(new MatchingWeights { Topics = 8, Region = 3, PracticeSettings = 5, Availability = 4 });
        var random = new Random(3);
        for (var k = 0; k < 200; k++)
        {
            var mentee = Random(random, 1, mentor: false);
            var mentor = Random(random, 2, mentor: true);
            Assert.Equal(Scorer.Score(mentee, mentor).Value, scaled.Score(mentee, mentor).Value);
        }
    }

    public static TheoryData<MatchingWeights> InvalidWeights() =>
    [
        new MatchingWeights { Topics = -1 },
        new MatchingWeights { Region = double.NaN },
        new MatchingWeights { Availability = double.PositiveInfinity },
        new MatchingWeights { Topics = 0, Region = 0, PracticeSettings = 0, Availability = 0 },
        new MatchingWeights { PriorityMultiplier = 0.5 },
    ];

    [Theory]
    [MemberData(nameof(InvalidWeights))]
    public void Invalid_weights_are_refused(MatchingWeights weights)
    {
        Assert.Single(weights.Validate());
        Assert.Throws<ArgumentException>(() => new CompatibilityScorer(weights));
    }

    [Fact]
    public void Default_weights_and_a_single_positive_weight_are_valid()
    {
        Assert.Empty(MatchingWeights.Default.Validate());
        Assert.Empty(new MatchingWeights { Topics = 0, Region = 0, PracticeSettings = 0, Availability = 1, PriorityMultiplier = 1 }.Validate());
    }
}
