using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using JumoMentoring.Chat;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Chat;

/// <summary>The hub as the real host serves it: JWT from the access_token query string, demo matches.</summary>
public sealed class ChatThroughApiTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task Match_partners_chat_through_the_real_host_and_a_third_member_is_refused()
    {
        var conversationId = await MatchIdAsync(DemoPeople.Margaret, DemoPeople.Sarah);
        await using var margaret = await ConnectAsync(DemoPeople.Margaret);
        await using var sarah = await ConnectAsync(DemoPeople.Sarah);
        await using var noah = await ConnectAsync(DemoPeople.Noah);
        var received = new TaskCompletionSource<ChatMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        margaret.On<ChatMessage>("MessageReceived", m => received.TrySetResult(m));

        var sent = await sarah.InvokeAsync<ChatMessage>("SendMessage", conversationId, "c-1", "Bonjour Margaret!");
        var delivered = await received.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var refused = await Assert.ThrowsAsync<HubException>(() => noah.InvokeAsync<MessagePage>("GetMessages", conversationId, null, 10));

        Assert.Equal(sent.Id, delivered.Id);
        Assert.Equal("Bonjour Margaret!", delivered.Body);
        Assert.Contains("NOT_A_PARTICIPANT", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_hub_refuses_callers_without_a_token()
    {
        var response = await Graph.Http.PostAsync("/hubs/chat/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task<HubConnection> ConnectAsync(string email)
    {
        var http = Factory.CreateClient();
        var token = (await (await http.PostAsJsonAsync("/auth/dev-token", new { email })).Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("accessToken").GetString();
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(Factory.Server.BaseAddress, "/hubs/chat"), o =>
            {
                o.HttpMessageHandlerFactory = _ => Factory.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
        await connection.StartAsync();
        return connection;
    }

    private async Task<Guid> MatchIdAsync(string mentor, string mentee)
    {
        await using var db = Factory.CreateDbContext();
        return (await db.Matches.SingleAsync(m => m.Mentor!.Email == mentor && m.Mentee!.Email == mentee)).Id;
    }
}
