using JumoMentoring.Chat;
using JumoMentoring.Domain;
using JumoMentoring.Domain.CheckIns;
using JumoMentoring.Domain.Data;
using JumoMentoring.Domain.Matches;
using JumoMentoring.Domain.ReferenceData;
using Microsoft.EntityFrameworkCore;

namespace JumoMentoring.Api.CheckIns;

public enum AttentionReasonCode
{
    /// <summary>A member's latest check-in gives 2 or less out of 5.</summary>
    LowSatisfaction,

    /// <summary>No meeting recorded, no check-in saying "we met" and no chat message for 30 days.</summary>
    NoRecentContact,

    /// <summary>A request the mentor has not answered for more than 7 days.</summary>
    RequestWaiting,
}

/// <summary>One reason, with a sentence in each language. Never private content: no goal text, note, comment or message.</summary>
public sealed record AttentionReason(AttentionReasonCode Code, DateTimeOffset Since, string French, string English)
{
    public string Message(Language language) => language == Language.En ? English : French;
}

public sealed record MatchNeedingAttention(Match Match, IReadOnlyList<AttentionReason> Reasons);

/// <summary>
/// The pairs of a program a coordinator should look at, from what the platform records about them:
/// check-in scores, meetings, "we met" answers, the time of the last chat message (read from the chat
/// store, never its text), and unanswered requests.
/// </summary>
public static class MatchAttention
{
    public static readonly TimeSpan NoContactAfter = TimeSpan.FromDays(30);
    public static readonly TimeSpan RequestWaitingAfter = TimeSpan.FromDays(7);

    public static async Task<IReadOnlyList<MatchNeedingAttention>> FindAsync(JumoDbContext db, ChatStore chat, Guid programId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var found = new List<MatchNeedingAttention>();
        var active = await db.Matches.AsNoTracking()
            .Where(m => m.ProgramId == programId && m.Status == MatchStatus.Active)
            .ToListAsync(cancellationToken);
        if (active.Count > 0)
        {
            var ids = active.Select(m => m.Id).ToList();
            var activated = await MatchActivation.ActivatedAtAsync(db, ids, cancellationToken);

            // Each member's latest check-in (the index on match, member and time serves the NOT EXISTS).
            var latest = await db.CheckIns.AsNoTracking()
                .Where(x => ids.Contains(x.MatchId)
                    && !db.CheckIns.Any(y => y.MatchId == x.MatchId && y.MemberId == x.MemberId && y.SubmittedAt > x.SubmittedAt))
                .Select(x => new { x.MatchId, x.MemberId, x.Satisfaction, x.SubmittedAt })
                .ToListAsync(cancellationToken);
            var lastMet = await db.CheckIns.AsNoTracking()
                .Where(x => ids.Contains(x.MatchId) && x.Met)
                .GroupBy(x => x.MatchId)
                .Select(g => new { MatchId = g.Key, At = g.Max(x => x.SubmittedAt) })
                .ToDictionaryAsync(x => x.MatchId, x => x.At, cancellationToken);
            var lastMeeting = await db.Meetings.AsNoTracking()
                .Where(x => ids.Contains(x.MatchId))
                .GroupBy(x => x.MatchId)
                .Select(g => new { MatchId = g.Key, Day = g.Max(x => x.OccurredOn) })
                .ToDictionaryAsync(x => x.MatchId, x => x.Day, cancellationToken);
            var summaries = await chat.GetSummariesAsync([.. active.Select(m => new ConversationMembership(m.Id, m.MentorId, m.MenteeId, m.Status))]);
            var lastMessage = summaries.Where(s => s.LastMessage is not null)
                .ToDictionary(s => s.Membership.ConversationId, s => s.LastMessage!.SentAt);

            foreach (var match in active)
            {
                var reasons = new List<AttentionReason>();
                foreach (var low in latest.Where(x => x.MatchId == match.Id && x.Satisfaction <= CheckIn.LowSatisfaction).OrderBy(x => x.SubmittedAt))
                {
                    var mentor = low.MemberId == match.MentorId;
                    reasons.Add(new AttentionReason(
                        AttentionReasonCode.LowSatisfaction,
                        low.SubmittedAt,
                        $"{(mentor ? "Le mentor" : "La personne mentorée")} a donné {low.Satisfaction} sur 5 à son dernier suivi.",
                        $"The {(mentor ? "mentor" : "mentee")} gave {low.Satisfaction} out of 5 in their latest check-in."));
                }

                DateTimeOffset? lastContact = null;
                void Contact(DateTimeOffset? at)
                {
                    if (at is { } value && (lastContact is null || value > lastContact))
                    {
                        lastContact = value;
                    }
                }

                Contact(lastMet.TryGetValue(match.Id, out var met) ? met : null);
                Contact(lastMeeting.TryGetValue(match.Id, out var day) ? QuebecTime.StartOf(day) : null);
                Contact(lastMessage.TryGetValue(match.Id, out var sent) ? sent : null);
                var start = activated.TryGetValue(match.Id, out var at) ? at : match.CreatedAt;
                if (start <= now - NoContactAfter && (lastContact is null || lastContact <= now - NoContactAfter))
                {
                    reasons.Add(lastContact is { } since
                        ? new AttentionReason(AttentionReasonCode.NoRecentContact, since,
                            $"Aucune rencontre, aucun « nous nous sommes rencontrés » ni aucun message depuis {(int)(now - since).TotalDays} jours.",
                            $"No meeting, no \"we met\" and no message for {(int)(now - since).TotalDays} days.")
                        : new AttentionReason(AttentionReasonCode.NoRecentContact, start,
                            $"Aucune rencontre, aucun « nous nous sommes rencontrés » ni aucun message depuis le début du jumelage, il y a {(int)(now - start).TotalDays} jours.",
                            $"No meeting, no \"we met\" and no message since the match started {(int)(now - start).TotalDays} days ago."));
                }

                if (reasons.Count > 0)
                {
                    found.Add(new MatchNeedingAttention(match, reasons));
                }
            }
        }

        var waitingSince = now - RequestWaitingAfter;
        var requests = await db.Matches.AsNoTracking()
            .Where(m => m.ProgramId == programId && m.Status == MatchStatus.Requested && m.CreatedAt < waitingSince)
            .ToListAsync(cancellationToken);
        foreach (var request in requests)
        {
            var days = (int)(now - request.CreatedAt).TotalDays;
            found.Add(new MatchNeedingAttention(request,
            [
                new AttentionReason(AttentionReasonCode.RequestWaiting, request.CreatedAt,
                    $"Demande sans réponse du mentor depuis {days} jours.",
                    $"The mentor has not answered this request for {days} days."),
            ]));
        }

        return [.. found.OrderBy(f => f.Reasons.Min(r => r.Since)).ThenBy(f => f.Match.Id)];
    }
}
