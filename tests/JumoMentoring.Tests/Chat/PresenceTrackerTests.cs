using JumoMentoring.Chat;

namespace JumoMentoring.Tests.Chat;

/// <summary>Presence against the real Redis; time from a manual clock (and once from the real one).</summary>
public sealed class PresenceTrackerTests : IAsyncLifetime
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(45);

    private ChatRedis redis = null!;

    private readonly Guid alice = Guid.NewGuid();

    public async Task InitializeAsync() => redis = await ChatRedis.ConnectAsync();

    public async Task DisposeAsync() => await redis.DisposeAsync();

    [Fact]
    public async Task A_member_never_seen_is_offline_without_a_last_seen_time()
    {
        var presence = await redis.Presence().GetPresenceAsync(alice);

        Assert.Equal(new MemberPresence(alice, PresenceStatus.Offline, null), presence);
    }

    [Fact]
    public async Task Connecting_makes_a_member_online_and_a_disconnect_waits_for_the_grace_period()
    {
        var tracker = redis.Presence();

        var connected = await tracker.ConnectAsync(alice, "c1");
        Assert.True(connected.Changed);
        Assert.Equal(PresenceStatus.Offline, connected.Before.Status);
        Assert.Equal(PresenceStatus.Online, connected.After.Status);

        redis.Time.Advance(TimeSpan.FromSeconds(10));
        var left = await tracker.DisconnectAsync(alice, "c1");
        var disconnectedAt = redis.Time.GetUtcNow();
        Assert.False(left.Changed);
        Assert.Equal(PresenceStatus.Online, left.After.Status);

        redis.Time.Advance(Grace - TimeSpan.FromSeconds(1));
        Assert.Equal(PresenceStatus.Online, (await tracker.GetPresenceAsync(alice)).Status);

        redis.Time.Advance(TimeSpan.FromSeconds(1));
        var gone = await tracker.GetPresenceAsync(alice);
        Assert.Equal(PresenceStatus.Offline, gone.Status);
        Assert.Equal(disconnectedAt.ToUnixTimeMilliseconds(), gone.LastSeenAt!.Value.ToUnixTimeMilliseconds());
    }

    [Fact]
    public async Task A_page_reload_never_shows_offline()
    {
        var tracker = redis.Presence();
        await tracker.ConnectAsync(alice, "tab-before-reload");

        var left = await tracker.DisconnectAsync(alice, "tab-before-reload");
        redis.Time.Advance(TimeSpan.FromSeconds(2));
        var back = await tracker.ConnectAsync(alice, "tab-after-reload");

        Assert.False(left.Changed);
        Assert.False(back.Changed);
        Assert.Equal(PresenceStatus.Online, back.After.Status);

        // Long after the old tab's grace period, the new tab still holds the member online.
        for (var i = 0; i < 8; i++)
        {
            redis.Time.Advance(TimeSpan.FromSeconds(15));
            await tracker.HeartbeatAsync(alice, "tab-after-reload");
        }

        Assert.Equal(PresenceStatus.Online, (await tracker.GetPresenceAsync(alice)).Status);
    }

    [Fact]
    public async Task A_member_is_online_while_any_device_is_and_away_when_every_device_is()
    {
        var phone = redis.Presence();
        var laptop = redis.Presence(await redis.ConnectAgainAsync());
        await phone.ConnectAsync(alice, "phone");
        await laptop.ConnectAsync(alice, "laptop");

        var phoneAway = await phone.SetAwayAsync(alice, "phone");
        Assert.False(phoneAway.Changed);
        Assert.Equal(PresenceStatus.Online, phoneAway.After.Status);

        var laptopAway = await laptop.SetAwayAsync(alice, "laptop");
        Assert.True(laptopAway.Changed);
        Assert.Equal(PresenceStatus.Away, laptopAway.After.Status);

        // Heartbeats keep a connection away.
        redis.Time.Advance(TimeSpan.FromSeconds(15));
        await phone.HeartbeatAsync(alice, "phone");
        await laptop.HeartbeatAsync(alice, "laptop");
        Assert.Equal(PresenceStatus.Away, (await phone.GetPresenceAsync(alice)).Status);

        var phoneBack = await phone.SetAwayAsync(alice, "phone", away: false);
        Assert.True(phoneBack.Changed);
        Assert.Equal(PresenceStatus.Online, phoneBack.After.Status);

        // The phone leaves: away again (the laptop is away), and stays so past the grace period.
        var phoneGone = await phone.DisconnectAsync(alice, "phone");
        Assert.Equal(PresenceStatus.Away, phoneGone.After.Status);
        redis.Time.Advance(Grace + TimeSpan.FromSeconds(1));
        await laptop.HeartbeatAsync(alice, "laptop");
        Assert.Equal(PresenceStatus.Away, (await laptop.GetPresenceAsync(alice)).Status);

        // The last device leaves while away: away during the grace period, then offline.
        await laptop.DisconnectAsync(alice, "laptop");
        redis.Time.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(PresenceStatus.Away, (await laptop.GetPresenceAsync(alice)).Status);
        redis.Time.Advance(Grace);
        Assert.Equal(PresenceStatus.Offline, (await laptop.GetPresenceAsync(alice)).Status);
    }

    [Fact]
    public async Task One_device_leaving_keeps_the_member_online_through_the_other()
    {
        var tracker = redis.Presence();
        await tracker.ConnectAsync(alice, "phone");
        await tracker.ConnectAsync(alice, "laptop");

        await tracker.DisconnectAsync(alice, "phone");
        redis.Time.Advance(Grace + TimeSpan.FromSeconds(5));
        await tracker.HeartbeatAsync(alice, "laptop");

        Assert.Equal(PresenceStatus.Online, (await tracker.GetPresenceAsync(alice)).Status);
    }

    [Fact]
    public async Task A_connection_whose_server_died_times_out_without_a_disconnect()
    {
        var tracker = redis.Presence();
        await tracker.ConnectAsync(alice, "on-a-server-that-crashes");
        var lastHeartbeat = redis.Time.GetUtcNow();

        redis.Time.Advance(Timeout);
        Assert.Equal(PresenceStatus.Online, (await tracker.GetPresenceAsync(alice)).Status);

        redis.Time.Advance(TimeSpan.FromSeconds(1));
        var presence = await tracker.GetPresenceAsync(alice);
        Assert.Equal(PresenceStatus.Offline, presence.Status);
        Assert.Equal(lastHeartbeat.ToUnixTimeMilliseconds(), presence.LastSeenAt!.Value.ToUnixTimeMilliseconds());

        // The next write prunes the dead connection; a late disconnect of it changes nothing.
        var other = await tracker.ConnectAsync(alice, "new");
        Assert.True(other.Changed);
        Assert.False(await redis.Db.HashExistsAsync(redis.Store().Keys.Presence(alice), "c:on-a-server-that-crashes"));
        var late = await tracker.DisconnectAsync(alice, "on-a-server-that-crashes");
        Assert.Equal(PresenceStatus.Online, late.After.Status);
    }

    [Fact]
    public async Task Presence_of_several_members_in_one_call()
    {
        var tracker = redis.Presence();
        var bob = Guid.NewGuid();
        var carol = Guid.NewGuid();
        await tracker.ConnectAsync(alice, "a");
        await tracker.ConnectAsync(bob, "b");
        await tracker.SetAwayAsync(bob, "b");

        var all = await tracker.GetPresenceAsync([alice, bob, carol, alice]);

        Assert.Equal(3, all.Count);
        Assert.Equal(PresenceStatus.Online, all[alice].Status);
        Assert.Equal(PresenceStatus.Away, all[bob].Status);
        Assert.Equal(PresenceStatus.Offline, all[carol].Status);
        Assert.Null(all[carol].LastSeenAt);
    }

    [Fact]
    public async Task The_presence_record_expires_after_the_retention_period()
    {
        var tracker = redis.Presence();
        await tracker.ConnectAsync(alice, "c1");

        var ttl = await redis.Db.KeyTimeToLiveAsync(redis.Store().Keys.Presence(alice));

        Assert.InRange(ttl!.Value, TimeSpan.FromDays(29.9), TimeSpan.FromDays(30));
    }

    [Fact]
    public async Task With_the_real_clock_and_a_short_grace_a_member_goes_offline()
    {
        redis.Options.PresenceGracePeriod = TimeSpan.FromSeconds(2);
        var tracker = redis.Presence(time: TimeProvider.System);
        await tracker.ConnectAsync(alice, "c1");

        await tracker.DisconnectAsync(alice, "c1");
        Assert.Equal(PresenceStatus.Online, (await tracker.GetPresenceAsync(alice)).Status);

        await Task.Delay(TimeSpan.FromSeconds(2.2));
        Assert.Equal(PresenceStatus.Offline, (await tracker.GetPresenceAsync(alice)).Status);
    }
}
