namespace JumoMentoring.Chat;

/// <summary>
/// One message. <see cref="Id"/> is its Redis stream entry id ("ms-seq"), which orders the
/// conversation; <see cref="SentAt"/> is the time part of that id (the Redis server's clock).
/// </summary>
public sealed record ChatMessage(string Id, Guid ConversationId, Guid SenderId, string Body, DateTimeOffset SentAt, string ClientMessageId);

/// <summary>The outcome of a send: the stored message, and whether this call stored it (false for a retry).</summary>
public sealed record SendResult(ChatMessage Message, bool Created);

/// <summary>
/// A page of messages. <see cref="NextCursor"/> is the id to pass back to continue (the last item's id,
/// or the given cursor when the page is empty); <see cref="HasMore"/> says whether more are there now.
/// </summary>
public sealed record MessagePage(IReadOnlyList<ChatMessage> Items, bool HasMore, string? NextCursor);

/// <summary>
/// A member's read state in a conversation: the last message they read (null: none yet) and how many
/// messages of the other member came after it. <see cref="Moved"/> tells whether a MarkRead moved the marker.
/// </summary>
public sealed record ReadState(Guid ConversationId, Guid MemberId, string? LastReadMessageId, long UnreadCount, bool Moved = false);

/// <summary>A conversation as a member's list shows it: their read state and the latest message.</summary>
public sealed record ConversationSummary(ConversationMembership Membership, ReadState ReadState, ChatMessage? LastMessage);
