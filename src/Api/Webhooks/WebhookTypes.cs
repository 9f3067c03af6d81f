using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Webhooks;

namespace JumoMentoring.Api.Webhooks;

public sealed class WebhookType : ObjectGraphType<WebhookEndpoint>
{
    public const string TypeName = "Webhook";

    public WebhookType()
    {
        Name = TypeName;
        Description =
            "An endpoint that receives events (admins). Each event is POSTed as JSON {id, type, occurredAt, data} with the headers X-Jumo-Delivery (the delivery id, " +
            "the same on every retry: ignore repeats), X-Jumo-Event, X-Jumo-Timestamp (Unix seconds) and X-Jumo-Signature: sha256=<hex HMAC-SHA256 of \"{timestamp}.{body}\" " +
            "keyed with the secret>. A 2xx answer delivers; anything else (or no answer within the timeout) is retried with exponential backoff, then FAILED.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is WebhookEndpoint;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(c => c.Source.Url);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("eventTypes")
            .Description("Subscriptions: event types (member.enrolled), families (match.*) or * for all.")
            .Resolve(c => c.Source.EventTypes);
        Field<NonNullGraphType<BooleanGraphType>>("active").Description("Inactive endpoints get no new deliveries.").Resolve(c => c.Source.IsActive);
        Field<NonNullGraphType<StringGraphType>>("secretHint").Description("The secret's last four characters; the secret itself is never returned.").Resolve(c => c.Source.SecretHint);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("updatedAt").Resolve(c => c.Source.UpdatedAt);
    }
}

public sealed class WebhookDeliveryStatusEnum : EnumerationGraphType<WebhookDeliveryStatus>
{
    public WebhookDeliveryStatusEnum() => Name = "WebhookDeliveryStatus";
}

public sealed class WebhookDeliveryType : ObjectGraphType<WebhookDelivery>
{
    public const string TypeName = "WebhookDelivery";

    public WebhookDeliveryType()
    {
        Name = TypeName;
        Description = "One event for one endpoint, and its attempts so far.";
        Interface<NodeInterface>();
        IsTypeOf = o => o is WebhookDelivery;
        Field<NonNullGraphType<IdGraphType>>("id").Resolve(c => GlobalId.Encode(TypeName, c.Source.Id));
        Field<NonNullGraphType<StringGraphType>>("deliveryId").Description("The X-Jumo-Delivery header: the same on every attempt.").Resolve(c => c.Source.Id.ToString());
        Field<NonNullGraphType<StringGraphType>>("eventId").Description("The body's id: the same for every endpoint.").Resolve(c => c.Source.EventId.ToString());
        Field<NonNullGraphType<StringGraphType>>("eventType").Resolve(c => c.Source.EventType);
        Field<NonNullGraphType<WebhookDeliveryStatusEnum>>("status").Resolve(c => c.Source.Status);
        Field<NonNullGraphType<IntGraphType>>("attemptCount").Description("Attempts started so far.").Resolve(c => c.Source.AttemptCount);
        Field<IntGraphType>("lastStatusCode").Description("The HTTP status of the last answer; null when there was none (timeout, refused connection).").Resolve(c => c.Source.LastStatusCode);
        Field<StringGraphType>("lastError").Description("Why the last attempt failed.").Resolve(c => c.Source.LastError);
        Field<DateTimeOffsetGraphType>("nextAttemptAt").Description("PENDING: when the next attempt is due. Null once DELIVERED or FAILED.").Resolve(c => c.Source.NextAttemptAt);
        Field<DateTimeOffsetGraphType>("lastAttemptAt").Resolve(c => c.Source.LastAttemptAt);
        Field<DateTimeOffsetGraphType>("deliveredAt").Resolve(c => c.Source.DeliveredAt);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
    }
}

public sealed class RegisterWebhookInput
{
    public string Url { get; set; } = "";
    public string Secret { get; set; } = "";
    public List<string> EventTypes { get; set; } = [];
    public bool Active { get; set; } = true;
}

public sealed class RegisterWebhookInputType : InputObjectGraphType<RegisterWebhookInput>
{
    public RegisterWebhookInputType()
    {
        Name = "RegisterWebhookInput";
        Field(i => i.Url).Description("An absolute http or https URL, without user name or password (INVALID_URL).");
        Field(i => i.Secret).Description($"The HMAC key, {WebhookEndpoint.MinSecretLength}–{WebhookEndpoint.MaxSecretLength} characters (INVALID_SECRET). Never returned.");
        Field(i => i.EventTypes).Description("At least one: " + string.Join(", ", WebhookEventTypes.All) + ", a family such as match.*, or * (INVALID_EVENT_TYPE).");
        Field(i => i.Active).DefaultValue(true);
    }
}

public sealed class UpdateWebhookInput
{
    public string Id { get; set; } = "";
    public string? Url { get; set; }
    public string? Secret { get; set; }
    public List<string>? EventTypes { get; set; }
    public bool? Active { get; set; }
}

public sealed class UpdateWebhookInputType : InputObjectGraphType<UpdateWebhookInput>
{
    public UpdateWebhookInputType()
    {
        Name = "UpdateWebhookInput";
        Description = "Fields left out (or null) stay as they are. A new secret signs every attempt from now on, retries of older events included.";
        Field(i => i.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(i => i.Url, nullable: true);
        Field(i => i.Secret, nullable: true);
        Field(i => i.EventTypes, type: typeof(ListGraphType<NonNullGraphType<StringGraphType>>));
        Field(i => i.Active, nullable: true);
    }
}

public sealed class WebhookPayloadType() : PayloadType<WebhookType, WebhookEndpoint>("WebhookPayload", "webhook");

public sealed class DeleteWebhookPayloadType() : PayloadType<WebhookType, WebhookEndpoint>("DeleteWebhookPayload", "webhook");
