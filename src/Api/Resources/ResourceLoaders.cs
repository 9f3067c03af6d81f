using GraphQL;
using GraphQL.DataLoader;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Resources;

public static class ResourceLoaders
{
    /// <summary>A published resource, served in the request's language; null for drafts, archives and unknown ids.</summary>
    public static IDataLoaderResult<ResourceHit?> ResourceById(this IResolveFieldContext context, Guid id)
    {
        var language = context.Graph().Language;
        return context.Loaders().Get<Guid, ResourceHit>("resource-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            return await db.Resources.AsNoTracking()
                .Where(r => ids.Contains(r.Id) && r.Status == ResourceStatus.Published)
                .ToDictionaryAsync(r => r.Id, r => ResourceSearch.Serve(r, language), ct);
        }).Load(id);
    }
}
