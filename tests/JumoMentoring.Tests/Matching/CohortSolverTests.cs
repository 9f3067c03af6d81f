using System.Text.Json;
using JumoMentoring.Domain.Matching;
using static JumoMentoring.Tests.Matching.Profiles;

namespace JumoMentoring.Tests.Matching;

public sealed class CohortSolverTests
{
    // Topics-only scores: mentee 1 gets 100 with mentor 10 and 40 with mentor 11; mentee 2 gets 50 with
    // mentor 10 and 0 with mentor 11. TotalFit: (1→10, 2→11) = 100. Fairest: (1→11, 2→10), worst 40.
    private static CohortInput TwoByTwo(CohortObjective objective) => new()
    {
        Mentees = [Mentee(1, topics: ["a", "b", "c", "d", "e"]), Mentee(2, topics: ["f", "g"])],
        Mentors = [Mentor(10, topics: ["a", "b", "c", "d", "e", "f"]), Mentor(11, topics: ["a", "b"])],
        Weights = TopicsOnly,
        Objective = objective,
    };

    [Fact]
    public void TotalFit_maximises_the_total_and_Fairest_the_worst_off()
    {
        var totalFit = CohortSolver.Solve(TwoByTwo(CohortObjective.TotalFit));
        var fairest = CohortSolver.Solve(TwoByTwo(CohortObjective.Fairest));

        Assert.Equal([(Id(1), Id(10), 100m), (Id(2), Id(11), 0m)], totalFit.Pairs.Select(p => (p.MenteeId, p.MentorId, p.Score)));
        Assert.Equal(100m, totalFit.TotalScore);
        Assert.Equal(0m, totalFit.WorstScore);
        Assert.Equal([(Id(1), Id(11), 40m), (Id(2), Id(10), 50m)], fairest.Pairs.Select(p => (p.MenteeId, p.MentorId, p.Score)));
        Assert.Equal(90m, fairest.TotalScore);
        Assert.Equal(40m, fairest.WorstScore);
        Assert.Equal(4000, fairest.Stats!.FairnessThreshold);
        Assert.Equal(CohortObjective.Fairest, fairest.Objective);
        Assert.Equal(CohortMethod.Optimal, fairest.Method);
    }

    [Fact]
    public void The_optimum_beats_greedy_where_greedy_takes_the_best_mentor_too_early()
    {
        // Mentee 1 scores 100 with mentor 10 and 75 with 11; mentee 2 scores 50 with 10 and 0 with 11.
        var input = new CohortInput
        {
            Mentees = [Mentee(1, topics: ["a", "b", "c", "d"]), Mentee(2, topics: ["e", "f"])],
            Mentors = [Mentor(10, topics: ["a", "b", "c", "d", "e"]), Mentor(11, topics: ["a", "b", "c"])],
            Weights = TopicsOnly,
        };

        var optimal = CohortSolver.Solve(input);
        var greedy = CohortSolver.Greedy(input);

        Assert.Equal(125m, optimal.TotalScore);
        Assert.Equal(100m, greedy.TotalScore);
        Assert.Equal(CohortMethod.GreedyBaseline, greedy.Method);
    }

    [Fact]
    public void Matching_more_mentees_comes_before_a_larger_total()
    {
        // Mentee 2 can only have mentor 10 (English); giving it to mentee 1 would score 100 but leave 2 unmatched.
        var input = new CohortInput
        {
            Mentees = [Mentee(1, languages: ["fr", "en"], topics: ["a"]), Mentee(2, languages: ["en"], topics: ["b"])],
            Mentors = [Mentor(10, languages: ["en"], topics: ["a"]), Mentor(11, topics: [])],
            Weights = TopicsOnly,
        };

        var result = CohortSolver.Solve(input);

        Assert.Equal([(Id(1), Id(11)), (Id(2), Id(10))], result.Pairs.Select(p => (p.MenteeId, p.MentorId)));
        Assert.Equal(0m, result.TotalScore);
        Assert.Empty(result.Unmatched);
    }

