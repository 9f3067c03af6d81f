using JumoMentoring.Domain.Matches;

namespace JumoMentoring.Tests.Matches;

/// <summary>The state machine, rule by rule.</summary>
public sealed class MatchLifecycleTests
{
    private static Match InStatus(MatchStatus status) => new() { ProgramId = Guid.NewGuid(), MentorId = Guid.NewGuid(), MenteeId = Guid.NewGuid(), Status = status };

    [Theory]
    [InlineData(MatchStatus.Requested, MatchAction.Accept, MatchActor.Mentor, MatchStatus.Active)]
    [InlineData(MatchStatus.Requested, MatchAction.Decline, MatchActor.Mentor, MatchStatus.Declined)]
    [InlineData(MatchStatus.Requested, MatchAction.End, MatchActor.Mentee, MatchStatus.Ended)]
    [InlineData(MatchStatus.Requested, MatchAction.Expire, MatchActor.System, MatchStatus.Expired)]
    [InlineData(MatchStatus.Proposed, MatchAction.Accept, MatchActor.Mentee, MatchStatus.Proposed)]
    [InlineData(MatchStatus.Proposed, MatchAction.Decline, MatchActor.Mentor, MatchStatus.Declined)]
    [InlineData(MatchStatus.Active, MatchAction.Pause, MatchActor.Mentee, MatchStatus.Paused)]
    [InlineData(MatchStatus.Active, MatchAction.Pause, MatchActor.Coordinator, MatchStatus.Paused)]
    [InlineData(MatchStatus.Paused, MatchAction.Resume, MatchActor.Mentor, MatchStatus.Active)]
    [InlineData(MatchStatus.Active, MatchAction.Complete, MatchActor.Coordinator, MatchStatus.Completed)]
    [InlineData(MatchStatus.Active, MatchAction.Complete, MatchActor.Mentor, MatchStatus.Active)]
    [InlineData(MatchStatus.Paused, MatchAction.Complete, MatchActor.Coordinator, MatchStatus.Completed)]
    public void Allowed_transitions(MatchStatus from, MatchAction action, MatchActor actor, MatchStatus to)
    {
        var decision = MatchLifecycle.Decide(InStatus(from), action, actor, hasReason: false);

        Assert.True(decision.Allowed, decision.ErrorCode);
        Assert.Equal(to, decision.To);
    }

    [Theory]
    [InlineData(MatchStatus.Requested, MatchAction.Accept, MatchActor.Mentee, MatchLifecycle.NotAllowed)]
    [InlineData(MatchStatus.Requested, MatchAction.Accept, MatchActor.Coordinator, MatchLifecycle.NotAllowed)]
    [InlineData(MatchStatus.Requested, MatchAction.Decline, MatchActor.Mentee, MatchLifecycle.NotAllowed)]
    [InlineData(MatchStatus.Requested, MatchAction.Pause, MatchActor.Mentor, MatchLifecycle.InvalidTransition)]
    [InlineData(MatchStatus.Requested, MatchAction.Expire, MatchActor.Mentor, MatchLifecycle.NotAllowed)]
    [InlineData(MatchStatus.Active, MatchAction.Expire, MatchActor.System, MatchLifecycle.NotAllowed)]
    [InlineData(MatchStatus.Active, MatchAction.Accept, MatchActor.Mentor, MatchLifecycle.InvalidTransition)]
    [InlineData(MatchStatus.Paused, MatchAction.Pause, MatchActor.Mentor, MatchLifecycle.InvalidTransition)]
    [InlineData(MatchStatus.Completed, MatchAction.Resume, MatchActor.Mentor, MatchLifecycle.InvalidTransition)]
    [InlineData(MatchStatus.Ended, MatchAction.Pause, MatchActor.Coordinator, MatchLifecycle.InvalidTransition)]
    [InlineData(MatchStatus.Declined, MatchAction.Accept, MatchActor.Mentor, MatchLifecycle.InvalidTransition)]
    [InlineData(MatchStatus.Expired, MatchAction.Accept, MatchActor.Mentor, MatchLifecycle.InvalidTransition)]
    [InlineData(MatchStatus.Proposed, MatchAction.Accept, MatchActor.Coordinator, MatchLifecycle.InvalidTransition)]
    public void Refused_transitions(MatchStatus from, MatchAction action, MatchActor actor, string code)
    {
        var decision = MatchLifecycle.Decide(InStatus(from), action, actor, hasReason: true);

        Assert.False(decision.Allowed);
        Assert.Equal(code, decision.ErrorCode);
    }

    [Fact]
    public void Ending_an_active_match_needs_a_reason()
    {
        Assert.Equal(MatchLifecycle.ReasonRequired, MatchLifecycle.Decide(InStatus(MatchStatus.Active), MatchAction.End, MatchActor.Mentor, false).ErrorCode);
        Assert.Equal(MatchStatus.Ended, MatchLifecycle.Decide(InStatus(MatchStatus.Active), MatchAction.End, MatchActor.Mentor, true).To);
    }

    [Fact]
    public void A_proposal_activates_on_the_second_acceptance_and_nobody_accepts_twice()
    {
        var match = InStatus(MatchStatus.Proposed);
        match.MentorAcceptedAt = DateTimeOffset.UtcNow;

        Assert.Equal(MatchStatus.Active, MatchLifecycle.Decide(match, MatchAction.Accept, MatchActor.Mentee, false).To);
        Assert.Equal(MatchLifecycle.InvalidTransition, MatchLifecycle.Decide(match, MatchAction.Accept, MatchActor.Mentor, false).ErrorCode);
    }

    [Fact]
    public void Completion_by_members_needs_both_confirmations()
    {
        var match = InStatus(MatchStatus.Active);
        match.MenteeConfirmedCompletionAt = DateTimeOffset.UtcNow;

        Assert.Equal(MatchStatus.Completed, MatchLifecycle.Decide(match, MatchAction.Complete, MatchActor.Mentor, false).To);
        Assert.Equal(MatchLifecycle.InvalidTransition, MatchLifecycle.Decide(match, MatchAction.Complete, MatchActor.Mentee, false).ErrorCode);
    }
}
