using Microsoft.AspNetCore.SignalR;

namespace JumoMentoring.Chat;

/// <summary>The topics of the chat on the <see cref="EventBus"/>.</summary>
public static class ChatTopics
{
    /// <summary>Every message stored in the conversation (payload: <see cref="ChatMessage"/>).</summary>
    public static string Messages(Guid conversationId) => $"conversation:{conversationId:N}:messages";
}

/// <summary>
/// What happens after the store accepted a write, whoever asked for it (the hub or the graph): the
/// members' SignalR clients on every server are told (groups <c>member:{id}</c>, through the Redis
/// backplane), and the event goes on the <see cref="EventBus"/> for GraphQL subscriptions.
/// </summary>
public sealed class ChatDelivery(IHubContext<ChatHub> hub, EventBus events)
{
    /// <summary>
    /// A message was stored (or a retry answered with the stored one: the first attempt may have died
    /// before it got here, so it is delivered again; clients dedupe by id).
    /// </summary>
    public async Task MessageStoredAsync(ConversationMembership membership, ChatMessage message)
    {
        events.Publish(ChatTopics.Messages(message.ConversationId), message);
        await hub.Clients.Groups(ChatHub.MemberGroup(membership.MemberId), ChatHub.MemberGroup(membership.OtherMemberId))
            .SendAsync("MessageReceived", message);
    }

    /// <summary>The member's read marker moved: their devices get the new unread count, the other member the receipt.</summary>
    public async Task ReadMovedAsync(ConversationMembership membership, ReadState state)
    {
        await hub.Clients.Group(ChatHub.MemberGroup(membership.MemberId))
            .SendAsync("ReadReceipt", new ReadReceipt(membership.ConversationId, membership.MemberId, state.LastReadMessageId!, state.UnreadCount));
        await hub.Clients.Group(ChatHub.MemberGroup(membership.OtherMemberId))
            .SendAsync("ReadReceipt", new ReadReceipt(membership.ConversationId, membership.MemberId, state.LastReadMessageId!, null));
    }
}
