using JumoMentoring.Chat;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Tests.Infrastructure;
using StackExchange.Redis;

namespace JumoMentoring.Tests.Chat;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public ManualTimeProvider()
        : this(DateTimeOffset.UtcNow)
    {
    }

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}

/// <summary>
/// The shared real Redis for one test, under a key prefix of its own ("test:{guid}:") whose keys are
/// deleted when the test ends, so tests of several checkouts can run at once on one server.
/// </summary>
public sealed class ChatRedis : IAsyncDisposable
{
    private readonly List<ConnectionMultiplexer> connections = [];

    private ChatRedis(ConnectionMultiplexer connection, string prefix)
    {
        Connection = connection;
        Prefix = prefix;
        connections.Add(connection);
    }

    public ConnectionMultiplexer Connection { get; }

    public string Prefix { get; }

    public ManualTimeProvider Time { get; } = new();

    public ChatOptions Options { get; } = new();

    public static async Task<ChatRedis> ConnectAsync(string? connectionString = null)
    {
        var prefix = $"test:{Guid.NewGuid():N}:";
        var redis = new ChatRedis(await ConnectionMultiplexer.ConnectAsync(connectionString ?? ApiFactory.RedisConnectionString), prefix);
        redis.Options.KeyPrefix = prefix;
        return redis;
    }

    /// <summary>Another connection to the same server: another "server" of the API, or another device.</summary>
    public async Task<ConnectionMultiplexer> ConnectAgainAsync()
    {
        var connection = await ConnectionMultiplexer.ConnectAsync(Connection.Configuration);
        connections.Add(connection);
        return connection;
    }

    public ChatStore Store(IConnectionMultiplexer? connection = null, TimeProvider? time = null) =>
        new(connection ?? Connection, Microsoft.Extensions.Options.Options.Create(Options), time ?? Time);

    public PresenceTracker Presence(IConnectionMultiplexer? connection = null, TimeProvider? time = null) =>
        new(connection ?? Connection, Microsoft.Extensions.Options.Options.Create(Options), time ?? Time);

    public IDatabase Db => Connection.GetDatabase();

    /// <summary>Every key under this test's prefix.</summary>
    public async Task<List<string>> KeysAsync()
    {
        var server = Connection.GetServers()[0];
        var found = new List<string>();
        await foreach (var key in server.KeysAsync(pattern: Prefix + "*", pageSize: 500))
        {
            found.Add(key!);
        }

        return found;
    }

    public async ValueTask DisposeAsync()
    {
        var keys = await KeysAsync();
        if (keys.Count > 0)
        {
            await Db.KeyDeleteAsync([.. keys.Select(k => (RedisKey)k)]);
        }

        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }
    }

    public static ConversationMembership Membership(Guid conversationId, Guid memberId, Guid otherId, MatchStatus status = MatchStatus.Active) =>
        new(conversationId, memberId, otherId, status);
}

/// <summary>A conversation between two random members, seen from each side.</summary>
public sealed record TestConversation(Guid Id, Guid MentorId, Guid MenteeId)
{
    public static TestConversation Create() => new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());

    public ConversationMembership Mentor(MatchStatus status = MatchStatus.Active) => new(Id, MentorId, MenteeId, status);

    public ConversationMembership Mentee(MatchStatus status = MatchStatus.Active) => new(Id, MenteeId, MentorId, status);
}
