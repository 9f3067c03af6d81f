using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Chat;

namespace JumoMentoring.Api.Conversations;

public static class ConversationQueries
{
    public const int DefaultMessagePage = 20;
    public const int MaxMessagePage = 100;

    public static void AddConversationQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(ConversationType.TypeName, (c, id) => c.ConversationById(id));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ConversationType>>>>("conversations")
            .Description("Your conversations, one per match of yours that is or was active, newest match first.")
            .ResolveAsync(async c =>
            {
                var me = c.Viewer().RequireMember();
                return await c.RequestServices!.GetRequiredService<ConversationAccess>().ListAsync(me, c.CancellationToken);
            });

        query.Field<ConversationType>("conversation")
            .Description("One of your conversations; null when there is no such conversation, NOT_A_PARTICIPANT when it is not yours.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                var me = c.Viewer().RequireMember();
                var id = GlobalId.Parse(c.GetArgument<string>("id"), ConversationType.TypeName);
                var access = c.RequestServices!.GetRequiredService<ConversationAccess>();
                return await access.CheckAsync(id, me, c.CancellationToken) switch
                {
                    ConversationAccessKind.NotFound => null,
                    ConversationAccessKind.NotAParticipant => throw ChatErrors.ToGraphError(new ChatException(ChatErrorCodes.NotAParticipant, "Only the two members of a match take part in its conversation.")),
                    ConversationAccessKind.MemberDeactivated => throw new GraphError(ErrorCodes.Forbidden, "This member account is deactivated."),
                    _ => await access.RequireAsync(id, me, c.CancellationToken),
                };
            });
    }

    /// <summary>
    /// A page of messages over the conversation's stream ids: the newest <c>last</c> before
    /// <c>before</c>, returned oldest first; cursors are the opaque form of the messages' ids.
    /// </summary>
    public static async Task<Connection<ChatMessage>> MessagesAsync(IResolveFieldContext c, ConversationMembership membership)
    {
        var last = c.GetArgument<int?>("last") ?? DefaultMessagePage;
        if (last is < 0 or > MaxMessagePage)
        {
            throw new GraphError(ErrorCodes.LimitExceeded, $"'last' must be between 0 and {MaxMessagePage}.");
        }

        string? before = null;
        if (c.GetArgument<string?>("before") is { } cursor)
        {
            before = StreamId.TryNormalize(Paging.DecodeCursor(cursor), out var id) ? id : throw GraphError.InvalidCursor(cursor);
        }

        var store = c.RequestServices!.GetRequiredService<ChatStore>();
        MessagePage page;
        try
        {
            page = await store.GetMessagesAsync(membership, before, Math.Max(last, 1));
        }
        catch (ChatException e)
        {
            throw ChatErrors.ToGraphError(e);
        }

        // The store answers newest first; a page reads oldest first.
        var edges = page.Items.Take(last).Reverse().Select(m => new Edge<ChatMessage>(Paging.EncodeCursor(m.Id), m)).ToList();
        var pageInfo = new PageInfo(
            HasNextPage: before is not null,
            HasPreviousPage: last == 0 ? page.Items.Count > 0 : page.HasMore,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new Connection<ChatMessage>(edges, pageInfo, async _ => (int)await store.CountMessagesAsync(membership));
    }
}
