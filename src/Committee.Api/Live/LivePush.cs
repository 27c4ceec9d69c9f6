using Committee.Infrastructure;
using JasperFx.Events;
using Microsoft.AspNetCore.SignalR;

namespace Committee.Live;

/// <summary>Pushes each committed event to its watchers, one after another in store order: a connection's messages
/// leave in the order they were sent, so every watcher sees the order of the store. With a backplane, only the leading
/// node publishes (one publisher keeps one order) and the backplane hands each message to every node's watchers.</summary>
public sealed class LivePush(IHubContext<FloorHub> hub, LiveRouting routing, Leadership leadership, IConfiguration configuration) : IEventFeedSubscriber
{
    private readonly bool _backplane = configuration["Committee:Redis"] is { Length: > 0 };

    public async Task DeliverAsync(IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        if (_backplane && !leadership.IsLeader) return;
        foreach (var live in await routing.DescribeAsync(events, cancellation))
        {
            var groups = LiveRouting.GroupsOf(live).ToList();
            if (groups.Count > 0) await hub.Clients.Groups(groups).SendAsync(FloorHub.EventMessage, live, cancellation);
        }
    }
}
