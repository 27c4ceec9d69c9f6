using Committee.Infrastructure;
using Marten;

namespace Committee.Live;

/// <summary>Every node's own feed of what to push to its watchers: it starts at the present (watchers catch up over
/// HTTP) and bounds what GET /api/events hands out, so the two never disagree.</summary>
public sealed class LiveFeed(IDocumentStore store, LivePush push, CommitSignal signal, ILogger<LiveFeed> logger)
    : EventFeed(store, [push], signal, logger, checkpointId: null, leadership: null);
