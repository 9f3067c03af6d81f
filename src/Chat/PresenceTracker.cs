using System.Globalization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JumoMentoring.Chat;

public enum PresenceStatus
{
    Offline,
    Online,
    Away,
}

/// <summary>A member's presence over all their devices and servers; <see cref="LastSeenAt"/> is null for a member never seen.</summary>
public sealed record MemberPresence(Guid MemberId, PresenceStatus Status, DateTimeOffset? LastSeenAt);

/// <summary>A member's presence before and after one change, so the caller can tell others when it changed.</summary>
public sealed record PresenceChange(MemberPresence Before, MemberPresence After)
{
    public bool Changed => Before.Status != After.Status;
}

/// <summary>
/// Online / away / offline per member, across all their connections on every server: each connection
/// heartbeats into one Redis hash per member. A member is online while a connection that is not away
/// has heartbeated within <see cref="ChatOptions.PresenceConnectionTimeout"/>, away while all their live
/// connections are away (the client says so when its tab is hidden or idle), and keeps that status for
/// <see cref="ChatOptions.PresenceGracePeriod"/> after the last connection went, then is offline.
/// Time comes from <see cref="TimeProvider"/>, never from Redis key expiry, so tests control it.
/// </summary>
public sealed class PresenceTracker(IConnectionMultiplexer redis, IOptions<ChatOptions> options, TimeProvider time)
{
    private readonly ChatOptions settings = options.Value;
    private readonly ChatKeys keys = new(options.Value.KeyPrefix);

    /// <summary>A new connection of the member: they are online.</summary>
    public Task<PresenceChange> ConnectAsync(Guid memberId, string connectionId) => RunAsync(memberId, "connect", connectionId);

    /// <summary>The connection is still there (every <see cref="ChatOptions.PresenceHeartbeatInterval"/>).</summary>
    public Task<PresenceChange> HeartbeatAsync(Guid memberId, string connectionId) => RunAsync(memberId, "heartbeat", connectionId);

    /// <summary>The client says the member is away on this connection (or back, with <paramref name="away"/> false).</summary>
    public Task<PresenceChange> SetAwayAsync(Guid memberId, string connectionId, bool away = true) =>
        RunAsync(memberId, "away", connectionId, away);

    /// <summary>
    /// The connection closed. When it was the member's last, the grace period starts: they keep their
    /// status until it is over (a page reload shows nothing), then show as offline.
    /// </summary>
    public Task<PresenceChange> DisconnectAsync(Guid memberId, string connectionId) => RunAsync(memberId, "disconnect", connectionId);

    /// <summary>The presence of each member (offline with no last-seen time for members never seen).</summary>
    public async Task<IReadOnlyDictionary<Guid, MemberPresence>> GetPresenceAsync(IEnumerable<Guid> memberIds)
    {
        var ids = memberIds.Distinct().ToList();
        var results = await Task.WhenAll(ids.Select(id => RunAsync(id, "get", string.Empty)));
        return results.ToDictionary(r => r.After.MemberId, r => r.After);
    }

    public async Task<MemberPresence> GetPresenceAsync(Guid memberId) => (await RunAsync(memberId, "get", string.Empty)).After;

    private async Task<PresenceChange> RunAsync(Guid memberId, string op, string connectionId, bool away = false)
    {
        if (op != "get" && string.IsNullOrEmpty(connectionId))
        {
            throw new ArgumentException("A connection id is required.", nameof(connectionId));
        }

        var result = await redis.GetDatabase().ScriptEvaluateAsync(
            LuaScripts.Presence,
            [keys.Presence(memberId)],
            [
                op,
                connectionId,
                time.GetUtcNow().ToUnixTimeMilliseconds(),
                (long)settings.PresenceConnectionTimeout.TotalMilliseconds,
                (long)settings.PresenceGracePeriod.TotalMilliseconds,
                (long)settings.PresenceRetention.TotalMilliseconds,
                away ? "1" : "0",
            ]);
        var reply = (RedisResult[])result!;
        var seenMs = long.Parse((string)reply[2]!, CultureInfo.InvariantCulture);
        DateTimeOffset? seen = seenMs > 0 ? DateTimeOffset.FromUnixTimeMilliseconds(seenMs) : null;
        return new PresenceChange(
            new MemberPresence(memberId, ParseStatus((string?)reply[0]), seen),
            new MemberPresence(memberId, ParseStatus((string?)reply[1]), seen));
    }

    private static PresenceStatus ParseStatus(string? value) => value switch
    {
        "online" => PresenceStatus.Online,
        "away" => PresenceStatus.Away,
        _ => PresenceStatus.Offline,
    };
}
