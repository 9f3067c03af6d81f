using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace JumoMentoring.Chat;

/// <summary>
/// Heartbeats the presence of every chat connection of this server (so a server that dies stops
/// holding its members online), and tells contacts when a member went offline at the end of the grace
/// period. Connections that die without closing are dropped by SignalR's own keep-alive timeout.
/// </summary>
public sealed partial class ChatPresenceService(
    ChatConnections connections,
    PresenceTracker presence,
    ConversationAccess access,
    IHubContext<ChatHub> hub,
    IOptions<ChatOptions> options,
    TimeProvider time,
    ILogger<ChatPresenceService> logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    internal static async Task NotifyContactsAsync(IHubClients<IClientProxy> clients, ConversationAccess access, MemberPresence presence)
    {
        var contacts = (await access.ListAsync(presence.MemberId, evenIfDeactivated: true)).Select(m => ChatHub.MemberGroup(m.OtherMemberId)).Distinct().ToList();
        if (contacts.Count > 0)
        {
            await clients.Groups(contacts).SendAsync("PresenceChanged", PresenceNotice.From(presence));
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Tick, time);
        var nextHeartbeat = time.GetUtcNow() + options.Value.PresenceHeartbeatInterval;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                var now = time.GetUtcNow();
                if (now >= nextHeartbeat)
                {
                    nextHeartbeat = now + options.Value.PresenceHeartbeatInterval;
                    var open = connections.Snapshot();
                    await DisconnectDeactivatedAsync(open);
                    await Task.WhenAll(connections.Snapshot().Select(c => presence.HeartbeatAsync(c.MemberId, c.ConnectionId)));
                }

                foreach (var member in connections.TakeDueOfflineChecks(now))
                {
                    var current = await presence.GetPresenceAsync(member);
                    if (current.Status == PresenceStatus.Offline)
                    {
                        await NotifyContactsAsync(hub.Clients, access, current);
                    }
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogTickFailed(logger, e);
            }
        }
    }

    /// <summary>
    /// A member deactivated (member sync) while connected: their connections leave the member's group,
    /// so nothing more is pushed to them, and stop counting for presence. Their calls are already
    /// refused (MEMBER_DEACTIVATED); the connection itself closes with its client or its token.
    /// </summary>
    private async Task DisconnectDeactivatedAsync(IReadOnlyList<(string ConnectionId, Guid MemberId)> open)
    {
        var deactivated = await access.DeactivatedAsync([.. open.Select(c => c.MemberId).Distinct()]);
        foreach (var (connectionId, memberId) in open.Where(c => deactivated.Contains(c.MemberId)))
        {
            await hub.Groups.RemoveFromGroupAsync(connectionId, ChatHub.MemberGroup(memberId));
            connections.Remove(connectionId);
            var change = await presence.DisconnectAsync(memberId, connectionId);
            if (change.Changed)
            {
                await NotifyContactsAsync(hub.Clients, access, change.After);
            }

            // As for a closed connection: offline once the grace period is over.
            connections.CheckOfflineAt(memberId, time.GetUtcNow() + options.Value.PresenceGracePeriod + TimeSpan.FromMilliseconds(100));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Chat presence tick failed; retrying at the next one.")]
    private static partial void LogTickFailed(ILogger logger, Exception exception);
}
