using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace JumoMentoring.Tests.Chat;

/// <summary>
/// A redis-server of the test's own, on a free loopback port with its data in a temporary folder,
/// that the test may crash and restart (the shared server must never be stopped).
/// </summary>
public sealed class ThrowawayRedis : IAsyncDisposable
{
    public const string Binary = "/usr/bin/redis-server";

    private Process? process;

    private ThrowawayRedis(int port, string directory, string appendFsync)
    {
        Port = port;
        Directory = directory;
        AppendFsync = appendFsync;
    }

    public int Port { get; }

    public string Directory { get; }

    public string AppendFsync { get; }

    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=false,connectTimeout=2000";

    public static bool Available => File.Exists(Binary);

    public static async Task<ThrowawayRedis> StartAsync(string appendFsync = "always")
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("jumo-chat-redis-").FullName;
        var redis = new ThrowawayRedis(FreePort(), directory, appendFsync);
        await redis.StartAgainAsync();
        return redis;
    }

    /// <summary>Starts the server (again) on the same port and data folder.</summary>
    public async Task StartAgainAsync()
    {
        var start = new ProcessStartInfo(Binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--dir", Directory, "--daemonize", "no", "--save", string.Empty,
            "--appendonly", "yes", "--appendfsync", AppendFsync, "--logfile", Path.Combine(Directory, "redis.log"),
        })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},connectTimeout=500");
                await probe.GetDatabase().PingAsync();

                // Loading the AOF answers LOADING until done.
                return;
            }
            catch (Exception) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>kill -9: no chance to write anything more.</summary>
    public async Task CrashAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SHUTDOWN NOSAVE: no RDB snapshot; the AOF is what brings the data back.</summary>
    public async Task ShutdownNoSaveAsync()
    {
        await using (var admin = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{Port},allowAdmin=true"))
        {
            try
            {
                await admin.GetServers()[0].ExecuteAsync("SHUTDOWN", "NOSAVE");
            }
            catch (RedisConnectionException)
            {
                // The server closes the connection as it goes.
            }
        }

        if (process is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CrashAsync();
        process?.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder: the system cleans it eventually.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
