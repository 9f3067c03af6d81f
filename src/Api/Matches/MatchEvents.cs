using GraphQL;
using GraphQL.Types;
using JumoMentoring.Api.Graph;
using JumoMentoring.Chat;
using JumoMentoring.Domain.Matches;

namespace JumoMentoring.Api.Matches;

/// <summary>A match as it was right after a change: what matchUpdated subscribers receive, from any server.</summary>
public sealed record MatchSnapshot(
    Guid Id,
    Guid ProgramId,
    Guid MentorId,
    Guid MenteeId,
    MatchStatus Status,
    string? RequestMessage,
    Guid? CohortId,
    DateTimeOffset? MentorAcceptedAt,
    DateTimeOffset? MenteeAcceptedAt,
    DateTimeOffset? MentorConfirmedCompletionAt,
    DateTimeOffset? MenteeConfirmedCompletionAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static MatchSnapshot Of(Match m) => new(
        m.Id, m.ProgramId, m.MentorId, m.MenteeId, m.Status, m.RequestMessage, m.CohortId, m.MentorAcceptedAt, m.MenteeAcceptedAt,
        m.MentorConfirmedCompletionAt, m.MenteeConfirmedCompletionAt, m.CreatedAt, m.UpdatedAt);

    public Match ToMatch() => new()
    {
        Id = Id,
        ProgramId = ProgramId,
        MentorId = MentorId,
        MenteeId = MenteeId,
        Status = Status,
        RequestMessage = RequestMessage,
        CohortId = CohortId,
        MentorAcceptedAt = MentorAcceptedAt,
        MenteeAcceptedAt = MenteeAcceptedAt,
        MentorConfirmedCompletionAt = MentorConfirmedCompletionAt,
        MenteeConfirmedCompletionAt = MenteeConfirmedCompletionAt,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
    };
}

/// <summary>Match changes on the <see cref="EventBus"/>: one topic per member, so each hears only their own matches.</summary>
public static class MatchEvents
{
    public static string Topic(Guid memberId) => $"member:{memberId:N}:matches";

    /// <summary>Tells the match's mentor and mentee (on every server) that it changed.</summary>
    public static void PublishMatchUpdated(this EventBus events, Match match)
    {
        var snapshot = MatchSnapshot.Of(match);
        events.Publish(Topic(match.MentorId), snapshot);
        events.Publish(Topic(match.MenteeId), snapshot);
    }

    /// <summary>For the lifecycle mutations: publishes the match of a successful (committed) payload, and returns the payload.</summary>
    public static Payload<Match> Published(this Payload<Match> payload, IResolveFieldContext context)
    {
        if (payload.Result is { } match)
        {
            context.RequestServices!.GetRequiredService<EventBus>().PublishMatchUpdated(match);
        }

        return payload;
    }

    public static void AddMatchSubscriptions(this ObjectGraphType subscription) =>
        subscription.Field<NonNullGraphType<MatchType>>("matchUpdated")
            .Description("Every change of a match you are the mentor or mentee of, from now on: a request or proposal, an acceptance, "
                + "a pause, completion, end, expiry… The match as it was right after the change.")
            .ResolveStreamAsync(async c =>
            {
                var me = c.Viewer().RequireMember();
                var events = await c.RequestServices!.GetRequiredService<EventBus>().SubscribeAsync<MatchSnapshot>(Topic(me));
                return events.SelectNotNull(s => s.ToMatch());
            });
}
