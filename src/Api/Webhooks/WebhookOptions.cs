namespace JumoMentoring.Api.Webhooks;

/// <summary>Configuration section "Webhooks": how the dispatcher polls, times out and backs off.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>False: this instance delivers nothing (events still accumulate in PostgreSQL for the others).</summary>
    public bool DispatcherEnabled { get; set; } = true;

    /// <summary>How often the outbox and the due deliveries are looked at.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Delay after the first failed attempt; each next one is <see cref="RetryFactor"/> times longer (10 s, 30 s, 90 s…).</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(10);
    public double RetryFactor { get; set; } = 3;
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>Attempts before a delivery is FAILED (8 with the defaults: about 3 hours of retries).</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>How long an endpoint has to answer.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a claimed delivery stays invisible to other instances; past it (the instance died
    /// mid-attempt) another instance retries it. Always at least <see cref="RequestTimeout"/> plus 5 s.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long events and their delivery log are kept once dispatched (a delivery still pending
    /// keeps its event); older ones are deleted, a batch at a time, about once an hour.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>Deliveries claimed at once, and how many of them are sent in parallel.</summary>
    public int BatchSize { get; set; } = 20;
    public int MaxConcurrency { get; set; } = 4;

    public TimeSpan EffectiveLease => Lease > RequestTimeout + TimeSpan.FromSeconds(5) ? Lease : RequestTimeout + TimeSpan.FromSeconds(5);

    /// <summary>The wait after the <paramref name="attempts"/>-th failed attempt.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var seconds = RetryBaseDelay.TotalSeconds * Math.Pow(RetryFactor, Math.Max(0, attempts - 1));
        return seconds >= MaxRetryDelay.TotalSeconds ? MaxRetryDelay : TimeSpan.FromSeconds(seconds);
    }
}
