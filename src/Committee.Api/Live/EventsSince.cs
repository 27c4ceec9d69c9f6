using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Live;

public sealed record EventPage(IReadOnlyList<LiveEvent> Events, long Position);

public sealed record FeedPosition(long Position);

public static class EventsSinceEndpoint
{
    /// <summary>How far the live push has gone. A page takes this position, loads its state at least that fresh
    /// (?atLeast=position on a read model), then watches for what comes after.</summary>
    [WolverineGet("/api/events/position", OperationId = "FeedPosition"), Tags("Live")]
    public static async Task<FeedPosition> Position(LiveProgress live, CancellationToken cancellation) =>
        new(await live.PositionAsync(cancellation));

    /// <summary>Committed events after a sequence, in store order, optionally for one session, draft or delegation:
    /// what a watcher missed. Never beyond what the live push has sent, so the two never disagree.</summary>
    [WolverineGet("/api/events", OperationId = "EventsSince"), Tags("Live")]
    [ProducesResponseType<EventPage>(200)]
    public static async Task<IResult> Get(long? after, int? session, Guid? draftId, string? delegation, int? limit,
        IQuerySession query, LiveProgress live, LiveRouting routing, CancellationToken cancellation)
    {
        if (after is < 0) return Problems.For(Refusal.Invalid("after", "after is a sequence number, 0 or more"));
        if (limit is < 1 or > 5000) return Problems.For(Refusal.Invalid("limit", "limit is between 1 and 5000"));
        var position = await live.PositionAsync(cancellation);
        var from = after ?? 0;
        var events = await query.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > from && e.Sequence <= position).OrderBy(e => e.Sequence)
            .Take(limit ?? 1000).ToListAsync(cancellation);
        var groups = new HashSet<string>();
        if (session is { } s) groups.Add(LiveRouting.SessionGroup(s));
        if (draftId is { } d) groups.Add(LiveRouting.DraftGroup(d));
        if (delegation is { Length: > 0 } iso3) groups.Add(LiveRouting.DelegationGroup(iso3));
        var described = (await routing.DescribeAsync(events, query, cancellation))
            .Where(e => groups.Count == 0 || LiveRouting.GroupsOf(e).Any(groups.Contains)).ToList();
        var reached = events.Count == (limit ?? 1000) ? events[^1].Sequence : position;
        return Results.Json(new EventPage(described, reached), Json.Options);
    }
}
