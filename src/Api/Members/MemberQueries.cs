using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Members;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Members;

public static class MemberQueries
{
    public static void AddMemberQueries(this ObjectGraphType query, NodeResolvers nodes)
    {
        nodes.Register(MemberType.TypeName, (c, id) => c.MemberById(id));

        query.Field<NonNullGraphType<ConnectionType<MemberType, Member>>>("members")
            .Description("Members, one page at a time.")
            .PagingArguments()
            .ResolveAsync(async c =>
            {
                var paging = Paging.From(c);
                var after = paging.After is null ? (Guid?)null : Paging.DecodeGuidCursor(paging.After);
                var services = c.RequestServices!;
                await using var db = await services.CreateDbAsync(c.CancellationToken);
                var rows = await db.Members.AsNoTracking()
                    .Where(m => after == null || m.Id.CompareTo(after.Value) > 0)
                    .OrderBy(m => m.Id)
                    .Take(paging.First + 1)
                    .ToListAsync(c.CancellationToken);
                return paging.ToConnection(rows, m => m.Id.ToString("N"), async ct =>
                {
                    await using var countDb = await services.CreateDbAsync(ct);
                    return await countDb.Members.CountAsync(ct);
                });
            });
    }
}
