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

/// <summary>The durable feed of the read models, run by the leading node: resumes from its checkpoint after a restart.</summary>
public sealed class ReadModelsFeed(IDocumentStore store, ReadModelDispatch dispatch, CommitSignal signal, Leadership leadership, ILogger<ReadModelsFeed> logger)
    : EventFeed(store, [dispatch], signal, logger, "read-models", leadership);

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
                _ => null,
            };
            if (message is null || message.Equals(previous)) continue;
            await bus.InvokeAsync(message, cancellation);
            previous = message;
        }
    }
}
