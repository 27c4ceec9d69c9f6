using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Committee.Floor;

/// <summary>Keeps each session's meeting and floor in the same transaction as its events.</summary>
public sealed class SessionFloorProjection : SingleStreamProjection<SessionFloor, Guid>
{
    public override SessionFloor Evolve(SessionFloor? snapshot, Guid id, IEvent e)
    {
        var floor = SessionFloor.Fold(snapshot, e.Data);
        floor.Version = e.Version;
        return floor;
    }
}
