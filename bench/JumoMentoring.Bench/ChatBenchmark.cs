using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using JumoMentoring.Chat;
using JumoMentoring.Domain;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.Members;
using JumoMentoring.Domain.Programs;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using StackExchange.Redis;

namespace JumoMentoring.Bench;

/// <summary>
/// Live chat under load, end to end: the built API runs as a child process (ASPNETCORE_ENVIRONMENT=Test,
/// so /auth/dev-token signs tokens) on a loopback port against a database of its own
/// (<c>jumo_bench_chat</c>, migrated) and the local Redis (keys under a prefix of the run, deleted at
/// the end). N pairs of members with ACTIVE matches are inserted with the DbContext; 2N SignalR
/// clients connect over WebSockets; every member sends to their partner at a fixed rate (open loop:
/// sends follow the clock, not the previous acknowledgement; the warm-up ramps up to that rate) for a
/// set time. Reported: delivered
/// messages/s, end-to-end latency (from the SendMessage call to the partner's MessageReceived),
/// acknowledgement latency, and the lost (acknowledged to the sender, never received by the
/// partner) and duplicated (received more than once) messages, which must be 0.
/// Usage: scripts/bench chat [--pairs 500] [--rate 1] [--seconds 30] [--warmup 15] [--drain 10]
/// [--set Chat__AccessCacheDuration=00:00:05 …] (configuration of the API process, for experiments).
/// </summary>
public static class ChatBenchmark
{
    private const string ProgramCode = "bench-chat";
    private const string MemberPrefix = "bench-";

    private sealed record Options(int Pairs, double Rate, int Seconds, int Warmup, int Drain, string Database, IReadOnlyList<KeyValuePair<string, string>> ApiSettings);

    /// <summary>One connected member: what they sent (and had acknowledged) and what they received.</summary>
    private sealed class Client(int index, Guid memberId, Guid conversationId, HubConnection connection)
    {
        public int Index { get; } = index;
        public Guid MemberId { get; } = memberId;
        public Guid ConversationId { get; } = conversationId;
        public HubConnection Connection { get; } = connection;
        public Client Partner { get; set; } = null!;

        /// <summary>Message id → how many times this member received it from their partner.</summary>
        public ConcurrentDictionary<string, int> Received { get; } = new(StringComparer.Ordinal);

        /// <summary>Ids of this member's messages the server acknowledged.</summary>
        public ConcurrentBag<string> Acknowledged { get; } = [];
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var options = Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: scripts/bench chat [--pairs N] [--rate MESSAGES_PER_SECOND_PER_MEMBER] [--seconds N] [--warmup N] [--drain N] [--db NAME] [--set API_SETTING=VALUE]…");
            return 2;
        }

        var baseline = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") ?? DomainServiceCollectionExtensions.DefaultConnectionString;
        var postgres = new NpgsqlConnectionStringBuilder(baseline) { Database = options.Database }.ConnectionString;
        var redisConnection = Environment.GetEnvironmentVariable("ConnectionStrings__Redis") ?? ChatServiceCollectionExtensions.DefaultConnectionString;
        var prefix = $"bench:{Guid.NewGuid():N}:";
        var port = FreePort();
        var baseUri = new Uri($"http://127.0.0.1:{port}");
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Test",
            ["ASPNETCORE_URLS"] = baseUri.ToString(),
            ["ConnectionStrings__Postgres"] = postgres,
            ["ConnectionStrings__Redis"] = redisConnection,
            ["Chat__KeyPrefix"] = prefix,

            // The per-member rate limit (20 per 10 s) would refuse the load itself: the benchmark measures delivery.
            ["Chat__RateLimitCount"] = "10000",
            ["Chat__RateLimitWindow"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        };
        foreach (var (key, value) in options.ApiSettings)
        {
            environment[key] = value;
        }

