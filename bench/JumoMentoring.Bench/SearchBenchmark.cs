using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.ReferenceData;
using JumoMentoring.Domain.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JumoMentoring.Bench;

/// <summary>
/// Library search and recommendations on a database of its own (jumo_bench_search, dropped and
/// migrated anew) with generated bilingual resources: first the static query methods on a
/// DbContext, then the same work through the real GraphQL endpoint hosted in-process on loopback.
/// Options: --resources N (5000), --searches N (300), --recommendations N (300), --db NAME, --no-http.
/// </summary>
public static class SearchBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var resources = IntOption(args, "--resources", 5000);
        var searches = IntOption(args, "--searches", 300);
        var recommendations = IntOption(args, "--recommendations", 300);
        var database = StringOption(args, "--db", "jumo_bench_search");
        var http = !args.Contains("--no-http");

        var baseline = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? DomainServiceCollectionExtensions.DefaultConnectionString;
        var connectionString = new NpgsqlConnectionStringBuilder(baseline) { Database = database }.ConnectionString;
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = connectionString })
            .Build();
        await using var provider = new ServiceCollection().AddDomain(configuration).BuildServiceProvider();
        var contexts = provider.GetRequiredService<IDbContextFactory<JumoDbContext>>();

        Console.WriteLine($"search: database {database}, {resources} published resources");
        var setup = Stopwatch.StartNew();
        await RecreateDatabaseAsync(baseline, database);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            await DemoData.SeedReferenceListsAsync(db);
        }

        await InsertAsync(contexts, resources);
        await using (var db = await contexts.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE resources");
        }

        Console.WriteLine($"setup: {setup.Elapsed.TotalSeconds:F1} s (create, migrate, insert, analyze)");

        var random = new Random(7);
        var searchCases = Enumerable.Range(0, searches).Select(_ => SearchCase(random)).ToList();
        var recommendationCases = Enumerable.Range(0, recommendations).Select(_ => RecommendationCase(random)).ToList();

        // Direct: the static query methods the resolvers call, one pooled DbContext per call.
        var hits = 0L;
        await MeasureAsync("direct search (page of 20)", searchCases, async c =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            hits += (await ResourceSearch.SearchAsync(db, c.Criteria, 21)).Count;
        });
        Console.WriteLine($"  average hits per page: {(double)hits / Math.Max(1, searches):F1}");
        await MeasureAsync("direct search count", searchCases, async c =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await ResourceSearch.CountAsync(db, c.Criteria);
        });
        await MeasureAsync("direct recommendations (5)", recommendationCases, async c =>
        {
            await using var db = await contexts.CreateDbContextAsync();
            await ResourceRecommendations.ListAsync(db.Resources, c, 5);
        });

        if (http)
        {
            await using var app = await StartApiAsync(connectionString);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            using var client = new HttpClient { BaseAddress = new Uri(address) };
            Console.WriteLine($"http: {address}/graphql");
            await MeasureAsync("http search (first: 20, snippet, totalCount)", searchCases, async c =>
            {
                using var request = GraphQLRequest(
                    "query($s: String, $l: Language) { resources(search: $s, language: $l, first: 20) { totalCount nodes { id title language isTranslationFallback snippet } } }",
                    new Dictionary<string, object?> { ["s"] = c.Criteria.Search, ["l"] = c.Criteria.Only?.ToString().ToUpperInvariant() },
                    c.AcceptLanguage);
                await SendAsync(client, request);
            });
            await MeasureAsync("http recommendations (first: 5)", recommendationCases, async c =>
            {
                using var request = GraphQLRequest(
                    "query($t: [String!], $a: ResourceAudience, $s: ResourceStage) { recommendedResources(topics: $t, audience: $a, stage: $s, first: 5) { id title language } }",
                    new Dictionary<string, object?>
                    {
                        ["t"] = c.Topics,
                        ["a"] = c.Audience is { } a ? ConstantCase(a.ToString()) : null,
                        ["s"] = c.Stage is { } s ? ConstantCase(s.ToString()) : null,
                    },
                    "fr");
                await SendAsync(client, request);
            });
            await app.StopAsync();
        }

        return 0;
    }

    private sealed record SearchWork(ResourceSearchCriteria Criteria, string? AcceptLanguage);

    private static async Task MeasureAsync<T>(string name, IReadOnlyList<T> cases, Func<T, Task> run)
    {
        // Warm up: JIT, connection pool, plan caches.
        foreach (var item in cases.Take(Math.Min(20, cases.Count)))
        {
            await run(item);
        }

        var timings = new double[cases.Count];
        var total = Stopwatch.StartNew();
        for (var i = 0; i < cases.Count; i++)
        {
            var one = Stopwatch.StartNew();
            await run(cases[i]);
            timings[i] = one.Elapsed.TotalMilliseconds;
        }

        total.Stop();
        Array.Sort(timings);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-48} n={cases.Count,4}  p50 {Percentile(timings, 0.50),7:F2} ms  p99 {Percentile(timings, 0.99),7:F2} ms  max {timings[^1],7:F2} ms  {cases.Count / total.Elapsed.TotalSeconds,7:F0} q/s"));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static async Task SendAsync(HttpClient client, HttpRequestMessage request)
    {
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || body.Contains("\"errors\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"GraphQL request failed ({(int)response.StatusCode}): {body}");
        }
    }

    private static HttpRequestMessage GraphQLRequest(string query, Dictionary<string, object?> variables, string? acceptLanguage)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        return request;
    }

    private static string ConstantCase(string pascal) =>
        string.Concat(pascal.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    private static Task<WebApplication> StartApiAsync(string connectionString) => BenchHost.StartApiAsync(connectionString);

    private static async Task RecreateDatabaseAsync(string baseline, string database)
    {
        var admin = new NpgsqlConnectionStringBuilder(baseline) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        var quoted = "\"" + database.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        await using (var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)", connection))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE {quoted}", connection);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task InsertAsync(IDbContextFactory<JumoDbContext> contexts, int count)
    {
        var random = new Random(42);
        const int batch = 500;
        for (var start = 0; start < count; start += batch)
        {
            await using var db = await contexts.CreateDbContextAsync();
            for (var i = start; i < Math.Min(count, start + batch); i++)
            {
                db.Resources.Add(GenerateResource(random, i));
            }

            await db.SaveChangesAsync();
        }
    }

    // Generated text: words drawn from the demo library's own text, so that each word keeps its
    // natural frequency (common words often, domain words now and then), in realistic lengths:
    // titles of 4–9 words, summaries of 15–30, bodies of 3–5 paragraphs (about 250 words).
    private static readonly string[] FrenchWords = Tokens(DemoResources.All().SelectMany(r => new[] { r.TitleFr, r.SummaryFr, r.BodyFr }));
    private static readonly string[] EnglishWords = Tokens(DemoResources.All().SelectMany(r => new[] { r.TitleEn, r.SummaryEn, r.BodyEn }));

    private static string[] Tokens(IEnumerable<string?> texts) =>
        [.. texts.OfType<string>()
            .SelectMany(t => t.Split((char[])[' ', '\n', '\t', '.', ',', ':', ';', '!', '?', '(', ')', '[', ']', '*', '#', '"', '«', '»', '-'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Any(char.IsLetter))];

    private static readonly string[] TopicCodes =
        [.. ReferenceLists.All.Where(i => i.Kind == ReferenceKind.Topic).Select(i => i.Code)];

    private static Resource GenerateResource(Random random, int index)
    {
        var languages = random.Next(10);
        var hasFrench = languages != 0;
        var hasEnglish = languages != 1;
        var topics = TopicCodes.OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
        var audience = new[] { "mentor", "mentee", "coordinator" }.Where(_ => random.Next(2) == 0).DefaultIfEmpty("mentee").ToList();
        var stages = Enum.GetValues<ResourceStage>();
        return new Resource
        {
            Slug = $"bench-{index:D5}",
            Kind = (ResourceKind)random.Next(5),
            TitleFr = hasFrench ? Capitalize(Words(random, FrenchWords, random.Next(4, 10))) : null,
            SummaryFr = hasFrench ? Sentence(random, FrenchWords, random.Next(15, 31)) : null,
            BodyFr = hasFrench ? Body(random, FrenchWords) : null,
            TitleEn = hasEnglish ? Capitalize(Words(random, EnglishWords, random.Next(4, 10))) : null,
            SummaryEn = hasEnglish ? Sentence(random, EnglishWords, random.Next(15, 31)) : null,
            BodyEn = hasEnglish ? Body(random, EnglishWords) : null,
            Topics = topics,
            Audience = audience,
            Stage = stages[random.Next(stages.Length)].ToCode(),
            Status = ResourceStatus.Published,
        };
    }

    private static string Body(Random random, string[] words)
    {
        var body = new StringBuilder();
        var paragraphs = random.Next(3, 6);
        for (var p = 0; p < paragraphs; p++)
        {
            if (p > 0 && random.Next(3) == 0)
            {
                body.Append("## ").Append(Capitalize(Words(random, words, random.Next(2, 5)))).Append("\n\n");
            }

            if (random.Next(4) == 0)
            {
                for (var item = 0; item < random.Next(3, 6); item++)
                {
                    body.Append("- ").Append(Sentence(random, words, random.Next(5, 12))).Append('\n');
                }
            }
            else
            {
                for (var s = 0; s < random.Next(3, 6); s++)
                {
                    body.Append(Sentence(random, words, random.Next(8, 20))).Append(' ');
                }
            }

            body.Append("\n\n");
        }

        return body.ToString().TrimEnd();
    }

    private static string Sentence(Random random, string[] words, int count) => Capitalize(Words(random, words, count)) + ".";

    private static string Words(Random random, string[] words, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)]));

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static readonly string[] Searches =
    [
        "médecin", "medecin", "évaluation", "evaluation", "rétroaction", "retroaction", "première rencontre", "premiere rencontre",
        "épuisement", "epuisement", "santé mentale", "sante mentale", "soins à domicile", "facturation RAMQ", "région éloignée",
        "region eloignee", "déprescription", "\"soins à domicile\"", "garde -urgence", "CHSLD",
        "meetings", "meeting", "physicians", "feedback", "exam preparation", "burnout", "rural practice", "billing", "virtual care",
        "long-term care", "supervision", "goals", "deprescribing", "confidentiality", "CaRMS interviews", "mentoring or coaching",
    ];

    private static SearchWork SearchCase(Random random)
    {
        var search = Searches[random.Next(Searches.Length)];
        return random.Next(4) switch
        {
            0 => new SearchWork(new ResourceSearchCriteria { Search = search, Preferred = Language.Fr }, "fr-CA"),
            1 => new SearchWork(new ResourceSearchCriteria { Search = search, Preferred = Language.En }, "en-CA"),
            2 => new SearchWork(new ResourceSearchCriteria { Search = search }, null),
            _ => new SearchWork(new ResourceSearchCriteria { Search = search, Only = random.Next(2) == 0 ? Language.Fr : Language.En }, null),
        };
    }

    private static ResourceRecommendationCriteria RecommendationCase(Random random) => new(
        [.. TopicCodes.OrderBy(_ => random.Next()).Take(random.Next(1, 4))],
        random.Next(4) is var a && a < 3 ? (ResourceAudience)a : null,
        random.Next(4) is var s && s < 3 ? (ResourceStage)s : null);

    private static int IntOption(string[] args, string name, int fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length && int.TryParse(args[index + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static string StringOption(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
