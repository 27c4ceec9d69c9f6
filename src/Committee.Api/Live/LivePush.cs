using Committee.Infrastructure;
using JasperFx.Events;
using Microsoft.AspNetCore.SignalR;

namespace Committee.Live;

/// <summary>Pushes each committed event to its watchers, one after another in store order: a connection's messages
/// leave in the order they were sent, so every watcher sees the order of the store.</summary>
public sealed class LivePush(IHubContext<FloorHub> hub, LiveRouting routing) : IEventFeedSubscriber
{
    public async Task DeliverAsync(IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        foreach (var live in await routing.DescribeAsync(events, cancellation))
        {
            var groups = LiveRouting.GroupsOf(live).ToList();
            if (groups.Count > 0) await hub.Clients.Groups(groups).SendAsync(FloorHub.EventMessage, live, cancellation);
        }
    }
}
