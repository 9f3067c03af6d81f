using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Webhooks;

/// <summary>
/// Something that happened, written by <see cref="Outbox.Add"/> in the same SaveChanges (so the same
/// transaction) as the change itself. The webhook dispatcher fans it out into one
/// <see cref="WebhookDelivery"/> per subscribed endpoint and then sets <see cref="DispatchedAt"/>.
/// </summary>
public sealed class OutboxEvent
{
    /// <summary>The event id: the <c>id</c> of the webhook body, the same for every endpoint and attempt.</summary>
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Type { get; init; }

    /// <summary>The <c>data</c> of the webhook body, as JSON.</summary>
    public required string Data { get; init; }
    public DateTimeOffset OccurredAt { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>When deliveries were created for it; null while it waits for the dispatcher.</summary>
    public DateTimeOffset? DispatchedAt { get; set; }
}

public sealed class OutboxEventConfiguration : IEntityTypeConfiguration<OutboxEvent>
{
    public void Configure(EntityTypeBuilder<OutboxEvent> builder)
    {
        builder.ToTable("outbox_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Type).HasMaxLength(64);
        builder.Property(e => e.Data).HasColumnType("jsonb");
        builder.HasIndex(e => e.OccurredAt).HasFilter("dispatched_at IS NULL").HasDatabaseName("ix_outbox_events_undispatched");
    }
}
