using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Chat;
using Microsoft.Extensions.Options;

namespace JumoMentoring.Api.Conversations;

/// <summary>
/// Sending and reading through the graph, with the hub's store, rules and delivery: a message sent here
/// reaches the members' hub clients (MessageReceived) and messageAdded subscribers, as one sent through the hub.
/// </summary>
public static class ConversationMutations
{
    public static void AddConversationMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<SendMessagePayloadType>>("sendMessage")
            .Description("Sends a message to the other member of a match. Safe to retry with the same clientMessageId: the message is stored once. "
                + "Errors: NOT_A_PARTICIPANT, CONVERSATION_READ_ONLY, CONVERSATION_NOT_FOUND, MESSAGE_EMPTY, MESSAGE_TOO_LONG, MESSAGE_INVALID, "
                + "INVALID_CLIENT_MESSAGE_ID, RATE_LIMITED, NOT_DURABLE.")
            .Argument<NonNullGraphType<SendMessageInputType>>("input")
            .ResolveAsync(async c =>
            {
                var me = c.Viewer().RequireMember();
                var input = c.GetArgument<SendMessageInput>("input");
                var conversationId = GlobalId.Parse(input.ConversationId, ConversationType.TypeName);
                var services = c.RequestServices!;
                var errors = new MutationErrors(c.Graph().Language);
                try
                {
                    var membership = await services.GetRequiredService<ConversationAccess>().RequireAsync(conversationId, me, c.CancellationToken);
                    var sent = await services.GetRequiredService<ChatStore>().SendAsync(membership, input.ClientMessageId, input.Body);
                    await services.GetRequiredService<ChatDelivery>().MessageStoredAsync(membership, sent.Message);
                    return Payload<ChatMessage>.Ok(sent.Message);
                }
                catch (ChatException e)
                {
                    return Payload<ChatMessage>.Fail(ChatErrors.Add(errors, e, services.GetRequiredService<IOptions<ChatOptions>>().Value, "conversationId"));
                }
            });

        mutation.Field<NonNullGraphType<MarkConversationReadPayloadType>>("markConversationRead")
            .Description("Moves your read marker to a message (never backward) and recomputes your unread count on all your devices. "
                + "Errors: NOT_A_PARTICIPANT, CONVERSATION_NOT_FOUND, INVALID_MESSAGE_ID, MESSAGE_NOT_FOUND.")
            .Argument<NonNullGraphType<IdGraphType>>("conversationId")
            .Argument<NonNullGraphType<IdGraphType>>("messageId", "A ChatMessage id of this conversation.")
            .ResolveAsync(async c =>
            {
                var me = c.Viewer().RequireMember();
                var conversationId = GlobalId.Parse(c.GetArgument<string>("conversationId"), ConversationType.TypeName);
                var services = c.RequestServices!;
                var errors = new MutationErrors(c.Graph().Language);
                try
                {
                    var membership = await services.GetRequiredService<ConversationAccess>().RequireAsync(conversationId, me, c.CancellationToken);
                    var state = await services.GetRequiredService<ChatStore>().MarkReadAsync(membership, c.GetArgument<string>("messageId"));
                    if (state.Moved)
                    {
                        await services.GetRequiredService<ChatDelivery>().ReadMovedAsync(membership, state);
                    }

                    return Payload<ConversationMembership>.Ok(membership);
                }
                catch (ChatException e)
                {
                    return Payload<ConversationMembership>.Fail(ChatErrors.Add(errors, e, services.GetRequiredService<IOptions<ChatOptions>>().Value));
                }
            });
    }
}
