using System.Collections.Concurrent;

namespace JumoMentoring.Chat;

/// <summary>
/// The chat connections open on this server, which <see cref="ChatPresenceService"/> heartbeats, and
/// the members whose grace period must be checked for "offline".
/// </summary>
public sealed class ChatConnections
{
    private readonly ConcurrentDictionary<string, Guid> connections = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Guid, DateTimeOffset> offlineChecks = new();

    public void Add(string connectionId, Guid memberId) => connections[connectionId] = memberId;

    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);

    public IReadOnlyList<(string ConnectionId, Guid MemberId)> Snapshot() =>
        [.. connections.Select(c => (c.Key, c.Value))];

    /// <summary>Check whether the member went offline at <paramref name="due"/> (the end of the grace period).</summary>
    public void CheckOfflineAt(Guid memberId, DateTimeOffset due) =>
        offlineChecks.AddOrUpdate(memberId, due, (_, current) => due > current ? due : current);

    /// <summary>The members whose check is due; they are removed from the list.</summary>
    public IReadOnlyList<Guid> TakeDueOfflineChecks(DateTimeOffset now)
    {
        var due = new List<Guid>();
        foreach (var (member, at) in offlineChecks)
        {
            if (at <= now && offlineChecks.TryRemove(new KeyValuePair<Guid, DateTimeOffset>(member, at)))
            {
                due.Add(member);
            }
        }

        return due;
    }
}
