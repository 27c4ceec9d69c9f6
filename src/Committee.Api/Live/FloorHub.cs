using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Microsoft.AspNetCore.SignalR;

namespace Committee.Live;

/// <summary>Watchers choose a session, a draft or a delegation and receive its committed events in store order
/// ("event" messages). A client then catches up with GET /api/events?after=its last sequence, and drops what it has
/// already seen. Each watch first lets the live push reach every event committed so far (3 s at most), so that nothing published
/// before the watch (perhaps by another node) lies beyond what the catch-up returns; it answers that position.
/// Watching is public, but only what exists can be watched, and a connection holds a bounded number of watches: each
/// costs a group (and a backplane subscription) for the connection's life.</summary>
public sealed class FloorHub(LiveProgress progress, CommitteeMetrics metrics, MemberStates states, IQuerySession query) : Hub
{
    public const string Path = "/hubs/floor";
    public const string EventMessage = "event";

    /// <summary>A floor display watches one session; a delegation's page its State and its session: far below this.</summary>
    public const int MaxWatchesPerConnection = 16;

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

    public Task<long> WatchSession(int session) =>
        Watching(LiveRouting.SessionGroup(Checked(() => DraftRules.SessionNumber(session, "session"))));

    public async Task<long> WatchDraft(Guid draftId)
    {
        if (await query.LoadAsync<Draft>(draftId, Context.ConnectionAborted) is null)
            throw new HubException($"draftId: there is no draft {draftId}");
        return await Watching(LiveRouting.DraftGroup(draftId));
    }

    public Task<long> WatchDelegation(string iso3) =>
        states.IsDelegationCode(iso3 ?? "")
            ? Watching(LiveRouting.DelegationGroup(iso3!))
            : throw new HubException($"iso3: '{iso3}' is not the ISO3 code of a Member State or an observer");

    private async Task<long> Watching(string group)
    {
        var watches = (HashSet<string>)(Context.Items[nameof(Watching)] ??= new HashSet<string>());
        lock (watches)
        {
            if (!watches.Contains(group) && watches.Count >= MaxWatchesPerConnection)
                throw new HubException($"a connection watches at most {MaxWatchesPerConnection} sessions, drafts or delegations; open another connection");
            watches.Add(group);
        }
        await Groups.AddToGroupAsync(Context.ConnectionId, group);
        return await progress.CatchUpAsync(Context.ConnectionAborted);
    }

    /// <summary>A refusal of the domain's rules, said to the watcher (SignalR passes only a HubException's message on).</summary>
    private static T Checked<T>(Func<T> rule)
    {
        try { return rule(); }
        catch (Refusal refusal) { throw new HubException($"{refusal.Field}: {refusal.Reason}"); }
    }
}
