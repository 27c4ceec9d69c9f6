using System.Text.Json;

namespace Committee.Infrastructure;

/// <summary>An aggregate kept on its own stream, evolved by one function shared by its projection and its commands.</summary>
public interface IStreamAggregate<TSelf> where TSelf : class, IStreamAggregate<TSelf>
{
    static abstract TSelf Fold(TSelf? aggregate, object @event);

    /// <summary>"draft" or "session", for messages.</summary>
    static abstract string Noun { get; }

    long Version { get; set; }

    int Session { get; }
}

public static class StreamAggregate
{
    /// <summary>The aggregate after the events, folded on a copy: Marten's inline projection goes on from the fetched
    /// aggregate itself, and a decision composed of several steps must not change what it was given.</summary>
    public static T? After<T>(T? aggregate, IEnumerable<object> events) where T : class, IStreamAggregate<T>
    {
        var copy = aggregate is null ? null : JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(aggregate, Json.Options), Json.Options);
        return events.Aggregate(copy, (current, e) => T.Fold(current, e));
    }
}
