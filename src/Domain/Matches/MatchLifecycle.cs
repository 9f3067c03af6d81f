namespace JumoMentoring.Domain.Matches;

/// <summary>What someone asks to do to a match.</summary>
public enum MatchAction
{
    Accept,
    Decline,
    Pause,
    Resume,
    Complete,
    End,
    Expire,
}

/// <summary>Who asks, relative to the match.</summary>
public enum MatchActor
{
    Mentor,
    Mentee,
    Coordinator,
    System,
}

/// <summary>The result of asking: the new status, or why not (a stable error code).</summary>
public readonly record struct MatchDecision(MatchStatus? To, string? ErrorCode)
{
    public bool Allowed => To is not null;

    public static MatchDecision Go(MatchStatus to) => new(to, null);

    public static MatchDecision No(string code) => new(null, code);
}

/// <summary>
/// The one state machine of a match, pure so every rule is unit-tested:
/// flexible: REQUESTED → (mentor accepts) ACTIVE | (mentor declines) DECLINED | (nobody answers) EXPIRED;
/// structured: PROPOSED → (both accept) ACTIVE | (either declines) DECLINED;
/// then ACTIVE ⇄ PAUSED; ACTIVE or PAUSED → COMPLETED (both confirm, or the coordinator at term)
/// or ENDED (either member or the coordinator, with a reason).
/// </summary>
public static class MatchLifecycle
{
    public const string InvalidTransition = "INVALID_TRANSITION";
    public const string NotAllowed = "NOT_ALLOWED";
    public const string ReasonRequired = "REASON_REQUIRED";

    /// <summary>Whether <paramref name="actor"/> may do <paramref name="action"/> to the match as it is now, and its new status.</summary>
    /// <remarks>Only the status and the acceptance and confirmation times are read; ending needs a reason.</remarks>
    public static MatchDecision Decide(Match match, MatchAction action, MatchActor actor, bool hasReason)
    {
        var member = actor is MatchActor.Mentor or MatchActor.Mentee;
        return (match.Status, action) switch
        {
            (MatchStatus.Requested, MatchAction.Accept) => actor == MatchActor.Mentor ? MatchDecision.Go(MatchStatus.Active) : MatchDecision.No(NotAllowed),
            (MatchStatus.Requested, MatchAction.Decline) => actor == MatchActor.Mentor ? MatchDecision.Go(MatchStatus.Declined) : MatchDecision.No(NotAllowed),
            (MatchStatus.Requested, MatchAction.End) => actor == MatchActor.Mentee ? MatchDecision.Go(MatchStatus.Ended) : MatchDecision.No(NotAllowed),
            (MatchStatus.Requested, MatchAction.Expire) => actor == MatchActor.System ? MatchDecision.Go(MatchStatus.Expired) : MatchDecision.No(NotAllowed),

            // Structured: both members accept; the second acceptance activates.
            (MatchStatus.Proposed, MatchAction.Accept) when member =>
                AlreadyAccepted(match, actor) ? MatchDecision.No(InvalidTransition)
                : OtherAccepted(match, actor) ? MatchDecision.Go(MatchStatus.Active) : MatchDecision.Go(MatchStatus.Proposed),
            (MatchStatus.Proposed, MatchAction.Decline) when member => MatchDecision.Go(MatchStatus.Declined),
            (MatchStatus.Proposed, MatchAction.End) => actor == MatchActor.Coordinator ? MatchDecision.Go(MatchStatus.Ended) : MatchDecision.No(NotAllowed),

            (MatchStatus.Active, MatchAction.Pause) when member || actor == MatchActor.Coordinator => MatchDecision.Go(MatchStatus.Paused),
            (MatchStatus.Paused, MatchAction.Resume) when member || actor == MatchActor.Coordinator => MatchDecision.Go(MatchStatus.Active),

            // Completion: both members confirm (the second confirmation completes), or the coordinator at term.
            (MatchStatus.Active or MatchStatus.Paused, MatchAction.Complete) when actor == MatchActor.Coordinator => MatchDecision.Go(MatchStatus.Completed),
            (MatchStatus.Active or MatchStatus.Paused, MatchAction.Complete) when member =>
                AlreadyConfirmed(match, actor) ? MatchDecision.No(InvalidTransition)
                : OtherConfirmed(match, actor) ? MatchDecision.Go(MatchStatus.Completed) : MatchDecision.Go(match.Status),
            (MatchStatus.Active or MatchStatus.Paused, MatchAction.End) when member || actor == MatchActor.Coordinator =>
                hasReason ? MatchDecision.Go(MatchStatus.Ended) : MatchDecision.No(ReasonRequired),

            (_, _) when actor == MatchActor.System => MatchDecision.No(NotAllowed),
            _ => MatchDecision.No(InvalidTransition),
        };
    }

    /// <summary>Statuses in which the pair counts against capacity and the mentee's one match per program.</summary>
    public static readonly MatchStatus[] Current = [MatchStatus.Active, MatchStatus.Paused];

    /// <summary>Statuses of a pair still open: no second request or proposal for the same pair.</summary>
    public static readonly MatchStatus[] Open = [MatchStatus.Requested, MatchStatus.Proposed, MatchStatus.Active, MatchStatus.Paused];

    public static bool IsFinal(MatchStatus status) => status is MatchStatus.Completed or MatchStatus.Ended or MatchStatus.Declined or MatchStatus.Expired;

    private static bool AlreadyAccepted(Match match, MatchActor actor) =>
        actor == MatchActor.Mentor ? match.MentorAcceptedAt is not null : match.MenteeAcceptedAt is not null;

    private static bool OtherAccepted(Match match, MatchActor actor) =>
        actor == MatchActor.Mentor ? match.MenteeAcceptedAt is not null : match.MentorAcceptedAt is not null;

    private static bool AlreadyConfirmed(Match match, MatchActor actor) =>
        actor == MatchActor.Mentor ? match.MentorConfirmedCompletionAt is not null : match.MenteeConfirmedCompletionAt is not null;

    private static bool OtherConfirmed(Match match, MatchActor actor) =>
        actor == MatchActor.Mentor ? match.MenteeConfirmedCompletionAt is not null : match.MentorConfirmedCompletionAt is not null;
}