    [Fact]
    public void Capacities_are_respected_and_the_rest_are_unmatched_because_mentors_are_full()
    {
        var input = new CohortInput
        {
            Mentees = [.. Enumerable.Range(1, 6).Select(i => Mentee(i, topics: ["a"]))],
            Mentors = [Mentor(10, topics: ["a"], capacity: 2), Mentor(11, topics: ["a"], capacity: 1), Mentor(12, capacity: 0)],
        };

        var result = CohortSolver.Solve(input);

        Assert.Equal(3, result.MatchedCount);
        Assert.Equal(2, result.Pairs.Count(p => p.MentorId == Id(10)));
        Assert.Equal(1, result.Pairs.Count(p => p.MentorId == Id(11)));
        Assert.DoesNotContain(result.Pairs, p => p.MentorId == Id(12));
        Assert.Equal(3, result.Unmatched.Count);
        Assert.All(result.Unmatched, u =>
        {
            Assert.Equal(UnmatchedReason.CompatibleMentorsFull, u.Reason);
            Assert.Equal(2, u.CompatibleMentors);
        });
    }

    [Fact]
    public void A_mentee_no_mentor_accepts_is_unmatched_with_the_dominant_failed_constraints()
    {
        var input = new CohortInput
        {
            Mentees = [Mentee(1, stage: 3, languages: ["en"]), Mentee(2)],
            Mentors = [Mentor(10, stage: 3), Mentor(11, stage: 4), Mentor(12, stage: 5, languages: ["en"])],
            BannedPairs = [new MemberPair(Id(1), Id(12))],
        };

        var result = CohortSolver.Solve(input);

        var unmatched = Assert.Single(result.Unmatched);
        Assert.Equal(Id(1), unmatched.MenteeId);
        Assert.Equal(UnmatchedReason.NoCompatibleMentor, unmatched.Reason);
        Assert.Equal(0, unmatched.CompatibleMentors);
        Assert.Equal(
            [new ConstraintCount(HardConstraint.NoSharedLanguage, 2), new ConstraintCount(HardConstraint.MentorNotSenior, 1), new ConstraintCount(HardConstraint.BannedPair, 1)],
            unmatched.FailedConstraints);
    }

    [Fact]
    public void Banned_and_already_matched_pairs_are_never_used_even_when_best()
    {
        var input = new CohortInput
        {
            Mentees = [Mentee(1, topics: ["a"]), Mentee(2, topics: ["a"])],
            Mentors = [Mentor(10, topics: ["a"], capacity: 2), Mentor(11, topics: ["b"], capacity: 2)],
            BannedPairs = [new MemberPair(Id(1), Id(10))],
            ExistingPairs = [new MemberPair(Id(2), Id(10))],
        };

        var result = CohortSolver.Solve(input);

        Assert.All(result.Pairs, p => Assert.Equal(Id(11), p.MentorId));
        Assert.Equal(2, result.MatchedCount);
    }

    [Fact]
    public void A_member_who_is_both_mentee_and_mentor_is_never_their_own_mentor()
    {
        // Member 5 is a mentee and a mentor. Its two profiles disagree on the stage on purpose, so that
        // only SamePerson keeps it from mentoring itself (a 100 it would otherwise get).
        var input = new CohortInput
        {
            Mentees = [Mentee(5, stage: 2, topics: ["a"]), Mentee(1, stage: 1, topics: ["a"])],
            Mentors = [Mentor(5, stage: 3, topics: ["a"], capacity: 2), Mentor(10, stage: 4, capacity: 1)],
        };

        var result = CohortSolver.Solve(input);

        Assert.Equal([(Id(1), Id(5)), (Id(5), Id(10))], result.Pairs.Select(p => (p.MenteeId, p.MentorId)));
    }

    [Fact]
    public void Locked_pairs_are_kept_and_use_their_mentor_s_places()
    {
        // Without the lock, mentee 1 would take mentor 10 (100 vs 0).
        var input = new CohortInput
        {
            Mentees = [Mentee(1, topics: ["a"]), Mentee(2, topics: ["a"]), Mentee(3, topics: ["b"])],
            Mentors = [Mentor(10, topics: ["a"], capacity: 1), Mentor(11, topics: ["b"], capacity: 1)],
            LockedPairs = [new MemberPair(Id(1), Id(11))],
            Weights = TopicsOnly,
        };

        foreach (var objective in Enum.GetValues<CohortObjective>())
        {
            var result = CohortSolver.Solve(input with { Objective = objective });

            Assert.True(result.IsSolved);
            Assert.Contains(result.Pairs, p => p is { Locked: true, Score: 0m } && p.MenteeId == Id(1) && p.MentorId == Id(11));
            Assert.Contains(result.Pairs, p => !p.Locked && p.MenteeId == Id(2) && p.MentorId == Id(10));
            Assert.Equal(Id(3), Assert.Single(result.Unmatched).MenteeId);
            Assert.Equal(UnmatchedReason.CompatibleMentorsFull, result.Unmatched[0].Reason);
            Assert.Equal(100m, result.WorstScore); // locked pairs are not the solver's choice
        }
    }

