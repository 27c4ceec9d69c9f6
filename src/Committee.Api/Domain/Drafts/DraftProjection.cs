using Committee.Infrastructure;

namespace Committee.Domain;

/// <summary>Each draft's current state, in the same transaction as its events.</summary>
public sealed class DraftProjection : StreamAggregateProjection<Draft, IDraftEvent>;
