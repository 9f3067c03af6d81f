using Microsoft.AspNetCore.SignalR;

namespace JumoMentoring.Chat;

/// <summary>
/// The live chat at <c>/hubs/chat</c>. The member is the authenticated caller (claim <c>member_id</c>);
/// each connection joins the group <c>member:{id}</c>, so whatever is sent to a member reaches all
/// their devices on all servers (through the SignalR Redis backplane).
/// Client → server: SendMessage, GetMessages, CatchUp, MarkRead, Typing, SetAway, GetConversations.
/// Server → client: MessageReceived (may repeat after a retry: dedupe by id), ReadReceipt, Typing,
/// PresenceChanged. Messages and read receipts go out through <see cref="ChatDelivery"/>, as those
/// the graph stores do, so GraphQL subscribers see messages sent here and hub clients those sent there.
/// Refusals are <see cref="HubException"/>s whose message is the code (NOT_A_PARTICIPANT, …), followed
/// for RATE_LIMITED by <c>: retryAfterMs=N</c>.
/// </summary>
public sealed class ChatHub(ChatStore store, ConversationAccess access, PresenceTracker presence, ChatConnections connections, ChatDelivery delivery, TimeProvider time, Microsoft.Extensions.Options.IOptions<ChatOptions> options) : Hub
{
    public const string Path = "/hubs/chat";
    public const string MemberIdClaim = "member_id";

    public static string MemberGroup(Guid memberId) => $"member:{memberId:D}";

    public override async Task OnConnectedAsync()
    {
        var member = MemberId();
        await Groups.AddToGroupAsync(Context.ConnectionId, MemberGroup(member));
        connections.Add(Context.ConnectionId, member);
        var change = await presence.ConnectAsync(member, Context.ConnectionId);
        if (change.Changed)
        {
            await ChatPresenceService.NotifyContactsAsync(Clients, access, change.After);
        }
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Remove(Context.ConnectionId);
        if (TryMemberId(out var member))
        {
            var change = await presence.DisconnectAsync(member, Context.ConnectionId);
            if (change.Changed)
            {
                await ChatPresenceService.NotifyContactsAsync(Clients, access, change.After);
            }

            // Offline comes only once the grace period is over: check then.
            connections.CheckOfflineAt(member, time.GetUtcNow() + options.Value.PresenceGracePeriod + TimeSpan.FromMilliseconds(100));
        }
    }

    public Task<ChatMessage> SendMessage(Guid conversationId, string clientMessageId, string body) => Run(async member =>
    {
        var membership = await access.RequireAsync(conversationId, member);
        var sent = await store.SendAsync(membership, clientMessageId, body);

        // Also after a retry: the first attempt may have died before it got here.
        await delivery.MessageStoredAsync(membership, sent.Message);
        return sent.Message;
    });

    public Task<MessagePage> GetMessages(Guid conversationId, string? before = null, int limit = 50) => Run(async member =>
        await store.GetMessagesAsync(await access.RequireAsync(conversationId, member), before, limit));

    public Task<MessagePage> CatchUp(Guid conversationId, string? after = null, int limit = 100) => Run(async member =>
        await store.CatchUpAsync(await access.RequireAsync(conversationId, member), after, limit));

    public Task<ReadState> MarkRead(Guid conversationId, string messageId) => Run(async member =>
    {
        var membership = await access.RequireAsync(conversationId, member);
        var state = await store.MarkReadAsync(membership, messageId);
        if (state.Moved)
        {
            await delivery.ReadMovedAsync(membership, state);
        }

        return state;
    });

    public Task Typing(Guid conversationId, bool isTyping = true) => Run(async member =>
    {
        var membership = await access.RequireAsync(conversationId, member);
        if (!membership.CanWrite)
        {
            throw new ChatException(ChatErrorCodes.ConversationReadOnly, "The match has ended: its conversation is read-only.");
        }

        await Clients.Group(MemberGroup(membership.OtherMemberId)).SendAsync("Typing", new TypingNotice(conversationId, member, isTyping));
        return true;
    });

    /// <summary>The client's tab is hidden or idle (away) or back (not away).</summary>
    public Task SetAway(bool away = true) => Run(async member =>
    {
        var change = await presence.SetAwayAsync(member, Context.ConnectionId, away);
        if (change.Changed)
        {
            await ChatPresenceService.NotifyContactsAsync(Clients, access, change.After);
        }

        return true;
    });

    /// <summary>The caller's conversations, newest match first, with unread counts, latest message and the other member's presence.</summary>
    public Task<IReadOnlyList<ConversationListItem>> GetConversations() => Run(async member =>
    {
        var memberships = await access.ListAsync(member, Context.ConnectionAborted);
        var summaries = await store.GetSummariesAsync(memberships);
        var presences = await presence.GetPresenceAsync(memberships.Select(m => m.OtherMemberId));
        return (IReadOnlyList<ConversationListItem>)
        [
            .. summaries.Select(s => new ConversationListItem(
                s.Membership.ConversationId,
                s.Membership.OtherMemberId,
                ConversationListItem.StatusName(s.Membership.Status),
                s.Membership.CanWrite,
                s.ReadState.UnreadCount,
                s.ReadState.LastReadMessageId,
                s.LastMessage,
                PresenceNotice.From(presences[s.Membership.OtherMemberId]))),
        ];
    });

    /// <summary>The presence of the given members (the caller's contacts; others show as offline).</summary>
    public Task<IReadOnlyList<PresenceNotice>> GetPresence(Guid[] memberIds) => Run(async member =>
    {
        if (memberIds.Length > 100)
        {
            throw new ChatException(ChatErrorCodes.LimitExceeded, "At most 100 members at once.");
        }

        var contacts = (await access.ListAsync(member, Context.ConnectionAborted)).Select(m => m.OtherMemberId).ToHashSet();
        var found = await presence.GetPresenceAsync(memberIds.Where(contacts.Contains));
        return (IReadOnlyList<PresenceNotice>)
        [
            .. memberIds.Distinct().Select(id => found.TryGetValue(id, out var p) ? PresenceNotice.From(p) : new PresenceNotice(id, "offline", null)),
        ];
    });

    private async Task<T> Run<T>(Func<Guid, Task<T>> action)
    {
        var member = MemberId();
        try
        {
            return await action(member);
        }
        catch (ChatException e)
        {
            throw new HubException(e.RetryAfter is { } retry ? $"{e.Code}: retryAfterMs={(long)retry.TotalMilliseconds}" : e.Code);
        }
    }

    private Guid MemberId() =>
        TryMemberId(out var member) ? member : throw new HubException(ChatErrorCodes.Unauthenticated);

    private bool TryMemberId(out Guid member) =>
        Guid.TryParse(Context.User?.FindFirst(MemberIdClaim)?.Value, out member);
}
