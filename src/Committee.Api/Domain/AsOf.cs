using System.Globalization;
using Committee.Infrastructure;
using JasperFx.Events;
using Marten;

namespace Committee.Domain;

/// <summary>A moment in a stream's history: after its n-th event, or at a time.</summary>
public sealed record Moment(long? Version, DateTimeOffset? At)
{
    /// <summary>Reads ?asOf= (ISO 8601 time) and ?version= (n ≥ 1); null when neither is given.</summary>
    public static Moment? From(string? asOf, string? version)
    {
        if (asOf is not null && version is not null)
            throw Refusal.Invalid("version", "give asOf or version, not both");
        if (version is not null)
        {
            if (!long.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1)
                throw Refusal.Invalid("version", $"'{version}' is not a version: versions count events from 1");
            return new Moment(n, null);
        }
        if (asOf is not null)
        {
            if (!DateTimeOffset.TryParse(asOf, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
                throw Refusal.Invalid("asOf", $"'{asOf}' is not a time: use ISO 8601, e.g. 2009-11-19T15:00:00Z");
            return new Moment(null, at);
        }
        return null;
    }

    public override string ToString() => Version is { } v ? $"version {v}" : $"{At:yyyy-MM-dd HH:mm:ss} UTC";
}

/// <summary>Reading streams as they stood. Votes: those recorded on the draft's own stream and folded by
/// <see cref="Draft.Fold"/> come with the draft by themselves; a vote kept on a stream of its own is read here
/// the same way, with Marten's AggregateStreamAsync at the same moment, and added to the answer beside the draft.</summary>
public static class AsOf
{
    /// <summary>The draft as it stood at the moment, folded from its stream through the draft's own projection
    /// (<see cref="Draft.Fold"/>); null when it did not exist yet, or has not reached that version. A version counts
    /// the events as recorded; a time is when things happened (<see cref="Happened"/>), so a draft imported today from
    /// documents of 2009 reads as it stood in 2009, and an earlier version recorded after a later one still comes first.</summary>
    public static Task<Draft?> Draft(IQuerySession session, Guid id, Moment moment, CancellationToken cancellation) =>
        Stream<Draft>(session, id, moment, cancellation);

    /// <summary>Any stream's aggregate (a draft, a session's floor) as it stood at the moment, the same way.</summary>
    public static async Task<T?> Stream<T>(IQuerySession session, Guid id, Moment moment, CancellationToken cancellation)
        where T : class, IStreamAggregate<T>
    {
        if (moment.At is not { } at)
        {
            var aggregate = await session.Events.AggregateStreamAsync<T>(id, version: moment.Version ?? 0, token: cancellation);
            return aggregate is null || aggregate.Version < (moment.Version ?? 0) ? null : aggregate;
        }
        var then = Folded<T>(await session.Events.FetchStreamAsync(id, token: cancellation), e => Happened(e.Data, e.Timestamp) <= at);
        return then is null ? null : T.AsStored(then);
    }

    /// <summary>The aggregate as its events leave it, with all the history its fold keeps, including what its stored
    /// form leaves to the events (<see cref="IStreamAggregate{TSelf}.AsStored"/>): a draft with every sponsorship it
    /// ever had.</summary>
    public static T? WithAllItsHistory<T>(IEnumerable<IEvent> events) where T : class, IStreamAggregate<T> =>
        Folded<T>(events, _ => true);

    private static T? Folded<T>(IEnumerable<IEvent> events, Func<IEvent, bool> included) where T : class, IStreamAggregate<T>
    {
        T? then = null;
        foreach (var e in events.Where(included))
        {
            then = T.Fold(then, e.Data);
            then.Version = e.Version;
        }
        return then;
    }

    /// <summary>When an event happened: the moment its command gave it (At, by <see cref="Dated.On"/>: the document's
    /// or the meeting's date for one of the past, the moment of the action for one recorded the day it happened); the
    /// store's timestamp for an event without one.</summary>
    public static DateTimeOffset Happened(object data, DateTimeOffset recorded) =>
        data.GetType().GetProperty("At")?.GetValue(data) as DateTimeOffset? ?? recorded;
}
