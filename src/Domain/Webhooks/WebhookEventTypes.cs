namespace JumoMentoring.Domain.Webhooks;

/// <summary>
/// The event types endpoints subscribe to. A subscription is a type (<c>member.enrolled</c>), a family
/// (<c>match.*</c>) or everything (<c>*</c>). Add a type here before calling <see cref="Outbox.Add"/> with it.
/// </summary>
public static class WebhookEventTypes
{
    public const string MemberEnrolled = "member.enrolled";
    public const string MemberDeactivated = "member.deactivated";
    public const string MatchRequested = "match.requested";
    public const string MatchProposed = "match.proposed";
    public const string MatchAccepted = "match.accepted";
    public const string MatchDeclined = "match.declined";
    public const string MatchPaused = "match.paused";
    public const string MatchResumed = "match.resumed";
    public const string MatchCompleted = "match.completed";
    public const string MatchEnded = "match.ended";
    public const string MatchExpired = "match.expired";
    public const string GoalAchieved = "goal.achieved";

    public const string Everything = "*";

    public static IReadOnlyList<string> All { get; } =
    [
        MemberEnrolled, MemberDeactivated,
        MatchRequested, MatchProposed, MatchAccepted, MatchDeclined, MatchPaused, MatchResumed, MatchCompleted, MatchEnded, MatchExpired,
        GoalAchieved,
    ];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);

    /// <summary>A known type, a family of known types ("match.*"), or "*".</summary>
    public static bool IsValidSubscription(string pattern) =>
        pattern == Everything || IsKnown(pattern) || (IsFamily(pattern) && All.Any(t => Matches(pattern, t)));

    public static bool Matches(string pattern, string type) =>
        pattern == Everything || pattern == type || (IsFamily(pattern) && type.StartsWith(pattern[..^1], StringComparison.Ordinal));

    public static bool MatchesAny(IEnumerable<string> patterns, string type) => patterns.Any(p => Matches(p, type));

    private static bool IsFamily(string pattern) => pattern.Length > 2 && pattern.EndsWith(".*", StringComparison.Ordinal);
}
