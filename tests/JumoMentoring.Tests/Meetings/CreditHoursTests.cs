using JumoMentoring.Domain.Meetings;

namespace JumoMentoring.Tests.Meetings;

public sealed class CreditHoursTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 0)]
    [InlineData(8, 0.25)]
    [InlineData(22, 0.25)]
    [InlineData(23, 0.5)]
    [InlineData(60, 1)]
    [InlineData(67, 1)]
    [InlineData(68, 1.25)]
    [InlineData(113, 2)]
    [InlineData(600, 10)]
    public void Hours_are_minutes_over_sixty_to_the_nearest_quarter(int minutes, double hours) =>
        Assert.Equal((decimal)hours, CreditHours.FromMinutes(minutes));
}
