namespace Committee.Live;

/// <summary>A committed event as watchers receive it, tagged with its place in the store's order.</summary>
public sealed record LiveEvent(
    long Sequence, Guid StreamId, long Version, string Type, DateTimeOffset Timestamp, string? RecordedBy,
    int? Session, Guid? DraftId, IReadOnlyList<string> Delegations, object Data);
