using System.Text.Json.Nodes;
using JumoMentoring.Api.Graph;
using JumoMentoring.Chat;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static JumoMentoring.Tests.Realtime.RealtimeFixtures;

namespace JumoMentoring.Tests.Conversations;

/// <summary>The chat in the graph: conversations, messages, sendMessage and markConversationRead.</summary>
public sealed class ConversationTests(ApiFactory factory) : ApiTest(factory)
{
    protected override string? SignedInAs => DemoPeople.Sarah;

    private const string Conversations = """
        {
          conversations {
            id hubConversationId status canSend unreadCount lastReadMessageId
            partner { displayName }
            partnerPresence { status lastSeenAt }
            lastMessage { id body isMine }
            match { id }
          }
        }
        """;

    private const string Messages = """
        query($id: ID!, $last: Int, $before: String) {
          conversation(id: $id) {
            messages(last: $last, before: $before) {
              totalCount
              edges { cursor node { id body } }
              pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
            }
          }
        }
        """;

    private const string MarkRead = """
        mutation($c: ID!, $m: ID!) { markConversationRead(conversationId: $c, messageId: $m) { conversation { unreadCount lastReadMessageId } errors { code field } } }
        """;

    private async Task<(Guid MatchId, string ConversationId, GraphQLClient Margaret)> SarahAndMargaretAsync()
    {
        var matchId = await MatchIdAsync(Factory, DemoPeople.Margaret, DemoPeople.Sarah);
        return (matchId, ConversationId(matchId), await SignInAsync(DemoPeople.Margaret));
    }

    private async Task<JsonNode> SarahsConversationAsync(string conversationId)
    {
        var list = (await Graph.QueryAsync(Conversations)).EnsureNoErrors().Data["conversations"]!.AsArray();
        return list.Single(c => c!["id"]!.GetValue<string>() == conversationId)!;
    }

    [Fact]
    public async Task Conversations_list_the_members_matches_with_partner_and_an_empty_history()
    {
        var (matchId, conversationId, _) = await SarahAndMargaretAsync();

        var list = (await Graph.QueryAsync(Conversations)).EnsureNoErrors().Data["conversations"]!.AsArray();

        var conversation = Assert.Single(list)!;
        Assert.Equal(conversationId, conversation["id"]!.GetValue<string>());
        Assert.Equal(matchId.ToString("D"), conversation["hubConversationId"]!.GetValue<string>());
        Assert.Equal(GlobalId.Encode("Match", matchId), conversation["match"]!["id"]!.GetValue<string>());
        Assert.Equal("ACTIVE", conversation["status"]!.GetValue<string>());
        Assert.True(conversation["canSend"]!.GetValue<bool>());
        Assert.Equal("Margaret O'Connor", conversation["partner"]!["displayName"]!.GetValue<string>());
        Assert.Equal(0, conversation["unreadCount"]!.GetValue<int>());
        Assert.Null(conversation["lastMessage"]);
        Assert.Null(conversation["lastReadMessageId"]);
        Assert.Equal("OFFLINE", conversation["partnerPresence"]!["status"]!.GetValue<string>());
        Assert.Null(conversation["partnerPresence"]!["lastSeenAt"]);
    }

    [Fact]
    public async Task Unread_counts_follow_sends_and_reads_on_both_sides()
    {
        var (_, conversationId, margaret) = await SarahAndMargaretAsync();
        var ids = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            ids.Add((await SendAsync(margaret, conversationId, $"m-{i}", $"Message {i}"))["message"]!["id"]!.GetValue<string>());
        }

        await SendAsync(Graph, conversationId, "s-1", "Réponse de Sarah");
        var afterSends = await SarahsConversationAsync(conversationId);
        var read = await Graph.QueryAsync(MarkRead, new { c = conversationId, m = ids[1] });
        var backward = await Graph.QueryAsync(MarkRead, new { c = conversationId, m = ids[0] });
        var afterRead = await SarahsConversationAsync(conversationId);
        var margaretsView = (await margaret.QueryAsync(Conversations)).EnsureNoErrors().Data["conversations"]!.AsArray()
            .Single(c => c!["id"]!.GetValue<string>() == conversationId)!;

