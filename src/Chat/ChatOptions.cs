using System.ComponentModel.DataAnnotations;

namespace JumoMentoring.Chat;

/// <summary>The chat's settings, bound from the <c>Chat</c> configuration section.</summary>
public sealed class ChatOptions
{
    public const string Section = "Chat";

    /// <summary>Prefix of every Redis key of the chat (tests use a unique one per run).</summary>
    [Required(AllowEmptyStrings = false)]
    public string KeyPrefix { get; set; } = "jumo:";

    /// <summary>Longest message body, in Unicode characters (code points) after trimming.</summary>
    [Range(1, 100_000)]
    public int MaxBodyLength { get; set; } = 4000;

    /// <summary>Longest client message id (clients send a UUID).</summary>
    [Range(8, 200)]
    public int MaxClientMessageIdLength { get; set; } = 64;

    /// <summary>How long a client message id is remembered for idempotent retries.</summary>
    public TimeSpan IdempotencyWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Messages a member may send (across all conversations) in <see cref="RateLimitWindow"/>.</summary>
    [Range(1, 10_000)]
    public int RateLimitCount { get; set; } = 20;

    /// <summary>The sliding window of the send rate limit.</summary>
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest page of messages one call returns.</summary>
    [Range(1, 1000)]
    public int MaxPageSize { get; set; } = 100;

    /// <summary>
    /// How long the match behind a conversation is cached in memory by <see cref="ConversationAccess"/>:
    /// a match that ends becomes read-only within this delay.
    /// </summary>
    public TimeSpan AccessCacheDuration { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Also wait for the AOF fsync with <c>WAITAOF 1 0</c> after each write, when the server supports it
    /// (Redis 7.2 or later). With <c>appendfsync always</c> the reply already comes after the fsync.
    /// </summary>
    public bool WaitForAof { get; set; } = true;

    /// <summary>How long <c>WAITAOF</c> may wait, when used.</summary>
    public TimeSpan WaitForAofTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a connection heartbeats (the hub and clients use this).</summary>
    public TimeSpan PresenceHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A connection whose last heartbeat is older than this is gone (its server died).</summary>
    public TimeSpan PresenceConnectionTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// After a member's last connection is gone, they keep their status this long before they show as
    /// offline, so that a page reload or a short network drop shows nothing.
    /// </summary>
    public TimeSpan PresenceGracePeriod { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a member's presence record (and so their last-seen time) is kept.</summary>
    public TimeSpan PresenceRetention { get; set; } = TimeSpan.FromDays(30);
}
