using JumoMentoring.Domain.Goals;

namespace JumoMentoring.Tests.Goals;

public sealed class GoalProgressTests
{
    [Theory]
    [InlineData(GoalStatus.Open, 0, 0, 0.0)]
    [InlineData(GoalStatus.Open, 3, 1, 1.0 / 3)]
    [InlineData(GoalStatus.Open, 2, 2, 1.0)]
    [InlineData(GoalStatus.Abandoned, 4, 1, 0.25)]
    [InlineData(GoalStatus.Abandoned, 0, 0, 0.0)]
    [InlineData(GoalStatus.Achieved, 0, 0, 1.0)]
    [InlineData(GoalStatus.Achieved, 4, 1, 1.0)]
    public void Progress_is_completed_over_all_milestones_zero_without_any_and_one_once_achieved(GoalStatus status, int milestones, int completed, double expected)
    {
        var goal = new Goal { MatchId = Guid.NewGuid(), Title = "t", Status = status };
        for (var i = 0; i < milestones; i++)
        {
            goal.Milestones.Add(new Milestone { GoalId = goal.Id, Title = $"m{i}", CompletedAt = i < completed ? DateTimeOffset.UtcNow : null });
        }

        Assert.Equal(expected, goal.Progress, 10);
    }
}