        Assert.Equal(3, afterSends["unreadCount"]!.GetValue<int>());
        Assert.Equal("Réponse de Sarah", afterSends["lastMessage"]!["body"]!.GetValue<string>());
        Assert.True(afterSends["lastMessage"]!["isMine"]!.GetValue<bool>());
        Assert.Equal(1, read.EnsureNoErrors().Data["markConversationRead"]!["conversation"]!["unreadCount"]!.GetValue<int>());
        Assert.Equal(ids[1], backward.EnsureNoErrors().Data["markConversationRead"]!["conversation"]!["lastReadMessageId"]!.GetValue<string>());
        Assert.Equal(1, afterRead["unreadCount"]!.GetValue<int>());
        Assert.Equal(ids[1], afterRead["lastReadMessageId"]!.GetValue<string>());
        Assert.Equal(1, margaretsView["unreadCount"]!.GetValue<int>());
        Assert.False(margaretsView["lastMessage"]!["isMine"]!.GetValue<bool>());
    }

    [Fact]
    public async Task MarkConversationRead_reports_unknown_and_malformed_messages()
    {
        var (_, conversationId, _) = await SarahAndMargaretAsync();

        var missing = await Graph.QueryAsync(MarkRead, new { c = conversationId, m = "1-0" });
        var malformed = await Graph.QueryAsync(MarkRead, new { c = conversationId, m = "yesterday" });

        Assert.Equal("MESSAGE_NOT_FOUND", missing.EnsureNoErrors().Data["markConversationRead"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("INVALID_MESSAGE_ID", malformed.EnsureNoErrors().Data["markConversationRead"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("messageId", malformed.Data["markConversationRead"]!["errors"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_match_partners_see_presence_and_it_follows_the_hub()
    {
        var (_, conversationId, _) = await SarahAndMargaretAsync();
        var noah = await SignInAsync(DemoPeople.Noah);

        await using var margaretHub = await ConnectHubAsync(Factory, await Factory.TokenAsync(DemoPeople.Margaret));
        var online = await SarahsConversationAsync(conversationId);
        var noahsList = await noah.QueryAsync(Conversations);
        var noahsLook = await noah.QueryAsync("query($id: ID!) { conversation(id: $id) { partnerPresence { status } } }", new { id = conversationId });
        var noahsNode = await noah.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id = conversationId });
        var sarahsNode = await Graph.QueryAsync("query($id: ID!) { node(id: $id) { ... on Conversation { partner { displayName } } } }", new { id = conversationId });

        Assert.Equal("ONLINE", online["partnerPresence"]!["status"]!.GetValue<string>());
        Assert.NotNull(online["partnerPresence"]!["lastSeenAt"]);
        Assert.Empty(noahsList.EnsureNoErrors().Data["conversations"]!.AsArray());
        Assert.Equal("NOT_A_PARTICIPANT", noahsLook.FirstErrorCode);
        Assert.Null(noahsNode.EnsureNoErrors().Data["node"]);
        Assert.Equal("Margaret O'Connor", sarahsNode.EnsureNoErrors().Data["node"]!["partner"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Conversations_are_for_signed_in_members()
    {
        var anonymous = new GraphQLClient(Factory.CreateClient());

        var response = await anonymous.QueryAsync("{ conversations { id } }");
        var unknown = await Graph.QueryAsync("query($id: ID!) { conversation(id: $id) { id } }", new { id = ConversationId(Guid.NewGuid()) });

        Assert.Equal("UNAUTHENTICATED", response.FirstErrorCode);
        Assert.Null(unknown.EnsureNoErrors().Data["conversation"]);
    }

    [Fact]
    public async Task SendMessage_is_idempotent_per_client_message_id()
    {
        var (_, conversationId, _) = await SarahAndMargaretAsync();

        var first = await SendAsync(Graph, conversationId, "retry-me", "Une seule fois");
        var retry = await SendAsync(Graph, conversationId, "retry-me", "Une seule fois");
        var retryOtherBody = await SendAsync(Graph, conversationId, "retry-me", "Autre texte");
        var page = (await Graph.QueryAsync(Messages, new { id = conversationId })).EnsureNoErrors().Data["conversation"]!["messages"]!;

        var id = first["message"]!["id"]!.GetValue<string>();
        Assert.Empty(first["errors"]!.AsArray());
        Assert.Equal(id, retry["message"]!["id"]!.GetValue<string>());
        Assert.Equal(id, retryOtherBody["message"]!["id"]!.GetValue<string>());
        Assert.Equal("Une seule fois", retryOtherBody["message"]!["body"]!.GetValue<string>());
        Assert.Equal(1, page["totalCount"]!.GetValue<int>());
        Assert.Equal(conversationId, first["message"]!["conversationId"]!.GetValue<string>());
        Assert.Equal("Sarah Thompson", first["message"]!["sender"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refused_sends_store_nothing_and_say_why()
    {
        var (matchId, conversationId, margaret) = await SarahAndMargaretAsync();
        await SendAsync(margaret, conversationId, "before", "Avant");
        var noah = await SignInAsync(DemoPeople.Noah);

        var empty = await SendAsync(Graph, conversationId, "e-1", "   ");
        var tooLong = await SendAsync(Graph, conversationId, "e-2", new string('é', 4001));
        var badClientId = await SendAsync(Graph, conversationId, "not ok!", "Bonjour");
        var stranger = await SendAsync(noah, conversationId, "e-3", "Bonjour");
        var unknown = await SendAsync(Graph, ConversationId(Guid.NewGuid()), "e-4", "Bonjour");
        var wrongId = await Graph.QueryAsync(SendMessage, new { input = new { conversationId = GlobalId.Encode("Match", matchId), clientMessageId = "e-5", body = "Bonjour" } });
        var english = await Graph.QueryAsync(SendMessage, new { input = new { conversationId, clientMessageId = "e-6", body = "" } }, acceptLanguage: "en");
        await using (var db = Factory.CreateDbContext())
        {
            await db.Matches.Where(m => m.Id == matchId).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, MatchStatus.Ended));
        }

        Factory.Services.GetRequiredService<ConversationAccess>().Invalidate(matchId);
        var ended = await SendAsync(Graph, conversationId, "e-7", "Trop tard");
        var page = (await Graph.QueryAsync(Messages, new { id = conversationId })).EnsureNoErrors().Data["conversation"]!["messages"]!;
        var state = await SarahsConversationAsync(conversationId);

        static (string Code, string? Field) Error(JsonNode payload)
        {
            Assert.Null(payload["message"]);
            var error = Assert.Single(payload["errors"]!.AsArray())!;
            return (error["code"]!.GetValue<string>(), error["field"]?.GetValue<string>());
        }

        Assert.Equal(("MESSAGE_EMPTY", "body"), Error(empty));
        Assert.Equal(("MESSAGE_TOO_LONG", "body"), Error(tooLong));
        Assert.Equal(("INVALID_CLIENT_MESSAGE_ID", "clientMessageId"), Error(badClientId));
        Assert.Equal(("NOT_A_PARTICIPANT", "conversationId"), Error(stranger));
        Assert.Equal(("CONVERSATION_NOT_FOUND", "conversationId"), Error(unknown));
        Assert.Equal("INVALID_ID", wrongId.FirstErrorCode);
        Assert.Equal("The message is empty.", english.EnsureNoErrors().Data["sendMessage"]!["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal("Le message est vide.", empty["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Equal(("CONVERSATION_READ_ONLY", "conversationId"), Error(ended));
        Assert.Equal(1, page["totalCount"]!.GetValue<int>());
        Assert.Equal("Avant", page["edges"]![0]!["node"]!["body"]!.GetValue<string>());
        Assert.Equal(1, state["unreadCount"]!.GetValue<int>());
        Assert.False(state["canSend"]!.GetValue<bool>());
        Assert.Equal("ENDED", state["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task SendMessage_is_rate_limited_like_the_hub()
    {
        var (_, conversationId, _) = await SarahAndMargaretAsync();
        var limit = Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ChatOptions>>().Value.RateLimitCount;
        for (var i = 0; i < limit; i++)
        {
            Assert.Empty((await SendAsync(Graph, conversationId, $"r-{i}", $"Message {i}"))["errors"]!.AsArray());
        }

        var refused = await SendAsync(Graph, conversationId, "r-over", "Un de trop");
        var retryOfStored = await SendAsync(Graph, conversationId, "r-0", "Message 0");
        var page = (await Graph.QueryAsync(Messages, new { id = conversationId, last = 0 })).EnsureNoErrors().Data["conversation"]!["messages"]!;

        Assert.Equal("RATE_LIMITED", refused["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Matches(@"réessayez dans \d+ s", refused["errors"]![0]!["message"]!.GetValue<string>());
        Assert.Empty(retryOfStored["errors"]!.AsArray());
        Assert.Equal(limit, page["totalCount"]!.GetValue<int>());
    }

    [Fact]
    public async Task Messages_page_backward_from_the_newest()
    {
        var (_, conversationId, margaret) = await SarahAndMargaretAsync();
        for (var i = 1; i <= 5; i++)
        {
            await SendAsync(i % 2 == 0 ? Graph : margaret, conversationId, $"p-{i}", $"{i}");
        }

        var pages = new List<JsonNode>();
        string? before = null;
        do
        {
            var page = (await Graph.QueryAsync(Messages, new { id = conversationId, last = 2, before })).EnsureNoErrors().Data["conversation"]!["messages"]!;
            pages.Add(page);
            before = page["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>() ? page["pageInfo"]!["startCursor"]!.GetValue<string>() : null;
        }
        while (before is not null);

        var newest = (await Graph.QueryAsync(Messages, new { id = conversationId })).EnsureNoErrors().Data["conversation"]!["messages"]!;
        var none = (await Graph.QueryAsync(Messages, new { id = conversationId, last = 0 })).EnsureNoErrors().Data["conversation"]!["messages"]!;
        var tooMany = await Graph.QueryAsync(Messages, new { id = conversationId, last = 101 });
        var forged = await Graph.QueryAsync(Messages, new { id = conversationId, before = "bm9wZQ" });

        static string[] Bodies(JsonNode page) => [.. page["edges"]!.AsArray().Select(e => e!["node"]!["body"]!.GetValue<string>())];
        Assert.Equal([["4", "5"], ["2", "3"], ["1"]], pages.Select(Bodies));
        Assert.All(pages, p => Assert.Equal(5, p["totalCount"]!.GetValue<int>()));
        Assert.False(pages[0]["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(pages[1]["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.False(pages[2]["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal(pages[0]["edges"]![1]!["cursor"]!.GetValue<string>(), pages[0]["pageInfo"]!["endCursor"]!.GetValue<string>());
        Assert.Equal(["1", "2", "3", "4", "5"], Bodies(newest));
        Assert.Empty(Bodies(none));
        Assert.True(none["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
        Assert.Equal("LIMIT_EXCEEDED", tooMany.FirstErrorCode);
        Assert.Equal("INVALID_CURSOR", forged.FirstErrorCode);
    }
}
