using StackExchange.Redis;

namespace JumoMentoring.Chat;

/// <summary>
/// The Redis key layout of the chat (see docs/decisions/0004-chat-on-redis-streams.md). Every key
/// starts with <see cref="ChatOptions.KeyPrefix"/>. The keys of one conversation share the hash tag
/// <c>{conversationId}</c>.
/// </summary>
public sealed class ChatKeys(string prefix)
{
    public string Prefix { get; } = prefix;

    /// <summary>The conversation's messages: one stream, entry id = message id.</summary>
    public RedisKey Messages(Guid conversationId) => $"{Prefix}chat:{{{conversationId:D}}}:messages";

    /// <summary>The conversation's counters and read markers: a hash (sent:/read:/unread: + member id).</summary>
    public RedisKey State(Guid conversationId) => $"{Prefix}chat:{{{conversationId:D}}}:state";

    /// <summary>Client message id → entry id, for idempotent retries (expires after the idempotency window).</summary>
    public RedisKey ClientMessage(Guid conversationId, Guid senderId, string clientMessageId) =>
        $"{Prefix}chat:{{{conversationId:D}}}:client:{senderId:D}:{clientMessageId}";

    /// <summary>The member's recent sends for the rate limit: a sorted set scored by time (ms).</summary>
    public RedisKey SendRate(Guid memberId) => $"{Prefix}chat:rate:{memberId:D}";

    /// <summary>The member's presence: a hash of their connections' heartbeats and their last-seen time.</summary>
    public RedisKey Presence(Guid memberId) => $"{Prefix}presence:{memberId:D}";
}
