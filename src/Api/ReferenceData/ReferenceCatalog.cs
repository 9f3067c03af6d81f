using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.ReferenceData;

/// <summary>
/// The managed lists, cached in memory: a few dozen rows read on nearly every request and changed
/// rarely, so one query every few minutes instead of one per request.
/// </summary>
public sealed class ReferenceCatalog(IServiceProvider services, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim refresh = new(1, 1);
    private (Dictionary<(ReferenceKind, string), ReferenceItem> Items, DateTimeOffset LoadedAt)? cache;

    public async Task<IReadOnlyDictionary<(ReferenceKind Kind, string Code), ReferenceItem>> GetAsync(CancellationToken cancellationToken)
    {
        if (cache is { } current && clock.GetUtcNow() - current.LoadedAt < Lifetime)
        {
            return current.Items;
        }

        await refresh.WaitAsync(cancellationToken);
        try
        {
            if (cache is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < Lifetime)
            {
                return fresh.Items;
            }

            await using var db = await services.CreateDbAsync(cancellationToken);
            var items = await db.ReferenceItems.AsNoTracking().ToDictionaryAsync(i => (i.Kind, i.Code), cancellationToken);
            cache = (items, clock.GetUtcNow());
            return items;
        }
        finally
        {
            refresh.Release();
        }
    }

    /// <summary>Forgets the cached lists: the next read loads them again (after the lists are edited in the database).</summary>
    public void Invalidate() => cache = null;

    public async Task<ReferenceItem> FindAsync(ReferenceKind kind, string code, CancellationToken cancellationToken)
    {
        var items = await GetAsync(cancellationToken);

        // A code the list no longer knows still shows, as itself, rather than failing the query.
        return items.TryGetValue((kind, code), out var item)
            ? item
            : new ReferenceItem { Kind = kind, Code = code, LabelFr = code, LabelEn = code, Rank = int.MaxValue, IsActive = false };
    }

    public async Task<IReadOnlyList<ReferenceItem>> FindAllAsync(ReferenceKind kind, IEnumerable<string> codes, CancellationToken cancellationToken)
    {
        var list = new List<ReferenceItem>();
        foreach (var code in codes)
        {
            list.Add(await FindAsync(kind, code, cancellationToken));
        }

        return list;
    }
}
