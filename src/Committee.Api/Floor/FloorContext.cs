namespace Committee.Floor;

/// <summary>What a decision may know beyond the aggregate and the command: when it is recorded, by whom,
/// and the meeting in progress (if any) of the draft's session.</summary>
public sealed record FloorContext(DateTimeOffset At, string RecordedBy, int? MeetingInProgress);
