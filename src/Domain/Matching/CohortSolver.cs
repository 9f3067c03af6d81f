using System.Runtime.CompilerServices;

namespace JumoMentoring.Domain.Matching;

/// <summary>
/// Whole-cohort assignment of mentees to mentors (structured programs), exact for both objectives.
/// See docs/decisions/0006-cohort-matching-algorithm.md for the method and its proof of exactness.
/// </summary>
public static class CohortSolver
{
    /// <summary>
    /// The optimal assignment for <see cref="CohortInput.Objective"/>. Never throws on bad input: a run that
    /// cannot be done (invalid weights, duplicate members, a lock that breaks a hard constraint or a
    /// capacity…) comes back with <see cref="CohortResult.Problems"/> and no pairs.
    /// </summary>
    public static CohortResult Solve(CohortInput input) => Solve(input, CandidateSizes.Default);

    internal static CohortResult Solve(CohortInput input, CandidateSizes sizes)
    {
        var prepared = Prepare(input, CohortMethod.Optimal, out var refused);
        if (prepared is null)
        {
            return refused!;
        }

        var g = prepared.Instance;
        int[] mentorOf;
        var stats = new CohortSolverStats { CompatiblePairs = g.EdgeCount, CandidatePairs = 0, PricingRounds = 0 };
        if (input.Objective == CohortObjective.TotalFit)
        {
            mentorOf = MinCostAssignment(g, threshold: 0, sizes, ref stats);
        }
        else
        {
            var threshold = FairnessThreshold(g);
            mentorOf = MinCostAssignment(g, threshold, sizes, ref stats);
            stats = stats with { FairnessThreshold = threshold };
        }

        return prepared.Result(mentorOf, stats);
    }

    /// <summary>
    /// The comparison baseline: mentees in member id order, each taking the best-scoring compatible mentor
    /// that still has a place (ties: more places left, then member id). Locks and bans apply as in
    /// <see cref="Solve(CohortInput)"/>.
    /// </summary>
    public static CohortResult Greedy(CohortInput input)
    {
        var prepared = Prepare(input, CohortMethod.GreedyBaseline, out var refused);
        if (prepared is null)
        {
            return refused!;
        }

        var g = prepared.Instance;
        var left = (int[])g.Capacity.Clone();
        var mentorOf = new int[g.N];
        for (var i = 0; i < g.N; i++)
        {
            mentorOf[i] = -1;
            var bestScore = -1;
            for (var e = g.Start[i]; e < g.Start[i + 1] && g.EdgeScore[e] >= bestScore; e++)
            {
                var j = g.EdgeMentor[e];
                if (left[j] > 0 && (mentorOf[i] < 0 || left[j] > left[mentorOf[i]]))
                {
                    mentorOf[i] = j;
                    bestScore = g.EdgeScore[e];
                }
            }

            if (mentorOf[i] >= 0)
            {
                left[mentorOf[i]]--;
            }
        }

        return prepared.Result(mentorOf, new CohortSolverStats { CompatiblePairs = g.EdgeCount, CandidatePairs = 0, PricingRounds = 0 });
    }

    /// <summary>
    /// Fairest, step 1: the highest threshold t such that pairs scoring ≥ t still match as many mentees
    /// as all pairs do. Feasibility is monotone in t, so a binary search over 0..10000 hundredths finds it
    /// with about 14 maximum-matching checks.
    /// </summary>
    private static int FairnessThreshold(CohortInstance g)
    {
        var matching = new ThresholdMatching(g);
        matching.Reach(0, int.MaxValue);
        var most = matching.Size;
        if (most == 0)
        {
            return 0;
        }

        int feasible = 0, infeasible = CohortInstance.MaxScore + 1;
        while (infeasible - feasible > 1)
        {
            var mid = feasible + ((infeasible - feasible) / 2);
            if (matching.Reach(mid, most))
            {
                feasible = mid;
            }
            else
            {
                infeasible = mid;
            }
        }

        return feasible;
    }

