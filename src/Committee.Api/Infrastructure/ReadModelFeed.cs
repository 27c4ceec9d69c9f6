using Committee.Drafts;
using Committee.Floor;
using JasperFx.Events;
using Marten;
using Wolverine;

namespace Committee.Infrastructure;

/// <summary>A draft's stream moved: its read models follow.</summary>
public sealed record DraftChanged(Guid DraftId);

/// <summary>A session's stream moved: its read models follow.</summary>
public sealed record SessionChanged(int Session);

/// <summary>Feeds the Wolverine handlers that project read models, in event-store order. Consecutive events of
/// one stream collapse into one message, since each handler projects the stream's state after them.</summary>
public sealed class ReadModelFeed(IServiceScopeFactory scopes) : IEventFeedSubscriber
{
    public async Task DeliverAsync(IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        object? previous = null;
        foreach (var e in events)
        {
            object? message = e.Data switch
            {
                IDraftEvent d => new DraftChanged(d.DraftId),
                ISessionEvent s => new SessionChanged(s.Session),
                _ => null,
            };
            if (message is null || message.Equals(previous)) continue;
            await bus.InvokeAsync(message, cancellation);
            previous = message;
        }
    }
}

/// <summary>
/// A read model kept from the state of drafts and sessions (not from single events): given a draft or a session
/// as it now stands, it updates its documents. The feed calls it live, one stream at a time; a rebuild calls the
/// same methods for every draft and session in bulk, after deleting its documents.
/// </summary>
public interface IFeedReadModel
{
    /// <summary>The document types it owns, deleted before a rebuild.</summary>
    IReadOnlyList<Type> Documents { get; }

    Task Project(Draft draft, IDocumentSession session) => Task.CompletedTask;

    Task Project(SessionFloor floor, IDocumentSession session) => Task.CompletedTask;
}

/// <summary>Every registered <see cref="IFeedReadModel"/>, in registration order.</summary>
public sealed class FeedReadModels(IEnumerable<IFeedReadModel> models)
{
    public IReadOnlyList<IFeedReadModel> All { get; } = models.ToList();
}

public static class FeedReadModelsHandler
{
    public static async Task Handle(DraftChanged message, IDocumentSession session, FeedReadModels models)
    {
        if (await session.LoadAsync<Draft>(message.DraftId) is not { } draft) return;
        foreach (var model in models.All) await model.Project(draft, session);
    }

    public static async Task Handle(SessionChanged message, IDocumentSession session, FeedReadModels models)
    {
        if (await session.LoadAsync<SessionFloor>(SessionFloor.StreamId(message.Session)) is not { } floor) return;
        foreach (var model in models.All) await model.Project(floor, session);
    }
}
