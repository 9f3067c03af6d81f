using GraphQL;
using GraphQL.DataLoader;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Programs;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Programs;

public static class ProgramLoaders
{
    public static IDataLoaderResult<MentoringProgram?> ProgramById(this IResolveFieldContext context, Guid id) =>
        context.Loaders().Get<Guid, MentoringProgram>("program-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            return await db.Programs.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        }).Load(id);

    public static IDataLoaderResult<Enrolment?> EnrolmentById(this IResolveFieldContext context, Guid id) =>
        context.Loaders().Get<Guid, Enrolment>("enrolment-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            return await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        }).Load(id);

    public static IDataLoaderResult<IReadOnlyList<Enrolment>?> EnrolmentsByMember(this IResolveFieldContext context, Guid memberId) =>
        context.Loaders().Get<Guid, IReadOnlyList<Enrolment>>("enrolments-by-member", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.MemberId)).OrderBy(e => e.CreatedAt).ToListAsync(ct);
            var byMember = rows.ToLookup(e => e.MemberId);
            return ids.Distinct().ToDictionary(id => id, id => (IReadOnlyList<Enrolment>)[.. byMember[id]]);
        }).Load(memberId);
}
