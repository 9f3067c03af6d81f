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

    public static IDataLoaderResult<Cohort?> CohortById(this IResolveFieldContext context, Guid id) =>
        context.Loaders().Get<Guid, Cohort>("cohort-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            return await db.Cohorts.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        }).Load(id);

    /// <summary>An enrolment, or null unless the viewer is its member, coordinates its program, or is an admin.</summary>
    public static IDataLoaderResult<Enrolment?> EnrolmentById(this IResolveFieldContext context, Guid id)
    {
        var viewer = context.Viewer();
        return context.Loaders().Get<Guid, Enrolment>("enrolment-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.Id)).ToListAsync(ct);
            return rows.Where(e => e.MemberId == viewer.MemberId || viewer.Coordinates(e.ProgramId)).ToDictionary(e => e.Id);
        }).Load(id);
    }

    public static IDataLoaderResult<IReadOnlyList<Enrolment>?> EnrolmentsByMember(this IResolveFieldContext context, Guid memberId) =>
        context.Loaders().Get<Guid, IReadOnlyList<Enrolment>>("enrolments-by-member", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.Enrolments.AsNoTracking().Where(e => ids.Contains(e.MemberId)).OrderBy(e => e.CreatedAt).ToListAsync(ct);
            var byMember = rows.ToLookup(e => e.MemberId);
            return ids.Distinct().ToDictionary(id => id, id => (IReadOnlyList<Enrolment>)[.. byMember[id]]);
        }).Load(memberId);

    public static IDataLoaderResult<IReadOnlyList<Enrolment>?> EnrolmentsByCohort(this IResolveFieldContext context, Guid cohortId) =>
        context.Loaders().Get<Guid, IReadOnlyList<Enrolment>>("enrolments-by-cohort", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.Enrolments.AsNoTracking()
                .Where(e => e.CohortId != null && ids.Contains(e.CohortId.Value) && e.Status == EnrolmentStatus.Active)
                .OrderBy(e => e.Role).ThenBy(e => e.UpdatedAt)
                .ToListAsync(ct);
            var byCohort = rows.ToLookup(e => e.CohortId!.Value);
            return ids.Distinct().ToDictionary(id => id, id => (IReadOnlyList<Enrolment>)[.. byCohort[id]]);
        }).Load(cohortId);

    /// <summary>1-based place on the waiting list of the enrolment's program and role; null when not waitlisted.</summary>
    public static IDataLoaderResult<int?> WaitlistPosition(this IResolveFieldContext context, Guid enrolmentId) =>
        context.Loaders().Get<Guid, int?>("waitlist-position", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.Enrolments.AsNoTracking()
                .Where(e => ids.Contains(e.Id) && e.Status == EnrolmentStatus.Waitlisted)
                .Select(e => new
                {
                    e.Id,
                    Ahead = db.Enrolments.Count(o => o.ProgramId == e.ProgramId && o.Role == e.Role && o.Status == EnrolmentStatus.Waitlisted
                        && (o.WaitlistedAt < e.WaitlistedAt || (o.WaitlistedAt == e.WaitlistedAt && o.Id.CompareTo(e.Id) < 0))),
                })
                .ToListAsync(ct);
            return rows.ToDictionary(r => r.Id, r => (int?)(r.Ahead + 1));
        }).Load(enrolmentId);
}
