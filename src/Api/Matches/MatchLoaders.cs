using GraphQL;
using GraphQL.DataLoader;
using JumoMentoring.Api.Graph;
using JumoMentoring.Domain.Matches;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Matches;

public static class MatchLoaders
{
    /// <summary>A match, or null unless the viewer is one of its two members, coordinates its program, or is an admin.</summary>
    public static IDataLoaderResult<Match?> MatchById(this IResolveFieldContext context, Guid id)
    {
        var viewer = context.Viewer();
        return context.Loaders().Get<Guid, Match>("match-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.Matches.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(ct);
            return rows
                .Where(m => viewer.IsAdmin || m.MentorId == viewer.MemberId || m.MenteeId == viewer.MemberId || viewer.Coordinates(m.ProgramId))
                .ToDictionary(m => m.Id);
        }).Load(id);
    }

    public static IDataLoaderResult<IReadOnlyList<Match>?> MatchesByMember(this IResolveFieldContext context, Guid memberId) =>
        context.Loaders().Get<Guid, IReadOnlyList<Match>>("matches-by-member", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.Matches.AsNoTracking()
                .Where(m => ids.Contains(m.MentorId) || ids.Contains(m.MenteeId))
                .OrderByDescending(m => m.CreatedAt)
                .ToListAsync(ct);
            return ids.Distinct().ToDictionary(id => id, id => (IReadOnlyList<Match>)[.. rows.Where(m => m.MentorId == id || m.MenteeId == id)]);
        }).Load(memberId);

    public static IDataLoaderResult<IReadOnlyList<MatchTransition>?> TransitionsByMatch(this IResolveFieldContext context, Guid matchId) =>
        context.Loaders().Get<Guid, IReadOnlyList<MatchTransition>>("transitions-by-match", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.MatchTransitions.AsNoTracking().Where(t => ids.Contains(t.MatchId)).OrderBy(t => t.At).ThenBy(t => t.Id).ToListAsync(ct);
            var byMatch = rows.ToLookup(t => t.MatchId);
            return ids.Distinct().ToDictionary(id => id, id => (IReadOnlyList<MatchTransition>)[.. byMatch[id]]);
        }).Load(matchId);
}
