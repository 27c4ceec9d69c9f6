using System.Collections.Concurrent;
using Committee.Domain;
using JasperFx.Events;
using Marten;

namespace Committee.Live;

/// <summary>Who watches an event: its session, its draft, and the delegations it concerns. One rule for the live
/// push and for catching up over HTTP.</summary>
public sealed class LiveRouting
{
    private readonly ConcurrentDictionary<Guid, int> _sessionOfDraft = new();
    private readonly ConcurrentDictionary<Guid, (int Session, Guid? DraftId)> _vote = new();

    public async Task<IReadOnlyList<LiveEvent>> DescribeAsync(IReadOnlyList<IEvent> events, IQuerySession query, CancellationToken cancellation)
    {
        var unknown = events.Select(e => e.Data).OfType<IDraftEvent>().Select(d => d.DraftId)
            .Where(id => !_sessionOfDraft.ContainsKey(id)).Distinct().ToList();
        if (unknown.Count > 0)
            foreach (var draft in await query.LoadManyAsync<Draft>(cancellation, unknown))
                _sessionOfDraft[draft.Id] = draft.Session;
        var votes = events.Select(e => e.Data).OfType<IVoteEvent>().Select(v => v.VoteId).Where(id => !_vote.ContainsKey(id)).Distinct().ToList();
        if (votes.Count > 0)
            foreach (var vote in await query.LoadManyAsync<Vote>(cancellation, votes))
                _vote[vote.Id] = (vote.Session, vote.DraftId);
        return events.Select(Describe).ToList();
    }

    private LiveEvent Describe(IEvent e)
    {
        // A vote's events reach the watchers of its session and its draft.
        var vote = e.Data is IVoteEvent v && _vote.TryGetValue(v.VoteId, out var known) ? known : ((int Session, Guid? DraftId)?)null;
        var draftId = (e.Data as IDraftEvent)?.DraftId ?? vote?.DraftId;
        int? session = e.Data switch
        {
            ISessionEvent s => s.Session,
            IDraftEvent d when _sessionOfDraft.TryGetValue(d.DraftId, out var n) => n,
            _ => vote?.Session,
        };
        var delegations = (e.Data as IConcernsDelegations)?.Delegations.Distinct().ToList() ?? [];
        return new LiveEvent(e.Sequence, e.StreamId, e.Version, e.Data.GetType().Name, e.Timestamp, e.UserName,
            session, draftId, delegations, e.Data);
    }

    public static IEnumerable<string> GroupsOf(LiveEvent e)
    {
        if (e.Session is { } session) yield return SessionGroup(session);
        if (e.DraftId is { } draft) yield return DraftGroup(draft);
        foreach (var iso3 in e.Delegations) yield return DelegationGroup(iso3);
    }

    public static string SessionGroup(int session) => $"session:{session}";
    public static string DraftGroup(Guid draftId) => $"draft:{draftId}";
    public static string DelegationGroup(string iso3) => $"delegation:{iso3.ToUpperInvariant()}";
}
