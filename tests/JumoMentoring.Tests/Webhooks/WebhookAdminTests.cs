using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Webhooks;

public sealed class WebhookAdminTests(ApiFactory factory) : WebhookTest(factory)
{
    [Fact]
    public async Task An_admin_registers_lists_updates_and_deletes_an_endpoint_and_never_sees_its_secret()
    {
        var admin = await AdminAsync();
        var registered = await admin.QueryAsync(Register, new { input = new { url = "https://partner.exemple.qc.ca/jumo?src=1", secret = Secret, eventTypes = new[] { "member.enrolled", "match.*", "member.enrolled" } } });
        var webhook = registered.EnsureNoErrors().Data["registerWebhook"]!["webhook"]!;
        var id = webhook["id"]!.GetValue<string>();

        Assert.Equal("https://partner.exemple.qc.ca/jumo?src=1", webhook["url"]!.GetValue<string>());
        Assert.Equal(["member.enrolled", "match.*"], webhook["eventTypes"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal("…XYZW", webhook["secretHint"]!.GetValue<string>());
        Assert.True(webhook["active"]!.GetValue<bool>());

        const string Update = "mutation($input: UpdateWebhookInput!) { updateWebhook(input: $input) { webhook { url eventTypes active secretHint } errors { code field } } }";
        var updated = await admin.QueryAsync(Update, new { input = new { id, secret = "another-secret-of-16+chars-ABCD", eventTypes = new[] { "*" }, active = false } });
        Assert.Equal("…ABCD", updated.EnsureNoErrors().Data["updateWebhook"]!["webhook"]!["secretHint"]!.GetValue<string>());
        Assert.False(updated.Data["updateWebhook"]!["webhook"]!["active"]!.GetValue<bool>());
        Assert.Equal("https://partner.exemple.qc.ca/jumo?src=1", updated.Data["updateWebhook"]!["webhook"]!["url"]!.GetValue<string>());

        var list = await admin.QueryAsync("{ webhooks { id url eventTypes active secretHint } }");
        var node = await admin.QueryAsync("query($id: ID!) { node(id: $id) { ... on Webhook { url } } }", new { id });
        Assert.Equal(id, Assert.Single(list.EnsureNoErrors().Data["webhooks"]!.AsArray())!["id"]!.GetValue<string>());
        Assert.Equal("https://partner.exemple.qc.ca/jumo?src=1", node.EnsureNoErrors().Data["node"]!["url"]!.GetValue<string>());

        // The secret appears in no answer, and the schema has no field that could return it.
        Assert.DoesNotContain(Secret, registered.Body!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("another-secret", updated.Body!.ToJsonString() + list.Body!.ToJsonString(), StringComparison.Ordinal);
        var fields = await admin.QueryAsync("{ __type(name: \"Webhook\") { fields { name } } }");
        Assert.DoesNotContain(fields.Data["__type"]!["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "secret");

        var deleted = await admin.QueryAsync("mutation($id: ID!) { deleteWebhook(id: $id) { webhook { id } errors { code } } }", new { id });
        Assert.Equal(id, deleted.EnsureNoErrors().Data["deleteWebhook"]!["webhook"]!["id"]!.GetValue<string>());
        Assert.Empty((await admin.QueryAsync("{ webhooks { id } }")).Data["webhooks"]!.AsArray());
        var again = await admin.QueryAsync("mutation($id: ID!) { deleteWebhook(id: $id) { webhook { id } errors { code field } } }", new { id });
        Assert.Equal("WEBHOOK_NOT_FOUND", again.EnsureNoErrors().Data["deleteWebhook"]!["errors"]![0]!["code"]!.GetValue<string>());
        var missing = await admin.QueryAsync(Update, new { input = new { id, active = true } });
        Assert.Equal("WEBHOOK_NOT_FOUND", missing.EnsureNoErrors().Data["updateWebhook"]!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ftp://partner.exemple.qc.ca/hook")]
    [InlineData("partner.exemple.qc.ca/hook")]
    [InlineData("/hooks")]
    [InlineData("https://user:password@partner.exemple.qc.ca/hook")]
    [InlineData("https://partner.exemple.qc.ca/hook#fragment")]
    [InlineData("")]
    public async Task A_url_that_is_not_absolute_http_or_https_is_a_typed_error(string url)
    {
        var admin = await AdminAsync();

        var response = await admin.QueryAsync(Register, new { input = new { url, secret = Secret, eventTypes = new[] { "*" } } });

        var payload = response.EnsureNoErrors().Data["registerWebhook"]!;
        Assert.Null(payload["webhook"]);
        var error = Assert.Single(payload["errors"]!.AsArray())!;
        Assert.Equal(("INVALID_URL", "url"), (error["code"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        Assert.Empty((await admin.QueryAsync("{ webhooks { id } }")).Data["webhooks"]!.AsArray());
    }

    [Fact]
    public async Task A_short_secret_and_unknown_event_types_are_typed_errors_each_on_its_field()
    {
        var admin = await AdminAsync();

        var response = await admin.QueryAsync(Register, new { input = new { url = "http://127.0.0.1:9/x", secret = "short", eventTypes = new[] { "member.enrolled", "member.exploded", "nothing.*" } } }, acceptLanguage: "en");
        var empty = await admin.QueryAsync(Register, new { input = new { url = "http://127.0.0.1:9/x", secret = Secret, eventTypes = Array.Empty<string>() } });

        var errors = response.EnsureNoErrors().Data["registerWebhook"]!["errors"]!.AsArray();
        Assert.Equal([("INVALID_SECRET", "secret"), ("INVALID_EVENT_TYPE", "eventTypes")], errors.Select(e => (e!["code"]!.GetValue<string>(), e["field"]!.GetValue<string>())));
        Assert.Contains("member.exploded, nothing.*", errors[1]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("INVALID_EVENT_TYPE", empty.EnsureNoErrors().Data["registerWebhook"]!["errors"]![0]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, "UNAUTHENTICATED")]
    [InlineData(DemoPeople.Sarah, "FORBIDDEN")]
    [InlineData(DemoPeople.JumoCoordinator, "FORBIDDEN")]
    [InlineData("member-system", "FORBIDDEN")]
    public async Task Only_admins_manage_webhooks_and_read_their_log(string? who, string code)
    {
        var id = await RegisterAsync("https://partner.exemple.qc.ca/hook", ["*"]);
        var client = who is null ? Graph : who == "member-system" ? await Factory.SignInAsync(client: who) : await SignInAsync(who);

        var register = await client.QueryAsync(Register, new { input = new { url = "https://x.exemple.qc.ca/", secret = Secret, eventTypes = new[] { "*" } } });
        var update = await client.QueryAsync("mutation($id: ID!) { updateWebhook(input: { id: $id, active: false }) { webhook { id } } }", new { id });
        var delete = await client.QueryAsync("mutation($id: ID!) { deleteWebhook(id: $id) { webhook { id } } }", new { id });
        var list = await client.QueryAsync("{ webhooks { id } }");
        var log = await client.QueryAsync(Log, new { id });
        var node = await client.QueryAsync("query($id: ID!) { node(id: $id) { id } }", new { id });

        Assert.Equal([code, code, code, code, code], new[] { register, update, delete, list, log }.Select(r => r.FirstErrorCode));
        Assert.Null(node.Data["node"]);
        Assert.Single((await (await AdminAsync()).QueryAsync("{ webhooks { active } }")).Data["webhooks"]!.AsArray(), w => w!["active"]!.GetValue<bool>());
    }
}
