using GraphQL;
using GraphQL.DataLoader;
using JumoMentoring.Api.Auth;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using JumoMentoring.Domain.Goals;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Goals;

public static class GoalLoaders
{
    public static GoalView View(Goal goal, Viewer viewer) => new(goal, MatchMembership.IsMember(goal.Match!, viewer.MemberId));

    /// <summary>The goals of a match the viewer may see, oldest first, with their milestones.</summary>
    public static IDataLoaderResult<IReadOnlyList<GoalView>?> GoalsByMatch(this IResolveFieldContext context, Guid matchId)
    {
        var viewer = context.Viewer();
        return context.Loaders().Get<Guid, IReadOnlyList<GoalView>>("goals-by-match", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.Goals.AsNoTracking().Include(g => g.Match).Include(g => g.Milestones)
                .Where(g => ids.Contains(g.MatchId))
                .OrderBy(g => g.CreatedAt).ThenBy(g => g.Id)
                .AsSplitQuery()
                .ToListAsync(ct);
            var byMatch = rows.Where(g => MatchMembership.CanSee(g.Match!, viewer)).ToLookup(g => g.MatchId);
            return ids.Distinct().ToDictionary(id => id, id => (IReadOnlyList<GoalView>)[.. byMatch[id].Select(g => View(g, viewer))]);
        }).Load(matchId);
    }

    /// <summary>A goal, or null unless the viewer may see its match.</summary>
    public static IDataLoaderResult<GoalView?> GoalById(this IResolveFieldContext context, Guid id)
    {
        var viewer = context.Viewer();
        return context.Loaders().Get<Guid, GoalView>("goal-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.Goals.AsNoTracking().Include(g => g.Match).Include(g => g.Milestones)
                .Where(g => ids.Contains(g.Id)).AsSplitQuery().ToListAsync(ct);
            return rows.Where(g => MatchMembership.CanSee(g.Match!, viewer)).ToDictionary(g => g.Id, g => View(g, viewer));
        }).Load(id);
    }

    /// <summary>A milestone, or null unless the viewer may see its goal's match.</summary>
    public static IDataLoaderResult<MilestoneView?> MilestoneById(this IResolveFieldContext context, Guid id)
    {
        var viewer = context.Viewer();
        return context.Loaders().Get<Guid, MilestoneView>("milestone-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var goals = await db.Goals.AsNoTracking().Include(g => g.Match).Include(g => g.Milestones)
                .Where(g => g.Milestones.Any(m => ids.Contains(m.Id))).AsSplitQuery().ToListAsync(ct);
            return goals.Where(g => MatchMembership.CanSee(g.Match!, viewer))
                .SelectMany(g => g.Milestones.Where(m => ids.Contains(m.Id)).Select(m => new MilestoneView(m, View(g, viewer))))
                .ToDictionary(v => v.Milestone.Id);
        }).Load(id);
    }
}