    [Fact]
    public void Infeasible_locks_are_reported_not_thrown()
    {
        var input = new CohortInput
        {
            Mentees = [Mentee(1), Mentee(2), Mentee(3), Mentee(4), Mentee(5, languages: ["en"])],
            Mentors = [Mentor(10, capacity: 1), Mentor(11, capacity: 1), Mentor(12, capacity: 0)],
            BannedPairs = [new MemberPair(Id(4), Id(11))],
            LockedPairs =
            [
                new MemberPair(Id(1), Id(10)), new MemberPair(Id(2), Id(10)), // two locks, one place
                new MemberPair(Id(3), Id(10)), new MemberPair(Id(3), Id(11)), // locked twice
                new MemberPair(Id(4), Id(11)),                                // banned
                new MemberPair(Id(5), Id(12)),                                // no language, no place
                new MemberPair(Id(99), Id(10)),                               // not in the cohort
            ],
        };

        var result = CohortSolver.Solve(input);

        Assert.False(result.IsSolved);
        Assert.Empty(result.Pairs);
        Assert.Contains(result.Problems, p => p.Kind == CohortProblemKind.LockExceedsCapacity && p.MentorId == Id(10));
        Assert.Contains(result.Problems, p => p.Kind == CohortProblemKind.MenteeLockedTwice && p.MenteeId == Id(3));
        Assert.Contains(result.Problems, p => p.Kind == CohortProblemKind.LockBreaksHardConstraint && p.MenteeId == Id(4) && p.FailedConstraints.SequenceEqual([HardConstraint.BannedPair]));
        Assert.Contains(result.Problems, p => p.Kind == CohortProblemKind.LockBreaksHardConstraint && p.MenteeId == Id(5)
            && p.FailedConstraints.SequenceEqual([HardConstraint.NoSharedLanguage, HardConstraint.MentorAtCapacity]));
        Assert.Contains(result.Problems, p => p.Kind == CohortProblemKind.LockUnknownMember && p.MenteeId == Id(99));
        Assert.Equal(5, result.Problems.Count);
        Assert.False(CohortSolver.Greedy(input).IsSolved);
    }

    [Fact]
    public void Invalid_weights_and_duplicate_members_are_reported()
    {
        var result = CohortSolver.Solve(new CohortInput
        {
            Mentees = [Mentee(1), Mentee(1)],
            Mentors = [Mentor(10), Mentor(10)],
            Weights = new MatchingWeights { Topics = -1 },
        });

        Assert.Equal(
            [CohortProblemKind.InvalidWeights, CohortProblemKind.DuplicateMentee, CohortProblemKind.DuplicateMentor],
            result.Problems.Select(p => p.Kind));
    }

    [Fact]
    public void An_empty_cohort_is_solved_with_nothing_to_do()
    {
        var noMentors = CohortSolver.Solve(new CohortInput { Mentees = [Mentee(1)], Mentors = [], Objective = CohortObjective.Fairest });
        var noMentees = CohortSolver.Solve(new CohortInput { Mentees = [], Mentors = [Mentor(10)] });

        Assert.Equal(UnmatchedReason.NoCompatibleMentor, Assert.Single(noMentors.Unmatched).Reason);
        Assert.Null(noMentors.WorstScore);
        Assert.Empty(noMentees.Pairs);
        Assert.Empty(noMentees.Unmatched);
    }

