using JumoMentoring.Chat;
using JumoMentoring.Tests.Infrastructure;
using StackExchange.Redis;

namespace JumoMentoring.Tests.Chat;

/// <summary>
/// A message is acknowledged only once Redis has written it to its append-only file with an fsync:
/// acknowledged messages survive a crash of Redis.
/// </summary>
public sealed class DurabilityTests
{
    [Fact]
    public async Task The_shared_redis_writes_an_append_only_file_with_the_configured_fsync_policy()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(ApiFactory.RedisConnectionString + ",allowAdmin=true");
        var server = redis.GetServers()[0];

        var config = (await server.ConfigGetAsync("append*")).ToDictionary(p => p.Key, p => p.Value);

        var expected = Environment.GetEnvironmentVariable("JUMO_REDIS_APPENDFSYNC") is { Length: > 0 } policy ? policy : "always";
        Assert.Equal("yes", config["appendonly"]);
        Assert.Equal(expected, config["appendfsync"]);
    }

    [RedisServerTheory]
    [InlineData("crash")]
    [InlineData("shutdown-nosave")]
    public async Task Acknowledged_messages_survive_a_restart_of_redis(string stop)
    {
        await using var server = await ThrowawayRedis.StartAsync("always");
        var options = new ChatOptions { KeyPrefix = "durability:", RateLimitCount = 1000 };
        var c = TestConversation.Create();
        var sent = new List<ChatMessage>();
        string markedRead;

        await using (var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString))
        {
            var store = new ChatStore(connection, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
            for (var i = 0; i < 50; i++)
            {
                var from = i % 3 == 0 ? c.Mentor() : c.Mentee();
                sent.Add((await store.SendAsync(from, $"d{i}", $"message durable {i}")).Message);
            }

            markedRead = sent[^5].Id;
            await store.MarkReadAsync(c.Mentor(), markedRead);
            if (stop == "crash")
            {
                await server.CrashAsync();
            }
            else
            {
                await server.ShutdownNoSaveAsync();
            }
        }

        Assert.Empty(Directory.GetFiles(server.Directory, "*.rdb"));
        await server.StartAgainAsync();

        await using (var connection = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString))
        {
            var store = new ChatStore(connection, Microsoft.Extensions.Options.Options.Create(options), TimeProvider.System);
            var all = await store.CatchUpAsync(c.Mentee(), null, 100);
            Assert.Equal(sent, all.Items);

            // Idempotency, counters and read markers came back too.
            var retry = await store.SendAsync(c.Mentee(), "d1", "message durable 1");
            Assert.False(retry.Created);
            Assert.Equal(sent[1], retry.Message);
            var read = await store.GetReadStateAsync(c.Mentor());
            Assert.Equal(markedRead, read.LastReadMessageId);
            Assert.Equal(sent.Skip(46).Count(m => m.SenderId == c.MenteeId), read.UnreadCount);
            Assert.Equal(sent.Count(m => m.SenderId == c.MentorId), (await store.GetReadStateAsync(c.Mentee())).UnreadCount);
            Assert.Equal(50, await connection.GetDatabase().StreamLengthAsync(store.Keys.Messages(c.Id)));
        }
    }
}

/// <summary>A theory that needs redis-server installed to start servers of its own: skipped without it.</summary>
public sealed class RedisServerTheoryAttribute : TheoryAttribute
{
    public RedisServerTheoryAttribute()
    {
        if (!ThrowawayRedis.Available)
        {
            Skip = $"{ThrowawayRedis.Binary} is not installed.";
        }
    }
}
