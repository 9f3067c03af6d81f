using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using JumoMentoring.Api.Members;
using JumoMentoring.Chat;
using MatchType = JumoMentoring.Api.Matches.MatchType;

namespace JumoMentoring.Api.Conversations;

/// <summary>
/// A conversation as its member sees it: the source is the <see cref="ConversationMembership"/>
/// that <see cref="ConversationAccess"/> granted the viewer (only the two members of a match get one).
/// </summary>
public sealed class ConversationType : ObjectGraphType<ConversationMembership>
{
    public const string TypeName = "Conversation";

    public ConversationType()
    {
        Name = TypeName;
        Description = "The chat of one match, between its mentor and its mentee: it exists once the match is ACTIVE, "
            + "takes messages while ACTIVE or PAUSED, and is read-only once COMPLETED or ENDED. Coordinators never see conversations.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is ConversationMembership;
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("Opaque global id (type Conversation, wrapping the match's UUID). The chat hub (/hubs/chat) names the same "
                + "conversation by the match's UUID itself: that is hubConversationId.")
            .Resolve(c => GlobalId.Encode(TypeName, c.Source.ConversationId));
        Field<NonNullGraphType<StringGraphType>>("hubConversationId")
            .Description("The conversationId the chat hub (/hubs/chat) takes and sends for this conversation: the match's UUID.")
            .Resolve(c => c.Source.ConversationId.ToString("D"));
        Field<MatchType>("match").Resolve(c => c.MatchById(c.Source.ConversationId));
        Field<MemberType>("partner").Description("The other member of the match.").Resolve(c => c.MemberById(c.Source.OtherMemberId));
        Field<NonNullGraphType<PresenceType>>("partnerPresence")
            .Description("Whether the other member is online, away or offline in the chat, and when they were last seen. Only match partners see it.")
            .Resolve(c => c.PresenceOf(c.Source.OtherMemberId));
        Field<NonNullGraphType<MatchStatusEnum>>("status").Description("The match's status.").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<BooleanGraphType>>("canSend")
            .Description("Whether messages may be sent: the match is ACTIVE or PAUSED.")
            .Resolve(c => c.Source.CanWrite);
        Field<NonNullGraphType<IntGraphType>>("unreadCount")
            .Description("Messages of the other member after your read marker, the same on all your devices.")
            .Resolve(c => c.SummaryOf(c.Source).Then(s => (int)Math.Min(s!.ReadState.UnreadCount, int.MaxValue)));
        Field<IdGraphType>("lastReadMessageId")
            .Description("The last message you marked read; null before the first.")
            .Resolve(c => c.SummaryOf(c.Source).Then(s => s!.ReadState.LastReadMessageId));
        Field<ChatMessageType>("lastMessage").Resolve(c => c.SummaryOf(c.Source).Then(s => s!.LastMessage));
        Field<NonNullGraphType<ConnectionType<ChatMessageType, ChatMessage>>>("messages")
            .Description($"The messages, oldest first within a page. Without arguments, the newest {ConversationQueries.DefaultMessagePage}; "
                + "to read further back, pass the page's startCursor as 'before' (pageInfo.hasPreviousPage says whether there are older ones).")
            .Argument<IntGraphType>("last", $"Page size, 0 to {ConversationQueries.MaxMessagePage} (default {ConversationQueries.DefaultMessagePage}): the newest messages before 'before'.")
            .Argument<StringGraphType>("before", "Cursor of the oldest message you have (the startCursor of the previous page).")
            .ResolveAsync(async c => await ConversationQueries.MessagesAsync(c, c.Source!));
    }
}

public sealed class ChatMessageType : ObjectGraphType<ChatMessage>
{
    public ChatMessageType()
    {
        Name = "ChatMessage";
        Description = "One message of a conversation.";
        Field<NonNullGraphType<IdGraphType>>("id")
            .Description("The message's id within its conversation, as in the chat hub (a Redis stream id such as 1733320000000-0): "
                + "it orders the conversation. Pass it to markConversationRead. Not a global id.")
            .Resolve(c => c.Source.Id);
        Field<NonNullGraphType<IdGraphType>>("conversationId")
            .Description("The conversation's global id.")
            .Resolve(c => GlobalId.Encode(ConversationType.TypeName, c.Source.ConversationId));
        Field<MemberType>("sender").Resolve(c => c.MemberById(c.Source.SenderId));
        Field<NonNullGraphType<BooleanGraphType>>("isMine").Description("Whether you sent it.").Resolve(c => c.Source.SenderId == c.Viewer().MemberId);
        Field<NonNullGraphType<StringGraphType>>("body").Resolve(c => c.Source.Body);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("sentAt").Description("When the chat stored it (the time part of its id).").Resolve(c => c.Source.SentAt);
        Field<NonNullGraphType<StringGraphType>>("clientMessageId").Description("The sender's id for it, which makes retries safe.").Resolve(c => c.Source.ClientMessageId);
    }
}

public sealed class PresenceStatusEnum : EnumerationGraphType<PresenceStatus>
{
    public PresenceStatusEnum()
    {
        Name = "PresenceStatus";
        Description = "ONLINE: connected to the chat and active; AWAY: connected, all tabs hidden or idle; OFFLINE: not connected (after a short grace period, so a page reload shows nothing).";
    }
}

public sealed class PresenceType : ObjectGraphType<MemberPresence>
{
    public PresenceType()
    {
        Name = "Presence";
        Description = "A member's presence in the chat, over all their devices.";
        Field<NonNullGraphType<PresenceStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<DateTimeOffsetGraphType>("lastSeenAt").Description("When the member was last connected; null when never.").Resolve(c => c.Source.LastSeenAt);
    }
}

public sealed class SendMessageInput
{
    public required string ConversationId { get; set; }
    public required string ClientMessageId { get; set; }
    public required string Body { get; set; }
}

public sealed class SendMessageInputType : InputObjectGraphType<SendMessageInput>
{
    public SendMessageInputType()
    {
        Name = "SendMessageInput";
        Field(i => i.ConversationId, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.ClientMessageId)
            .Description("Your id for this message (a UUID; 1–64 letters, digits, '-' or '_'). Send the same one again to retry safely: "
                + "the message is stored once, and a retry answers the stored message.");
        Field(i => i.Body).Description("The text, 1–4,000 characters once trimmed.");
    }
}

public sealed class SendMessagePayloadType() : PayloadType<ChatMessageType, ChatMessage>("SendMessagePayload", "message");

public sealed class MarkConversationReadPayloadType() : PayloadType<ConversationType, ConversationMembership>("MarkConversationReadPayload", "conversation");
