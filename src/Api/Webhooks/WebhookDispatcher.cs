using System.Text.Json;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JumoMentoring.Api.Webhooks;

/// <summary>
/// Delivers webhook events; every API instance runs one, and all state is in PostgreSQL, so nothing
/// is lost across restarts and instances never send the same attempt twice (docs/decisions/0005):
/// <list type="number">
/// <item>fan-out: undispatched outbox events, claimed <c>FOR UPDATE SKIP LOCKED</c>, become one
/// delivery per active subscribed endpoint, in one transaction with marking them dispatched;</item>
/// <item>delivery: due deliveries are claimed with one <c>UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP
/// LOCKED) RETURNING</c> that counts the attempt and hides them for <see cref="WebhookOptions.Lease"/>;
/// then each is POSTed and its outcome recorded (delivered, retry later with backoff, or failed).</item>
/// </list>
/// An instance that dies mid-attempt leaves its deliveries claimed until the lease ends; one that
/// shuts down gracefully hands them back at once. Either way another instance retries them with the
/// same delivery id (at least once; receivers ignore a repeated X-Jumo-Delivery).
/// </summary>
public sealed class WebhookDispatcher(
    IDbContextFactory<JumoDbContext> factory,
    IHttpClientFactory httpClients,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";
    private const int MaxErrorBodyLength = 300;
    private const int PruneBatchSize = 1000;
    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);
    private readonly WebhookOptions settings = options.Value;
    private DateTimeOffset lastPrune = DateTimeOffset.MinValue;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.DispatcherEnabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(settings.PollInterval, clock);
        do
        {
            try
            {
                await FanOutAsync(stoppingToken);

                // A full batch means more may be due: go on without waiting for the next tick.
                while (await DeliverDueAsync(stoppingToken) == settings.BatchSize)
                {
                }

                if (clock.GetUtcNow() - lastPrune >= PruneEvery)
                {
                    lastPrune = clock.GetUtcNow();
                    await PruneAsync(stoppingToken);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                // A database or network hiccup must not stop the dispatcher: the next tick tries again.
                logger.LogWarning(e, "Webhook dispatch failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Turns undispatched outbox events into deliveries. Returns how many events it took.</summary>
    public async Task<int> FanOutAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var limit = settings.BatchSize * 5;
        var events = await db.OutboxEvents
            .FromSql($"SELECT * FROM outbox_events WHERE dispatched_at IS NULL ORDER BY occurred_at LIMIT {limit} FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(w => w.IsActive).Select(w => new { w.Id, w.EventTypes }).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var outboxEvent in events)
        {
            foreach (var endpoint in endpoints.Where(w => WebhookEventTypes.MatchesAny(w.EventTypes, outboxEvent.Type)))
            {
                db.WebhookDeliveries.Add(new WebhookDelivery
                {
                    EndpointId = endpoint.Id,
                    EventId = outboxEvent.Id,
                    EventType = outboxEvent.Type,
                    NextAttemptAt = now,
                    CreatedAt = now,
                });
            }

            outboxEvent.DispatchedAt = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return events.Count;
    }

    /// <summary>
    /// Deletes events dispatched longer than <see cref="WebhookOptions.Retention"/> ago whose
    /// deliveries are all settled (delivered or failed), with those deliveries (cascade), a batch at a
    /// time. Returns how many events it deleted.
    /// </summary>
    public async Task<int> PruneAsync(CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var cutoff = clock.GetUtcNow() - settings.Retention;
        var deleted = 0;
        int batch;
        do
        {
            batch = await db.OutboxEvents
                .Where(e => e.DispatchedAt < cutoff && !db.WebhookDeliveries.Any(d => d.EventId == e.Id && d.Status == WebhookDeliveryStatus.Pending))
                .OrderBy(e => e.DispatchedAt)
                .Take(PruneBatchSize)
                .ExecuteDeleteAsync(cancellationToken);
            deleted += batch;
        }
        while (batch == PruneBatchSize);

        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} webhook events (and their deliveries) older than {Retention}", deleted, settings.Retention);
        }

        return deleted;
    }

    /// <summary>Claims the due deliveries (at most a batch) and sends them. Returns how many it claimed.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        List<Claimed> claimed;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            var leaseEnd = now + settings.EffectiveLease;
            var pending = nameof(WebhookDeliveryStatus.Pending);
            var deliveries = await db.WebhookDeliveries.FromSql($"""
                UPDATE webhook_deliveries
                SET attempt_count = attempt_count + 1, last_attempt_at = {now}, next_attempt_at = {leaseEnd}
                WHERE id IN (
                    SELECT id FROM webhook_deliveries
                    WHERE status = {pending} AND next_attempt_at <= {now}
                    ORDER BY next_attempt_at
                    LIMIT {settings.BatchSize}
                    FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).AsNoTracking().ToListAsync(cancellationToken);
            if (deliveries.Count == 0)
            {
                return 0;
            }

            var eventIds = deliveries.Select(d => d.EventId).Distinct().ToList();
            var endpointIds = deliveries.Select(d => d.EndpointId).Distinct().ToList();
            var events = await db.OutboxEvents.AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
            var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(w => endpointIds.Contains(w.Id)).ToDictionaryAsync(w => w.Id, cancellationToken);
            claimed = deliveries
                .Select(d => new Claimed(d, events.GetValueOrDefault(d.EventId), endpoints.GetValueOrDefault(d.EndpointId)))
                .ToList();
        }

        using var gate = new SemaphoreSlim(settings.MaxConcurrency);
        await Task.WhenAll(claimed.Select(async c =>
        {
            try
            {
                await gate.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                await HandBackAsync(c.Delivery, attempted: false);
                return;
            }

            try
            {
                await SendAsync(c, cancellationToken);
            }
            finally
            {
                gate.Release();
            }
        }));
        return claimed.Count;
    }

    private sealed record Claimed(WebhookDelivery Delivery, OutboxEvent? Event, WebhookEndpoint? Endpoint);

    private async Task SendAsync(Claimed claimed, CancellationToken stoppingToken)
    {
        var delivery = claimed.Delivery;
        if (claimed.Event is not { } outboxEvent || claimed.Endpoint is not { } endpoint)
        {
            // The endpoint was deleted meanwhile (its deliveries go with it).
            return;
        }

        var body = Body(outboxEvent);
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add("X-Jumo-Delivery", delivery.Id.ToString());
        request.Headers.Add("X-Jumo-Event", outboxEvent.Type);
        request.Headers.Add("X-Jumo-Timestamp", timestamp);
        request.Headers.Add("X-Jumo-Signature", WebhookSignature.Compute(endpoint.Secret, timestamp, body));
        request.Headers.UserAgent.ParseAdd("JumoMentoring-Webhooks/1");

        int? status = null;
        string? error;
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stoppingToken);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await RecordAsync(delivery, status, null, delivered: true);
                return;
            }

            error = $"HTTP {status} {response.ReasonPhrase}: {await ReadStartAsync(response, stoppingToken)}".TrimEnd(' ', ':');
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down mid-attempt: hand the delivery back so that another instance retries it now.
            await HandBackAsync(delivery, attempted: true);
            return;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            error = e is TaskCanceledException
                ? $"No answer within {settings.RequestTimeout.TotalSeconds:0.###} s."
                : e.InnerException?.Message is { } inner ? $"{e.Message} ({inner})" : e.Message;
        }

        logger.LogInformation("Webhook delivery {DeliveryId} ({EventType}) attempt {Attempt} to {Url} failed: {Error}",
            delivery.Id, outboxEvent.Type, delivery.AttemptCount, endpoint.Url, error);
        await RecordAsync(delivery, status, error, delivered: false);
    }

    /// <summary>
    /// The body: <c>{"id", "type", "occurredAt", "data"}</c>, UTF-8 JSON; <c>id</c> is the event's, the
    /// same for every endpoint and attempt.
    /// </summary>
    public static byte[] Body(OutboxEvent outboxEvent)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("id", outboxEvent.Id);
            json.WriteString("type", outboxEvent.Type);
            json.WriteString("occurredAt", outboxEvent.OccurredAt.ToUniversalTime());
            json.WritePropertyName("data");
            json.WriteRawValue(outboxEvent.Data);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Records the outcome of the attempt this instance claimed; it changes nothing if the delivery was
    /// claimed again since (the lease ran out), so a late answer never overwrites a newer attempt.
    /// </summary>
    private async Task RecordAsync(WebhookDelivery delivery, int? status, string? error, bool delivered)
    {
        var now = clock.GetUtcNow();
        var attempts = delivery.AttemptCount;
        var giveUp = !delivered && attempts >= settings.MaxAttempts;
        var next = delivered || giveUp ? (DateTimeOffset?)null : now + settings.RetryDelay(attempts);
        var newStatus = delivered ? WebhookDeliveryStatus.Delivered : giveUp ? WebhookDeliveryStatus.Failed : WebhookDeliveryStatus.Pending;
        var lastError = error is { Length: > WebhookDelivery.MaxErrorLength } ? error[..WebhookDelivery.MaxErrorLength] : error;

        // Not the stopping token: a finished attempt is always recorded.
        await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
        await db.WebhookDeliveries
            .Where(d => d.Id == delivery.Id && d.AttemptCount == attempts && d.Status == WebhookDeliveryStatus.Pending)
            .ExecuteUpdateAsync(set => set
                .SetProperty(d => d.Status, newStatus)
                .SetProperty(d => d.NextAttemptAt, next)
                .SetProperty(d => d.LastStatusCode, status)
                .SetProperty(d => d.LastError, lastError)
                .SetProperty(d => d.DeliveredAt, delivered ? now : (DateTimeOffset?)null), CancellationToken.None);
        if (giveUp)
        {
            logger.LogWarning("Webhook delivery {DeliveryId} failed after {Attempts} attempts: {Error}", delivery.Id, attempts, error);
        }
    }

    /// <summary>Makes a claimed delivery due again at once (shutdown); an attempt never started is not counted.</summary>
    private async Task HandBackAsync(WebhookDelivery delivery, bool attempted)
    {
        try
        {
            await using var db = await factory.CreateDbContextAsync(CancellationToken.None);
            var attempts = delivery.AttemptCount;
            var now = clock.GetUtcNow();
            await db.WebhookDeliveries
                .Where(d => d.Id == delivery.Id && d.AttemptCount == attempts && d.Status == WebhookDeliveryStatus.Pending)
                .ExecuteUpdateAsync(set => set
                    .SetProperty(d => d.NextAttemptAt, now)
                    .SetProperty(d => d.AttemptCount, attempted ? attempts : attempts - 1)
                    .SetProperty(d => d.LastError, attempted ? "Interrupted by a shutdown of the sending instance." : delivery.LastError), CancellationToken.None);
        }
        catch (Exception e)
        {
            // The lease still runs out: another instance will retry it then.
            logger.LogWarning(e, "Could not hand back webhook delivery {DeliveryId}", delivery.Id);
        }
    }

    private static async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return text.Length > MaxErrorBodyLength ? text[..MaxErrorBodyLength] + "…" : text;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return "";
        }
    }
}
