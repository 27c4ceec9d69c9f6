using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Committee.Drafts;

/// <summary>Keeps each draft's current state in the same transaction as its events.</summary>
public sealed class DraftProjection : SingleStreamProjection<Draft, Guid>
{
    public override Draft Evolve(Draft? snapshot, Guid id, IEvent e)
    {
        var draft = Draft.Fold(snapshot, e.Data);
        draft.Version = e.Version;
        return draft;
    }
}
