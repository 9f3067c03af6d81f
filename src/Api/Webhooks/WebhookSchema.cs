using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Webhooks;

/// <summary>Admins register, change and remove webhook endpoints and read their delivery log.</summary>
public static class WebhookSchema
{
    public static void AddWebhookQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        // node(id:) finds endpoints and deliveries for admins only; for anyone else they do not exist.
        nodes.Register(WebhookType.TypeName, (c, id) => !c.Viewer().IsAdmin ? NullResult.Instance
            : c.Loaders().Get<Guid, WebhookEndpoint>("webhook-by-id", async (services, ids, ct) =>
            {
                await using var db = await services.CreateDbAsync(ct);
                return await db.WebhookEndpoints.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
            }).Load(id));
        nodes.Register(WebhookDeliveryType.TypeName, (c, id) => !c.Viewer().IsAdmin ? NullResult.Instance
            : c.Loaders().Get<Guid, WebhookDelivery>("webhook-delivery-by-id", async (services, ids, ct) =>
            {
                await using var db = await services.CreateDbAsync(ct);
                return await db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
            }).Load(id));

        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<WebhookType>>>>("webhooks")
            .Description("Admins: every registered endpoint, newest first.")
            .ResolveAsync(async c =>
            {
                c.Viewer().RequireAdmin();
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                return await db.WebhookEndpoints.AsNoTracking().OrderByDescending(w => w.Id).ToListAsync(c.CancellationToken);
            });

