using JumoMentoring.Api;
using JumoMentoring.Api.Auth;
using JumoMentoring.Api.Graph;
using JumoMentoring.Chat;
using JumoMentoring.Domain;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace JumoMentoring.Bench;

/// <summary>
/// The API built as src/Api/Program.cs builds it (same extensions, same pipeline), in the Test
/// environment so that /auth/dev-token signs tokens, on a free loopback port, quiet.
/// </summary>
public static class BenchHost
{
    public static async Task<WebApplication> StartApiAsync(string postgres, string? redis = null, IDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.Configuration["ConnectionStrings:Postgres"] = postgres;
        builder.Configuration["ConnectionStrings:Redis"] = redis ?? Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? ChatServiceCollectionExtensions.DefaultConnectionString;
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddDomain(builder.Configuration);
        builder.Services.AddChat(builder.Configuration).AddChatHub(builder.Configuration);
        builder.Services.AddApi(builder.Configuration, builder.Environment);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDevTokens();
        app.MapGraphQLHttp("/graphql");
        app.MapChatHub();
        await app.StartAsync();
        return app;
    }
}
