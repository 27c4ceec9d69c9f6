using Marten;
using Marten.Services.BatchQuerying;

namespace Committee.Infrastructure;

/// <summary>What every decision is told besides its aggregate and its command: when it is recorded, and by whom.</summary>
public interface ICommandContext
{
    DateTimeOffset At { get; }

    string RecordedBy { get; }
}

/// <summary>Reads what a decision may know of the stream's session (the meeting in progress, say) for
/// <see cref="StreamCommands{TContext}"/>, which knows only that every stream belongs to a session. Registered by the
/// domain (<see cref="StreamCommands.AddStreamCommands{TContext, TReader}"/>), so that this plumbing knows no module.</summary>
public interface ICommandContextReader<TContext> where TContext : ICommandContext
{
    /// <summary>Queues the session's read on the command's batch, before the batch runs, so that the whole read stays
    /// one round trip; the context is answered once the batch has run.</summary>
    Task<TContext> Read(IBatchedQuery batch, int session, DateTimeOffset at, string recordedBy);

    /// <summary>The same read on its own, for a stream whose session is known only once the stream itself is read
    /// (its first command in this process).</summary>
    Task<TContext> ReadAsync(IQuerySession query, int session, DateTimeOffset at, string recordedBy, CancellationToken cancellation);
}
