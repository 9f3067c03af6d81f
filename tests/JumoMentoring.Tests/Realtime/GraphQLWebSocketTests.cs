using System.IdentityModel.Tokens.Jwt;
using System.Net.WebSockets;
using System.Security.Claims;
using JumoMentoring.Api.Auth;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using static JumoMentoring.Tests.Infrastructure.GraphQLWebSocketClient;

namespace JumoMentoring.Tests.Realtime;

/// <summary>The graphql-transport-ws protocol at /graphql, through the real host.</summary>
public sealed class GraphQLWebSocketTests(ApiFactory factory) : ApiTest(factory)
{
    private Task<GraphQLWebSocketClient> ConnectAsync() => GraphQLWebSocketClient.ConnectAsync(Factory.Server);

    private async Task<GraphQLWebSocketClient> SignedInAsync(string email) =>
        await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(email));

    [Fact]
    public async Task The_server_acknowledges_init_and_answers_pings_with_the_subprotocol()
    {
        await using var client = await ConnectAsync();

        await client.SendAsync(new { type = "ping" });
        var early = await client.ReceiveAsync();
        await client.InitAsync(await Factory.TokenAsync(DemoPeople.Sarah));
        await client.SendAsync(new { type = "pong" });
        await client.SendAsync(new { type = "ping", payload = new { at = 1 } });
        var pong = await client.ReceiveAsync();

        Assert.Equal(SubProtocol, client.SubProtocolChosen);
        Assert.Equal("pong", Type(early));
        Assert.Equal("pong", Type(pong));
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    [Fact]
    public async Task The_server_pings_acknowledged_connections_at_the_configured_interval()
    {
        await using var host = Factory.WithWebHostBuilder(b => b.UseSetting("GraphQL:WebSocket:KeepAliveInterval", "00:00:00.200"));
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(host.Server, null);

        var first = await client.ReceiveAsync(TimeSpan.FromSeconds(5));
        await client.SendAsync(new { type = "pong" });
        var second = await client.ReceiveAsync(TimeSpan.FromSeconds(5));

        Assert.Equal("ping", Type(first));
        Assert.Equal("ping", Type(second));
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    [Fact]
    public async Task A_query_over_the_socket_answers_next_then_complete()
    {
        await using var client = await SignedInAsync(DemoPeople.Sarah);

        await client.SendAsync(new { id = "q1", type = "subscribe", payload = new { query = "query Me($lang: Language) { me { displayName } programs { name(language: $lang) } }", variables = new { lang = "EN" }, operationName = "Me" } });
        var next = await client.ReceiveAsync("q1", "next");
        await client.ReceiveAsync("q1", "complete");

        Assert.Equal("Sarah Thompson", next["payload"]!["data"]!["me"]!["displayName"]!.GetValue<string>());
        Assert.Null(next["payload"]!["errors"]);
    }

    [Fact]
    public async Task A_mutation_over_the_socket_runs_once()
    {
        await using var client = await SignedInAsync(DemoPeople.Sarah);

        await client.SendAsync(new { id = "m1", type = "subscribe", payload = new { query = "mutation { updateMyProfile(input: { bio: \"Par WebSocket\" }) { member { bio } errors { code } } }" } });
        var next = await client.ReceiveAsync("m1", "next");
        await client.ReceiveAsync("m1", "complete");

        Assert.Equal("Par WebSocket", next["payload"]!["data"]!["updateMyProfile"]!["member"]!["bio"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("subscription { nope }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("subscription {", "GRAPHQL_PARSE_FAILED")]
    [InlineData("subscription { matchUpdated { id } messageAdded(conversationId: \"x\") { id } }", "GRAPHQL_VALIDATION_FAILED")]
    [InlineData("query { conversation(id: \"not-an-id\") { id } }", null)]
    public async Task A_bad_document_gets_an_error_message_and_the_connection_stays(string query, string? code)
    {
        await using var client = await SignedInAsync(DemoPeople.Sarah);

        await client.SubscribeAsync("bad", query);
        var message = await client.ReceiveAsync();

        if (code is null)
        {
            // It validates: the resolver's error comes with the result.
            Assert.Equal("next", Type(message));
            Assert.Equal("INVALID_ID", message["payload"]!["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
            await client.ReceiveAsync("bad", "complete");
        }
        else
        {
            Assert.Equal("error", Type(message));
            Assert.Equal("bad", message["id"]!.GetValue<string>());
            Assert.Equal(code, message["payload"]!.AsArray()[0]!["extensions"]!["code"]!.GetValue<string>());
        }

        await client.SyncAsync();
        Assert.Equal(WebSocketState.Open, client.Socket.State);
    }

    [Fact]
    public async Task Subscribe_before_the_acknowledgement_closes_with_4401()
    {
        await using var client = await ConnectAsync();

        await client.SendAsync(new { id = "1", type = "subscribe", payload = new { query = "{ programs { name } }" } });

        Assert.Equal((WebSocketCloseStatus)4401, await client.WaitForCloseAsync());
        Assert.Equal("Unauthorized", client.CloseDescription);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"type\": 42}")]
    [InlineData("{\"type\": \"unknown\"}")]
    [InlineData("{\"type\": \"subscribe\", \"payload\": {\"query\": \"{ programs { name } }\"}}")]
    [InlineData("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"variables\": {}}}")]
    [InlineData("{\"type\": \"subscribe\", \"id\": \"1\", \"payload\": {\"query\": \"{ programs { name } }\", \"variables\": [1]}}")]
    [InlineData("{\"type\": \"complete\"}")]
    [InlineData("{\"type\": \"connection_ack\"}")]
    [InlineData("{\"type\": \"next\", \"id\": \"1\", \"payload\": {}}")]
    public async Task An_invalid_message_closes_with_4400(string message)
    {
        await using var client = await SignedInAsync(DemoPeople.Sarah);

        await client.SendTextAsync(message);

        Assert.Equal((WebSocketCloseStatus)4400, await client.WaitForCloseAsync());
        Assert.StartsWith("Invalid message received", client.CloseDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_binary_message_closes_with_4400()
    {
        await using var client = await SignedInAsync(DemoPeople.Sarah);

        await client.SendTextAsync("{\"type\": \"ping\"}", WebSocketMessageType.Binary);

        Assert.Equal((WebSocketCloseStatus)4400, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task No_init_within_the_configured_timeout_closes_with_4408()
    {
        await using var host = Factory.WithWebHostBuilder(b => b.UseSetting("GraphQL:WebSocket:ConnectionInitTimeout", "00:00:00.300"));
        await using var silent = await GraphQLWebSocketClient.ConnectAsync(host.Server);
        await using var pingingOnly = await GraphQLWebSocketClient.ConnectAsync(host.Server);
        await using var initialised = await GraphQLWebSocketClient.ConnectAndInitAsync(host.Server, null);

        await pingingOnly.SendAsync(new { type = "ping" });

        Assert.Equal((WebSocketCloseStatus)4408, await silent.WaitForCloseAsync());
        Assert.Equal("Connection initialisation timeout", silent.CloseDescription);
        Assert.Equal((WebSocketCloseStatus)4408, await pingingOnly.WaitForCloseAsync());
        await initialised.AssertNothingAsync(TimeSpan.FromMilliseconds(500));
        Assert.Equal(WebSocketState.Open, initialised.Socket.State);
    }

    [Fact]
    public async Task Operations_and_message_sizes_are_bounded()
    {
        await using var host = Factory.WithWebHostBuilder(b => b
            .UseSetting("GraphQL:WebSocket:MaxOperations", "2")
            .UseSetting("GraphQL:WebSocket:MaxMessageBytes", "2000"));
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(host.Server, await Factory.TokenAsync(DemoPeople.Sarah));

        await client.SubscribeAsync("1", "subscription { matchUpdated { id } }");
        await client.SubscribeAsync("2", "subscription { matchUpdated { status } }");
        await client.SubscribeAsync("3", "subscription { matchUpdated { id } }");
        var refused = await client.ReceiveAsync("3", "error");
        await client.SendAsync(new { id = "4", type = "subscribe", payload = new { query = "{ programs { code } }" + new string(' ', 2000) } });

        Assert.Equal("LIMIT_EXCEEDED", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task A_second_subscriber_with_the_same_id_closes_with_4409()
    {
        await using var client = await SignedInAsync(DemoPeople.Sarah);

        await client.SubscribeAsync("same", "subscription { matchUpdated { id } }");
        await client.SendAsync(new { id = "same", type = "subscribe", payload = new { query = "subscription { matchUpdated { status } }" } });

        Assert.Equal((WebSocketCloseStatus)4409, await client.WaitForCloseAsync());
        Assert.Equal("Subscriber for same already exists", client.CloseDescription);
    }

    [Fact]
    public async Task An_id_may_be_used_again_once_its_operation_completed()
    {
        await using var client = await SignedInAsync(DemoPeople.Sarah);

        await client.SubscribeAsync("again", "{ me { displayName } }");
        await client.ReceiveAsync("again", "next");
        await client.ReceiveAsync("again", "complete");
        await client.SubscribeAsync("again", "subscription { matchUpdated { id } }");
        await client.SendAsync(new { id = "again", type = "complete" });
        await client.SubscribeAsync("again", "{ me { displayName } }");

        await client.ReceiveAsync("again", "next");
        await client.ReceiveAsync("again", "complete");
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        await using var client = await SignedInAsync(DemoPeople.Sarah);

        await client.SendAsync(new { type = "connection_init" });

        Assert.Equal((WebSocketCloseStatus)4429, await client.WaitForCloseAsync());
        Assert.Equal("Too many initialisation requests", client.CloseDescription);
    }

    [Theory]
    [InlineData("token", "not-a-jwt")]
    [InlineData("Authorization", "Bearer not-a-jwt")]
    [InlineData("token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")]
    public async Task A_refused_token_closes_with_4403(string field, string value)
    {
        await using var client = await ConnectAsync();

        await client.SendAsync(new { type = "connection_init", payload = new Dictionary<string, string> { [field] = value } });

        Assert.Equal((WebSocketCloseStatus)4403, await client.WaitForCloseAsync());
        Assert.Equal("Forbidden: The access token is invalid or expired.", client.CloseDescription);
    }

    [Fact]
    public async Task A_token_of_a_deactivated_member_closes_with_4403()
    {
        var token = await Factory.TokenAsync(DemoPeople.Noah);
        await using (var db = Factory.CreateDbContext())
        {
            await db.Members.Where(m => m.Email == DemoPeople.Noah)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, Domain.Members.MemberStatus.Deactivated));
        }

        await using var client = await ConnectAsync();
        await client.SendAsync(new { type = "connection_init", payload = new { Authorization = "Bearer " + token } });

        Assert.Equal((WebSocketCloseStatus)4403, await client.WaitForCloseAsync());
        Assert.Equal("Forbidden: This member account is deactivated.", client.CloseDescription);
    }

    [Fact]
    public async Task A_member_deactivated_while_connected_loses_the_socket_within_the_check_interval()
    {
        await using var host = Factory.WithWebHostBuilder(b => b.UseSetting("GraphQL:WebSocket:MemberCheckInterval", "00:00:00.200"));
        await using var noah = await GraphQLWebSocketClient.ConnectAndInitAsync(host.Server, await Factory.TokenAsync(DemoPeople.Noah));
        await using var sarah = await GraphQLWebSocketClient.ConnectAndInitAsync(host.Server, await Factory.TokenAsync(DemoPeople.Sarah));
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.Equal(WebSocketState.Open, noah.Socket.State);

        await using (var db = Factory.CreateDbContext())
        {
            await db.Members.Where(m => m.Email == DemoPeople.Noah)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, Domain.Members.MemberStatus.Deactivated));
        }

        Assert.Equal((WebSocketCloseStatus)4403, await noah.WaitForCloseAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("Forbidden: this member account is deactivated", noah.CloseDescription);
        Assert.Equal(WebSocketState.Open, sarah.Socket.State);
    }

    [Fact]
    public async Task The_token_may_also_come_in_the_upgrade_request_header()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Factory.Server, bearerHeader: await Factory.TokenAsync(DemoPeople.Margaret));
        await client.InitAsync(null);

        await client.SubscribeAsync("me", "{ me { displayName } }");
        var next = await client.ReceiveAsync("me", "next");

        Assert.Equal("Margaret O'Connor", next["payload"]!["data"]!["me"]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_connection_closes_with_4403_when_its_token_expires()
    {
        string memberNumber;
        await using (var db = Factory.CreateDbContext())
        {
            memberNumber = (await db.Members.SingleAsync(m => m.Email == DemoPeople.Sarah)).MemberNumber;
        }

        var options = new AuthOptions();
        var now = DateTime.UtcNow;
        var token = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(
            issuer: AuthOptions.DevIssuer,
            audience: AuthOptions.DevAudience,
            claims: [new Claim(JwtRegisteredClaimNames.Sub, memberNumber), new Claim(options.MemberNumberClaim, memberNumber)],
            notBefore: now.AddSeconds(-5),
            expires: now.AddSeconds(2),
            signingCredentials: new SigningCredentials(AuthSetup.DevSigningKey(options), SecurityAlgorithms.HmacSha256)));

        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, token);

        Assert.Equal((WebSocketCloseStatus)4403, await client.WaitForCloseAsync(TimeSpan.FromSeconds(15)));
        Assert.Equal("Forbidden: the access token expired", client.CloseDescription);
    }

    [Fact]
    public async Task Anonymous_connections_may_query_but_not_subscribe_to_member_events()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, null);

        await client.SubscribeAsync("programs", "{ programs { code } }");
        var programs = await client.ReceiveAsync("programs", "next");
        await client.ReceiveAsync("programs", "complete");
        await client.SubscribeAsync("matches", "subscription { matchUpdated { id } }");
        var refused = await client.ReceiveAsync("matches", "error");

        Assert.NotEmpty(programs["payload"]!["data"]!["programs"]!.AsArray());
        Assert.Equal("UNAUTHENTICATED", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_the_subprotocol_the_server_closes_with_4406()
    {
        await using var client = await GraphQLWebSocketClient.ConnectAsync(Factory.Server, subProtocol: null);

        Assert.Equal((WebSocketCloseStatus)4406, await client.WaitForCloseAsync());
    }

    [Fact]
    public async Task A_client_close_is_answered_with_a_normal_close()
    {
        await using var client = await SignedInAsync(DemoPeople.Sarah);
        await client.SubscribeAsync("m", "subscription { matchUpdated { id } }");

        await client.CloseAsync();

        Assert.Equal(WebSocketState.Closed, client.Socket.State);
        Assert.Equal(WebSocketCloseStatus.NormalClosure, client.CloseStatus);
    }

    [Fact]
    public async Task Plain_http_requests_for_subscriptions_are_still_refused()
    {
        var response = await Graph.QueryAsync("subscription { matchUpdated { id } }");

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.Status);
        Assert.Contains("graphql-transport-ws", response.Errors![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