    /// <summary>
    /// The assignment matching the most mentees, then with the largest total score, using only pairs
    /// scoring ≥ <paramref name="threshold"/>. Returns each mentee's mentor index (-1: unmatched).
    ///
    /// The flow is solved on a candidate subset of the pairs; then every compatible pair left out is
    /// priced against the optimal potentials. If none has a negative reduced cost, the potentials are a
    /// feasible dual of the full problem with the same objective as the subset's optimal flow, which is
    /// feasible for the full problem: by LP duality it is optimal there too. Otherwise the violating
    /// pairs join the subset and the flow is solved again (at worst the subset becomes every pair).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] MinCostAssignment(CohortInstance g, int threshold, CandidateSizes sizes, ref CohortSolverStats stats)
    {
        // Units flow from the side with fewer of them, so free targets stay plentiful and each shortest
        // path search stops early: mentors' places when there are fewer places than mentees.
        long places = g.Capacity.Sum(c => (long)c);
        var mentorsAreRows = places <= g.N;
        var end = new int[g.N];
        for (var i = 0; i < g.N; i++)
        {
            end[i] = g.Start[i];
            while (end[i] < g.Start[i + 1] && g.EdgeScore[end[i]] >= threshold)
            {
                end[i]++;
            }
        }

        var candidate = InitialCandidates(g, end, sizes);
        var rounds = 0;
        while (true)
        {
            var (flow, arcEdge, mentorOf) = SolveCandidates(g, candidate, mentorsAreRows);
            var added = 0;
            for (var i = 0; i < g.N; i++)
            {
                for (var e = g.Start[i]; e < end[i]; e++)
                {
                    var j = g.EdgeMentor[e];
                    if (candidate[e] || j == mentorOf[i])
                    {
                        continue;
                    }

                    var reduced = mentorsAreRows ? flow.ReducedCost(j, i, g.EdgeScore[e]) : flow.ReducedCost(i, j, g.EdgeScore[e]);
                    if (reduced < 0)
                    {
                        candidate[e] = true;
                        added++;
                    }
                }
            }

            if (added == 0)
            {
                stats = stats with { CandidatePairs = arcEdge.Length, PricingRounds = rounds };
                return mentorOf;
            }

            rounds++;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool[] InitialCandidates(CohortInstance g, int[] end, CandidateSizes sizes)
    {
        var candidate = new bool[g.EdgeCount];
        var best = new BoundedBest[g.M];
        for (var j = 0; j < g.M; j++)
        {
            best[j] = new BoundedBest((int)Math.Min(int.MaxValue / 2, ((long)sizes.PerMentorPlace * g.Capacity[j]) + sizes.PerMentorExtra));
        }

        for (var i = 0; i < g.N; i++)
        {
            for (var e = g.Start[i]; e < end[i]; e++)
            {
                if (e - g.Start[i] < sizes.PerMentee)
                {
                    candidate[e] = true;
                }

                // Later edges of equal score lose: mentees are scanned in index order.
                best[g.EdgeMentor[e]].Offer(((long)g.EdgeScore[e] << 32) | (uint)(int.MaxValue - e));
            }
        }

        foreach (var b in best)
        {
            foreach (var key in b.Keys)
            {
                candidate[int.MaxValue - (int)(uint)key] = true;
            }
        }

        return candidate;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (Transportation Flow, int[] ArcEdge, int[] MentorOf) SolveCandidates(CohortInstance g, bool[] candidate, bool mentorsAreRows)
    {
        var rows = mentorsAreRows ? g.M : g.N;
        var arcStart = new int[rows + 1];
        for (var i = 0; i < g.N; i++)
        {
            for (var e = g.Start[i]; e < g.Start[i + 1]; e++)
            {
                if (candidate[e])
                {
                    arcStart[(mentorsAreRows ? g.EdgeMentor[e] : i) + 1]++;
                }
            }
        }

        for (var r = 0; r < rows; r++)
        {
            arcStart[r + 1] += arcStart[r];
        }

        var fill = arcStart[..^1];
        var arcEdge = new int[arcStart[rows]];
        var arcCol = new int[arcEdge.Length];
        var arcProfit = new int[arcEdge.Length];
        for (var i = 0; i < g.N; i++)
        {
            for (var e = g.Start[i]; e < g.Start[i + 1]; e++)
            {
                if (candidate[e])
                {
                    var j = g.EdgeMentor[e];
                    var a = fill[mentorsAreRows ? j : i]++;
                    arcEdge[a] = e;
                    arcCol[a] = mentorsAreRows ? i : j;
                    arcProfit[a] = g.EdgeScore[e];
                }
            }
        }

        var ones = new int[g.N];
        ones.AsSpan().Fill(1);
        var flow = mentorsAreRows
            ? new Transportation(g.Capacity, ones, arcStart, arcCol, arcProfit, CohortInstance.MaxScore)
            : new Transportation(ones, g.Capacity, arcStart, arcCol, arcProfit, CohortInstance.MaxScore);
        flow.Solve();

        var mentorOf = new int[g.N];
        mentorOf.AsSpan().Fill(-1);
        for (var r = 0; r < rows; r++)
        {
            for (var a = arcStart[r]; a < arcStart[r + 1]; a++)
            {
                if (flow.Flows(a))
                {
                    mentorOf[mentorsAreRows ? arcCol[a] : r] = g.EdgeMentor[arcEdge[a]];
                }
            }
        }

        return (flow, arcEdge, mentorOf);
    }

    private static Prepared? Prepare(CohortInput input, CohortMethod method, out CohortResult? refused)
    {
        var problems = new List<CohortProblem>();
        foreach (var error in input.Weights.Validate())
        {
            problems.Add(new CohortProblem { Kind = CohortProblemKind.InvalidWeights, Message = error });
        }

        foreach (var id in input.Mentees.GroupBy(p => p.MemberId).Where(g => g.Count() > 1).Select(g => g.Key).Order())
        {
            problems.Add(new CohortProblem { Kind = CohortProblemKind.DuplicateMentee, MenteeId = id, Message = "This member is listed twice as a mentee." });
        }

        foreach (var id in input.Mentors.GroupBy(p => p.MemberId).Where(g => g.Count() > 1).Select(g => g.Key).Order())
        {
            problems.Add(new CohortProblem { Kind = CohortProblemKind.DuplicateMentor, MentorId = id, Message = "This member is listed twice as a mentor." });
        }

        refused = null;
        if (problems.Count > 0)
        {
            refused = new CohortResult { Objective = input.Objective, Method = method, Problems = problems };
            return null;
        }

        var scorer = new CompatibilityScorer(input.Weights);
        var context = new MatchingContext(input.ExistingPairs, input.BannedPairs);
        var mentees = input.Mentees.OrderBy(p => p.MemberId).ToList();
        var mentors = input.Mentors.OrderBy(p => p.MemberId).ToList();
        var menteeById = mentees.ToDictionary(p => p.MemberId);
        var mentorById = mentors.ToDictionary(p => p.MemberId);

        var locks = input.LockedPairs.Distinct().OrderBy(p => p.MenteeId).ThenBy(p => p.MentorId).ToList();
        var lockedCount = new Dictionary<Guid, int>();
        var locked = new List<CohortPair>();
        foreach (var byMentee in locks.GroupBy(p => p.MenteeId))
        {
            if (byMentee.Count() > 1)
            {
                problems.Add(new CohortProblem
                {
                    Kind = CohortProblemKind.MenteeLockedTwice,
                    MenteeId = byMentee.Key,
                    Message = "This mentee is locked with more than one mentor.",
                });
                continue;
            }

            var pair = byMentee.Single();
            if (!menteeById.TryGetValue(pair.MenteeId, out var mentee) || !mentorById.TryGetValue(pair.MentorId, out var mentor))
            {
                problems.Add(new CohortProblem
                {
                    Kind = CohortProblemKind.LockUnknownMember,
                    MenteeId = pair.MenteeId,
                    MentorId = pair.MentorId,
                    Message = "A locked pair names a member who is not a mentee or a mentor of this cohort.",
                });
                continue;
            }

            var failed = CompatibilityScorer.CheckHardConstraints(mentee, mentor, context);
            if (failed.Count > 0)
            {
                problems.Add(new CohortProblem
                {
                    Kind = CohortProblemKind.LockBreaksHardConstraint,
                    MenteeId = pair.MenteeId,
                    MentorId = pair.MentorId,
                    FailedConstraints = failed,
                    Message = "A locked pair fails hard constraints: " + string.Join(", ", failed) + ".",
                });
                continue;
            }

            lockedCount[mentor.MemberId] = lockedCount.GetValueOrDefault(mentor.MemberId) + 1;
            locked.Add(new CohortPair { MenteeId = mentee.MemberId, MentorId = mentor.MemberId, Score = scorer.Score(mentee, mentor).Value, Locked = true });
        }

        foreach (var mentor in mentors)
        {
            // A mentor without places already fails MentorAtCapacity for each of its locks.
            if (mentor.Capacity > 0 && lockedCount.GetValueOrDefault(mentor.MemberId) > mentor.Capacity)
            {
                problems.Add(new CohortProblem
                {
                    Kind = CohortProblemKind.LockExceedsCapacity,
                    MentorId = mentor.MemberId,
                    Message = $"This mentor has {lockedCount[mentor.MemberId]} locked mentees for {mentor.Capacity} places.",
                });
            }
        }

        if (problems.Count > 0)
        {
            refused = new CohortResult { Objective = input.Objective, Method = method, Problems = problems };
            return null;
        }

        var lockedMentees = locked.Select(l => l.MenteeId).ToHashSet();
        var free = mentees.Where(p => !lockedMentees.Contains(p.MemberId)).ToList();
        var capacities = mentors.Select(p => Math.Max(0, p.Capacity) - lockedCount.GetValueOrDefault(p.MemberId)).ToList();
        var forbidden = input.ExistingPairs.Concat(input.BannedPairs).ToHashSet();
        var instance = new CohortInstance(scorer, free, mentors, capacities, forbidden);
        return new Prepared(input.Objective, method, instance, locked, context);
    }

    private sealed record Prepared(CohortObjective Objective, CohortMethod Method, CohortInstance Instance, List<CohortPair> Locked, MatchingContext Context)
    {
        public CohortResult Result(int[] mentorOf, CohortSolverStats stats)
        {
            var g = Instance;
            var pairs = new List<CohortPair>(Locked);
            var unmatched = new List<UnmatchedMentee>();
            int? worst = null;
            for (var i = 0; i < g.N; i++)
            {
                var mentee = g.Mentees[i];
                if (mentorOf[i] >= 0)
                {
                    var score = 0;
                    for (var e = g.Start[i]; e < g.Start[i + 1]; e++)
                    {
                        if (g.EdgeMentor[e] == mentorOf[i])
                        {
                            score = g.EdgeScore[e];
                        }
                    }

                    worst = Math.Min(worst ?? int.MaxValue, score);
                    pairs.Add(new CohortPair { MenteeId = mentee.MemberId, MentorId = g.Mentors[mentorOf[i]].MemberId, Score = score / 100m });
                    continue;
                }

                var compatible = g.Start[i + 1] - g.Start[i];
                if (compatible > 0)
                {
                    unmatched.Add(new UnmatchedMentee { MenteeId = mentee.MemberId, Reason = UnmatchedReason.CompatibleMentorsFull, CompatibleMentors = compatible });
                    continue;
                }

                var counts = new Dictionary<HardConstraint, int>();
                for (var j = 0; j < g.M; j++)
                {
                    foreach (var failed in g.FailedConstraints(i, j, Context))
                    {
                        counts[failed] = counts.GetValueOrDefault(failed) + 1;
                    }
                }

                unmatched.Add(new UnmatchedMentee
                {
                    MenteeId = mentee.MemberId,
                    Reason = UnmatchedReason.NoCompatibleMentor,
                    CompatibleMentors = 0,
                    FailedConstraints = [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key).Select(c => new ConstraintCount(c.Key, c.Value))],
                });
            }

            pairs.Sort((a, b) => a.MenteeId.CompareTo(b.MenteeId));
            return new CohortResult
            {
                Objective = Objective,
                Method = Method,
                Pairs = pairs,
                Unmatched = unmatched,
                TotalScore = pairs.Sum(p => p.Score),
                WorstScore = worst / 100m,
                Stats = stats,
            };
        }
    }

    /// <summary>The k largest keys offered (a min-heap of size k).</summary>
    private sealed class BoundedBest(int size)
    {
        private readonly long[] _heap = new long[size];
        private int _count;

        public ReadOnlySpan<long> Keys => _heap.AsSpan(0, _count);

        public void Offer(long key)
        {
            if (_count < _heap.Length)
            {
                var i = _count++;
                while (i > 0 && _heap[(i - 1) >> 1] > key)
                {
                    _heap[i] = _heap[(i - 1) >> 1];
                    i = (i - 1) >> 1;
                }

                _heap[i] = key;
                return;
            }

            if (_heap.Length == 0 || key <= _heap[0])
            {
                return;
            }

            var k = 0;
            while (true)
            {
                var child = (2 * k) + 1;
                if (child >= _count)
                {
                    break;
                }

                if (child + 1 < _count && _heap[child + 1] < _heap[child])
                {
                    child++;
                }

                if (_heap[child] >= key)
                {
                    break;
                }

                _heap[k] = _heap[child];
                k = child;
            }

            _heap[k] = key;
        }
    }
}

/// <summary>
/// How many pairs the min-cost flow starts from: each mentee's best <see cref="PerMentee"/> and each
/// mentor's best <see cref="PerMentorPlace"/> × places + <see cref="PerMentorExtra"/>. Pricing then adds
/// every pair that could improve the result, so these sizes change the speed, never the answer (the
/// tests run with tiny sizes to prove it).
/// </summary>
internal readonly record struct CandidateSizes(int PerMentee, int PerMentorPlace, int PerMentorExtra)
{
    public static CandidateSizes Default { get; } = new(8, 3, 12);
}
