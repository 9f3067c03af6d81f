using GraphQL;
using GraphQL.DataLoader;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Members;

public static class MemberLoaders
{
    public static IDataLoaderResult<Member?> MemberById(this IResolveFieldContext context, Guid id) =>
        context.Loaders().Get<Guid, Member>("member-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            return await db.Members.AsNoTracking().Where(m => ids.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        }).Load(id);
}
