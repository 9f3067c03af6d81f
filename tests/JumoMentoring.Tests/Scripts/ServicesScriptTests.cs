using System.Diagnostics;
using JumoMentoring.Tests.Infrastructure;

namespace JumoMentoring.Tests.Scripts;

/// <summary>scripts/services is what every command stands on: starting it again must be harmless.</summary>
[Collection(ApiCollection.Name)]
public sealed class ServicesScriptTests
{
    [Fact]
    public async Task Start_is_idempotent_and_status_reports_both_services()
    {
        var first = await RunAsync("start");
        var second = await RunAsync("start");
        var status = await RunAsync("status");

        foreach (var run in new[] { first, second, status })
        {
            Assert.True(run.ExitCode == 0, run.Output);
            Assert.Contains("postgres: up on 127.0.0.1:", run.Output, StringComparison.Ordinal);
            Assert.Contains("redis: up on 127.0.0.1:", run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("appendonly yes", status.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Env_prints_the_connection_settings()
    {
        var env = await RunAsync("env");

        Assert.Equal(0, env.ExitCode);
        Assert.Contains("ConnectionStrings__Postgres=", env.Output, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings__Redis=", env.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_is_refused_with_usage()
    {
        var run = await RunAsync("launch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("usage:", run.Output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string command)
    {
        var info = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "scripts", "services"), command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, await stdout + await stderr);
    }
}