    [Fact]
    public void The_result_depends_on_the_input_not_its_order_and_round_trips_as_json()
    {
        var random = new Random(11);
        var input = RandomCohort(random, mentees: 40, mentors: 15);
        foreach (var objective in Enum.GetValues<CohortObjective>())
        {
            var reference = JsonSerializer.Serialize(CohortSolver.Solve(input with { Objective = objective }));
            for (var k = 0; k < 3; k++)
            {
                var shuffled = input with
                {
                    Objective = objective,
                    Mentees = [.. input.Mentees.OrderBy(_ => random.Next())],
                    Mentors = [.. input.Mentors.OrderBy(_ => random.Next())],
                };
                Assert.Equal(reference, JsonSerializer.Serialize(CohortSolver.Solve(shuffled)));
            }

            // A stored input replays to the same result, and a stored result reads back the same.
            var replayed = JsonSerializer.Deserialize<CohortInput>(JsonSerializer.Serialize(input with { Objective = objective }))!;
            Assert.Equal(reference, JsonSerializer.Serialize(CohortSolver.Solve(replayed)));
            Assert.Equal(reference, JsonSerializer.Serialize(JsonSerializer.Deserialize<CohortResult>(reference)));
        }

        Assert.Contains("\"Objective\":\"Fairest\"", JsonSerializer.Serialize(input with { Objective = CohortObjective.Fairest }));
    }

    [Fact]
    public void Pair_scores_are_the_scorer_s_scores()
    {
        var input = RandomCohort(new Random(12), mentees: 60, mentors: 20) with
        {
            Weights = new MatchingWeights { Topics = 3, Region = 1, PracticeSettings = 2, Availability = 1.5, PriorityMultiplier = 3 },
        };
        var scorer = new CompatibilityScorer(input.Weights);

        var result = CohortSolver.Solve(input);

        Assert.NotEmpty(result.Pairs);
        foreach (var pair in result.Pairs)
        {
            var mentee = input.Mentees.Single(m => m.MemberId == pair.MenteeId);
            var mentor = input.Mentors.Single(m => m.MemberId == pair.MentorId);
            Assert.Equal(scorer.Evaluate(mentee, mentor, MatchingContext.Empty).Score!.Value, pair.Score);
        }
    }

    [Theory]
    [InlineData(CohortObjective.TotalFit)]
    [InlineData(CohortObjective.Fairest)]
    public void Pricing_finds_the_pairs_a_tiny_candidate_set_left_out(CohortObjective objective)
    {
        // Candidate sets of one pair per mentee and none per mentor are far from enough: pricing must add
        // pairs and still reach the optimum found with every pair as a candidate from the start.
        for (var seed = 0; seed < 5; seed++)
        {
            var input = RandomCohort(new Random(100 + seed), mentees: 150, mentors: 40) with { Objective = objective };

            var tiny = CohortSolver.Solve(input, new CandidateSizes(1, 0, 0));
            var everything = CohortSolver.Solve(input, new CandidateSizes(int.MaxValue, 0, 0));
            var normal = CohortSolver.Solve(input);

            Assert.True(tiny.Stats!.PricingRounds > 0);
            Assert.Equal(0, everything.Stats!.PricingRounds);
            if (objective == CohortObjective.TotalFit)
            {
                Assert.Equal(everything.Stats.CompatiblePairs, everything.Stats.CandidatePairs);
            }

            Assert.True(tiny.Stats.CandidatePairs < tiny.Stats.CompatiblePairs);
            foreach (var result in new[] { tiny, normal })
            {
                Assert.Equal(everything.MatchedCount, result.MatchedCount);
                Assert.Equal(everything.WorstScore, result.WorstScore);
                Assert.Equal(everything.TotalScore, result.TotalScore);
            }
        }
    }

    internal static CohortInput RandomCohort(Random random, int mentees, int mentors)
    {
        var menteeProfiles = Enumerable.Range(1, mentees).Select(i => Random(random, i, mentor: false)).ToList();
        var mentorProfiles = Enumerable.Range(1000, mentors).Select(i => Random(random, i, mentor: true)).ToList();
        var banned = menteeProfiles
            .SelectMany(m => mentorProfiles.Select(t => new MemberPair(m.MemberId, t.MemberId)))
            .Where(_ => random.Next(20) == 0)
            .ToList();
        return new CohortInput { Mentees = menteeProfiles, Mentors = mentorProfiles, BannedPairs = banned };
    }
}
