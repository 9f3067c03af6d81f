using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace JumoMentoring.Chat;

/// <summary>
/// Events between API servers on Redis pub/sub: what one server publishes on a topic reaches every
/// subscriber of that topic on every server (itself included). Channels are
/// <c>{Chat:KeyPrefix}events:{topic}</c>, so test runs and benchmarks sharing a Redis never cross.
/// Like the SignalR backplane it is a doorbell, not a log: an event published while a server is
/// disconnected from Redis is lost for that server's subscribers; the stored data stays the truth.
/// </summary>
public sealed partial class EventBus(IConnectionMultiplexer redis, IOptions<ChatOptions> options, ILogger<EventBus> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string prefix = options.Value.KeyPrefix + "events:";

    public RedisChannel Channel(string topic) => RedisChannel.Literal(prefix + topic);

    /// <summary>
    /// Publishes an event without waiting for Redis to answer (the publisher's work is already done and
    /// stored; a lost doorbell must not fail it). Commands of one multiplexer keep their order.
    /// </summary>
    public void Publish<T>(string topic, T payload)
    {
        try
        {
            redis.GetSubscriber().Publish(Channel(topic), JsonSerializer.SerializeToUtf8Bytes(payload, Json), CommandFlags.FireAndForget);
        }
        catch (RedisException e)
        {
            LogPublishFailed(logger, e, topic);
        }
    }

    /// <summary>
    /// Subscribes to a topic. The returned task completes once Redis has confirmed the subscription,
    /// so whatever is published afterwards is received. Events that arrive before an observer
    /// subscribes wait in the queue; the subscription ends when the observer's subscription is disposed.
    /// The observable takes a single observer.
    /// </summary>
    public async Task<IObservable<T>> SubscribeAsync<T>(string topic)
    {
        var queue = await redis.GetSubscriber().SubscribeAsync(Channel(topic));
        return new TopicObservable<T>(queue, this);
    }

    private void Received<T>(ChannelMessage message, IObserver<T> observer)
    {
        T? value;
        try
        {
            value = JsonSerializer.Deserialize<T>((byte[])message.Message!, Json);
        }
        catch (JsonException e)
        {
            LogBadEvent(logger, e, message.Channel.ToString());
            return;
        }

        if (value is not null)
        {
            observer.OnNext(value);
        }
    }

    private sealed class TopicObservable<T>(ChannelMessageQueue queue, EventBus bus) : IObservable<T>
    {
        private int subscribed;

        public IDisposable Subscribe(IObserver<T> observer)
        {
            if (Interlocked.Exchange(ref subscribed, 1) == 1)
            {
                throw new InvalidOperationException("A topic subscription takes one observer.");
            }

            // One message at a time, in the order Redis delivered them.
            queue.OnMessage(message => bus.Received(message, observer));
            return new Unsubscriber(queue);
        }
    }

    private sealed class Unsubscriber(ChannelMessageQueue queue) : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                // The multiplexer sends UNSUBSCRIBE once the channel's last queue is gone.
                queue.Unsubscribe(CommandFlags.FireAndForget);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing an event on {Topic} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string topic);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored an unreadable event on {Channel}")]
    private static partial void LogBadEvent(ILogger logger, Exception exception, string channel);
}

/// <summary>A few operators over <see cref="IObservable{T}"/>, enough for event streams (no Rx dependency).</summary>
public static class ObservableExtensions
{
    /// <summary>Maps each event; events mapped to null are skipped.</summary>
    public static IObservable<TResult> SelectNotNull<T, TResult>(this IObservable<T> source, Func<T, TResult?> map)
        where TResult : class =>
        new MappedObservable<T, TResult>(source, map);

    private sealed class MappedObservable<T, TResult>(IObservable<T> source, Func<T, TResult?> map) : IObservable<TResult>
        where TResult : class
    {
        public IDisposable Subscribe(IObserver<TResult> observer) => source.Subscribe(new Observer(observer, map));

        private sealed class Observer(IObserver<TResult> inner, Func<T, TResult?> map) : IObserver<T>
        {
            public void OnCompleted() => inner.OnCompleted();

            public void OnError(Exception error) => inner.OnError(error);

            public void OnNext(T value)
            {
                if (map(value) is { } mapped)
                {
                    inner.OnNext(mapped);
                }
            }
        }
    }
}
