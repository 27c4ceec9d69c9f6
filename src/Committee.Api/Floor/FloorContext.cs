namespace Committee.Floor;

/// <summary>What a decision may know beyond the aggregate and the command: when it is recorded, by whom,
/// and the meeting in progress (if any) of the draft's session, with its date.</summary>
public sealed record FloorContext(DateTimeOffset At, string RecordedBy, int? MeetingInProgress, DateOnly? MeetingDate = null)
{
    /// <summary>The day a decision is taken: the meeting's date, or the day it is recorded when no meeting is open.</summary>
    public DateOnly Day => MeetingDate ?? DateOnly.FromDateTime(At.UtcDateTime);
}
