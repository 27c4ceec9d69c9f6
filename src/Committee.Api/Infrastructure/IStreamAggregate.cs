using System.Collections;
using System.Reflection;

namespace Committee.Infrastructure;

/// <summary>An aggregate kept on its own stream, evolved by one function shared by its projection and its commands.</summary>
public interface IStreamAggregate<TSelf> where TSelf : class, IStreamAggregate<TSelf>
{
    static abstract TSelf Fold(TSelf? aggregate, object @event);

    /// <summary>What the stored aggregate keeps of the fold (its snapshot, a command's reply, a state as of a moment):
    /// all of it, unless the aggregate leaves some history to its events.</summary>
    static virtual TSelf AsStored(TSelf aggregate) => aggregate;

    /// <summary>"draft" or "session", for messages.</summary>
    static abstract string Noun { get; }

    Guid Id { get; }

    long Version { get; set; }

    int Session { get; }
}

public static class StreamAggregate
{
    /// <summary>The aggregate after the events, as stored, folded on a detached copy: the fold changes what it is
    /// given, and the aggregate passed in (the one Marten's inline projection goes on from) must stay as it was.</summary>
    public static T? After<T>(T? aggregate, IEnumerable<object> events) where T : class, IStreamAggregate<T> =>
        events.Aggregate(aggregate is null ? null : Detached(aggregate), T.Fold) is { } after ? T.AsStored(after) : null;

    /// <summary>A copy whose lists are its own. The items of an aggregate's lists are immutable records, and every
    /// other property is a value or an immutable record, so this is all a fold can change.</summary>
    public static T Detached<T>(T aggregate) where T : class => (T)Copier<T>.Copy(aggregate);

    private static class Copier<T> where T : class
    {
        private static readonly Func<object, object> Clone = typeof(object)
            .GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!
            .CreateDelegate<Func<object, object>>();

        private static readonly PropertyInfo[] Lists = typeof(T).GetProperties()
            .Where(p => p is { CanRead: true, CanWrite: true } && p.PropertyType.IsGenericType
                        && p.PropertyType.GetGenericTypeDefinition() == typeof(List<>))
            .ToArray();

        public static object Copy(T aggregate)
        {
            var copy = Clone(aggregate);
            foreach (var list in Lists)
                if (list.GetValue(aggregate) is IEnumerable items)
                    list.SetValue(copy, Activator.CreateInstance(list.PropertyType, items));
            return copy;
        }
    }
}
