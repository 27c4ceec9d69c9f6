using JasperFx.Events;

namespace Committee.History;

/// <summary>An event as the store recorded it: its place in the log and in its stream, when, and by whom.</summary>
public sealed record RecordedEvent(long Sequence, long Version, DateTimeOffset Timestamp, string? RecordedBy, object Data)
{
    public static RecordedEvent From(IEvent e) => new(e.Sequence, e.Version, e.Timestamp, e.UserName, e.Data);

    public string Type => Data.GetType().Name;

    /// <summary>When it happened (the document's date, the moment of the action); Timestamp is when it was recorded.</summary>
    public DateTimeOffset Happened => Committee.Domain.AsOf.Happened(Data, Timestamp);

    /// <summary>The meeting at which it happened, for any event that names one (a property Meeting), whatever its type.</summary>
    public int? Meeting => Data.GetType().GetProperty("Meeting")?.GetValue(Data) as int?;
}
