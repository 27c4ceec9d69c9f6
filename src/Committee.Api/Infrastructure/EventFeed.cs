using JasperFx.Events;
using Marten;
using Npgsql;

namespace Committee.Infrastructure;

/// <summary>Receives every committed event once, in the order of the event store.</summary>
public interface IEventFeedSubscriber
{
    Task DeliverAsync(IReadOnlyList<IEvent> events, CancellationToken cancellation);
}

/// <summary>Where a durable feed has delivered up to, stored after each batch.</summary>
public sealed record FeedCheckpoint(string Id, long Sequence);

/// <summary>
/// Reads committed events in sequence order and hands them to its subscribers, woken at once by commits (CommitSignal)
/// and by a short poll as a safety net. Sequence numbers are taken before commit, so a lower number can become visible
/// after a higher one: the feed never passes a missing number until it appears or is proven abandoned, i.e. every
/// transaction that was running when the gap was seen has ended and it is still missing.
/// </summary>
/// <remarks>A durable feed (with a checkpoint id) resumes from its stored checkpoint; a transient one starts at the
/// present. Given a leadership, the feed runs only on the leading node.</remarks>
public abstract class EventFeed(
    IDocumentStore store, IReadOnlyList<IEventFeedSubscriber> subscribers, CommitSignal signal, ILogger logger,
    string? checkpointId, Leadership? leadership)
    : BackgroundService
{
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
        // Already awake when the count is 1; a race between two wakers is still caught rather than thrown.
        if (_wake.CurrentCount > 0) return;
        try { _wake.Release(); } catch (SemaphoreFullException) { /* woken by the other */ }
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
        signal.Raised += Wake;
        var started = false;

        Gap? gap = null;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (leadership is { IsLeader: false })
                {
                    // Another node leads; when this one leads again it resumes from the stored checkpoint.
                    started = false;
                    await Task.Delay(200, stopping);
                    continue;
                }
                if (!started)
                {
                    Advance(await StartingPositionAsync(stopping));
                    started = true;
                }
                var (events, missing) = await ReadAfterAsync(Position, stopping);
                if (events.Count > 0)
                {
                    // Subscribers run side by side; each keeps the order within itself.
                    await Task.WhenAll(subscribers.Select(s => s.DeliverAsync(events, stopping)));
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

    private async Task<long> StartingPositionAsync(CancellationToken cancellation)
    {
        await using var query = store.QuerySession();
        return checkpointId is null
            ? await query.Events.QueryAllRawEvents().OrderByDescending(e => e.Sequence).Select(e => e.Sequence).FirstOrDefaultAsync(cancellation)
            : (await query.LoadAsync<FeedCheckpoint>(checkpointId, cancellation))?.Sequence ?? 0;
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
        if (checkpointId is not null)
        {
            await using var session = store.LightweightSession();
            session.Store(new FeedCheckpoint(checkpointId, sequence));
            await session.SaveChangesAsync(cancellation);
        }
        Advance(sequence);
    }

    /// <summary>The delivered position of a durable feed wherever it runs (the leading node may be another).</summary>
    public async Task<long> DurablePositionAsync(CancellationToken cancellation)
    {
        if (checkpointId is null || leadership is null or { IsLeader: true }) return Position;
        await using var query = store.QuerySession();
        return (await query.LoadAsync<FeedCheckpoint>(checkpointId, cancellation))?.Sequence ?? 0;
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
