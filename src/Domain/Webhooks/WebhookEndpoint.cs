using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace JumoMentoring.Domain.Webhooks;

/// <summary>An admin-registered URL that receives the events it subscribes to, signed with its secret.</summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 2000;
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 200;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Url { get; set; }

    /// <summary>The HMAC key of <c>X-Jumo-Signature</c>. Never returned by the API (only its last four characters).</summary>
    public required string Secret { get; set; }

    /// <summary>Subscriptions: event types, families ("match.*") or "*".</summary>
    public List<string> EventTypes { get; set; } = [];

    /// <summary>An inactive endpoint gets no new deliveries; pending ones still go out.</summary>
    public bool IsActive { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; } = DateTimeOffset.UtcNow;
    public DateTimeOffset UpdatedAt { get; set; } = DateTimeOffset.UtcNow;

    public string SecretHint => Secret.Length <= 4 ? "…" : "…" + Secret[^4..];
}

public sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> builder)
    {
        builder.ToTable("webhook_endpoints");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Url).HasMaxLength(WebhookEndpoint.MaxUrlLength);
        builder.Property(w => w.Secret).HasMaxLength(WebhookEndpoint.MaxSecretLength);
        builder.Ignore(w => w.SecretHint);
    }
}
