using JumoMentoring.Api.Webhooks;
using JumoMentoring.Domain.Data;
using JumoMentoring.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace JumoMentoring.Tests.Webhooks;

/// <summary>
/// Hosts for webhook tests. The shared test host delivers nothing (Webhooks:DispatcherEnabled=false);
/// <see cref="StartApi"/> starts another instance of the real API on the same database with a fast
/// dispatcher, as a second server would be; <see cref="Dispatcher"/> builds one to drive by hand.
/// </summary>
public static class WebhookHosts
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    public static WebApplicationFactory<Program> StartApi(ApiFactory factory, TimeSpan? retryBase = null, int maxAttempts = 10)
    {
        var host = factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Webhooks:DispatcherEnabled", "true");
            builder.UseSetting("Webhooks:PollInterval", PollInterval.ToString());
            builder.UseSetting("Webhooks:RetryBaseDelay", (retryBase ?? TimeSpan.FromMilliseconds(100)).ToString());
            builder.UseSetting("Webhooks:RetryFactor", "2");
            builder.UseSetting("Webhooks:MaxAttempts", maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture));
            builder.UseSetting("Webhooks:RequestTimeout", "00:00:05");
            builder.UseSetting("Webhooks:Lease", "00:00:10");
        });
        _ = host.Services; // starts the host, and with it the dispatcher
        return host;
    }

    /// <summary>A dispatcher that runs only when the test calls it, over the shared host's database and HTTP client.</summary>
    public static WebhookDispatcher Dispatcher(ApiFactory factory, WebhookOptions? options = null) => new(
        factory.Services.GetRequiredService<IDbContextFactory<JumoDbContext>>(),
        factory.Services.GetRequiredService<IHttpClientFactory>(),
        Options.Create(options ?? new WebhookOptions { RetryBaseDelay = TimeSpan.FromSeconds(10), RequestTimeout = TimeSpan.FromSeconds(5) }),
        TimeProvider.System,
        NullLogger<WebhookDispatcher>.Instance);
}
