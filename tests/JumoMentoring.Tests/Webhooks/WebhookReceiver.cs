using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace JumoMentoring.Tests.Webhooks;

/// <summary>
/// A real HTTP receiver on a loopback port (Kestrel), as a partner's server would be: it records every
/// request and answers what the test says, after an optional delay.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<Received> requests = new();

    /// <summary>One request as it arrived, and what it was answered (0: the sender gave up before the answer).</summary>
    public sealed record Received(string DeliveryId, string EventType, string Timestamp, string Signature, string ContentType, byte[] Body, int AnsweredWith, DateTimeOffset At);

    private WebhookReceiver(WebApplication app) => this.app = app;

    /// <summary>The status code the next requests get.</summary>
    public int StatusCode { get; set; } = 200;

    /// <summary>How long the next requests wait before they are answered.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.Zero;

    public string Url { get; private set; } = "";

    /// <summary>Requests that have started, answered or not yet.</summary>
    public int Started => started;

    private int started;

    public IReadOnlyList<Received> Requests => [.. requests];

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hooks", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Urls.Single() + "/hooks";
        return receiver;
    }

    private async Task HandleAsync(HttpContext http)
    {
        Interlocked.Increment(ref started);
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var status = StatusCode;
        var answered = status;
        try
        {
            await Task.Delay(Delay, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            answered = 0;
        }

        string Header(string name) => http.Request.Headers[name].ToString();
        requests.Enqueue(new Received(Header("X-Jumo-Delivery"), Header("X-Jumo-Event"), Header("X-Jumo-Timestamp"), Header("X-Jumo-Signature"),
            http.Request.ContentType ?? "", body.ToArray(), answered, DateTimeOffset.UtcNow));
        if (answered != 0)
        {
            http.Response.StatusCode = status;
            await http.Response.WriteAsync(status >= 400 ? "boom: receiver is down" : "ok");
        }
    }

    /// <summary>Waits until the recorded requests satisfy <paramref name="condition"/>, or fails after <paramref name="timeout"/>.</summary>
    public async Task WaitForAsync(Func<IReadOnlyList<Received>, bool> condition, TimeSpan? timeout = null, string? what = null)
    {
        var deadline = DateTimeOffset.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition(Requests))
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting for {what ?? "webhook requests"}; received {Requests.Count}: " +
                    string.Join(", ", Requests.Select(r => $"{r.EventType}/{r.DeliveryId}→{r.AnsweredWith}")));
            }

            await Task.Delay(25);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
