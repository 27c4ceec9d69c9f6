namespace Committee.Domain;

/// <summary>The one rule of when a thing recorded in Committee happened, given the date it bears (its meeting's, its
/// document's) and the moment it is recorded. The moment recorded stays the store's timestamp (provenance), and the
/// command's context keeps it for every rule of "now".</summary>
public static class Dated
{
    /// <summary>A thing dated the day it is recorded (UTC) happened at that moment; one dated another day (a meeting or
    /// a document of the past, entered afterwards) happened on that day, at its start (UTC), so that it reads in its
    /// place among things of other days; things of one day keep the order recorded (stream version).</summary>
    public static DateTimeOffset On(DateOnly date, DateTimeOffset recorded) =>
        date == DateOnly.FromDateTime(recorded.UtcDateTime) ? recorded : new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
