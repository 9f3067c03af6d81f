using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Domain.Webhooks;

/// <summary>
/// The <c>match.*</c> webhook events: one per change of a match's status, written to the outbox in
/// the SaveChanges of the change. A step that leaves the status as it was (the first of two
/// acceptances or completion confirmations) is not an event: receivers hear of results, and
/// matchUpdated subscribers of every step.
/// </summary>
public static class MatchWebhookEvents
{
    /// <summary>The event of a change from <paramref name="from"/> (null for a new match) to <paramref name="to"/>, or null when it is none.</summary>
    public static string? TypeOf(MatchStatus? from, MatchStatus to) => (from, to) switch
    {
        _ when from == to => null,
        (null, MatchStatus.Requested) => WebhookEventTypes.MatchRequested,
        (null, MatchStatus.Proposed) => WebhookEventTypes.MatchProposed,
        (MatchStatus.Paused, MatchStatus.Active) => WebhookEventTypes.MatchResumed,
        (_, MatchStatus.Active) => WebhookEventTypes.MatchAccepted,
        (_, MatchStatus.Declined) => WebhookEventTypes.MatchDeclined,
        (_, MatchStatus.Paused) => WebhookEventTypes.MatchPaused,
        (_, MatchStatus.Completed) => WebhookEventTypes.MatchCompleted,
        (_, MatchStatus.Ended) => WebhookEventTypes.MatchEnded,
        (_, MatchStatus.Expired) => WebhookEventTypes.MatchExpired,
        _ => null,
    };

    /// <summary>
    /// Adds the events of <paramref name="changes"/> (each match as it is now, and its status before;
    /// null for a new match), with one query for the member numbers of all of them.
    /// </summary>
    public static async Task AddAsync(
        JumoDbContext db,
        IReadOnlyCollection<(Match Match, MatchStatus? From)> changes,
        MatchActor actor,
        string? reason,
        CancellationToken cancellationToken)
    {
        var events = changes.Select(c => (c.Match, c.From, Type: TypeOf(c.From, c.Match.Status))).Where(c => c.Type is not null).ToList();
        if (events.Count == 0)
        {
            return;
        }

        var memberIds = events.SelectMany(e => new[] { e.Match.MentorId, e.Match.MenteeId }).Distinct().ToList();
        var numbers = await db.Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id))
            .ToDictionaryAsync(m => m.Id, m => m.MemberNumber, cancellationToken);
        foreach (var (match, from, type) in events)
        {
            Outbox.Add(db, type!, new
            {
                Match = new
                {
                    Id = Outbox.NodeId("Match", match.Id),
                    Status = Upper(match.Status),
                    PreviousStatus = from is { } f ? Upper(f) : null,
                    ProgramId = Outbox.NodeId("Program", match.ProgramId),
                    CohortId = match.CohortId is { } cohort ? Outbox.NodeId("Cohort", cohort) : null,
                },
                Mentor = new { Id = Outbox.NodeId("Member", match.MentorId), MemberNumber = numbers.GetValueOrDefault(match.MentorId) },
                Mentee = new { Id = Outbox.NodeId("Member", match.MenteeId), MemberNumber = numbers.GetValueOrDefault(match.MenteeId) },
                Actor = Upper(actor),
                Reason = reason,
            });
        }
    }

    private static string Upper<T>(T value)
        where T : struct, Enum => value.ToString().ToUpperInvariant();
}
