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
