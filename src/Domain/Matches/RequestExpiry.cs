using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Programs;
using JumoMentoring.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Domain.Matches;

/// <summary>
/// Requests a mentor has not answered within the program's <see cref="MentoringProgram.RequestExpiryDays"/>
/// expire, so that the mentee is free to ask someone else. Rows are claimed with SKIP LOCKED, so
/// several API instances may run this at once without doing the work twice.
/// </summary>
public static class RequestExpiry
{
    public const int BatchSize = 500;
    public const string Reason = "No answer from the mentor in time.";

    /// <summary>Expires the requests due at <paramref name="now"/>; returns the expired matches.</summary>
    public static async Task<IReadOnlyList<Match>> ExpireDueAsync(JumoDbContext db, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var due = await db.Matches.FromSql($"""
            SELECT m.* FROM matches m JOIN programs p ON p.id = m.program_id
            WHERE m.status = 'Requested' AND m.created_at + make_interval(days => p.request_expiry_days) <= {now}
            ORDER BY m.created_at LIMIT {BatchSize}
            FOR UPDATE OF m SKIP LOCKED
            """).ToListAsync(cancellationToken);
        foreach (var match in due)
        {
            db.MatchTransitions.Add(new MatchTransition
            {
                MatchId = match.Id,
                From = match.Status,
                To = MatchStatus.Expired,
                Actor = MatchActor.System,
                Reason = Reason,
                At = now,
            });
            match.Status = MatchStatus.Expired;
            match.UpdatedAt = now;
        }

        await MatchWebhookEvents.AddAsync(db, [.. due.Select(m => (m, (MatchStatus?)MatchStatus.Requested))], MatchActor.System, Reason, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return due;
    }
}
