using System.Collections.Concurrent;
using GraphQL.DataLoader;

namespace JumoMentoring.Api.Graph;

/// <summary>
/// A request-scoped batch loader. Resolvers call <see cref="Load"/> and return the pending result;
/// GraphQL.NET's execution strategy resolves every pending <see cref="IDataLoaderResult"/> of a level
/// only after all fields of that level have run, so all keys asked for by then go out in one fetch.
/// Results are cached per key for the request.
/// </summary>
public sealed class BatchLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock gate = new();
    private readonly Dictionary<TKey, Batch> batchOfKey = [];
    private readonly Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch;
    private Batch open;

    public BatchLoader(Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
    {
        this.fetch = fetch;
        open = new Batch(this);
    }

    private int fetchCount;

    /// <summary>How many fetches this loader sent (for tests and diagnostics).</summary>
    public int FetchCount => Volatile.Read(ref fetchCount);

    public IDataLoaderResult<TValue?> Load(TKey key)
    {
        lock (gate)
        {
            if (!batchOfKey.TryGetValue(key, out var batch))
            {
                batch = open;
                batch.Keys.Add(key);
                batchOfKey.Add(key, batch);
            }

            return new Pending(this, batch, key);
        }
    }

    private Task<IReadOnlyDictionary<TKey, TValue>> Dispatch(Batch batch, CancellationToken cancellationToken)
    {
        lock (gate)
        {
            // Keys asked for after this point belong to the next batch.
            if (ReferenceEquals(open, batch))
            {
                open = new Batch(this);
            }
        }

        return batch.Run(cancellationToken);
    }

    private sealed class Batch
    {
        private readonly Lazy<Task<IReadOnlyDictionary<TKey, TValue>>> run;
        private CancellationToken cancellationToken;

        public Batch(BatchLoader<TKey, TValue> owner) =>
            run = new(() =>
            {
                Interlocked.Increment(ref owner.fetchCount);
                return owner.fetch(Keys, cancellationToken);
            }, LazyThreadSafetyMode.ExecutionAndPublication);

        public List<TKey> Keys { get; } = [];

        /// <summary>Starts the fetch once, however many results of the batch ask for it.</summary>
        public Task<IReadOnlyDictionary<TKey, TValue>> Run(CancellationToken token)
        {
            if (!run.IsValueCreated)
            {
                cancellationToken = token;
            }

            return run.Value;
        }
    }

    private sealed class Pending(BatchLoader<TKey, TValue> owner, Batch batch, TKey key) : IDataLoaderResult<TValue?>
    {
        public async Task<TValue?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var values = await owner.Dispatch(batch, cancellationToken);
            return values.TryGetValue(key, out var value) ? value : default;
        }

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await GetResultAsync(cancellationToken);
    }
}

/// <summary>The batch loaders of one request, by name. Registered as a scoped service.</summary>
public sealed class BatchLoaders(IServiceProvider services)
{
    private readonly ConcurrentDictionary<string, object> loaders = new(StringComparer.Ordinal);

    public BatchLoader<TKey, TValue> Get<TKey, TValue>(
        string name, Func<IServiceProvider, IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> fetch)
        where TKey : notnull =>
        (BatchLoader<TKey, TValue>)loaders.GetOrAdd(name, _ => new BatchLoader<TKey, TValue>((keys, ct) => fetch(services, keys, ct)));
}
