using JumoMentoring.Api;
using JumoMentoring.Api.Auth;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Meetings;
using JumoMentoring.Api.Setup;
using JumoMentoring.Api.Sync;
using JumoMentoring.Chat;
using JumoMentoring.Domain;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

var builder = WebApplication.CreateBuilder(args);

// Domain: PostgreSQL through EF Core.
builder.Services.AddDomain(builder.Configuration);

// Chat: Redis stream store, presence, and the SignalR hub with its Redis backplane.
builder.Services.AddChat(builder.Configuration).AddChatHub(builder.Configuration);

// API: sign-in, GraphQL schema and conventions, health checks.
builder.Services.AddApi(builder.Configuration, builder.Environment);

var app = builder.Build();

// `dotnet run -- setup`: migrations and demo data, then exit.
if (args.Contains("setup"))
{
    await DatabaseSetup.RunAsync(app.Services, seedDemoData: !args.Contains("--no-demo-data"));
    return;
}

// `dotnet run -- import-members FILE.csv [--full]`: the member-system sync from a CSV export, then exit.
if (args.FirstOrDefault() == "import-members")
{
    Environment.ExitCode = await MemberCsvImport.RunAsync(app.Services, args[1..], Console.Out, Console.Error);
    return;
}

// Health: live says the process runs; ready says PostgreSQL and Redis answer.
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") });

// WebSockets: GraphQL subscriptions (graphql-transport-ws) at /graphql.
app.UseWebSockets();

// Sign-in: bearer tokens of the college's identity provider (or local dev tokens).
app.UseAuthentication();
app.UseAuthorization();
if (app.Environment.AllowsDevTokens())
{
    app.MapDevTokens();
}

// GraphQL over HTTP, and over WebSocket for subscriptions.
app.MapGraphQLHttp("/graphql");

// Continuing education: the signed-in member's printable attestation (bearer token, HTML).
app.MapAttestations();

// Live chat: the SignalR hub at /hubs/chat (JWT from the header or the access_token query string).
app.MapChatHub();

app.Run();

/// <summary>The host, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
