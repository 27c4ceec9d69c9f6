using Committee.Drafts;
using Committee.Floor;
using Committee.Voting;
using JasperFx.Events;
using Wolverine;

namespace Committee.Infrastructure;

/// <summary>A draft's stream moved: its read models follow.</summary>
public sealed record DraftChanged(Guid DraftId);

/// <summary>A session's stream moved: its read models follow.</summary>
public sealed record SessionChanged(int Session);

/// <summary>A vote's stream moved: its rows in the voting records follow.</summary>
public sealed record VoteChanged(Guid VoteId);

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
