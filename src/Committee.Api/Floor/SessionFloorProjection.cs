using Committee.Infrastructure;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Committee.Floor;

/// <summary>Keeps each session's meeting and floor in the same transaction as its events.</summary>
public sealed class SessionFloorProjection : SingleStreamProjection<SessionFloor, Guid>
{
    /// <summary>Only sessions' streams make session floors (see <see cref="Drafts.DraftProjection"/>).</summary>
    public SessionFloorProjection()
    {
        foreach (var type in CommitteeEvents.OfKind<ISessionEvent>()) IncludeType(type);
    }

    public override SessionFloor? Evolve(SessionFloor? snapshot, Guid id, IEvent e)
    {
        if (e.Data is not ISessionEvent) return snapshot;
        var floor = SessionFloor.Fold(snapshot, e.Data);
        floor.Version = e.Version;
        return floor;
    }
}
