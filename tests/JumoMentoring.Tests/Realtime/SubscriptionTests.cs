using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Jobs;
using JumoMentoring.Chat;
using JumoMentoring.Domain.Data;
using JumoMentoring.Tests.Chat;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using static JumoMentoring.Tests.Realtime.RealtimeFixtures;

namespace JumoMentoring.Tests.Realtime;

/// <summary>messageAdded and matchUpdated through the real host, on one server and across two.</summary>
public sealed class SubscriptionTests(ApiFactory factory) : ApiTest(factory)
{
    [Fact]
    public async Task MessageAdded_delivers_messages_sent_through_the_graph_and_through_the_hub()
    {
        var matchId = await MatchIdAsync(Factory, DemoPeople.Margaret, DemoPeople.Sarah);
        var conversationId = ConversationId(matchId);
        await using var sarahSocket = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(DemoPeople.Sarah));
        await sarahSocket.SubscribeAsync("chat", MessageAdded, new { id = conversationId });
        var margaret = await SignInAsync(DemoPeople.Margaret);
        await using var margaretHub = await ConnectHubAsync(Factory, await Factory.TokenAsync(DemoPeople.Margaret));

        var viaGraph = await SendAsync(margaret, conversationId, "g-1", "Par le graphe");
        var first = await sarahSocket.ReceiveAsync("chat", "next");
        var viaHub = await margaretHub.InvokeAsync<ChatMessage>("SendMessage", matchId, "h-1", "Par le hub");
        var second = await sarahSocket.ReceiveAsync("chat", "next");