        query.Field<NonNullGraphType<ConnectionType<WebhookDeliveryType, WebhookDelivery>>>("webhookDeliveries")
            .Description("Admins: the delivery log of one endpoint, newest first: status, attempts, last answer, next attempt. Empty for an unknown endpoint.")
            .Argument<NonNullGraphType<IdGraphType>>("webhookId")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                c.Viewer().RequireAdmin();
                var endpointId = GlobalId.Parse(c.GetArgument<string>("webhookId"), WebhookType.TypeName);
                var paging = Paging.From(c);
                var services = c.RequestServices!;
                IQueryable<WebhookDelivery> Query(JumoDbContext db) => db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId);

                await using var db = await services.CreateDbAsync(c.CancellationToken);
                var rows = Query(db);
                if (paging.After is { } after)
                {
                    var afterId = Paging.DecodeGuidCursor(after);
                    rows = rows.Where(d => d.Id.CompareTo(afterId) < 0);
                }

                // Ids are UUIDv7: ordering by id is ordering by creation.
                var page = await rows.OrderByDescending(d => d.Id).Take(paging.First + 1).ToListAsync(c.CancellationToken);
                return paging.ToConnection(page, d => d.Id.ToString("N"), async ct =>
                {
                    await using var countDb = await services.CreateDbAsync(ct);
                    return await Query(countDb).CountAsync(ct);
                });
            });
    }

    public static void AddWebhookMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<WebhookPayloadType>>("registerWebhook")
            .Description("Admins: registers an endpoint for some event types. Errors: INVALID_URL, INVALID_SECRET, INVALID_EVENT_TYPE.")
            .Argument<NonNullGraphType<RegisterWebhookInputType>>("input")
            .ResolveAsync(async c =>
            {
                c.Viewer().RequireAdmin();
                var input = c.GetArgument<RegisterWebhookInput>("input");
                var errors = new MutationErrors(c.Graph().Language);
                var url = CheckUrl(input.Url, errors);
                var secret = CheckSecret(input.Secret, errors);
                var eventTypes = CheckEventTypes(input.EventTypes, errors);
                if (errors.Any)
                {
                    return Payload<WebhookEndpoint>.Fail(errors.All);
                }

                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var endpoint = new WebhookEndpoint { Url = url!, Secret = secret!, EventTypes = eventTypes!, IsActive = input.Active };
                db.WebhookEndpoints.Add(endpoint);
                await db.SaveChangesAsync(c.CancellationToken);
                return Payload<WebhookEndpoint>.Ok(endpoint);
            });

        mutation.Field<NonNullGraphType<WebhookPayloadType>>("updateWebhook")
            .Description("Admins: changes an endpoint's URL, secret, event types or active flag. Errors: WEBHOOK_NOT_FOUND, INVALID_URL, INVALID_SECRET, INVALID_EVENT_TYPE.")
            .Argument<NonNullGraphType<UpdateWebhookInputType>>("input")
            .ResolveAsync(async c =>
            {
                c.Viewer().RequireAdmin();
                var input = c.GetArgument<UpdateWebhookInput>("input");
                var id = GlobalId.Parse(input.Id, WebhookType.TypeName);
                var errors = new MutationErrors(c.Graph().Language);
                var url = input.Url is null ? null : CheckUrl(input.Url, errors);
                var secret = input.Secret is null ? null : CheckSecret(input.Secret, errors);
                var eventTypes = input.EventTypes is null ? null : CheckEventTypes(input.EventTypes, errors);
                if (errors.Any)
                {
                    return Payload<WebhookEndpoint>.Fail(errors.All);
                }

                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == id, c.CancellationToken);
                if (endpoint is null)
                {
                    return Payload<WebhookEndpoint>.Fail(NotFound(errors));
                }

                endpoint.Url = url ?? endpoint.Url;
                endpoint.Secret = secret ?? endpoint.Secret;
                endpoint.EventTypes = eventTypes ?? endpoint.EventTypes;
                endpoint.IsActive = input.Active ?? endpoint.IsActive;
                endpoint.UpdatedAt = DateTimeOffset.UtcNow;
                await db.SaveChangesAsync(c.CancellationToken);
                return Payload<WebhookEndpoint>.Ok(endpoint);
            });

        mutation.Field<NonNullGraphType<DeleteWebhookPayloadType>>("deleteWebhook")
            .Description("Admins: removes an endpoint with its delivery log; its pending deliveries are not sent. Answers the removed endpoint. Error: WEBHOOK_NOT_FOUND.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .ResolveAsync(async c =>
            {
                c.Viewer().RequireAdmin();
                var id = GlobalId.Parse(c.GetArgument<string>("id"), WebhookType.TypeName);
                var errors = new MutationErrors(c.Graph().Language);
                await using var db = await c.RequestServices!.CreateDbAsync(c.CancellationToken);
                var endpoint = await db.WebhookEndpoints.SingleOrDefaultAsync(w => w.Id == id, c.CancellationToken);
                if (endpoint is null)
                {
                    return Payload<WebhookEndpoint>.Fail(NotFound(errors));
                }

                db.WebhookEndpoints.Remove(endpoint);
                await db.SaveChangesAsync(c.CancellationToken);
                return Payload<WebhookEndpoint>.Ok(endpoint);
            });
    }

    /// <summary>An absolute http(s) URL with a host, no credentials and no fragment.</summary>
    private static string? CheckUrl(string value, MutationErrors errors)
    {
        var url = value.Trim();
        if (url.Length is > 0 and <= WebhookEndpoint.MaxUrlLength
            && Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0 && uri.UserInfo.Length == 0 && uri.Fragment.Length == 0)
        {
            return uri.AbsoluteUri;
        }

        errors.Add("INVALID_URL",
            $"Adresse invalide : « {value} ». Donnez une URL absolue http ou https, sans identifiants ni fragment (au plus {WebhookEndpoint.MaxUrlLength} caractères).",
            $"Invalid URL: '{value}'. Give an absolute http or https URL, without credentials or fragment (at most {WebhookEndpoint.MaxUrlLength} characters).",
            "url");
        return null;
    }

    private static string? CheckSecret(string secret, MutationErrors errors)
    {
        if (secret.Length is >= WebhookEndpoint.MinSecretLength and <= WebhookEndpoint.MaxSecretLength && !secret.Any(char.IsWhiteSpace))
        {
            return secret;
        }

        errors.Add("INVALID_SECRET",
            $"Le secret doit compter de {WebhookEndpoint.MinSecretLength} à {WebhookEndpoint.MaxSecretLength} caractères, sans espace.",
            $"The secret must be {WebhookEndpoint.MinSecretLength} to {WebhookEndpoint.MaxSecretLength} characters long, without spaces.",
            "secret");
        return null;
    }

    private static List<string>? CheckEventTypes(List<string> values, MutationErrors errors)
    {
        var types = values.Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        var unknown = types.Where(t => !WebhookEventTypes.IsValidSubscription(t)).ToList();
        if (types.Count > 0 && unknown.Count == 0)
        {
            return types;
        }

        var known = string.Join(", ", WebhookEventTypes.All);
        errors.Add("INVALID_EVENT_TYPE",
            types.Count == 0 ? "Indiquez au moins un type d'événement." : $"Type d'événement inconnu : {string.Join(", ", unknown)}. Types : {known}, une famille (match.*) ou *.",
            types.Count == 0 ? "Give at least one event type." : $"Unknown event type: {string.Join(", ", unknown)}. Types: {known}, a family (match.*) or *.",
            "eventTypes");
        return null;
    }

    private static MutationError NotFound(MutationErrors errors) =>
        errors.Add("WEBHOOK_NOT_FOUND", "Webhook introuvable.", "Webhook not found.", "id");
}
