using Committee.Drafts;
using Committee.Floor;
using Committee.Voting;
using System.Linq.Expressions;
using JasperFx.Events;
using Marten;
using Wolverine;

namespace Committee.Infrastructure;

/// <summary>A draft's stream moved: its read models follow.</summary>
public sealed record DraftChanged(Guid DraftId);

/// <summary>A session's stream moved: its read models follow.</summary>
public sealed record SessionChanged(int Session);

/// <summary>A vote's stream moved: its rows in the voting records follow.</summary>
public sealed record VoteChanged(Guid VoteId);

/// <summary>The durable feed of the read models, run by the leading node: resumes from its checkpoint after a restart.</summary>
public sealed class ReadModelsFeed(IDocumentStore store, ReadModelDispatch dispatch, CommitSignal signal, Leadership leadership, ILogger<ReadModelsFeed> logger)
    : EventFeed(store, [dispatch], signal, logger, CheckpointId, leadership)
{
    public const string CheckpointId = "read-models";
}

/// <summary>Feeds the Wolverine handlers that project read models, in event-store order. Consecutive events of
/// one stream collapse into one message, since each handler projects the stream's state after them.</summary>
public sealed class ReadModelDispatch(IServiceScopeFactory scopes) : IEventFeedSubscriber
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
                // The voting records hold closed votes only: ballots and statements on an open vote change no row, and an
                // import writes its roll calls' rows itself, in bulk.
                VoteClosed or RecordedVoteCorrected => new VoteChanged(((IVoteEvent)e.Data).VoteId),
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
/// as it now stands, it updates its documents. The feed calls it live, one stream at a time, on the database; a
/// rebuild calls the same methods for every draft and session once, on documents kept in memory and then copied
/// to the database in bulk.
/// </summary>
public interface IFeedReadModel
{
    /// <summary>The document types it owns, deleted before a rebuild.</summary>
    IReadOnlyList<Type> Documents { get; }

    Task Project(Draft draft, IReadModelDocuments documents) => Task.CompletedTask;

    Task Project(SessionFloor floor, IReadModelDocuments documents) => Task.CompletedTask;
}

/// <summary>Where a feed read model finds and keeps its documents (each has an Id).</summary>
public interface IReadModelDocuments
{
    Task<T?> Load<T>(string id) where T : class;

    Task<T?> Load<T>(int id) where T : class;

    Task<T?> Load<T>(Guid id) where T : class;

    void Store<T>(T document) where T : class;

    /// <summary>Deletes documents stored for a stream before. A rebuild projects each stream once, from nothing,
    /// so there it has nothing to delete.</summary>
    void DeleteWhere<T>(Expression<Func<T, bool>> where) where T : class;
}

/// <summary>The documents in the database, through the handler's session.</summary>
public sealed class SessionDocuments(IDocumentSession session) : IReadModelDocuments
{
    public Task<T?> Load<T>(string id) where T : class => session.LoadAsync<T>(id);

    public Task<T?> Load<T>(int id) where T : class => session.LoadAsync<T>(id);

    public Task<T?> Load<T>(Guid id) where T : class => session.LoadAsync<T>(id);

    public void Store<T>(T document) where T : class => session.Store(document);

    public void DeleteWhere<T>(Expression<Func<T, bool>> where) where T : class => session.DeleteWhere(where);
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
        var documents = new SessionDocuments(session);
        foreach (var model in models.All) await model.Project(draft, documents);
    }

    public static async Task Handle(SessionChanged message, IDocumentSession session, FeedReadModels models)
    {
        if (await session.LoadAsync<SessionFloor>(SessionFloor.StreamId(message.Session)) is not { } floor) return;
        var documents = new SessionDocuments(session);
        foreach (var model in models.All) await model.Project(floor, documents);
    }
}
