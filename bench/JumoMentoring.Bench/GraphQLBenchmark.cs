using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using JumoMentoring.Api;
using JumoMentoring.Api.Auth;
using JumoMentoring.Api.Graph;
using JumoMentoring.Chat;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace JumoMentoring.Bench;

/// <summary>
/// The member directory as an admin reads it, over real HTTP: the API runs in-process on a loopback
/// port against its own database (<c>jumo_bench_graphql</c>, or <c>--db NAME</c>; kept between runs), seeded with the demo data and
/// members up to <c>--members</c>, each with enrolments. N clients send the query for a fixed time after
/// a warm-up; the numbers are requests/s, p50/p99 latency and SQL commands per request (counted by the
/// API's <see cref="SqlCommandCounter"/>, sign-in's member lookup included).
/// </summary>
public static class GraphQLBenchmark
{
    public const string Query = "{ members(first: 100) { nodes { displayName careerStage { label } enrolments { role program { name } } } } }";
    public const string Admin = "nadia.saintpierre@exemple.qc.ca";

    private sealed record Settings(int Clients, TimeSpan Duration, TimeSpan Warmup, int Members, string Database);

    public static async Task<int> RunAsync(string[] args)
    {
        if (Parse(args) is not { } settings)
        {
            Console.Error.WriteLine("usage: scripts/bench graphql [--clients 16] [--seconds 20] [--warmup 5] [--members 1000] [--db jumo_bench_graphql]");
            return 2;
        }

        var connectionString = new NpgsqlConnectionStringBuilder(
            Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? DomainServiceCollectionExtensions.DefaultConnectionString)
        { Database = settings.Database }.ConnectionString;
        await CreateDatabaseAsync(connectionString);

        await using var app = BuildApi(connectionString);
        var setup = Stopwatch.StartNew();
        await SeedAsync(app.Services, settings.Members);
        await app.StartAsync();
        var url = app.Urls.Single();
        Console.WriteLine($"graphql: API on {url}, database {settings.Database} ready in {setup.Elapsed.TotalSeconds:0.0} s");

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = settings.Clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = new Uri(url),
        };
        var token = await http.PostAsJsonAsync("/auth/dev-token", new { email = Admin });
        token.EnsureSuccessStatusCode();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query = Query }));

        // One request first: it must succeed with a full page, and tells the SQL cost of one request alone.
        var counter = app.Services.GetRequiredService<SqlCommandCounter>();
        var before = counter.Count;
        var nodes = await CheckAsync(http, body);
        var single = counter.Count - before;
        Console.WriteLine($"graphql: one request returns {nodes} members with {single} SQL commands");

        await LoadAsync(http, body, settings.Clients, settings.Warmup, record: null);
        var latencies = new List<double>[settings.Clients];
        before = counter.Count;
        var clock = Stopwatch.StartNew();
        var failures = await LoadAsync(http, body, settings.Clients, settings.Duration, latencies);
        var elapsed = clock.Elapsed;
        var commands = counter.Count - before;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        Console.WriteLine($"graphql: {settings.Clients} clients, {settings.Duration.TotalSeconds:0} s after {settings.Warmup.TotalSeconds:0} s of warm-up, " +
            $"{all.Length} requests ({failures} failed), page of {nodes} members");
        Console.WriteLine($"  requests/s       {all.Length / elapsed.TotalSeconds,10:0.0}");
        Console.WriteLine($"  latency p50      {Percentile(all, 0.50),10:0.0} ms");
        Console.WriteLine($"  latency p99      {Percentile(all, 0.99),10:0.0} ms");
        Console.WriteLine($"  SQL per request  {(double)commands / Math.Max(1, all.Length + failures),10:0.00} (one request alone: {single})");
        await app.StopAsync();
        return failures == 0 ? 0 : 1;
    }

    private static Settings? Parse(string[] args)
    {
        var clients = 16;
        var seconds = 20;
        var warmup = 5;
        var members = 1000;
        var database = "jumo_bench_graphql";
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--db" && i + 1 < args.Length)
            {
                database = args[++i];
                continue;
            }

            var value = i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) && v > 0 ? v : (int?)null;
            switch (args[i])
            {
                case "--clients" when value is not null: clients = value.Value; break;
                case "--seconds" when value is not null: seconds = value.Value; break;
                case "--warmup" when value is not null: warmup = value.Value; break;
                case "--members" when value is not null: members = value.Value; break;
                default: return null;
            }

            i++;
        }

        return new Settings(clients, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(warmup), members, database);
    }

    /// <summary>
    /// The API as src/Api/Program.cs builds it (the GraphQL path: domain, chat services, API, sign-in and
    /// the transport), on a free loopback port; the webhook dispatcher is off so that only requests count.
    /// </summary>
    private static WebApplication BuildApi(string connectionString)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Test" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical); // a new database's missing history table
        builder.Configuration["ConnectionStrings:Postgres"] = connectionString;
        builder.Configuration["Webhooks:DispatcherEnabled"] = "false";
        builder.Services.AddDomain(builder.Configuration);
        builder.Services.AddChat(builder.Configuration).AddChatHub(builder.Configuration);
        builder.Services.AddApi(builder.Configuration, builder.Environment);

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapDevTokens();
        app.MapGraphQLHttp("/graphql");
        return app;
    }

    private static async Task CreateDatabaseAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" }.ConnectionString);
        await connection.OpenAsync();
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        if (await exists.ExecuteScalarAsync() is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Migrations, the demo data, then members (through the member sync) until <paramref name="total"/> have enrolments. Idempotent.</summary>
    private static async Task SeedAsync(IServiceProvider services, int total)
    {
        var factory = services.GetRequiredService<IDbContextFactory<JumoDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await DemoData.SeedAsync(db);
        }

        string[] firsts = ["Émilie", "Jérôme", "François", "Anaïs", "Noël", "Chloé", "Benoît", "Léa", "Samuel", "Maëlle"];
        string[] lasts = ["Gagnon", "Roy", "Côté", "Bouchard", "Gauthier", "Morin", "Lavoie", "Fortin", "Gagné", "Ouellet", "Pelletier", "Bélanger"];
        string[] stages = ["medical-student", "resident", "early-career", "experienced", "retired"];
        await using (var db = await factory.CreateDbContextAsync())
        {
            // Every member but the staff gets enrolments below.
            var members = await db.Members.CountAsync(m => !db.RoleAssignments.Any(r => r.MemberId == m.Id));
            var bench = await db.Members.CountAsync(m => m.MemberNumber.StartsWith("B"));
            var rows = Enumerable.Range(bench + 1, Math.Max(0, total - members)).Select(i => new MemberSyncRow
            {
                Position = i,
                MemberNumber = $"B{i:00000}",
                FirstName = firsts[i % firsts.Length],
                LastName = $"{lasts[i % lasts.Length]} {i}",
                Email = $"banc.{i:00000}@exemple.qc.ca",
                PreferredLanguage = i % 4 == 0 ? "en" : "fr",
                CareerStage = stages[i % stages.Length],
                Region = $"{1 + (i % 17):00}",
            }).ToList();
            foreach (var batch in rows.Chunk(MemberSync.MaxRowsPerCall))
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                await MemberSync.LockAsync(db, default);
                var result = await MemberSync.SyncAsync(db, batch, run: null, default);
                if (result.Errors.Count > 0)
                {
                    throw new InvalidOperationException($"Bench members rejected: {result.Errors[0].MessageEn}");
                }

                await transaction.CommitAsync();
            }
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            var jumo = await db.Programs.SingleAsync(p => p.Code == DemoData.FlexibleProgramCode);
            var structured = await db.Programs.SingleAsync(p => p.Code == DemoData.StructuredProgramCode);
            var unenrolled = await db.Members.Where(m => !db.Enrolments.Any(e => e.MemberId == m.Id) && !db.RoleAssignments.Any(r => r.MemberId == m.Id))
                .Select(m => m.Id).ToListAsync();
            for (var i = 0; i < unenrolled.Count; i++)
            {
                db.Enrolments.Add(new Enrolment { MemberId = unenrolled[i], ProgramId = jumo.Id, Role = ProgramRole.Mentee });
                if (i % 3 == 0)
                {
                    db.Enrolments.Add(new Enrolment { MemberId = unenrolled[i], ProgramId = structured.Id, Role = ProgramRole.Mentor, MentorCapacity = 2 });
                }
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task<int> CheckAsync(HttpClient http, byte[] body)
    {
        using var response = await PostAsync(http, body);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode || json.TryGetProperty("errors", out _))
        {
            throw new InvalidOperationException($"The query failed: {(int)response.StatusCode} {json}");
        }

        return json.GetProperty("data").GetProperty("members").GetProperty("nodes").GetArrayLength();
    }

    /// <summary>Runs <paramref name="clients"/> loops for <paramref name="duration"/>; records each success's latency (ms). Returns the failures.</summary>
    private static async Task<int> LoadAsync(HttpClient http, byte[] body, int clients, TimeSpan duration, List<double>[]? record)
    {
        var failures = 0;
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async client =>
        {
            var mine = new List<double>(4096);
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await PostAsync(http, body);
                await response.Content.LoadIntoBufferAsync();
                if (response.IsSuccessStatusCode)
                {
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref failures);
                }
            }

            if (record is not null)
            {
                record[client] = mine;
            }
        }));
        return failures;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient http, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return http.PostAsync("/graphql", content);
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
