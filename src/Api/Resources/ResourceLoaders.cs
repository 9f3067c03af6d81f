using GraphQL;
using GraphQL.DataLoader;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Resources;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Resources;

public static class ResourceLoaders
{
    /// <summary>
    /// A resource, served in the request's language; null for unknown ids, and for drafts and archives
    /// unless the viewer edits the library (coordinators, admins).
    /// </summary>
    public static IDataLoaderResult<ResourceHit?> ResourceById(this IResolveFieldContext context, Guid id)
    {
        var language = context.Graph().Language;
        var everyStatus = context.Viewer().EditsLibrary;
        return context.Loaders().Get<Guid, ResourceHit>("resource-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            return await db.Resources.AsNoTracking()
                .Where(r => ids.Contains(r.Id) && (everyStatus || r.Status == ResourceStatus.Published))
                .ToDictionaryAsync(r => r.Id, r => ResourceSearch.Serve(r, language), ct);
        }).Load(id);
    }
}
