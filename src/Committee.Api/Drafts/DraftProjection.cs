using Committee.Infrastructure;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Committee.Drafts;

/// <summary>Keeps each draft's current state in the same transaction as its events.</summary>
public sealed class DraftProjection : SingleStreamProjection<Draft, Guid>
{
    /// <summary>Only drafts' streams make drafts: a rebuild reads no other event, and a session's stream never
    /// becomes an empty draft.</summary>
    public DraftProjection()
    {
        foreach (var type in CommitteeEvents.OfKind<IDraftEvent>()) IncludeType(type);
    }

    public override Draft? Evolve(Draft? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not IDraftEvent) return snapshot;
        var draft = Draft.Fold(snapshot, e.Data);
        draft.Version = e.Version;
        return draft;
    }
}
