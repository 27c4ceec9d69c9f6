using Committee.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Committee.Live;

/// <summary>Watchers choose a session, a draft or a delegation and receive its committed events in store order
/// ("event" messages). Each watch answers the feed's position: events after it arrive live; a client that was away
/// catches up with GET /api/events?after=its last sequence, and drops what it has already seen.</summary>
public sealed class FloorHub(EventFeed feed) : Hub
{
    public const string Path = "/hubs/floor";
    public const string EventMessage = "event";

    public async Task<long> WatchSession(int session)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveRouting.SessionGroup(session));
        return feed.Position;
    }

    public async Task<long> WatchDraft(Guid draftId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveRouting.DraftGroup(draftId));
        return feed.Position;
    }

    public async Task<long> WatchDelegation(string iso3)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, LiveRouting.DelegationGroup(iso3));
        return feed.Position;
    }
}
