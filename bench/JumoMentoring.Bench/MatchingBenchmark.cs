using System.Diagnostics;
using JumoMentoring.Domain.Matching;
using JumoMentoring.Domain.ReferenceData;

namespace JumoMentoring.Bench;

/// <summary>
/// Whole-cohort matching at the scale of a large intake: 4,000 mentees, 1,000 mentors with 1–5 places
/// (about 3,000), seeded realistic profiles. Prints solve times (median after a warm-up), matched counts
/// and scores for both objectives and for the greedy baseline.
/// Options: --mentees N --mentors N --seed N --runs N.
/// </summary>
public static class MatchingBenchmark
{
    private static readonly string[] Slots = ["weekday-morning", "weekday-daytime", "weekday-evening", "weekend"];

    public static int Run(string[] args)
    {
        var mentees = Option(args, "--mentees", 4000);
        var mentors = Option(args, "--mentors", 1000);
        var seed = Option(args, "--seed", 20261204);
        var runs = Option(args, "--runs", 5);

        var input = Generate(mentees, mentors, seed);
        var places = input.Mentors.Sum(m => m.Capacity);
        Console.WriteLine($"matching: {mentees} mentees × {mentors} mentors, {places} places, seed {seed}, {Environment.ProcessorCount} cores");

        foreach (var objective in new[] { CohortObjective.TotalFit, CohortObjective.Fairest })
        {
            var (result, times, first) = Measure(() => CohortSolver.Solve(input with { Objective = objective }), runs);
            Print($"optimal {objective}", result, times, first);
        }

        var (greedy, greedyTimes, greedyFirst) = Measure(() => CohortSolver.Greedy(input), runs);
        Print("greedy baseline", greedy, greedyTimes, greedyFirst);

        var totalFit = CohortSolver.Solve(input);
        Console.WriteLine($"total(optimal TotalFit) / total(greedy) = {totalFit.TotalScore / greedy.TotalScore:F4}");
        Console.WriteLine($"matched(optimal) - matched(greedy) = {totalFit.MatchedCount - greedy.MatchedCount}");
        return 0;
    }

    private static (CohortResult Result, List<double> Milliseconds, double First) Measure(Func<CohortResult> solve, int runs)
    {
        // The first run pays for JIT compilation and cold caches, as a rare run in a service would.
        var first = Stopwatch.StartNew();
        var result = solve();
        var firstMilliseconds = first.Elapsed.TotalMilliseconds;
        var times = new List<double>();
        for (var k = 0; k < runs; k++)
        {
            var watch = Stopwatch.StartNew();
            result = solve();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (result, times, firstMilliseconds);
    }

    private static void Print(string name, CohortResult result, List<double> times, double first)
    {
        var stats = result.Stats!;
        Console.WriteLine(
            $"{name,-18} median {times[times.Count / 2],6:F0} ms (min {times[0]:F0}, max {times[^1]:F0}, first run {first:F0})  " +
            $"matched {result.MatchedCount}, unmatched {result.Unmatched.Count}, total {result.TotalScore:F2}, " +
            $"mean {(result.MatchedCount == 0 ? 0 : result.TotalScore / result.MatchedCount):F2}, worst {result.WorstScore:F2}");
        Console.WriteLine(
            $"{"",-18} compatible pairs {stats.CompatiblePairs}, candidate pairs {stats.CandidatePairs}, pricing rounds {stats.PricingRounds}" +
            (stats.FairnessThreshold is { } t ? $", fairness threshold {t / 100m:F2}" : ""));
    }

    /// <summary>
    /// Realistic random cohort: mentees are mostly students and residents, mentors mostly experienced
    /// physicians; French is the majority language; regions follow roughly the population; topics and
    /// settings come from the managed lists with popular ones more frequent.
    /// </summary>
    public static CohortInput Generate(int menteeCount, int mentorCount, int seed)
    {
        var random = new Random(seed);
        var regions = Codes(ReferenceKind.Region);
        var topics = Codes(ReferenceKind.Topic);
        var settings = Codes(ReferenceKind.PracticeSetting);

        // Rough population shares of the 17 regions (Montréal, Montérégie and Capitale-Nationale lead).
        double[] regionWeights = [2, 3, 8, 3, 4, 24, 4, 2, 1, 0.5, 1, 5, 5, 6, 7, 17, 3];
        var topicWeights = topics.Select((_, k) => 1.0 + ((topics.Count - k) % 5)).ToArray();
        var settingWeights = settings.Select((_, k) => k == 0 ? 5.0 : k < 3 ? 3.0 : 1.0).ToArray();

        Guid NewId()
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            return new Guid(bytes);
        }

        List<string> Languages()
        {
            var x = random.NextDouble();
            return x < 0.70 ? ["fr"] : x < 0.90 ? ["fr", "en"] : ["en"];
        }

        List<string> Pick(List<string> codes, double[] weights, int min, int max)
        {
            var count = random.Next(min, max + 1);
            var chosen = new List<string>();
            while (chosen.Count < count)
            {
                var code = codes[Weighted(random, weights)];
                if (!chosen.Contains(code))
                {
                    chosen.Add(code);
                }
            }

            return chosen;
        }

        List<string> Availability() => [.. Slots.Where(_ => random.NextDouble() < 0.4)];

        List<MatchingCriterion> Priorities() =>
            [.. Enum.GetValues<MatchingCriterion>().Where(_ => random.NextDouble() < 0.2)];

        var mentees = new List<MatchingProfile>();
        for (var k = 0; k < menteeCount; k++)
        {
            mentees.Add(new MatchingProfile
            {
                MemberId = NewId(),
                CareerStageRank = 1 + Weighted(random, [40, 40, 20]),
                Languages = Languages(),
                Region = regions[Weighted(random, regionWeights)],
                Topics = Pick(topics, topicWeights, 1, 4),
                PracticeSettings = Pick(settings, settingWeights, 0, 3),
                Availability = Availability(),
                Priorities = Priorities(),
            });
        }

        var mentors = new List<MatchingProfile>();
        for (var k = 0; k < mentorCount; k++)
        {
            mentors.Add(new MatchingProfile
            {
                MemberId = NewId(),
                CareerStageRank = 3 + Weighted(random, [20, 60, 20]),
                Languages = Languages(),
                Region = regions[Weighted(random, regionWeights)],
                Topics = Pick(topics, topicWeights, 2, 6),
                PracticeSettings = Pick(settings, settingWeights, 1, 3),
                Availability = Availability(),
                Capacity = random.Next(1, 6),
            });
        }

        return new CohortInput { Mentees = mentees, Mentors = mentors };
    }

    private static List<string> Codes(ReferenceKind kind) =>
        [.. ReferenceLists.All.Where(i => i.Kind == kind).OrderBy(i => i.Rank).Select(i => i.Code)];

    private static int Weighted(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var k = 0; k < weights.Length; k++)
        {
            x -= weights[k];
            if (x < 0)
            {
                return k;
            }
        }

        return weights.Length - 1;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var k = Array.IndexOf(args, name);
        return k >= 0 && k + 1 < args.Length && int.TryParse(args[k + 1], out var value) ? value : fallback;
    }
}
