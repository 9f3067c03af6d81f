using JumoMentoring.Domain.Matching;
using static JumoMentoring.Tests.Matching.Profiles;

namespace JumoMentoring.Tests.Matching;

/// <summary>
/// The solver against exhaustive enumeration on hundreds of seeded random small cohorts: same optimum
/// for both objectives, with the normal candidate sets and with tiny ones that force pricing; every
/// result valid; the greedy baseline never better.
/// </summary>
public sealed class CohortSolverPropertyTests
{
    private const int Instances = 2000;

    /// <summary>The objective as a tuple compared lexicographically: matched, then (Fairest) worst, then total, in hundredths.</summary>
    private readonly record struct Value(int Matched, int Worst, int Total) : IComparable<Value>
    {
        public int CompareTo(Value other) =>
            Matched != other.Matched ? Matched.CompareTo(other.Matched)
            : Worst != other.Worst ? Worst.CompareTo(other.Worst)
            : Total.CompareTo(other.Total);
    }

    [Fact]
    public void The_solver_reaches_the_brute_force_optimum_and_greedy_never_beats_it()
    {
        var pricingRan = 0;
        var refused = 0;
        var fairestDiffers = 0; // instances where the two objectives disagree
        for (var seed = 0; seed < Instances; seed++)
        {
            var random = new Random(seed);
            var input = RandomSmallCohort(random);
            var brute = new BruteForce(input);
            foreach (var objective in Enum.GetValues<CohortObjective>())
            {
                var posed = input with { Objective = objective };
                var best = brute.Best(objective);
                foreach (var sizes in new[] { CandidateSizes.Default, new CandidateSizes(1, 0, 0) })
                {
                    var result = CohortSolver.Solve(posed, sizes);
                    Assert.True(best is null == !result.IsSolved, $"seed {seed}: feasibility of the locks");
                    if (best is null)
                    {
                        refused++;
                        continue;
                    }

                    var value = brute.Check(result, objective, seed);
                    Assert.True(best.Value.CompareTo(value) == 0, $"seed {seed} {objective} {sizes}: solver {value}, brute force {best}");
                    pricingRan += result.Stats!.PricingRounds > 0 ? 1 : 0;
                }

                if (best is null)
                {
                    continue;
                }

                var greedy = CohortSolver.Greedy(posed);
                var greedyValue = brute.Check(greedy, objective, seed);
                Assert.True(greedyValue.CompareTo(best.Value) <= 0, $"seed {seed} {objective}: greedy {greedyValue} beats {best}");
            }

            var totalFit = brute.Best(CohortObjective.TotalFit);
            var fairest = brute.Best(CohortObjective.Fairest);
            if (totalFit is { } t && fairest is { } f && t.Total > f.Total)
            {
                fairestDiffers++;
            }
        }

        // The generator must produce the cases the test is about, or it proves little.
        Assert.True(pricingRan > 200, $"pricing ran on {pricingRan} solves");
        Assert.True(refused > 100, $"{refused} refused runs");
        Assert.True(fairestDiffers > 15, $"Fairest gave up total fit {fairestDiffers} times");
    }

    private static CohortInput RandomSmallCohort(Random random)
    {
        // Mostly cohorts with competition for places; a few empty or tiny ones for the edge cases.
        var pool = random.Next(3, 8);
        var tiny = random.Next(10) == 0;
        var mentees = Enumerable.Range(1, tiny ? random.Next(0, 2) : random.Next(3, 7)).Select(i => Random(random, i, mentor: false, pool)).ToList();
        var mentors = Enumerable.Range(100, tiny ? random.Next(0, 2) : random.Next(1, 5)).Select(i => Random(random, i, mentor: true, pool)).ToList();
        var pairs = mentees.SelectMany(m => mentors.Select(t => new MemberPair(m.MemberId, t.MemberId))).ToList();
        var input = new CohortInput
        {
            Mentees = mentees,
            Mentors = mentors,
            BannedPairs = [.. pairs.Where(_ => random.Next(6) == 0)],
            ExistingPairs = [.. pairs.Where(_ => random.Next(12) == 0)],
            Weights = new MatchingWeights
            {
                Topics = random.Next(0, 4),
                Region = random.Next(0, 4),
                PracticeSettings = random.Next(0, 4),
                Availability = random.Next(1, 4),
                PriorityMultiplier = 1 + random.Next(3),
            },
        };

        // Some runs lock one or two pairs, feasible or not.
        if (pairs.Count > 0 && random.Next(3) == 0)
        {
            input = input with { LockedPairs = [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => pairs[random.Next(pairs.Count)])] };
        }

