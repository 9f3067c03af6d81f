using System.Text.Json.Nodes;
using JumoMentoring.Domain.Data;
using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Webhooks;

/// <summary>Helpers of the webhook tests: an admin client, registering endpoints, a member enrolment that emits member.enrolled.</summary>
public abstract class WebhookTest(ApiFactory factory) : ApiTest(factory)
{
    public const string Secret = "whsec_0123456789abcdefXYZW";

    protected const string Register =
        "mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id url eventTypes active secretHint createdAt updatedAt } errors { code field message } } }";

    protected const string Log =
        "query($id: ID!) { webhookDeliveries(webhookId: $id, first: 20) { totalCount nodes { id deliveryId eventId eventType status attemptCount lastStatusCode lastError nextAttemptAt lastAttemptAt deliveredAt createdAt } } }";

    protected Task<GraphQLClient> AdminAsync() => SignInAsync(DemoPeople.Admin);

    /// <summary>Registers an endpoint as the admin; returns its global id.</summary>
    protected async Task<string> RegisterAsync(string url, string[] eventTypes, string secret = Secret, bool active = true)
    {
        var admin = await AdminAsync();
        var response = await admin.QueryAsync(Register, new { input = new { url, secret, eventTypes, active } });
        var payload = response.EnsureNoErrors().Data["registerWebhook"]!;
        Assert.Empty(payload["errors"]!.AsArray());
        return payload["webhook"]!["id"]!.GetValue<string>();
    }

    /// <summary>Camille (waiting for the structured program, not in JUMO) joins JUMO as a mentee: one member.enrolled event.</summary>
    protected async Task EnrolCamilleInJumoAsync()
    {
        var camille = await SignInAsync(DemoPeople.Camille);
        var programs = await camille.QueryAsync("{ programs { id code } }");
        var jumo = programs.EnsureNoErrors().Data["programs"]!.AsArray().Single(p => p!["code"]!.GetValue<string>() == DemoData.FlexibleProgramCode)!["id"]!.GetValue<string>();
        var enrolled = await camille.QueryAsync("mutation($p: ID!) { enrollInProgram(input: { programId: $p, role: MENTEE }) { enrolment { id } errors { code } } }", new { p = jumo });
        Assert.Empty(enrolled.EnsureNoErrors().Data["enrollInProgram"]!["errors"]!.AsArray());
    }

    /// <summary>The delivery log of an endpoint, newest first, as the admin reads it.</summary>
    protected async Task<JsonArray> DeliveriesAsync(string webhookId)
    {
        var admin = await AdminAsync();
        return (await admin.QueryAsync(Log, new { id = webhookId })).EnsureNoErrors().Data["webhookDeliveries"]!["nodes"]!.AsArray();
    }
}
