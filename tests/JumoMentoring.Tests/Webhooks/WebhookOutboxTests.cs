using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Webhooks;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Tests.Webhooks;

/// <summary>Events are written in the transaction of the change they report, and fanned out to the endpoints that subscribe to them.</summary>
public sealed class WebhookOutboxTests(ApiFactory factory) : WebhookTest(factory)
{
    private async Task<List<OutboxEvent>> OutboxAsync()
    {
        await using var db = Factory.CreateDbContext();
        return await db.OutboxEvents.AsNoTracking().OrderBy(e => e.OccurredAt).ToListAsync();
    }

    [Fact]
    public async Task An_enrolment_writes_its_event_and_a_failed_one_writes_none()
    {
        await EnrolCamilleInJumoAsync();
        var enrolled = Assert.Single(await OutboxAsync());

        // Sarah is already a JUMO mentee: the insert fails on the unique index, and its event with it.
        var sarah = await SignInAsync(DemoPeople.Sarah);
        var jumo = (await sarah.QueryAsync("{ programs { id code } }")).Data["programs"]!.AsArray().Single(p => p!["code"]!.GetValue<string>() == DemoData.FlexibleProgramCode)!["id"]!.GetValue<string>();
        var again = await sarah.QueryAsync("mutation($p: ID!) { enrollInProgram(input: { programId: $p, role: MENTEE }) { errors { code } } }", new { p = jumo });

        Assert.Equal("ALREADY_ENROLLED", again.EnsureNoErrors().Data["enrollInProgram"]!["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal([enrolled.Id], (await OutboxAsync()).Select(e => e.Id));
        Assert.Equal(WebhookEventTypes.MemberEnrolled, enrolled.Type);
        Assert.Contains("\"memberNumber\": \"20005\"", enrolled.Data, StringComparison.Ordinal);
        Assert.Contains("\"role\": \"MENTEE\"", enrolled.Data, StringComparison.Ordinal);
        Assert.Contains($"\"code\": \"{DemoData.FlexibleProgramCode}\"", enrolled.Data, StringComparison.Ordinal);
        Assert.Null(enrolled.DispatchedAt);
    }

    [Fact]
    public async Task An_application_is_not_an_enrolment_until_a_coordinator_admits_it()
    {
        var coordinator = await SignInAsync(DemoPeople.StructuredCoordinator);
        var noah = await SignInAsync(DemoPeople.Noah);
        var structured = (await noah.QueryAsync("{ programs { id code } }")).Data["programs"]!.AsArray().Single(p => p!["code"]!.GetValue<string>() == DemoData.StructuredProgramCode)!["id"]!.GetValue<string>();
        var application = await noah.QueryAsync("mutation($p: ID!) { applyToProgram(input: { programId: $p, role: MENTEE }) { enrolment { id } errors { code } } }", new { p = structured });
        var enrolmentId = application.EnsureNoErrors().Data["applyToProgram"]!["enrolment"]!["id"]!.GetValue<string>();
        Assert.Empty(await OutboxAsync());

        var cohort = await coordinator.QueryAsync("mutation($p: ID!) { createCohort(input: { programId: $p, name: \"Hiver 2027\", capacity: 10 }) { cohort { id } errors { code } } }", new { p = structured });
        var cohortId = cohort.EnsureNoErrors().Data["createCohort"]!["cohort"]!["id"]!.GetValue<string>();
        var admitted = await coordinator.QueryAsync("mutation($e: ID!, $c: ID!) { admitApplicant(input: { enrolmentId: $e, cohortId: $c }) { enrolment { status } errors { code } } }", new { e = enrolmentId, c = cohortId });

        Assert.Equal("ACTIVE", admitted.EnsureNoErrors().Data["admitApplicant"]!["enrolment"]!["status"]!.GetValue<string>());
        var outbox = Assert.Single(await OutboxAsync());
        Assert.Contains($"\"id\": \"{enrolmentId}\"", outbox.Data, StringComparison.Ordinal);
        Assert.Contains($"\"cohortId\": \"{cohortId}\"", outbox.Data, StringComparison.Ordinal);
        Assert.Contains("\"memberNumber\": \"30004\"", outbox.Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_fan_out_to_the_active_endpoints_whose_subscriptions_match_once_whoever_dispatches()
    {
        var member = await RegisterAsync("https://a.exemple.qc.ca/", ["member.*"]);
        var matches = await RegisterAsync("https://b.exemple.qc.ca/", ["match.*", "goal.achieved"]);
        var everything = await RegisterAsync("https://c.exemple.qc.ca/", ["*"]);
        var inactive = await RegisterAsync("https://d.exemple.qc.ca/", ["*"], active: false);
        await EnrolCamilleInJumoAsync();
        await using (var db = Factory.CreateDbContext())
        {
            Outbox.Add(db, WebhookEventTypes.MatchAccepted, new { match = new { id = "x" } });
            await db.SaveChangesAsync();
        }

        var first = WebhookHosts.Dispatcher(Factory);
        var second = WebhookHosts.Dispatcher(Factory);
        var taken = await Task.WhenAll(first.FanOutAsync(default), second.FanOutAsync(default));

        Assert.Equal(2, taken.Sum());
        Assert.All(await OutboxAsync(), e => Assert.NotNull(e.DispatchedAt));
        string[] Types(Guid endpoint, List<WebhookDelivery> all) => [.. all.Where(d => d.EndpointId == endpoint).Select(d => d.EventType).Order()];
        await using var check = Factory.CreateDbContext();
        var deliveries = await check.WebhookDeliveries.AsNoTracking().ToListAsync();
        Assert.Equal(["member.enrolled"], Types(GlobalId.Parse(member, "Webhook"), deliveries));
        Assert.Equal(["match.accepted"], Types(GlobalId.Parse(matches, "Webhook"), deliveries));
        Assert.Equal(["match.accepted", "member.enrolled"], Types(GlobalId.Parse(everything, "Webhook"), deliveries));
        Assert.Empty(Types(GlobalId.Parse(inactive, "Webhook"), deliveries));
        Assert.Equal(0, await first.FanOutAsync(default));
    }

    [Fact]
    public void Ids_in_events_are_the_graphs_global_ids()
    {
        var id = Guid.CreateVersion7();

        Assert.Equal(GlobalId.Encode("Member", id), Outbox.NodeId("Member", id));
    }

    [Fact]
    public void Unknown_event_types_are_a_programming_error() =>
        Assert.Throws<ArgumentException>(() => Outbox.Add(null!, "member.exploded", new { }));
}