        return input;
    }

    /// <summary>Every assignment (each mentee to a compatible mentor or to no one), scored with the public scorer.</summary>
    private sealed class BruteForce
    {
        private readonly CohortInput _input;
        private readonly int?[,] _score;
        private readonly int[] _lockedMentor;

        public BruteForce(CohortInput input)
        {
            _input = input;
            var scorer = new CompatibilityScorer(input.Weights);
            var context = new MatchingContext(input.ExistingPairs, input.BannedPairs);
            _score = new int?[input.Mentees.Count, input.Mentors.Count];
            for (var i = 0; i < input.Mentees.Count; i++)
            {
                for (var j = 0; j < input.Mentors.Count; j++)
                {
                    var score = scorer.Evaluate(input.Mentees[i], input.Mentors[j], context).Score;
                    _score[i, j] = score is null ? null : (int)(score.Value * 100);
                }
            }

            // -1: free; -2: locked with two mentors (nothing is feasible); else the locked mentor.
            _lockedMentor = new int[input.Mentees.Count];
            for (var i = 0; i < input.Mentees.Count; i++)
            {
                var mentors = input.LockedPairs.Where(p => p.MenteeId == input.Mentees[i].MemberId).Select(p => p.MentorId).Distinct().ToList();
                _lockedMentor[i] = mentors.Count switch
                {
                    0 => -1,
                    1 => input.Mentors.ToList().FindIndex(m => m.MemberId == mentors[0]),
                    _ => -2,
                };
            }
        }

        /// <summary>The best objective value, or null when the locks allow no assignment.</summary>
        public Value? Best(CohortObjective objective)
        {
            Value? best = null;
            var choice = new int[_input.Mentees.Count];
            var load = new int[_input.Mentors.Count];

            void Visit(int i)
            {
                if (i == choice.Length)
                {
                    var value = Evaluate(choice, objective);
                    if (best is null || value.CompareTo(best.Value) > 0)
                    {
                        best = value;
                    }

                    return;
                }

                if (_lockedMentor[i] == -2)
                {
                    return;
                }

                for (var j = -1; j < _input.Mentors.Count; j++)
                {
                    if (_lockedMentor[i] >= 0 && j != _lockedMentor[i])
                    {
                        continue;
                    }

                    if (j >= 0 && (_score[i, j] is null || load[j] >= _input.Mentors[j].Capacity))
                    {
                        continue;
                    }

                    choice[i] = j;
                    if (j >= 0)
                    {
                        load[j]++;
                    }

                    Visit(i + 1);
                    if (j >= 0)
                    {
                        load[j]--;
                    }
                }
            }

            Visit(0);
            return best;
        }

        /// <summary>Checks that a result is a valid assignment and returns its objective value.</summary>
        public Value Check(CohortResult result, CohortObjective objective, int seed)
        {
            var choice = Enumerable.Repeat(-1, _input.Mentees.Count).ToArray();
            var load = new int[_input.Mentors.Count];
            foreach (var pair in result.Pairs)
            {
                var i = _input.Mentees.ToList().FindIndex(m => m.MemberId == pair.MenteeId);
                var j = _input.Mentors.ToList().FindIndex(m => m.MemberId == pair.MentorId);
                Assert.True(i >= 0 && j >= 0 && choice[i] == -1, $"seed {seed}: pair {pair}");
                Assert.True(_score[i, j] is not null, $"seed {seed}: incompatible pair {pair}");
                Assert.Equal(_score[i, j]!.Value, (int)(pair.Score * 100));
                Assert.Equal(_lockedMentor[i] == j, pair.Locked);
                choice[i] = j;
                load[j]++;
                Assert.True(load[j] <= _input.Mentors[j].Capacity, $"seed {seed}: capacity of {pair.MentorId}");
            }

            for (var i = 0; i < choice.Length; i++)
            {
                Assert.False(_lockedMentor[i] >= 0 && choice[i] != _lockedMentor[i], $"seed {seed}: lock dropped");
            }

            // Each unmatched mentee is listed once, with a reason that holds.
            var unmatched = result.Unmatched.ToDictionary(u => u.MenteeId);
            Assert.Equal(choice.Count(c => c < 0), unmatched.Count);
            for (var i = 0; i < choice.Length; i++)
            {
                if (choice[i] >= 0)
                {
                    continue;
                }

                var u = unmatched[_input.Mentees[i].MemberId];
                var compatible = Enumerable.Range(0, _input.Mentors.Count).Where(j => _score[i, j] is not null).ToList();
                Assert.Equal(compatible.Count, u.CompatibleMentors);
                Assert.Equal(compatible.Count == 0 ? UnmatchedReason.NoCompatibleMentor : UnmatchedReason.CompatibleMentorsFull, u.Reason);
                Assert.All(compatible, j => Assert.Equal(_input.Mentors[j].Capacity, load[j]));
            }

            var value = Evaluate(choice, objective);
            Assert.Equal(value.Total, (int)(result.TotalScore * 100));
            return value;
        }

        private Value Evaluate(int[] choice, CohortObjective objective)
        {
            int matched = 0, total = 0, worst = int.MaxValue;
            for (var i = 0; i < choice.Length; i++)
            {
                if (choice[i] < 0)
                {
                    continue;
                }

                var score = _score[i, choice[i]]!.Value;
                matched++;
                total += score;
                if (_lockedMentor[i] < 0)
                {
                    // The worst-off counts only the pairs the solver chose.
                    worst = Math.Min(worst, score);
                }
            }

            return new Value(matched, objective == CohortObjective.Fairest ? worst : 0, total);
        }
    }
}