        var one = first["payload"]!["data"]!["messageAdded"]!;
        var two = second["payload"]!["data"]!["messageAdded"]!;
        Assert.Equal(viaGraph["message"]!["id"]!.GetValue<string>(), one["id"]!.GetValue<string>());
        Assert.Equal("Par le graphe", one["body"]!.GetValue<string>());
        Assert.Equal(conversationId, one["conversationId"]!.GetValue<string>());
        Assert.False(one["isMine"]!.GetValue<bool>());
        Assert.Equal("Margaret O'Connor", one["sender"]!["displayName"]!.GetValue<string>());
        Assert.Equal(viaHub.Id, two["id"]!.GetValue<string>());
        Assert.Equal("Par le hub", two["body"]!.GetValue<string>());
        Assert.Equal("h-1", two["clientMessageId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Hub_clients_receive_messages_sent_through_the_graph()
    {
        var matchId = await MatchIdAsync(Factory, DemoPeople.Margaret, DemoPeople.Sarah);
        await using var sarahHub = await ConnectHubAsync(Factory, await Factory.TokenAsync(DemoPeople.Sarah));
        var received = new TaskCompletionSource<ChatMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        sarahHub.On<ChatMessage>("MessageReceived", m => received.TrySetResult(m));
        var margaret = await SignInAsync(DemoPeople.Margaret);

        var sent = await SendAsync(margaret, ConversationId(matchId), "g-1", "Bonjour Sarah");
        var delivered = await received.Task.WaitAsync(GraphQLWebSocketClient.Wait);

        Assert.Equal(sent["message"]!["id"]!.GetValue<string>(), delivered.Id);
        Assert.Equal(matchId, delivered.ConversationId);
        Assert.Equal("Bonjour Sarah", delivered.Body);
    }

    [Fact]
    public async Task A_third_member_gets_an_error_and_nothing_else()
    {
        var conversationId = ConversationId(await MatchIdAsync(Factory, DemoPeople.Margaret, DemoPeople.Sarah));
        await using var noah = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(DemoPeople.Noah));
        await using var coordinator = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(DemoPeople.JumoCoordinator));

        await noah.SubscribeAsync("spy", MessageAdded, new { id = conversationId });
        await coordinator.SubscribeAsync("spy", MessageAdded, new { id = conversationId });
        var refused = await noah.ReceiveAsync("spy", "error");
        var coordinatorRefused = await coordinator.ReceiveAsync("spy", "error");
        await SendAsync(await SignInAsync(DemoPeople.Margaret), conversationId, "g-1", "Privé");

        Assert.Equal("NOT_A_PARTICIPANT", refused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("NOT_A_PARTICIPANT", coordinatorRefused["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        await noah.AssertNothingAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task MessageAdded_refuses_unknown_conversations_and_wrong_ids()
    {
        await using var sarah = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(DemoPeople.Sarah));

        await sarah.SubscribeAsync("unknown", MessageAdded, new { id = ConversationId(Guid.NewGuid()) });
        await sarah.SubscribeAsync("wrong", MessageAdded, new { id = GlobalId.Encode("Match", Guid.NewGuid()) });
        var unknown = await sarah.ReceiveAsync("unknown", "error");
        var wrong = await sarah.ReceiveAsync("wrong", "error");

        Assert.Equal("CONVERSATION_NOT_FOUND", unknown["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal("INVALID_ID", wrong["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Complete_from_the_client_stops_the_subscription()
    {
        var conversationId = ConversationId(await MatchIdAsync(Factory, DemoPeople.Margaret, DemoPeople.Sarah));
        await using var sarah = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(DemoPeople.Sarah));
        var margaret = await SignInAsync(DemoPeople.Margaret);
        await sarah.SubscribeAsync("chat", MessageAdded, new { id = conversationId });
        await SendAsync(margaret, conversationId, "g-1", "Un");
        await sarah.ReceiveAsync("chat", "next");

        await sarah.SendAsync(new { id = "chat", type = "complete" });
        await sarah.SyncAsync();
        await SendAsync(margaret, conversationId, "g-2", "Deux");

        await sarah.AssertNothingAsync(TimeSpan.FromMilliseconds(500));
    }

    [Fact]
    public async Task MatchUpdated_tells_both_members_when_the_mentor_accepts_a_request()
    {
        Guid matchId;
        string mentorEmail, menteeEmail;
        await using (var db = Factory.CreateDbContext())
        {
            var request = await db.Matches.Include(m => m.Mentor).Include(m => m.Mentee).SingleAsync(m => m.Status == Domain.Matches.MatchStatus.Requested);
            (matchId, mentorEmail, menteeEmail) = (request.Id, request.Mentor!.Email, request.Mentee!.Email);
        }

        const string Subscription = "subscription { matchUpdated { id status mentor { displayName } transitions { to } } }";
        await using var mentor = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(mentorEmail));
        await using var mentee = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(menteeEmail));
        await using var other = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(DemoPeople.Sarah));
        await mentor.SubscribeAsync("m", Subscription);
        await mentee.SubscribeAsync("m", Subscription);
        await other.SubscribeAsync("m", Subscription);

        var accepted = await (await SignInAsync(mentorEmail)).QueryAsync(
            "mutation($id: ID!) { acceptRequest(matchId: $id) { match { status } errors { code } } }", new { id = GlobalId.Encode("Match", matchId) });
        var toMentor = (await mentor.ReceiveAsync("m", "next"))["payload"]!["data"]!["matchUpdated"]!;
        var toMentee = (await mentee.ReceiveAsync("m", "next"))["payload"]!["data"]!["matchUpdated"]!;

        Assert.Equal("ACTIVE", accepted.EnsureNoErrors().Data["acceptRequest"]!["match"]!["status"]!.GetValue<string>());
        Assert.Equal(GlobalId.Encode("Match", matchId), toMentor["id"]!.GetValue<string>());
        Assert.Equal("ACTIVE", toMentor["status"]!.GetValue<string>());
        Assert.Equal("ACTIVE", toMentee["status"]!.GetValue<string>());
        Assert.Equal(["REQUESTED", "ACTIVE"], toMentee["transitions"]!.AsArray().Select(t => t!["to"]!.GetValue<string>()));
        Assert.NotNull(toMentee["mentor"]);
        await other.AssertNothingAsync(TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public async Task MatchUpdated_tells_the_members_of_a_request_that_expired()
    {
        string menteeEmail;
        Guid mentorId;
        await using (var db = Factory.CreateDbContext())
        {
            var request = await db.Matches.Include(m => m.Mentee).SingleAsync(m => m.Status == Domain.Matches.MatchStatus.Requested);
            (menteeEmail, mentorId) = (request.Mentee!.Email, request.MentorId);
        }

        await using var mentee = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(menteeEmail));
        await mentee.SubscribeAsync("m", "subscription { matchUpdated { status nextSuggestions(first: 3) { mentor { id } } } }");
        var services = Factory.Services;
        using var job = new RequestExpiryJob(
            services.GetRequiredService<IDbContextFactory<JumoDbContext>>(),
            new ManualTimeProvider(DateTimeOffset.UtcNow.AddDays(30)),
            services.GetRequiredService<IConfiguration>(),
            services.GetRequiredService<EventBus>(),
            services.GetRequiredService<ILogger<RequestExpiryJob>>());

        await job.StartAsync(default);
        var expired = await mentee.ReceiveAsync("m", "next");
        await job.StopAsync(default);

        Assert.Equal("EXPIRED", expired["payload"]!["data"]!["matchUpdated"]!["status"]!.GetValue<string>());

        // In the same event, whom to ask next: not the mentor who did not answer.
        var next = expired["payload"]!["data"]!["matchUpdated"]!["nextSuggestions"]!.AsArray().Select(s => s!["mentor"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(3, next.Count);
        Assert.DoesNotContain(GlobalId.Encode("Member", mentorId), next);
    }

    [Fact]
    public async Task A_subscription_on_one_server_sees_messages_sent_on_another()
    {
        await using var other = Factory.WithWebHostBuilder(_ => { });
        var matchId = await MatchIdAsync(Factory, DemoPeople.Margaret, DemoPeople.Sarah);
        var conversationId = ConversationId(matchId);
        await using var sarah = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(DemoPeople.Sarah));
        await sarah.SubscribeAsync("chat", MessageAdded, new { id = conversationId });
        var margaretOnOther = other.CreateClient();
        margaretOnOther.DefaultRequestHeaders.Authorization = new("Bearer", await Factory.TokenAsync(DemoPeople.Margaret));
        await using var margaretHubOnOther = await ConnectHubAsync(other, await Factory.TokenAsync(DemoPeople.Margaret));

        var viaGraph = await SendAsync(new GraphQLClient(margaretOnOther), conversationId, "b-1", "D'un autre serveur");
        var first = (await sarah.ReceiveAsync("chat", "next"))["payload"]!["data"]!["messageAdded"]!;
        var viaHub = await margaretHubOnOther.InvokeAsync<ChatMessage>("SendMessage", matchId, "b-2", "Du hub d'un autre serveur");
        var second = (await sarah.ReceiveAsync("chat", "next"))["payload"]!["data"]!["messageAdded"]!;

        Assert.NotSame(Factory.Services.GetRequiredService<EventBus>(), other.Services.GetRequiredService<EventBus>());
        Assert.Equal(viaGraph["message"]!["id"]!.GetValue<string>(), first["id"]!.GetValue<string>());
        Assert.Equal(viaHub.Id, second["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_go_to_every_subscriber_of_a_topic_and_stop_with_the_last()
    {
        var conversationId = ConversationId(await MatchIdAsync(Factory, DemoPeople.Margaret, DemoPeople.Sarah));
        await using var phone = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(DemoPeople.Sarah));
        await using var laptop = await GraphQLWebSocketClient.ConnectAndInitAsync(Factory.Server, await Factory.TokenAsync(DemoPeople.Sarah));
        await phone.SubscribeAsync("a", MessageAdded, new { id = conversationId });
        await phone.SubscribeAsync("b", MessageAdded, new { id = conversationId });
        await laptop.SubscribeAsync("a", MessageAdded, new { id = conversationId });
        var margaret = await SignInAsync(DemoPeople.Margaret);

        await SendAsync(margaret, conversationId, "g-1", "À tous");
        var received = new[] { await phone.ReceiveAsync(), await phone.ReceiveAsync(), await laptop.ReceiveAsync() };
        await phone.CloseAsync();
        await SendAsync(margaret, conversationId, "g-2", "Au portable");
        var last = await laptop.ReceiveAsync("a", "next");

        Assert.All(received, m => Assert.Equal("next", GraphQLWebSocketClient.Type(m)));
        Assert.Equal(["a", "a", "b"], received.Select(m => m["id"]!.GetValue<string>()).Order());
        Assert.Equal("Au portable", last["payload"]!["data"]!["messageAdded"]!["body"]!.GetValue<string>());
    }
}
