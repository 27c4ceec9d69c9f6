using JasperFx.Events;
using Marten;
using Npgsql;

namespace Committee.Infrastructure;

/// <summary>Receives every committed event once, in the order of the event store.</summary>
public interface IEventFeedSubscriber
{
    Task DeliverAsync(IReadOnlyList<IEvent> events, CancellationToken cancellation);
}

/// <summary>Where the feed has delivered up to, stored after each batch.</summary>
public sealed record FeedCheckpoint(string Id, long Sequence);

/// <summary>
/// Reads committed events in sequence order and hands them to its subscribers, woken at once by commands committed
/// in this process and by a short poll for writers elsewhere. Sequence numbers are taken before commit, so a lower
/// number can become visible after a higher one: the feed never passes a missing number until it appears or is
/// proven abandoned, i.e. every transaction that was running when the gap was seen has ended and it is still missing.
/// </summary>
public sealed class EventFeed(IDocumentStore store, IEnumerable<IEventFeedSubscriber> subscribers, ILogger<EventFeed> logger)
    : BackgroundService
{
    public const string CheckpointId = "read-models";
    private const int BatchSize = 500;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly SemaphoreSlim _wake = new(0, 1);
    private readonly Lock _waitersLock = new();
    private readonly List<(long Sequence, TaskCompletionSource Done)> _waiters = [];
    private long _position;

    public long Position => Interlocked.Read(ref _position);

    /// <summary>Called after a commit in this process: read now rather than at the next poll.</summary>
    public void Wake()
    {
        try { _wake.Release(); } catch (SemaphoreFullException) { /* already awake */ }
    }

    /// <summary>Completes when every event up to the sequence has been delivered.</summary>
    public Task WaitForAsync(long sequence, CancellationToken cancellation = default)
    {
        lock (_waitersLock)
        {
            if (Position >= sequence) return Task.CompletedTask;
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((sequence, done));
            return done.Task.WaitAsync(cancellation);
        }
    }

    /// <summary>Waits until everything committed so far has been delivered.</summary>
    public async Task CatchUpAsync(CancellationToken cancellation = default)
    {
        await using var query = store.QuerySession();
        var last = await query.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefaultAsync(cancellation);
        Wake();
        await WaitForAsync(last, cancellation);
    }

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        await using (var query = store.QuerySession())
            Advance((await query.LoadAsync<FeedCheckpoint>(CheckpointId, stopping))?.Sequence ?? 0);

        Gap? gap = null;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                var (events, missing) = await ReadAfterAsync(Position, stopping);
                if (events.Count > 0)
                {
                    foreach (var subscriber in subscribers) await subscriber.DeliverAsync(events, stopping);
                    await SaveCheckpointAsync(events[^1].Sequence, stopping);
                    gap = null;
                    continue;
                }
                if (missing is { } next)
                {
                    gap = await CheckGapAsync(gap, Position + 1, next, stopping);
                    continue;
                }
                await _wake.WaitAsync(Poll, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The event feed failed after sequence {Position}; retrying", Position);
                await Task.Delay(TimeSpan.FromSeconds(1), stopping);
            }
        }
    }

    /// <summary>The contiguous run of events after the position, and the next sequence present beyond a gap, if any.</summary>
    private async Task<(IReadOnlyList<IEvent> Events, long? NextBeyondGap)> ReadAfterAsync(long position, CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        var events = await query.Events.QueryAllRawEvents()
            .Where(e => e.Sequence > position).OrderBy(e => e.Sequence).Take(BatchSize).ToListAsync(cancellation);
        var contiguous = new List<IEvent>();
        var expected = position + 1;
        foreach (var e in events)
        {
            if (e.Sequence != expected) return (contiguous, contiguous.Count == 0 ? e.Sequence : null);
            contiguous.Add(e);
            expected++;
        }
        return (contiguous, null);
    }

    private sealed record Gap(long Missing, ulong RunningBefore);

    private async Task<Gap?> CheckGapAsync(Gap? gap, long missing, long next, CancellationToken cancellation)
    {
        await using var connection = await OpenAsync(cancellation);
        if (gap is null || gap.Missing != missing)
        {
            // Any transaction that took the missing number is running now, so its id is below the snapshot's xmax.
            var xmax = await ScalarAsync(connection, "select pg_snapshot_xmax(pg_current_snapshot())::text", cancellation);
            await Task.Delay(2, cancellation);
            return new Gap(missing, xmax);
        }
        var xmin = await ScalarAsync(connection, "select pg_snapshot_xmin(pg_current_snapshot())::text", cancellation);
        if (xmin < gap.RunningBefore)
        {
            await Task.Delay(2, cancellation);
            return gap;
        }
        // Every transaction that could hold the number has ended; one last look, then pass the gap.
        var (events, _) = await ReadAfterAsync(missing - 1, cancellation);
        if (events.Count > 0) return null;
        logger.LogDebug("Sequence {Missing} to {Next} abandoned (rolled back); passing the gap", missing, next - 1);
        await SaveCheckpointAsync(next - 1, cancellation);
        return null;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellation)
    {
        var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        return connection;
    }

    private static async Task<ulong> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellation)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return ulong.Parse((string)(await command.ExecuteScalarAsync(cancellation))!);
    }

    private async Task SaveCheckpointAsync(long sequence, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        session.Store(new FeedCheckpoint(CheckpointId, sequence));
        await session.SaveChangesAsync(cancellation);
        Advance(sequence);
    }

    private void Advance(long sequence)
    {
        lock (_waitersLock)
        {
            Interlocked.Exchange(ref _position, sequence);
            foreach (var waiter in _waiters.Where(w => w.Sequence <= sequence).ToList())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }
}
