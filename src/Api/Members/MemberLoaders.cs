using GraphQL;
using GraphQL.DataLoader;
using JumoMentoring.Api.Graph;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Members;

public static class MemberLoaders
{
    /// <summary>A member as the viewer may see it, or null when the viewer may not see it at all.</summary>
    public static IDataLoaderResult<MemberView?> MemberById(this IResolveFieldContext context, Guid id)
    {
        var viewer = context.Viewer();
        return context.Loaders().Get<Guid, MemberView>("member-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await MemberAccess.Visible(db, viewer, db.Members.AsNoTracking().Where(m => ids.Contains(m.Id))).ToListAsync(ct);
            return rows.ToDictionary(r => r.Member.Id, r => r.ToView());
        }).Load(id);
    }
}
