using JumoMentoring.Api.Graph;

namespace JumoMentoring.Tests.Graph;

public sealed class BatchLoaderTests
{
    private readonly List<IReadOnlyList<int>> batches = [];

    private BatchLoader<int, string> NewLoader() => new((keys, _) =>
    {
        lock (batches)
        {
            batches.Add([.. keys]);
        }

        return Task.FromResult<IReadOnlyDictionary<int, string>>(keys.Where(k => k > 0).ToDictionary(k => k, k => $"v{k}"));
    });

    [Fact]
    public async Task Keys_queued_before_the_first_await_go_out_in_one_fetch()
    {
        var loader = NewLoader();
        var results = new[] { 1, 2, 3, 2 }.Select(loader.Load).ToList();

        var values = await Task.WhenAll(results.Select(r => r.GetResultAsync()));

        Assert.Equal(new string?[] { "v1", "v2", "v3", "v2" }, values);
        Assert.Single(batches);
        Assert.Equal([1, 2, 3], batches[0]);
    }

    [Fact]
    public async Task Keys_queued_after_a_dispatch_form_the_next_batch_and_known_keys_are_cached()
    {
        var loader = NewLoader();
        await loader.Load(1).GetResultAsync();

        var again = loader.Load(1);
        var next = loader.Load(4);
        Assert.Equal("v1", await again.GetResultAsync());
        Assert.Equal("v4", await next.GetResultAsync());

        Assert.Equal(2, loader.FetchCount);
        Assert.Equal([4], batches[1]);
    }

    [Fact]
    public async Task A_missing_key_resolves_to_null()
    {
        var loader = NewLoader();

        Assert.Null(await loader.Load(-1).GetResultAsync());
    }

    [Fact]
    public async Task Concurrent_waiters_of_one_batch_share_one_fetch()
    {
        var release = new TaskCompletionSource();
        var calls = 0;
        var loader = new BatchLoader<int, int>(async (keys, _) =>
        {
            Interlocked.Increment(ref calls);
            await release.Task;
            return keys.ToDictionary(k => k, k => k * 10);
        });
        var pending = Enumerable.Range(1, 20).Select(loader.Load).ToList();

        var waiting = pending.Select(p => Task.Run(() => p.GetResultAsync())).ToList();
        release.SetResult();
        var values = await Task.WhenAll(waiting);

        Assert.Equal(1, calls);
        Assert.Equal(Enumerable.Range(1, 20).Select(k => k * 10).ToArray(), values);
    }
}
