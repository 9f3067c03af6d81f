using System.Text.Json.Nodes;
using JumoMentoring.Api.Graph;
using JumoMentoring.Chat;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Realtime;

/// <summary>Demo matches, hub clients and GraphQL calls the realtime tests share.</summary>
public static class RealtimeFixtures
{
    public const string SendMessage = """
        mutation($input: SendMessageInput!) {
          sendMessage(input: $input) { message { id conversationId body clientMessageId isMine sentAt sender { displayName } } errors { code field message } }
        }
        """;

    public const string MessageAdded = """
        subscription($id: ID!) { messageAdded(conversationId: $id) { id conversationId body clientMessageId isMine sender { displayName } } }
        """;

    public static async Task<Guid> MatchIdAsync(ApiFactory factory, string mentorEmail, string menteeEmail)
    {
        await using var db = factory.CreateDbContext();
        return (await db.Matches.SingleAsync(m => m.Mentor!.Email == mentorEmail && m.Mentee!.Email == menteeEmail)).Id;
    }

    public static string ConversationId(Guid matchId) => GlobalId.Encode("Conversation", matchId);

    public static async Task<JsonNode> SendAsync(GraphQLClient client, string conversationId, string clientMessageId, string body)
    {
        var response = await client.QueryAsync(SendMessage, new { input = new { conversationId, clientMessageId, body } });
        return response.EnsureNoErrors().Data["sendMessage"]!;
    }

    /// <summary>A SignalR client of the chat hub on this host (long polling through the test server), connected and in its groups.</summary>
    public static async Task<HubConnection> ConnectHubAsync<T>(WebApplicationFactory<T> host, string token)
        where T : class
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Server.BaseAddress, ChatHub.Path), o =>
            {
                o.HttpMessageHandlerFactory = _ => host.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .Build();
        await connection.StartAsync();

        // The hub handles calls after OnConnectedAsync (which joins groups and records presence): one call makes sure it ran.
        await connection.InvokeAsync<IReadOnlyList<PresenceNotice>>("GetPresence", Array.Empty<Guid>());
        return connection;
    }
}
