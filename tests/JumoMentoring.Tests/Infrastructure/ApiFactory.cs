using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using JumoMentoring.Api.ReferenceData;
using JumoMentoring.Domain.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace JumoMentoring.Tests.Infrastructure;

/// <summary>
/// The real API host against the real PostgreSQL and Redis started by scripts/services, on a test
/// database of its own. Tests that share it run one at a time (see <see cref="ApiCollection"/>)
/// and start from a freshly reset database with the demo data.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static string PostgresConnectionString { get; } = TestDatabase();

    public static string RedisConnectionString { get; } =
        Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? "127.0.0.1:63799";

    /// <summary>The chat's Redis keys of this test run: other checkouts test on the same server.</summary>
    public static string ChatKeyPrefix { get; } = $"test:{Guid.NewGuid():N}:";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: errors are masked as in production.
        builder.UseEnvironment("Test");
        builder.UseSetting("ConnectionStrings:Postgres", PostgresConnectionString);
        builder.UseSetting("ConnectionStrings:Redis", RedisConnectionString);
        builder.UseSetting("Chat:KeyPrefix", ChatKeyPrefix);

        // Webhook tests start their own hosts with a dispatcher (WebhookHosts); this one delivers nothing.
        builder.UseSetting("Webhooks:DispatcherEnabled", "false");
    }

    public async Task InitializeAsync()
    {
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
        await ResetAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // Delete the chat keys this run wrote.
        var redis = Services.GetRequiredService<IConnectionMultiplexer>();
        if (redis.IsConnected)
        {
            var keys = new List<RedisKey>();
            await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: ChatKeyPrefix + "*", pageSize: 500))
            {
                keys.Add(key);
            }

            if (keys.Count > 0)
            {
                await redis.GetDatabase().KeyDeleteAsync([.. keys]);
            }
        }
    }

    public JumoDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<JumoDbContext>>().CreateDbContext();

    /// <summary>A client carrying a dev token of the member with this email, or of a machine client.</summary>
    public async Task<GraphQLClient> SignInAsync(string? email = null, string? client = null)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(email, client));
        return new GraphQLClient(http);
    }

    /// <summary>A dev token of the member with this email, or of a machine client.</summary>
    public async Task<string> TokenAsync(string? email = null, string? client = null)
    {
        using var http = CreateClient();
        var response = await http.PostAsJsonAsync("/auth/dev-token", new { email, client });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>Empties every table and seeds the demo data again.</summary>
    public async Task ResetAsync()
    {
        await using var db = CreateDbContext();
        var tables = db.Model.GetEntityTypes()
            .Select(t => t.GetTableName())
            .Where(t => t is not null)
            .Distinct()
            .Select(t => $"\"{t}\"");
#pragma warning disable EF1002 // Table names come from our own model, not from input.
        await db.Database.ExecuteSqlRawAsync($"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE");
#pragma warning restore EF1002
        await DemoData.SeedAsync(db);
        Services.GetRequiredService<ReferenceCatalog>().Invalidate();
    }

    /// <summary>
    /// The developer database's server, with a database of the tests' own (JUMO_TEST_DB, default
    /// jumo_test, so that two checkouts can test at once on one server).
    /// </summary>
    private static string TestDatabase()
    {
        var baseline = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres")
            ?? "Host=127.0.0.1;Port=54329;Database=jumo;Username=jumo;Password=jumo";
        var name = Environment.GetEnvironmentVariable("JUMO_TEST_DB") is { Length: > 0 } custom ? custom : "jumo_test";
        return new NpgsqlConnectionStringBuilder(baseline) { Database = name }.ConnectionString;
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "api";
}

/// <summary>Base of the tests that go through the HTTP surface: each starts from the demo data.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ApiFactory factory) : IAsyncLifetime
{
    protected ApiFactory Factory { get; } = factory;

    /// <summary>The client of the test: anonymous, or signed in as <see cref="SignedInAs"/>.</summary>
    protected GraphQLClient Graph { get; private set; } = new(factory.CreateClient());

    /// <summary>The demo member <see cref="Graph"/> signs in as; null for anonymous.</summary>
    protected virtual string? SignedInAs => null;

    /// <summary>A client signed in as the demo member with this email (see DemoPeople).</summary>
    protected Task<GraphQLClient> SignInAsync(string email) => Factory.SignInAsync(email);

    public async Task InitializeAsync()
    {
        await Factory.ResetAsync();
        if (SignedInAs is { } email)
        {
            Graph = await SignInAsync(email);
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
