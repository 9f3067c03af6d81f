using GraphQL;
using GraphQL.DataLoader;
using JumoMentoring.Api.Graph;
using JumoMentoring.Api.Matches;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.Meetings;

public static class MeetingLoaders
{
    /// <summary>A meeting, or null unless the viewer may see its match.</summary>
    public static IDataLoaderResult<MeetingView?> MeetingById(this IResolveFieldContext context, Guid id)
    {
        var viewer = context.Viewer();
        return context.Loaders().Get<Guid, MeetingView>("meeting-by-id", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.Meetings.AsNoTracking().Include(m => m.Match).Where(m => ids.Contains(m.Id)).ToListAsync(ct);
            return rows.Where(m => MatchMembership.CanSee(m.Match!, viewer))
                .ToDictionary(m => m.Id, m => new MeetingView(m, m.RecordedById == viewer.MemberId));
        }).Load(id);
    }

    /// <summary>Count and minutes of each match's meetings (the match is already visible to the viewer).</summary>
    public static IDataLoaderResult<MeetingTotals?> MeetingTotalsByMatch(this IResolveFieldContext context, Guid matchId) =>
        context.Loaders().Get<Guid, MeetingTotals>("meeting-totals-by-match", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var rows = await db.Meetings.AsNoTracking()
                .Where(m => ids.Contains(m.MatchId))
                .GroupBy(m => m.MatchId)
                .Select(g => new { MatchId = g.Key, Count = g.Count(), Minutes = g.Sum(m => (long)m.DurationMinutes) })
                .ToDictionaryAsync(r => r.MatchId, ct);
            return ids.Distinct().ToDictionary(id => id, id => rows.TryGetValue(id, out var r) ? new MeetingTotals(r.Count, r.Minutes) : MeetingTotals.None);
        }).Load(matchId);

    /// <summary>Count and minutes of the meetings of all of a member's matches, in one calendar year or all time.</summary>
    public static IDataLoaderResult<MeetingTotals?> MeetingTotalsByMember(this IResolveFieldContext context, Guid memberId, int? year) =>
        context.Loaders().Get<Guid, MeetingTotals>($"meeting-totals-by-member:{year}", async (services, ids, ct) =>
        {
            await using var db = await services.CreateDbAsync(ct);
            var meetings = db.Meetings.AsNoTracking();
            if (year is { } y)
            {
                var (first, last) = (new DateOnly(y, 1, 1), new DateOnly(y, 12, 31));
                meetings = meetings.Where(m => m.OccurredOn >= first && m.OccurredOn <= last);
            }

            var rows = await meetings
                .Select(m => new { m.Match!.MentorId, m.Match.MenteeId, m.DurationMinutes })
                .Where(m => ids.Contains(m.MentorId) || ids.Contains(m.MenteeId))
                .ToListAsync(ct);
            return ids.Distinct().ToDictionary(id => id, id =>
            {
                var mine = rows.Where(r => r.MentorId == id || r.MenteeId == id).ToList();
                return new MeetingTotals(mine.Count, mine.Sum(r => (long)r.DurationMinutes));
            });
        }).Load(memberId);
}
