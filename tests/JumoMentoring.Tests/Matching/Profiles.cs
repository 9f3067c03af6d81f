using JumoMentoring.Domain.Matching;

namespace JumoMentoring.Tests.Matching;

/// <summary>Small builders for matching profiles; ids are ordered by their number.</summary>
internal static class Profiles
{
    public static Guid Id(int n) => new(n, 0, 0, new byte[8]);

    public static MatchingProfile Mentee(
        int id,
        int stage = 1,
        string[]? languages = null,
        string region = "06",
        string[]? topics = null,
        string[]? settings = null,
        string[]? slots = null,
        MatchingCriterion[]? priorities = null) => new()
        {
            MemberId = Id(id),
            CareerStageRank = stage,
            Languages = languages ?? ["fr"],
            Region = region,
            Topics = topics ?? [],
            PracticeSettings = settings ?? [],
            Availability = slots ?? [],
            Priorities = priorities ?? [],
        };

    public static MatchingProfile Mentor(
        int id,
        int stage = 4,
        string[]? languages = null,
        string region = "06",
        string[]? topics = null,
        string[]? settings = null,
        string[]? slots = null,
        int capacity = 1) => new()
        {
            MemberId = Id(id),
            CareerStageRank = stage,
            Languages = languages ?? ["fr"],
            Region = region,
            Topics = topics ?? [],
            PracticeSettings = settings ?? [],
            Availability = slots ?? [],
            Capacity = capacity,
        };

    /// <summary>Weights that score on topics only, so a score is the share of the mentee's topics the mentor has.</summary>
    public static MatchingWeights TopicsOnly { get; } = new() { Topics = 1, Region = 0, PracticeSettings = 0, Availability = 0 };

    /// <summary>
    /// A random profile over small code sets, so that pairs often tie, share or fail constraints. The
    /// smaller <paramref name="pool"/>, the more codes pairs share and the higher their scores.
    /// </summary>
    public static MatchingProfile Random(Random random, int id, bool mentor, int pool = 5)
    {
        string[] Subset(string prefix, int size, bool nonEmpty)
        {
            while (true)
            {
                var codes = Enumerable.Range(0, size).Where(_ => random.Next(2) == 0).Select(k => prefix + k).ToArray();
                if (!nonEmpty || codes.Length > 0)
                {
                    return codes;
                }
            }
        }

        var languages = random.Next(4) switch
        {
            0 => new[] { "en" },
            1 => ["fr", "en"],
            _ => ["fr"],
        };
        return new MatchingProfile
        {
            MemberId = Id(id),
            CareerStageRank = mentor ? random.Next(2, 6) : random.Next(1, 4),
            Languages = languages,
            Region = "0" + random.Next(1, 4),
            Topics = Subset("t", pool, nonEmpty: false),
            PracticeSettings = Subset("s", Math.Max(2, pool - 2), nonEmpty: false),
            Availability = Subset("a", Math.Max(2, pool - 2), nonEmpty: false),
            Priorities = mentor ? [] : [.. Enum.GetValues<MatchingCriterion>().Where(_ => random.Next(4) == 0)],
            Capacity = mentor ? random.Next(0, 3) : 0,
        };
    }
}
