using System.Text.Json.Serialization;

namespace JumoMentoring.Domain.Matching;

/// <summary>The criteria that make up a compatibility score, in the order contributions are listed.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MatchingCriterion>))]
public enum MatchingCriterion
{
    Topics,
    Region,
    PracticeSettings,
    Availability,
}

/// <summary>
/// What matching knows about one member in one program: plain data, mapped from the entities by the
/// caller, so the scorer and the solver stay pure and a run can be stored and replayed as JSON.
/// Lists are read as sets (duplicates do not count twice); codes are compared ordinally.
/// </summary>
public sealed record MatchingProfile
{
    public required Guid MemberId { get; init; }

    /// <summary>Rank of the member's career stage in the CareerStage list (1 = medical student … 5 = retired).</summary>
    public required int CareerStageRank { get; init; }

    /// <summary>Codes of the Language list the member speaks (fr, en).</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    /// <summary>Code of the Region list ("01".."17").</summary>
    public required string Region { get; init; }

    public IReadOnlyList<string> PracticeSettings { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Slot codes such as "weekday-evening" or "weekend"; may be empty.</summary>
    public IReadOnlyList<string> Availability { get; init; } = [];

    /// <summary>Mentees only: the criteria the mentee cares most about (their weight is multiplied).</summary>
    public IReadOnlyList<MatchingCriterion> Priorities { get; init; } = [];

    /// <summary>Mentors only: free places left. A mentor with no free place fails a hard constraint.</summary>
    public int Capacity { get; init; }
}

/// <summary>A mentee and a mentor, by member id (existing, banned or locked pairs).</summary>
public readonly record struct MemberPair(Guid MenteeId, Guid MentorId);

/// <summary>
/// The facts about a program that hard constraints need besides the two profiles. Pairs are directed
/// (mentee, mentor): having mentored someone does not forbid being mentored by them later.
/// </summary>
public sealed class MatchingContext
{
    public static MatchingContext Empty { get; } = new();

    public MatchingContext(IEnumerable<MemberPair>? existingPairs = null, IEnumerable<MemberPair>? bannedPairs = null)
    {
        ExistingPairs = (existingPairs ?? []).ToHashSet();
        BannedPairs = (bannedPairs ?? []).ToHashSet();
    }

    /// <summary>Pairs already matched together in this program (in any status): never suggested again.</summary>
    public IReadOnlySet<MemberPair> ExistingPairs { get; }

    /// <summary>Pairs a coordinator ruled out.</summary>
    public IReadOnlySet<MemberPair> BannedPairs { get; }
}
