using System.Threading.Channels;
using JumoMentoring.Chat;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace JumoMentoring.Tests.Chat;

/// <summary>
/// The hub through real SignalR clients, on two API "servers" joined by the Redis backplane, against
/// the demo matches in PostgreSQL and the shared Redis (under a prefix of the test's own).
/// </summary>
public sealed class ChatHubTests(ApiFactory factory) : ApiTest(factory), IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private readonly string prefix = $"test:{Guid.NewGuid():N}:";
    private readonly List<IAsyncDisposable> disposables = [];

    async Task IAsyncLifetime.InitializeAsync() => await Factory.ResetAsync();

    async Task IAsyncLifetime.DisposeAsync()
    {
        foreach (var d in Enumerable.Reverse(disposables))
        {
            await d.DisposeAsync();
        }

        await using var redis = await ConnectionMultiplexer.ConnectAsync(ApiFactory.RedisConnectionString);
        var keys = new List<RedisKey>();
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: prefix + "*"))
        {
            keys.Add(key);
        }

        if (keys.Count > 0)
        {
            await redis.GetDatabase().KeyDeleteAsync([.. keys]);
        }
    }

    private async Task<ChatHubHost> ServerAsync(TimeSpan? grace = null, TimeSpan? heartbeat = null)
    {
        var host = await ChatHubHost.StartAsync(prefix, grace, heartbeat);
        disposables.Add(host);
        return host;
    }

    private async Task<HubConnection> ConnectAsync(ChatHubHost host, Guid member)
    {
        var connection = await host.ConnectAsync(member);
        disposables.Add(connection);
        return connection;
    }

    private async Task<(Guid Match, Guid Mentor, Guid Mentee)> MatchAsync(string mentorNumber, string menteeNumber)
    {
        await using var db = Factory.CreateDbContext();
        var mentor = await db.Members.SingleAsync(m => m.MemberNumber == mentorNumber);
        var mentee = await db.Members.SingleAsync(m => m.MemberNumber == menteeNumber);
        var match = await db.Matches.SingleAsync(m => m.MentorId == mentor.Id && m.MenteeId == mentee.Id);
        return (match.Id, mentor.Id, mentee.Id);
    }

    private static ChannelReader<T> Listen<T>(HubConnection connection, string method)
    {
        var channel = Channel.CreateUnbounded<T>();
        connection.On<T>(method, item => channel.Writer.TryWrite(item));
        return channel.Reader;
    }

    private static async Task<T> NextAsync<T>(ChannelReader<T> reader)
    {
        using var timeout = new CancellationTokenSource(Wait);
        return await reader.ReadAsync(timeout.Token);
    }

    private static async Task<string> HubErrorAsync(Func<Task> call) =>
        (await Assert.ThrowsAsync<HubException>(call)).Message;

    [Fact]
    public async Task A_message_reaches_every_device_of_both_members_across_servers()
    {
        var (match, mentor, mentee) = await MatchAsync("10003", "20002");
        var serverA = await ServerAsync();
        var serverB = await ServerAsync();
        var menteePhone = await ConnectAsync(serverA, mentee);
        var menteeLaptop = await ConnectAsync(serverB, mentee);
        var mentorPhone = await ConnectAsync(serverB, mentor);
        var atMentor = Listen<ChatMessage>(mentorPhone, "MessageReceived");
        var atLaptop = Listen<ChatMessage>(menteeLaptop, "MessageReceived");
        var atPhone = Listen<ChatMessage>(menteePhone, "MessageReceived");

        var sent = await menteePhone.InvokeAsync<ChatMessage>("SendMessage", match, "c-1", "Bonjour !");

        Assert.Equal((match, mentee, "Bonjour !", "c-1"), (sent.ConversationId, sent.SenderId, sent.Body, sent.ClientMessageId));
        Assert.Equal(sent, await NextAsync(atMentor));
        Assert.Equal(sent, await NextAsync(atLaptop));
        Assert.Equal(sent, await NextAsync(atPhone));

        // A retry answers the same message (and pushes it again: clients dedupe by id).
        var retry = await menteeLaptop.InvokeAsync<ChatMessage>("SendMessage", match, "c-1", "Bonjour !");
        Assert.Equal(sent, retry);
        Assert.Equal(sent.Id, (await NextAsync(atMentor)).Id);

        var page = await mentorPhone.InvokeAsync<MessagePage>("GetMessages", match, null, 10);
        Assert.Equal([sent], page.Items);
        var caughtUp = await mentorPhone.InvokeAsync<MessagePage>("CatchUp", match, "0-0", 10);
        Assert.Equal([sent], caughtUp.Items);
    }

    [Fact]
    public async Task A_member_deactivated_while_connected_loses_the_conversation_and_the_partner_keeps_it()
    {
        var (match, mentor, mentee) = await MatchAsync("10003", "20002");
        var server = await ServerAsync(grace: TimeSpan.FromMilliseconds(200), heartbeat: TimeSpan.FromMilliseconds(300));
        var mentorConnection = await ConnectAsync(server, mentor);
        var menteeConnection = await ConnectAsync(server, mentee);
        var atMentee = Listen<ChatMessage>(menteeConnection, "MessageReceived");
        var presenceAtMentor = Listen<PresenceNotice>(mentorConnection, "PresenceChanged");
        await menteeConnection.InvokeAsync<ChatMessage>("SendMessage", match, "d-1", "Avant");
        Assert.Equal("Avant", (await NextAsync(atMentee)).Body);

        await using (var db = Factory.CreateDbContext())
        {
            await db.Members.Where(m => m.Id == mentee).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, JumoMentoring.Domain.Members.MemberStatus.Deactivated));
        }

        await Task.Delay(TimeSpan.FromSeconds(2.2)); // the access cache
        Assert.Contains("MEMBER_DEACTIVATED", await HubErrorAsync(() => menteeConnection.InvokeAsync<ChatMessage>("SendMessage", match, "d-2", "Après")));
        Assert.Contains("MEMBER_DEACTIVATED", await HubErrorAsync(() => menteeConnection.InvokeAsync<MessagePage>("GetMessages", match, null, 10)));
        Assert.Empty(await menteeConnection.InvokeAsync<List<ConversationListItem>>("GetConversations"));

        // Nothing stored is lost: the partner still reads the conversation.
        Assert.Equal(["Avant"], (await mentorConnection.InvokeAsync<MessagePage>("GetMessages", match, null, 10)).Items.Select(m => m.Body));

        // At the next heartbeat the connection leaves the member's group: the partner sees them go
        // offline, and nothing more is pushed to them.
        PresenceNotice notice;
        do
        {
            notice = await NextAsync(presenceAtMentor);
        }
        while (notice.MemberId != mentee || notice.Status != "offline");

        await mentorConnection.InvokeAsync<ChatMessage>("SendMessage", match, "d-3", "Tu es là ?");
        await Task.Delay(TimeSpan.FromMilliseconds(500));
        Assert.False(atMentee.TryRead(out _));
    }

    [Fact]
    public async Task Refusals_come_as_hub_errors_with_their_codes()
    {
        var (match, mentor, _) = await MatchAsync("10003", "20002");
        var (_, outsider, _) = await MatchAsync("10004", "20004");
        var (requested, requestedMentor, _) = await MatchAsync("10006", "20009");
        var server = await ServerAsync();
        var mentorConnection = await ConnectAsync(server, mentor);
        var outsiderConnection = await ConnectAsync(server, outsider);
        var requestedConnection = await ConnectAsync(server, requestedMentor);

        Assert.Contains("NOT_A_PARTICIPANT", await HubErrorAsync(() => outsiderConnection.InvokeAsync<ChatMessage>("SendMessage", match, "x", "hi")));
        Assert.Contains("NOT_A_PARTICIPANT", await HubErrorAsync(() => outsiderConnection.InvokeAsync<MessagePage>("GetMessages", match, null, 10)));
        Assert.Contains("CONVERSATION_NOT_FOUND", await HubErrorAsync(() => requestedConnection.InvokeAsync<ChatMessage>("SendMessage", requested, "x", "hi")));
        Assert.Contains("MESSAGE_EMPTY", await HubErrorAsync(() => mentorConnection.InvokeAsync<ChatMessage>("SendMessage", match, "x", "   ")));
        Assert.Contains("MESSAGE_TOO_LONG", await HubErrorAsync(() => mentorConnection.InvokeAsync<ChatMessage>("SendMessage", match, "x", new string('a', 4001))));
        Assert.Contains("INVALID_MESSAGE_ID", await HubErrorAsync(() => mentorConnection.InvokeAsync<ReadState>("MarkRead", match, "nope")));

        for (var i = 0; i < 20; i++)
        {
            await mentorConnection.InvokeAsync<ChatMessage>("SendMessage", match, $"r{i}", $"message {i}");
        }

        var limited = await HubErrorAsync(() => mentorConnection.InvokeAsync<ChatMessage>("SendMessage", match, "r20", "one too many"));
        Assert.Matches(@"RATE_LIMITED: retryAfterMs=\d+", limited);

        // A match that ends: read-only for both (within the access cache's 2 s).
        await using (var db = Factory.CreateDbContext())
        {
            await db.Matches.Where(m => m.Id == match).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, JumoMentoring.Domain.Matches.MatchStatus.Ended));
        }

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.Contains("CONVERSATION_READ_ONLY", await HubErrorAsync(() => mentorConnection.InvokeAsync<ChatMessage>("SendMessage", match, "late", "trop tard")));
        Assert.Equal(20, (await mentorConnection.InvokeAsync<MessagePage>("GetMessages", match, null, 50)).Items.Count);
    }

    [Fact]
    public async Task A_connection_without_a_member_is_refused()
    {
        var server = await ServerAsync();

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => server.ConnectAsync(null));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
    }

    [Fact]
    public async Task Read_receipts_typing_and_the_conversation_list()
    {
        var (match, mentor, mentee) = await MatchAsync("10012", "30003");
        var serverA = await ServerAsync();
        var serverB = await ServerAsync();
        var mentorConnection = await ConnectAsync(serverA, mentor);
        var menteeConnection = await ConnectAsync(serverB, mentee);
        var receipts = Listen<ReadReceipt>(mentorConnection, "ReadReceipt");
        var typing = Listen<TypingNotice>(menteeConnection, "Typing");

        await mentorConnection.InvokeAsync("Typing", match, true);
        Assert.Equal(new TypingNotice(match, mentor, true), await NextAsync(typing));

        var first = await mentorConnection.InvokeAsync<ChatMessage>("SendMessage", match, "m1", "Premier");
        var second = await mentorConnection.InvokeAsync<ChatMessage>("SendMessage", match, "m2", "Second");

        var list = await menteeConnection.InvokeAsync<List<ConversationListItem>>("GetConversations");
        var item = Assert.Single(list);
        Assert.Equal((match, mentor, "active", true, 2L, second), (item.ConversationId, item.OtherMemberId, item.Status, item.CanWrite, item.UnreadCount, item.LastMessage));
        Assert.Equal("online", item.OtherMemberPresence.Status);

        var read = await menteeConnection.InvokeAsync<ReadState>("MarkRead", match, first.Id);
        Assert.Equal(1, read.UnreadCount);
        Assert.Equal(new ReadReceipt(match, mentee, first.Id, null), await NextAsync(receipts));
        Assert.Equal(1, (await menteeConnection.InvokeAsync<List<ConversationListItem>>("GetConversations"))[0].UnreadCount);
    }

    [Fact]
    public async Task Contacts_see_a_member_come_online_go_away_and_go_offline_after_the_grace_period()
    {
        var (_, mentor, mentee) = await MatchAsync("20001", "30001");
        var serverA = await ServerAsync(grace: TimeSpan.FromSeconds(1));
        var serverB = await ServerAsync(grace: TimeSpan.FromSeconds(1));
        var menteeConnection = await ConnectAsync(serverA, mentee);
        var presence = Listen<PresenceNotice>(menteeConnection, "PresenceChanged");

        var mentorConnection = await serverB.ConnectAsync(mentor);
        Assert.Equal("online", (await NextAsync(presence)).Status);

        await mentorConnection.InvokeAsync("SetAway", true);
        Assert.Equal("away", (await NextAsync(presence)).Status);
        var seen = await menteeConnection.InvokeAsync<List<PresenceNotice>>("GetPresence", new[] { mentor, Guid.NewGuid() });
        Assert.Equal("away", seen[0].Status);
        Assert.Equal("offline", seen[1].Status);

        await mentorConnection.DisposeAsync();
        var offline = await NextAsync(presence);
        Assert.Equal((mentor, "offline"), (offline.MemberId, offline.Status));
        Assert.NotNull(offline.LastSeenAt);
    }
}