        Console.WriteLine($"chat benchmark: {options.Pairs} pairs ({2 * options.Pairs} SignalR clients over WebSockets), "
            + $"{options.Rate.ToString(CultureInfo.InvariantCulture)} message/s per member, {options.Warmup} s warm-up + {options.Seconds} s measured");
        Console.WriteLine($"database {options.Database}, Redis {redisConnection} (appendfsync {await AppendFsyncAsync(redisConnection)}), API on {baseUri}"
            + string.Concat(options.ApiSettings.Select(s => $", {s.Key}={s.Value}")));

        var api = ApiDll();
        if (await RunToEndAsync(api, ["setup", "--no-demo-data"], environment) != 0)
        {
            Console.Error.WriteLine("The API's setup (migrations) failed.");
            return 1;
        }

        var pairs = await CreatePairsAsync(postgres, options.Pairs);
        using var server = Start(api, environment);
        var clients = new List<Client>();
        try
        {
            using var http = new HttpClient { BaseAddress = baseUri, Timeout = TimeSpan.FromSeconds(30) };
            await WaitReadyAsync(http, server);
            var setup = Stopwatch.StartNew();
            clients = await ConnectAsync(http, baseUri, pairs);
            Console.WriteLine($"connected {clients.Count} clients in {setup.Elapsed.TotalSeconds:0.0} s");

            return await MeasureAsync(options, clients, server);
        }
        finally
        {
            await Task.WhenAll(clients.Select(c => c.Connection.DisposeAsync().AsTask()));
            Stop(server);
            await DeleteKeysAsync(redisConnection, prefix);
        }
    }

    private static async Task<int> MeasureAsync(Options options, List<Client> clients, Process server)
    {
        var sentAt = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        var latencies = new ConcurrentBag<double>();
        var timeline = new ConcurrentBag<(double At, double Ms)>();
        var ackLatencies = new ConcurrentBag<double>();
        var sendLag = new ConcurrentBag<double>();
        var errors = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        long measuredFrom = 0;
        long measuredDelivered = 0;

        foreach (var client in clients)
        {
            client.Connection.On<ChatMessage>("MessageReceived", message =>
            {
                if (message.SenderId == client.MemberId)
                {
                    return; // The sender's own devices get it too; we count the partner's copy.
                }

                var now = Stopwatch.GetTimestamp();
                if (client.Received.AddOrUpdate(message.Id, 1, (_, n) => n + 1) == 1
                    && sentAt.TryGetValue(message.ClientMessageId, out var start) && start >= Volatile.Read(ref measuredFrom))
                {
                    var ms = Stopwatch.GetElapsedTime(start, now).TotalMilliseconds;
                    latencies.Add(ms);
                    timeline.Add((Stopwatch.GetElapsedTime(Volatile.Read(ref measuredFrom), start).TotalSeconds, ms));
                    Interlocked.Increment(ref measuredDelivered);
                }
            });
        }

        var interval = TimeSpan.FromSeconds(1 / options.Rate);
        var total = TimeSpan.FromSeconds(options.Warmup + options.Seconds);
        var pending = new ConcurrentBag<Task>();
        var origin = Stopwatch.GetTimestamp();
        var measuredStart = origin + (long)(options.Warmup * (double)Stopwatch.Frequency);
        Volatile.Write(ref measuredFrom, measuredStart);
        var random = new Random(42);

        // The warm-up ramps the rate up from a tenth to the full rate (a cold server is not flooded at once),
        // then the measured part runs at the full rate.
        var warmup = TimeSpan.FromSeconds(options.Warmup);
        TimeSpan Next(TimeSpan due) => due + (due >= warmup ? interval : interval / Math.Max(0.1, due / warmup));

        async Task SendLoopAsync(Client client, TimeSpan phase)
        {
            var due = phase / (warmup > TimeSpan.Zero ? 0.1 : 1);
            for (var n = 0; ; n++, due = Next(due))
            {
                if (due >= total)
                {
                    return;
                }

                var wait = due - Stopwatch.GetElapsedTime(origin);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait);
                }

                var start = Stopwatch.GetTimestamp();
                if (start >= measuredStart)
                {
                    sendLag.Add((Stopwatch.GetElapsedTime(origin, start) - due).TotalMilliseconds);
                }

                var clientMessageId = $"{client.Index}-{n}";
                sentAt[clientMessageId] = start;
                pending.Add(SendAsync(client, clientMessageId, start));
            }
        }

        async Task SendAsync(Client client, string clientMessageId, long start)
        {
            try
            {
                var stored = await client.Connection.InvokeAsync<ChatMessage>("SendMessage", client.ConversationId, clientMessageId, "Bonjour! Message de charge " + clientMessageId);
                client.Acknowledged.Add(stored.Id);
                if (start >= measuredStart)
                {
                    ackLatencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
            catch (Exception e)
            {
                errors.AddOrUpdate(e.GetType().Name + ": " + e.Message, 1, (_, n) => n + 1);
            }
        }

        var loops = clients.Select(c => SendLoopAsync(c, interval * random.NextDouble())).ToList();
        await Task.Delay(TimeSpan.FromSeconds(options.Warmup));
        var cpuAtMeasure = (Server: ServerCpu(server), Client: Process.GetCurrentProcess().TotalProcessorTime);
        await Task.WhenAll(loops);
        var sendingEnded = Stopwatch.GetTimestamp();
        var cpuAtEnd = (Server: ServerCpu(server), Client: Process.GetCurrentProcess().TotalProcessorTime);
        await Task.WhenAll(pending);

        // Drain: every acknowledged message should reach the partner; wait for the stragglers.
        var drainUntil = Stopwatch.GetTimestamp() + (options.Drain * Stopwatch.Frequency);
        while (Missing(clients) > 0 && Stopwatch.GetTimestamp() < drainUntil)
        {
            await Task.Delay(100);
        }

        var measuredSeconds = Stopwatch.GetElapsedTime(measuredStart, sendingEnded).TotalSeconds;
        var acknowledged = clients.Sum(c => c.Acknowledged.Count);
        var lost = Missing(clients);
        var duplicated = clients.Sum(c => c.Received.Values.Sum(n => Math.Max(0, n - 1)));
        var unacknowledgedDeliveries = clients.Sum(c => c.Received.Keys.Except(c.Partner.Acknowledged).Count());
        var sends = (int)(clients.Count * options.Rate * (options.Seconds + (0.55 * options.Warmup)));

        Console.WriteLine();
        Console.WriteLine($"sent (acknowledged):  {acknowledged} of about {sends} scheduled, {errors.Values.Sum()} failed");
        foreach (var (error, count) in errors.OrderByDescending(e => e.Value).Take(5))
        {
            Console.WriteLine($"  {count} × {error}");
        }

        Console.WriteLine($"delivered/s:          {measuredDelivered / measuredSeconds:0} messages/s to partners over the {measuredSeconds:0.0} s measured "
            + $"(offered {clients.Count * options.Rate:0}/s; the server pushes each message to both members: {2 * measuredDelivered / measuredSeconds:0} pushes/s)");
        Console.WriteLine($"delivery latency ms:  {Percentiles(latencies)}   (SendMessage call → partner's MessageReceived)");
        Console.WriteLine("delivery p99 by 5 s:  " + string.Join("  ", timeline.GroupBy(t => (int)(t.At / 5)).OrderBy(g => g.Key)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Key * 5}s:{g.Select(t => t.Ms).Order().ElementAt(Math.Max(0, (int)Math.Ceiling(0.99 * g.Count()) - 1)):0}"))));
        Console.WriteLine($"ack latency ms:       {Percentiles(ackLatencies)}   (SendMessage call → its result)");
        Console.WriteLine($"send lag ms:          {Percentiles(sendLag)}   (how late the client fired sends: client saturation)");
        Console.WriteLine($"lost:                 {lost}   (acknowledged to the sender, not received by the partner after {options.Drain} s)");
        Console.WriteLine($"duplicated:           {duplicated}");
        Console.WriteLine($"delivered unacked:    {unacknowledgedDeliveries}   (stored and delivered, but the sender's call failed)");
        var window = (cpuAtEnd.Server - cpuAtMeasure.Server).TotalSeconds / measuredSeconds;
        var clientWindow = (cpuAtEnd.Client - cpuAtMeasure.Client).TotalSeconds / measuredSeconds;
        Console.WriteLine($"cpu (cores, of {Environment.ProcessorCount}): API {window:0.00}, load client {clientWindow:0.00} (Redis and PostgreSQL not counted)");
        return lost == 0 && duplicated == 0 ? 0 : 1;
    }

    private static int Missing(List<Client> clients) =>
        clients.Sum(c => c.Acknowledged.Count(id => !c.Partner.Received.ContainsKey(id)));

    private static string Percentiles(ConcurrentBag<double> values)
    {
        if (values.IsEmpty)
        {
            return "(none)";
        }

        var sorted = values.Order().ToArray();
        double At(double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.50):0.0}  p95 {At(0.95):0.0}  p99 {At(0.99):0.0}  max {sorted[^1]:0.0}  (n={sorted.Length})");
    }

    /// <summary>Members "bench-…", a program "bench-chat" and one ACTIVE match per pair; rows of an earlier run are removed first.</summary>
    private static async Task<List<(Member Mentor, Member Mentee, Guid MatchId)>> CreatePairsAsync(string postgres, int pairs)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Postgres"] = postgres }).Build();
        await using var services = new ServiceCollection().AddDomain(configuration).BuildServiceProvider();
        await using var db = await services.GetRequiredService<IDbContextFactory<JumoDbContext>>().CreateDbContextAsync();
        var program = await db.Programs.SingleOrDefaultAsync(p => p.Code == ProgramCode);
        if (program is null)
        {
            program = new MentoringProgram
            {
                Code = ProgramCode,
                Kind = ProgramKind.Flexible,
                NameFr = "Banc d'essai du clavardage",
                NameEn = "Chat benchmark",
                DescriptionFr = "Créé par scripts/bench chat.",
                DescriptionEn = "Created by scripts/bench chat.",
            };
            db.Programs.Add(program);
            await db.SaveChangesAsync();
        }

        await db.Matches.Where(m => m.ProgramId == program.Id).ExecuteDeleteAsync();
        await db.Members.Where(m => m.MemberNumber.StartsWith(MemberPrefix)).ExecuteDeleteAsync();

        var created = new List<(Member, Member, Guid)>(pairs);
        for (var i = 0; i < pairs; i++)
        {
            var mentor = NewMember($"{MemberPrefix}{i:D5}-m", "experienced");
            var mentee = NewMember($"{MemberPrefix}{i:D5}-e", "resident");
            var match = new Match { ProgramId = program.Id, MentorId = mentor.Id, MenteeId = mentee.Id, Status = MatchStatus.Active };
            match.Transitions.Add(new MatchTransition { MatchId = match.Id, To = MatchStatus.Active, Actor = MatchActor.System, Reason = "Banc d'essai" });
            db.Members.AddRange(mentor, mentee);
            db.Matches.Add(match);
            created.Add((mentor, mentee, match.Id));
        }

        await db.SaveChangesAsync();
        return created;
    }

    private static Member NewMember(string number, string careerStage) => new()
    {
        MemberNumber = number,
        FirstName = "Banc",
        LastName = number,
        Email = number + "@bench.invalid",
        CareerStage = careerStage,
        Region = "06",
        LanguagesSpoken = ["fr"],
    };

    private static async Task<List<Client>> ConnectAsync(HttpClient http, Uri baseUri, List<(Member Mentor, Member Mentee, Guid MatchId)> pairs)
    {
        var members = pairs.SelectMany(p => new[] { (Member: p.Mentor, p.MatchId), (Member: p.Mentee, p.MatchId) }).ToList();
        var clients = new Client[members.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, members.Count), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var (member, matchId) = members[i];
            var response = await http.PostAsJsonAsync("/auth/dev-token", new { memberNumber = member.MemberNumber }, ct);
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("accessToken").GetString();
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseUri, ChatHub.Path), o =>
                {
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.AccessTokenProvider = () => Task.FromResult(token);
                })
                .Build();
            await connection.StartAsync(ct);

            // A first call runs after the hub's OnConnectedAsync: the connection is in its member group.
            await connection.InvokeAsync<IReadOnlyList<PresenceNotice>>("GetPresence", Array.Empty<Guid>(), ct);
            clients[i] = new Client(i, member.Id, matchId, connection);
        });

        for (var i = 0; i < clients.Length; i += 2)
        {
            clients[i].Partner = clients[i + 1];
            clients[i + 1].Partner = clients[i];
        }

        return [.. clients];
    }

    private static string ApiDll()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JumoMentoring.sln")))
            {
                var dll = Path.Combine(dir.FullName, "src", "Api", "bin", "Release", "net10.0", "JumoMentoring.Api.dll");
                return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the API in Release first (scripts/bench does).", dll);
            }
        }

        throw new InvalidOperationException("JumoMentoring.sln not found above " + AppContext.BaseDirectory);
    }

    private static ProcessStartInfo StartInfo(string dll, IEnumerable<string> args, Dictionary<string, string> environment)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    private static async Task<int> RunToEndAsync(string dll, string[] args, Dictionary<string, string> environment)
    {
        using var process = Process.Start(StartInfo(dll, args, environment))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            Console.Error.WriteLine(await output);
            Console.Error.WriteLine(await error);
        }

        return process.ExitCode;
    }

    private static Process Start(string dll, Dictionary<string, string> environment)
    {
        var process = Process.Start(StartInfo(dll, [], environment))!;

        // Keep the pipes drained; show what the API says at Warning and above.
        process.OutputDataReceived += (_, e) => Echo(e.Data);
        process.ErrorDataReceived += (_, e) => Echo(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Echo(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            Console.Error.WriteLine("  api| " + line);
        }
    }

    private static void Stop(Process server)
    {
        if (!server.HasExited)
        {
            server.Kill();
            server.WaitForExit(10_000);
        }
    }

    private static async Task WaitReadyAsync(HttpClient http, Process server)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < until)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The API exited with code {server.ExitCode}.");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The API did not become ready within 60 s.");
    }

    /// <summary>User plus system CPU time of the API process, from /proc (Linux).</summary>
    private static TimeSpan ServerCpu(Process server)
    {
        server.Refresh();
        try
        {
            return server.TotalProcessorTime;
        }
        catch (InvalidOperationException)
        {
            return TimeSpan.Zero;
        }
    }

    private static async Task<string> AppendFsyncAsync(string connection)
    {
        var options = ConfigurationOptions.Parse(connection);
        options.AllowAdmin = true;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(options);
        var config = await redis.GetServers()[0].ConfigGetAsync("appendfsync");
        return config.Length > 0 ? config[0].Value : "?";
    }

    private static async Task DeleteKeysAsync(string connection, string prefix)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(connection);
        var batch = new List<RedisKey>();
        await foreach (var key in redis.GetServers()[0].KeysAsync(pattern: prefix + "*", pageSize: 1000))
        {
            batch.Add(key);
            if (batch.Count == 1000)
            {
                await redis.GetDatabase().KeyDeleteAsync([.. batch]);
                batch.Clear();
            }
        }

        if (batch.Count > 0)
        {
            await redis.GetDatabase().KeyDeleteAsync([.. batch]);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Options? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var settings = new List<KeyValuePair<string, string>>();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            if (args[i] == "--set")
            {
                var equals = args[i + 1].IndexOf('=', StringComparison.Ordinal);
                if (equals <= 0)
                {
                    return null;
                }

                settings.Add(new(args[i + 1][..equals], args[i + 1][(equals + 1)..]));
                continue;
            }

            values[args[i][2..]] = args[i + 1];
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var rate = values.TryGetValue("rate", out var r) ? double.Parse(r, CultureInfo.InvariantCulture) : 1.0;
        var options = new Options(Int("pairs", 500), rate, Int("seconds", 30), Int("warmup", 15), Int("drain", 10), values.GetValueOrDefault("db", "jumo_bench_chat"), settings);
        return options.Pairs > 0 && options.Rate > 0 && options.Seconds > 0 && values.Keys.All(k => k is "pairs" or "rate" or "seconds" or "warmup" or "drain" or "db")
            ? options
            : null;
    }
}
