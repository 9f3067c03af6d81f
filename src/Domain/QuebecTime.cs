namespace JumoMentoring.Domain;

/// <summary>
/// The calendar of the college: dates people type (a meeting's day, a due date) are Quebec dates, and
/// "today" is today in Quebec (Eastern time), whatever the server's time zone.
/// </summary>
public static class QuebecTime
{
    public static TimeZoneInfo Zone { get; } = TimeZoneInfo.FindSystemTimeZoneById("America/Toronto");

    public static DateOnly Today(TimeProvider clock) => DateOf(clock.GetUtcNow());

    public static DateOnly DateOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    /// <summary>
    /// The instant as PostgreSQL keeps it (microseconds): what a mutation answers is then exactly what
    /// a later read gives.
    /// </summary>
    public static DateTimeOffset ToDatabasePrecision(this DateTimeOffset instant) => instant.AddTicks(-(instant.Ticks % 10));

    /// <summary>Midnight of that day in Quebec.</summary>
    public static DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }
}
