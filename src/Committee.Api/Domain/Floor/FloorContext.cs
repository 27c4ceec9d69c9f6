using Committee.Infrastructure;
using Marten;
using Marten.Services.BatchQuerying;

namespace Committee.Domain;

/// <summary>What a decision may know beyond the aggregate and the command: when it is recorded (At: the rules of
/// "now" read it), by whom, and the meeting in progress (if any) of the draft's session, with its date.</summary>
public sealed record FloorContext(DateTimeOffset At, string RecordedBy, int? MeetingInProgress, DateOnly? MeetingDate = null) : ICommandContext
{
    /// <summary>The day a decision is taken: the meeting's date, or the day it is recorded when no meeting is open.</summary>
    public DateOnly Day => MeetingDate ?? DateOnly.FromDateTime(At.UtcDateTime);

    /// <summary>When an action taken now happened: on the meeting's date when a meeting of another day is in progress
    /// (a meeting of the past entered afterwards), else at the moment recorded (<see cref="Dated.On"/>).</summary>
    public DateTimeOffset Happened => Dated.On(Day, At);
}

/// <summary>A command's <see cref="FloorContext"/>: the session's floor (its inline snapshot), read in the command's batch.</summary>
public sealed class FloorContextReader : ICommandContextReader<FloorContext>
{
    public async Task<FloorContext> Read(IBatchedQuery batch, int session, DateTimeOffset at, string recordedBy)
    {
        // Queued before the first await, so it rides in the batch; awaited once the batch has run.
        var floor = batch.Load<SessionFloor>(SessionFloor.StreamId(session));
        return Of(await floor, at, recordedBy);
    }

    public async Task<FloorContext> ReadAsync(IQuerySession query, int session, DateTimeOffset at, string recordedBy, CancellationToken cancellation) =>
        Of(await query.LoadAsync<SessionFloor>(SessionFloor.StreamId(session), cancellation), at, recordedBy);

    private static FloorContext Of(SessionFloor? floor, DateTimeOffset at, string recordedBy) =>
        new(at, recordedBy, floor?.Meeting?.Number, floor?.Meeting?.Date);
}
