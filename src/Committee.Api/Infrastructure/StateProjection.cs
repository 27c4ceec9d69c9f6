using JasperFx.Events;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;

namespace Committee.Infrastructure;

/// <summary>
/// A read model kept by Marten's async daemon from the state of the streams its events touch (a draft, a vote), not
/// from single events: for each page of events, every stream of <typeparamref name="TState"/> that moved is loaded
/// as it now stands (its inline snapshot, one query for the page) and handed to <see cref="Project"/>, whose writes
/// the daemon commits with its progress. Projecting the newest state is idempotent, so a rebuild equals the live model.
/// </summary>
/// <remarks>The read models share one shard of the daemon (<see cref="ReadModels.Shard"/>): one read of each page of
/// events, one transaction for all their rows and their progress. A stream whose projection throws is recorded as a
/// dead letter of this read model (its first event in the page, the cause), in that same transaction: this read model
/// skips it, the others still get the event. Projecting is pure computation on a loaded state, so a retry would
/// fail the same way.</remarks>
public abstract class StateProjection<TState, TEventKind> : ProjectionBase, IProjection
    where TState : class, IStreamAggregate<TState>
{
    /// <param name="rows">The document types it writes, emptied before a rebuild (Marten's composite adopts these
    /// options from its member).</param>
    protected StateProjection(params Type[] rows)
    {
        Name = GetType().Name;
        foreach (var row in rows) Options.DeleteViewTypeOnTeardown(row);
    }

    /// <summary>Whether the event changes what this read model shows (a sponsor joining does not change the search index).</summary>
    protected virtual bool Changes(object @event) => true;

    /// <summary>Writes the read model's rows for the state, touching only what the events concern.</summary>
    protected abstract void Project(TState state, IReadOnlyList<object> events, IDocumentOperations operations);

    public async Task ApplyAsync(IDocumentOperations operations, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var moved = events.Where(e => e.Data is TEventKind && Changes(e.Data)).GroupBy(e => e.StreamId).ToList();
        if (moved.Count == 0) return;
        var states = (await operations.LoadManyAsync<TState>(cancellation, moved.Select(g => g.Key))).ToDictionary(s => s.Id);
        foreach (var stream in moved)
        {
            try
            {
                // Snapshots are written with their events (inline), or before them (imports): one missing is a fault.
                var state = states.GetValueOrDefault(stream.Key)
                            ?? throw new InvalidOperationException($"no snapshot of the {TState.Noun} {stream.Key} for its events");
                Project(state, stream.Select(e => e.Data).ToList(), operations);
            }
            catch (Exception e)
            {
                operations.Store(new DeadLetterEvent(stream.First(), ReadModels.Shard(Name), new ReadModelFailure(stream.First(), e)));
            }
        }
    }
}

/// <summary>The message of a dead letter: the event and its cause.</summary>
public sealed class ReadModelFailure(IEvent @event, Exception cause) : ApplyEventException(@event, cause)
{
    public override string Message => $"{base.Message}: {InnerException!.Message}";
}
