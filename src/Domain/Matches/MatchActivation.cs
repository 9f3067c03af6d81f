using JumoMentoring.Domain.Data;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Domain.Matches;

/// <summary>When matches became active: the time of their first transition to ACTIVE.</summary>
public static class MatchActivation
{
    /// <summary>The activation time of each of <paramref name="matchIds"/> that was ever active.</summary>
    public static async Task<Dictionary<Guid, DateTimeOffset>> ActivatedAtAsync(JumoDbContext db, IReadOnlyCollection<Guid> matchIds, CancellationToken cancellationToken)
    {
        var rows = await db.MatchTransitions.AsNoTracking()
            .Where(t => matchIds.Contains(t.MatchId) && t.To == MatchStatus.Active)
            .GroupBy(t => t.MatchId)
            .Select(g => new { MatchId = g.Key, At = g.Min(t => t.At) })
            .ToListAsync(cancellationToken);
        return rows.ToDictionary(r => r.MatchId, r => r.At);
    }
}
