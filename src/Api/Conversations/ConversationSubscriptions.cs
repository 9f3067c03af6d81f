using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Chat;

namespace JumoMentoring.Api.Conversations;

public static class ConversationSubscriptions
{
    public static void AddConversationSubscriptions(this ObjectGraphType subscription)
    {
        subscription.Field<NonNullGraphType<ChatMessageType>>("messageAdded")
            .Description("Every message stored in one of your conversations from now on, whether sent through the graph or the chat hub "
                + "(a retry may deliver a message again: dedupe by id). Errors: NOT_A_PARTICIPANT, CONVERSATION_NOT_FOUND. "
                + "Missed messages (while disconnected) are read with conversation { messages }.")
            .Argument<NonNullGraphType<IdGraphType>>("conversationId")
            .ResolveStreamAsync(async c =>
            {
                var me = c.Viewer().RequireMember();
                var conversationId = GlobalId.Parse(c.GetArgument<string>("conversationId"), ConversationType.TypeName);
                try
                {
                    await c.RequestServices!.GetRequiredService<ConversationAccess>().RequireAsync(conversationId, me, c.CancellationToken);
                }
                catch (ChatException e)
                {
                    throw ChatErrors.ToGraphError(e);
                }

                return await c.RequestServices!.GetRequiredService<EventBus>().SubscribeAsync<ChatMessage>(ChatTopics.Messages(conversationId));
            });
    }
}
