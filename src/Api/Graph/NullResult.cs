using GraphQL.DataLoader;

namespace JumoMentoring.Api.Graph;

/// <summary>What a node resolver answers, without a query, for an object the viewer may not see: null.</summary>
public sealed class NullResult : IDataLoaderResult
{
    public static readonly IDataLoaderResult Instance = new NullResult();

    public Task<object?> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult<object?>(null);
}
