using JumoMentoring.Domain.CheckIns;

namespace JumoMentoring.Tests.CheckIns;

public sealed class CheckInScheduleTests
{
    private static readonly DateTimeOffset Start = new(2026, 9, 1, 14, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_check_in_is_due_one_interval_after_activation()
    {
        Assert.Equal(Start.AddDays(28), CheckInSchedule.NextDue(Start, null, 4));
        Assert.False(CheckInSchedule.IsDue(Start, null, 4, Start.AddDays(28).AddTicks(-1)));
        Assert.True(CheckInSchedule.IsDue(Start, null, 4, Start.AddDays(28)));
    }

    [Fact]
    public void The_next_one_is_due_one_interval_after_the_last_even_when_it_was_late_or_early()
    {
        var late = Start.AddDays(40);
        Assert.Equal(late.AddDays(14), CheckInSchedule.NextDue(Start, late, 2));

        var early = Start.AddDays(3);
        Assert.Equal(early.AddDays(28), CheckInSchedule.NextDue(Start, early, 4));
    }

    [Fact]
    public void A_check_in_older_than_the_activation_does_not_count()
    {
        Assert.Equal(Start.AddDays(7), CheckInSchedule.NextDue(Start, Start.AddDays(-100), 1));
    }
}
