using System.Text.Json;
using System.Text.Json.Nodes;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Webhooks;
using JumoMentoring.Domain.Webhooks;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Webhooks;

/// <summary>Deliveries to a real HTTP receiver on a loopback port: signature, retries, restarts, several dispatchers.</summary>
public sealed class WebhookDeliveryTests(ApiFactory factory) : WebhookTest(factory)
{
    private static void AssertSigned(WebhookReceiver.Received request, string secret = Secret)
    {
        Assert.StartsWith("sha256=", request.Signature, StringComparison.Ordinal);
        Assert.True(WebhookSignature.Verify(secret, request.Timestamp, request.Body, request.Signature), "The signature does not verify.");

        // Recomputed here from the definition, not with the API's own helper.
        using var hmac = new System.Security.Cryptography.HMACSHA256(System.Text.Encoding.UTF8.GetBytes(secret));
        var expected = "sha256=" + Convert.ToHexStringLower(hmac.ComputeHash([.. System.Text.Encoding.UTF8.GetBytes(request.Timestamp + "."), .. request.Body]));
        Assert.Equal(expected, request.Signature);
    }

    [Fact]
    public async Task A_delivery_is_a_signed_json_post_with_the_event()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var webhookId = await RegisterAsync(receiver.Url, ["member.enrolled"]);
        await EnrolCamilleInJumoAsync();
        var dispatcher = WebhookHosts.Dispatcher(Factory);

        await dispatcher.FanOutAsync(default);
        Assert.Equal(1, await dispatcher.DeliverDueAsync(default));

        var request = Assert.Single(receiver.Requests);
        AssertSigned(request);
        Assert.Equal("member.enrolled", request.EventType);
        Assert.Equal("application/json; charset=utf-8", request.ContentType);
        Assert.InRange(long.Parse(request.Timestamp, System.Globalization.CultureInfo.InvariantCulture), DateTimeOffset.UtcNow.AddMinutes(-1).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var body = JsonNode.Parse(request.Body)!;
        Assert.Equal(["id", "type", "occurredAt", "data"], body.AsObject().Select(p => p.Key));
        Assert.Equal("member.enrolled", body["type"]!.GetValue<string>());
        Assert.Equal("20005", body["data"]!["member"]!["memberNumber"]!.GetValue<string>());
        Assert.Equal("MENTEE", body["data"]!["enrolment"]!["role"]!.GetValue<string>());
        Assert.True(GlobalId.TryDecode(body["data"]!["member"]!["id"]!.GetValue<string>(), out var type, out _) && type == "Member");

        var log = Assert.Single(await DeliveriesAsync(webhookId))!;
        Assert.Equal((request.DeliveryId, body["id"]!.GetValue<string>()), (log["deliveryId"]!.GetValue<string>(), log["eventId"]!.GetValue<string>()));
        Assert.Equal(("DELIVERED", 1, 200), (log["status"]!.GetValue<string>(), log["attemptCount"]!.GetValue<int>(), log["lastStatusCode"]!.GetValue<int>()));
        Assert.NotNull(log["deliveredAt"]);
        Assert.Null(log["nextAttemptAt"]);
        Assert.Null(log["lastError"]);
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
    }

