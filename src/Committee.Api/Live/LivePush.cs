using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Committee.Infrastructure;
using Marten;
using Marten.Subscriptions;
using Microsoft.AspNetCore.SignalR;

namespace Committee.Live;

/// <summary>Pushes each committed event to its watchers, in store order: a subscription on Marten's async daemon, which
/// hands over pages of committed events without a gap (it waits for a sequence still held by a live transaction and
/// passes one proven abandoned). A connection's messages leave in the order they were sent, so every watcher sees the
/// order of the store. The daemon runs on one node (HotCold); with a backplane, that node's pushes reach every node's
/// watchers.</summary>
public sealed class LivePush : SubscriptionBase
{
    public const string Subscription = "LivePush";

    private readonly IHubContext<FloorHub> _hub;
    private readonly LiveRouting _routing;
    private readonly CommitteeMetrics _metrics;

    public LivePush(IHubContext<FloorHub> hub, LiveRouting routing, CommitteeMetrics metrics)
    {
        _hub = hub;
        _routing = routing;
        _metrics = metrics;
        Name = Subscription;
        // Watchers catch up over HTTP: a new store starts at the present, not with a replay of history.
        Options.SubscribeFromPresent();
        Options.BatchSize = 500;
    }

    public override async Task<IChangeListener> ProcessEventsAsync(EventRange page, ISubscriptionController controller,
        IDocumentOperations operations, CancellationToken cancellationToken)
    {
        foreach (var live in await _routing.DescribeAsync(page.Events, operations, cancellationToken))
        {
            var groups = LiveRouting.GroupsOf(live).ToList();
            if (groups.Count == 0) continue;
            await _hub.Clients.Groups(groups).SendAsync(FloorHub.EventMessage, live, cancellationToken);
            _metrics.LivePushed(DateTimeOffset.UtcNow - live.Timestamp);
        }
        return NullChangeListener.Instance;
    }
}

/// <summary>How far the live push has gone, on any node: every event up to its progress has been pushed (the daemon
/// saves it after the page is pushed).</summary>
public sealed class LiveProgress(IDocumentStore store)
{
    private static readonly TimeSpan MaxCatchUp = TimeSpan.FromSeconds(3);

    public Task<long> PositionAsync(CancellationToken cancellation) => store.ProgressAsync(LivePush.Subscription, cancellation);

    /// <summary>Waits (3 s at most) until everything committed so far has been pushed, and answers the position then.</summary>
    public async Task<long> CatchUpAsync(CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var committed = await query.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefaultAsync(cancellation);
        return await store.ProgressAsync(LivePush.Subscription, committed, MaxCatchUp, cancellation);
    }
}
