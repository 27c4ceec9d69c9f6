namespace Committee.Infrastructure;

/// <summary>Marks the application's events, so that the store knows each type before it reads one.</summary>
public interface ICommitteeEvent;

public static class CommitteeEvents
{
    /// <summary>Every event type of the application that is a <typeparamref name="T"/> (e.g. every draft event),
    /// whichever module declares it.</summary>
    public static IReadOnlyList<Type> OfKind<T>() => typeof(ICommitteeEvent).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(T))).ToList();
}
