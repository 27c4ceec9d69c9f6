using Committee.Infrastructure;

namespace Committee.Domain;

/// <summary>Each session's meeting and floor, in the same transaction as its events.</summary>
public sealed class SessionFloorProjection : StreamAggregateProjection<SessionFloor, ISessionEvent>;
