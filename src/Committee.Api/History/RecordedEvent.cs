using JasperFx.Events;

namespace Committee.History;

/// <summary>An event as the store recorded it: its place in the log and in its stream, when, and by whom.</summary>
public sealed record RecordedEvent(long Sequence, long Version, DateTimeOffset Timestamp, string? RecordedBy, object Data)
{
    public static RecordedEvent From(IEvent e) => new(e.Sequence, e.Version, e.Timestamp, e.UserName, e.Data);

    public string Type => Data.GetType().Name;

    /// <summary>The meeting at which it happened, for any event that names one (a property Meeting), whatever its type.</summary>
    public int? Meeting => Data.GetType().GetProperty("Meeting")?.GetValue(Data) as int?;

    /// <summary>The moment the event says it happened (a property At): an import's is the document's date.</summary>
    public DateTimeOffset? At => Data.GetType().GetProperty("At")?.GetValue(Data) as DateTimeOffset?;
}
