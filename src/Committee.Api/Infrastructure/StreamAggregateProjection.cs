using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Committee.Infrastructure;

/// <summary>Keeps an aggregate's current state in the same transaction as its events, from the events of its own kind
/// only: a rebuild reads no other event, and another kind's stream never becomes an empty aggregate.</summary>
public abstract class StreamAggregateProjection<TAggregate, TEventKind> : SingleStreamProjection<TAggregate, Guid>
    where TAggregate : class, IStreamAggregate<TAggregate>
{
    protected StreamAggregateProjection()
    {
        foreach (var type in CommitteeEvents.OfKind<TEventKind>()) IncludeType(type);
    }

    public override TAggregate? Evolve(TAggregate? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not TEventKind) return snapshot;
        var aggregate = TAggregate.AsStored(TAggregate.Fold(snapshot, e.Data));
        aggregate.Version = e.Version;
        return aggregate;
    }
}
