using JumoMentoring.Api.Matches;
using JumoMentoring.Chat;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Jobs;

/// <summary>
/// Runs <see cref="RequestExpiry"/> every <c>Matching:ExpiryInterval</c> (default 15 minutes) and tells
/// the members of each expired request (matchUpdated).
/// </summary>
public sealed class RequestExpiryJob(IDbContextFactory<JumoDbContext> factory, TimeProvider clock, IConfiguration configuration, EventBus events, ILogger<RequestExpiryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Matching:ExpiryInterval", TimeSpan.FromMinutes(15));
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await using var db = await factory.CreateDbContextAsync(stoppingToken);
                var expired = await RequestExpiry.ExpireDueAsync(db, clock.GetUtcNow(), stoppingToken);
                if (expired.Count > 0)
                {
                    logger.LogInformation("Expired {Count} unanswered mentor requests", expired.Count);
                }

                foreach (var match in expired)
                {
                    events.PublishMatchUpdated(match);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A database hiccup must not stop the job: the next tick tries again.
                logger.LogWarning(e, "Expiring mentor requests failed; will retry");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