    [Fact]
    public async Task A_failed_attempt_is_logged_and_retried_later_with_exponential_backoff()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 503;
        var webhookId = await RegisterAsync(receiver.Url, ["*"]);
        await EnrolCamilleInJumoAsync();
        var dispatcher = WebhookHosts.Dispatcher(Factory, new WebhookOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), RetryFactor = 3, MaxAttempts = 3 });
        await dispatcher.FanOutAsync(default);

        async Task<(JsonNode Log, TimeSpan Wait)> AttemptAsync()
        {
            Assert.Equal(1, await dispatcher.DeliverDueAsync(default));
            Assert.Equal(0, await dispatcher.DeliverDueAsync(default)); // not due again yet
            var log = Assert.Single(await DeliveriesAsync(webhookId))!;
            var wait = log["nextAttemptAt"] is { } next ? next.GetValue<DateTimeOffset>() - log["lastAttemptAt"]!.GetValue<DateTimeOffset>() : TimeSpan.Zero;

            // Make it due now rather than wait.
            await using var db = Factory.CreateDbContext();
            await db.WebhookDeliveries.Where(d => d.Status == WebhookDeliveryStatus.Pending).ExecuteUpdateAsync(s => s.SetProperty(d => d.NextAttemptAt, DateTimeOffset.UtcNow));
            return (log, wait);
        }

        var (first, firstWait) = await AttemptAsync();
        var (second, secondWait) = await AttemptAsync();
        var (third, _) = await AttemptAsync();

        Assert.Equal(("PENDING", 1, 503), (first["status"]!.GetValue<string>(), first["attemptCount"]!.GetValue<int>(), first["lastStatusCode"]!.GetValue<int>()));
        Assert.StartsWith("HTTP 503 Service Unavailable: boom", first["lastError"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.InRange(firstWait, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(11)); // the delay, plus the attempt's own time
        Assert.Equal(("PENDING", 2), (second["status"]!.GetValue<string>(), second["attemptCount"]!.GetValue<int>()));
        Assert.InRange(secondWait, TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(31));
        Assert.Equal(("FAILED", 3, 503), (third["status"]!.GetValue<string>(), third["attemptCount"]!.GetValue<int>(), third["lastStatusCode"]!.GetValue<int>()));
        Assert.Null(third["nextAttemptAt"]);
        Assert.Null(third["deliveredAt"]);
        Assert.Equal(3, receiver.Requests.Count);
        Assert.Single(receiver.Requests.Select(r => r.DeliveryId).Distinct());
        Assert.All(receiver.Requests, r => AssertSigned(r));
        Assert.Equal(0, await dispatcher.DeliverDueAsync(default));
    }

    [Fact]
    public async Task An_endpoint_that_does_not_answer_is_logged_without_a_status_code()
    {
        var receiver = await WebhookReceiver.StartAsync();
        var url = receiver.Url;
        await receiver.DisposeAsync(); // nothing listens there any more
        var webhookId = await RegisterAsync(url, ["member.enrolled"]);
        await EnrolCamilleInJumoAsync();
        var dispatcher = WebhookHosts.Dispatcher(Factory);

        await dispatcher.FanOutAsync(default);
        await dispatcher.DeliverDueAsync(default);

        var log = Assert.Single(await DeliveriesAsync(webhookId))!;
        Assert.Equal(("PENDING", 1), (log["status"]!.GetValue<string>(), log["attemptCount"]!.GetValue<int>()));
        Assert.Null(log["lastStatusCode"]);
        Assert.Contains("refused", log["lastError"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Several_dispatchers_at_once_never_send_a_delivery_twice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMilliseconds(20);
        await RegisterAsync(receiver.Url, ["match.*"]);
        await using (var db = Factory.CreateDbContext())
        {
            for (var i = 0; i < 60; i++)
            {
                Outbox.Add(db, WebhookEventTypes.MatchRequested, new { n = i });
            }

            await db.SaveChangesAsync();
        }

        var options = new WebhookOptions { BatchSize = 7, MaxConcurrency = 3 };
        var dispatchers = Enumerable.Range(0, 4).Select(_ => WebhookHosts.Dispatcher(Factory, options)).ToList();
        await Task.WhenAll(dispatchers.Select(async d =>
        {
            await d.FanOutAsync(default);
            while (await d.DeliverDueAsync(default) > 0)
            {
            }
        }));

        Assert.Equal(60, receiver.Requests.Count);
        Assert.Equal(60, receiver.Requests.Select(r => r.DeliveryId).Distinct().Count());
        Assert.Equal(Enumerable.Range(0, 60), receiver.Requests.Select(r => JsonNode.Parse(r.Body)!["data"]!["n"]!.GetValue<int>()).Order());
        await using var check = Factory.CreateDbContext();
        Assert.Equal(60, await check.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Delivered && d.AttemptCount == 1));
    }

    [Fact]
    public async Task No_event_is_lost_across_a_restart_the_next_instance_delivers_it_exactly_once()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.StatusCode = 500;
        var webhookId = await RegisterAsync(receiver.Url, ["member.enrolled"]);
        await EnrolCamilleInJumoAsync();

        // The first API instance tries and fails (the partner answers 500), then stops.
        var first = WebhookHosts.StartApi(Factory, retryBase: TimeSpan.FromMilliseconds(100));
        await receiver.WaitForAsync(r => r.Count >= 2, what: "two failed attempts");
        await first.DisposeAsync();
        var failed = receiver.Requests.Count;
        var pending = Assert.Single(await DeliveriesAsync(webhookId))!;
        Assert.Equal(("PENDING", 500), (pending["status"]!.GetValue<string>(), pending["lastStatusCode"]!.GetValue<int>()));
        Assert.True(pending["attemptCount"]!.GetValue<int>() >= 2);
        Assert.True(pending["nextAttemptAt"]!.GetValue<DateTimeOffset>() > pending["lastAttemptAt"]!.GetValue<DateTimeOffset>());

        // The partner is back; a new instance (nothing in memory) finds the delivery in PostgreSQL.
        receiver.StatusCode = 200;
        await using (WebhookHosts.StartApi(Factory))
        {
            await receiver.WaitForAsync(r => r.Any(x => x.AnsweredWith == 200), what: "the delivery");
            await Task.Delay(WebhookHosts.PollInterval * 10); // any duplicate would arrive meanwhile
        }

        var requests = receiver.Requests;
        var delivered = Assert.Single(requests, r => r.AnsweredWith == 200);
        Assert.Single(requests.Select(r => r.DeliveryId).Distinct());
        Assert.True(requests.Count >= failed);
        Assert.All(requests, r => AssertSigned(r));
        Assert.Equal("20005", JsonNode.Parse(delivered.Body)!["data"]!["member"]!["memberNumber"]!.GetValue<string>());
        var log = Assert.Single(await DeliveriesAsync(webhookId))!;
        Assert.Equal(("DELIVERED", requests.Count, 200), (log["status"]!.GetValue<string>(), log["attemptCount"]!.GetValue<int>(), log["lastStatusCode"]!.GetValue<int>()));
        Assert.Equal(delivered.DeliveryId, log["deliveryId"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_instance_stopped_mid_delivery_hands_it_back_and_the_next_one_delivers_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Delay = TimeSpan.FromMinutes(1); // the partner hangs
        var webhookId = await RegisterAsync(receiver.Url, ["member.enrolled"]);
        await EnrolCamilleInJumoAsync();

        var first = WebhookHosts.StartApi(Factory);
        var deadline = DateTimeOffset.UtcNow.AddSeconds(20);
        while (receiver.Started == 0 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(25);
        }

        Assert.Equal(1, receiver.Started);
        await first.DisposeAsync(); // shutdown while the request is in flight

        var handedBack = Assert.Single(await DeliveriesAsync(webhookId))!;
        Assert.Equal(("PENDING", 1), (handedBack["status"]!.GetValue<string>(), handedBack["attemptCount"]!.GetValue<int>()));
        Assert.Contains("shutdown", handedBack["lastError"]!.GetValue<string>(), StringComparison.Ordinal);

        receiver.Delay = TimeSpan.Zero;
        await using (WebhookHosts.StartApi(Factory))
        {
            await receiver.WaitForAsync(r => r.Any(x => x.AnsweredWith == 200), what: "the delivery");
            await Task.Delay(WebhookHosts.PollInterval * 10);
        }

        var requests = receiver.Requests;
        Assert.Equal([0, 200], requests.Select(r => r.AnsweredWith));
        Assert.Single(requests.Select(r => r.DeliveryId).Distinct());
        var log = Assert.Single(await DeliveriesAsync(webhookId))!;
        Assert.Equal(("DELIVERED", 2), (log["status"]!.GetValue<string>(), log["attemptCount"]!.GetValue<int>()));
    }

    [Fact]
    public async Task A_member_deactivated_by_the_sync_is_announced()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await RegisterAsync(receiver.Url, ["member.deactivated"]);
        var memberSystem = await Factory.SignInAsync(client: "member-system");
        await using (var db = Factory.CreateDbContext())
        {
            var row = Sync.SyncRows.From(await db.Members.AsNoTracking().SingleAsync(m => m.Email == DemoPeople.Noah));
            row["active"] = false;
            (await memberSystem.QueryAsync(Sync.SyncRows.SyncMembers, new { input = new { members = new[] { row } } })).EnsureNoErrors();
        }

        var dispatcher = WebhookHosts.Dispatcher(Factory);
        await dispatcher.FanOutAsync(default);
        await dispatcher.DeliverDueAsync(default);

        var body = JsonNode.Parse(Assert.Single(receiver.Requests).Body)!;
        Assert.Equal("member.deactivated", body["type"]!.GetValue<string>());
        Assert.Equal(("30004", "marked-inactive"), (body["data"]!["member"]!["memberNumber"]!.GetValue<string>(), body["data"]!["reason"]!.GetValue<string>()));
        Assert.Equal(JsonValueKind.Null, body["data"]!.AsObject()["syncId"]?.GetValueKind() ?? JsonValueKind.Null);
    }
}
