using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Webhooks;
using JumoMentoring.Domain.Webhooks;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Webhooks;

/// <summary>Old settled events and their delivery log are deleted; anything still owed to a receiver is kept.</summary>
public sealed class WebhookRetentionTests(ApiFactory factory) : WebhookTest(factory)
{
    [Fact]
    public async Task Pruning_deletes_settled_events_past_the_retention_and_keeps_pending_and_recent_ones()
    {
        var endpoint = GlobalId.Parse(await RegisterAsync("http://127.0.0.1:9/hook", ["*"]), "Webhook");
        var now = DateTimeOffset.UtcNow;
        OutboxEvent Event(TimeSpan age) => new() { Type = WebhookEventTypes.MemberEnrolled, Data = "{}", OccurredAt = now - age, DispatchedAt = now - age };
        WebhookDelivery Delivery(OutboxEvent e, WebhookDeliveryStatus status) => new() { EndpointId = endpoint, EventId = e.Id, EventType = e.Type, Status = status, CreatedAt = e.OccurredAt };
        var (oldDelivered, oldFailed, oldPending, recent, oldUndelivered) =
            (Event(TimeSpan.FromDays(100)), Event(TimeSpan.FromDays(95)), Event(TimeSpan.FromDays(120)), Event(TimeSpan.FromDays(10)), Event(TimeSpan.FromDays(100)));
        oldUndelivered.DispatchedAt = null; // never fanned out: still owed
        await using (var db = Factory.CreateDbContext())
        {
            db.OutboxEvents.AddRange(oldDelivered, oldFailed, oldPending, recent, oldUndelivered);
            db.WebhookDeliveries.AddRange(
                Delivery(oldDelivered, WebhookDeliveryStatus.Delivered),
                Delivery(oldFailed, WebhookDeliveryStatus.Failed),
                Delivery(oldPending, WebhookDeliveryStatus.Pending),
                Delivery(recent, WebhookDeliveryStatus.Delivered));
            await db.SaveChangesAsync();
        }

        var deleted = await WebhookHosts.Dispatcher(Factory, new WebhookOptions { Retention = TimeSpan.FromDays(90) }).PruneAsync(default);

        Assert.Equal(2, deleted);
        await using var check = Factory.CreateDbContext();
        Assert.Equal(
            new[] { oldPending.Id, recent.Id, oldUndelivered.Id }.Order(),
            (await check.OutboxEvents.Select(e => e.Id).ToListAsync()).Order());
        Assert.Equal(
            new[] { oldPending.Id, recent.Id }.Order(),
            (await check.WebhookDeliveries.Select(d => d.EventId).ToListAsync()).Order());
    }
}
