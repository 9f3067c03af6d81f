using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using JumoMentoring.Domain.Data;

namespace JumoMentoring.Domain.Webhooks;

/// <summary>
/// The transactional outbox of webhook events. Call <see cref="Add"/> before the SaveChanges of the
/// change it reports: the event is written in the same transaction, so there is never an event
/// for a change that was rolled back, nor a change without its event.
/// </summary>
public static class Outbox
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Adds an event of a type of <see cref="WebhookEventTypes"/>; <paramref name="data"/> becomes the body's <c>data</c> (camelCase JSON).</summary>
    public static OutboxEvent Add(JumoDbContext db, string eventType, object data)
    {
        if (!WebhookEventTypes.IsKnown(eventType))
        {
            throw new ArgumentException($"Unknown webhook event type '{eventType}': add it to WebhookEventTypes.", nameof(eventType));
        }

        var outboxEvent = new OutboxEvent { Type = eventType, Data = JsonSerializer.Serialize(data, Json) };
        db.OutboxEvents.Add(outboxEvent);
        return outboxEvent;
    }

    /// <summary>
    /// The API's Relay global id of an object (the same encoding as JumoMentoring.Api.Graph.GlobalId),
    /// so that a receiver can pass ids of an event to <c>node(id:)</c>.
    /// </summary>
    public static string NodeId(string typeName, Guid id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"{typeName}:{id:N}"));
}
