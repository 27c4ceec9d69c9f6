using Committee.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace Committee.Live;

/// <summary>Watchers choose a session, a draft or a delegation and receive its committed events in store order
/// ("event" messages). A client then catches up with GET /api/events?after=its last sequence, and drops what it has
/// already seen. Each watch first lets the live push reach every event committed so far (3 s at most), so that nothing published
/// before the watch (perhaps by another node) lies beyond what the catch-up returns; it answers that position.</summary>
public sealed class FloorHub(LiveProgress progress, CommitteeMetrics metrics) : Hub
{
    public override Task OnConnectedAsync()
    {
        metrics.WatcherConnected();
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        metrics.WatcherDisconnected();
        return base.OnDisconnectedAsync(exception);
    }

    private async Task<long> Watching(string group)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        return await progress.CatchUpAsync(Context.ConnectionAborted);
    }

    public const string Path = "/hubs/floor";
    public const string EventMessage = "event";

    public Task<long> WatchSession(int session) => Watching(LiveRouting.SessionGroup(session));

    public Task<long> WatchDraft(Guid draftId) => Watching(LiveRouting.DraftGroup(draftId));

    public Task<long> WatchDelegation(string iso3) => Watching(LiveRouting.DelegationGroup(iso3));
}
