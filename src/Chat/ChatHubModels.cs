using JumoMentoring.Domain.Matches;

namespace JumoMentoring.Chat;

/// <summary>Server → client: a member read up to a message (to their own devices with their unread count).</summary>
public sealed record ReadReceipt(Guid ConversationId, Guid MemberId, string LastReadMessageId, long? UnreadCount);

/// <summary>Server → client: someone of the conversation is typing (or stopped).</summary>
public sealed record TypingNotice(Guid ConversationId, Guid MemberId, bool IsTyping);

/// <summary>Presence as clients see it: status is "online", "away" or "offline".</summary>
public sealed record PresenceNotice(Guid MemberId, string Status, DateTimeOffset? LastSeenAt)
{
    public static PresenceNotice From(MemberPresence presence) =>
        new(presence.MemberId, presence.Status.ToString().ToLowerInvariant(), presence.LastSeenAt);
}

/// <summary>One line of a member's conversation list; status is the match's ("active", "paused", "completed", "ended").</summary>
public sealed record ConversationListItem(
    Guid ConversationId,
    Guid OtherMemberId,
    string Status,
    bool CanWrite,
    long UnreadCount,
    string? LastReadMessageId,
    ChatMessage? LastMessage,
    PresenceNotice OtherMemberPresence)
{
    public static string StatusName(MatchStatus status) => status.ToString().ToLowerInvariant();
}
