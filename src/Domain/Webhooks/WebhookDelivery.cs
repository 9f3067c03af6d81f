using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    /// <summary>Waiting for its next attempt (<see cref="WebhookDelivery.NextAttemptAt"/>).</summary>
    Pending,

    /// <summary>The endpoint answered 2xx.</summary>
    Delivered,

    /// <summary>Every attempt failed; no more will be made.</summary>
    Failed,
}

/// <summary>
/// One event for one endpoint, retried with exponential backoff until it is delivered or out of
/// attempts. Its id is the <c>X-Jumo-Delivery</c> header, the same on every attempt, so receivers
/// can ignore a repeat.
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxErrorLength = 1000;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required Guid EndpointId { get; init; }
    public required Guid EventId { get; init; }
    public OutboxEvent? Event { get; init; }
    public required string EventType { get; init; }
    public WebhookDeliveryStatus Status { get; set; } = WebhookDeliveryStatus.Pending;

    /// <summary>Attempts started so far (an attempt cut short by a shutdown counts).</summary>
    public int AttemptCount { get; set; }

    /// <summary>When a dispatcher may next claim it; while an attempt runs, the end of that attempt's lease. Null once final.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> builder)
    {
        builder.ToTable("webhook_deliveries");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.EventType).HasMaxLength(64);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(WebhookDelivery.MaxErrorLength);

        // One delivery per event and endpoint, whoever fans out; the log pages by endpoint, newest first.
        builder.HasIndex(d => new { d.EndpointId, d.EventId }).IsUnique();
        builder.HasIndex(d => new { d.EndpointId, d.Id });
        builder.HasIndex(d => d.NextAttemptAt).HasFilter("status = 'Pending'").HasDatabaseName("ix_webhook_deliveries_due");
        builder.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(d => d.Event).WithMany().HasForeignKey(d => d.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
