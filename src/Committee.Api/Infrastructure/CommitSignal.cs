using System.Diagnostics;
using JasperFx.Events.Daemon.HighWater;
using Marten;
using Npgsql;

namespace Committee.Infrastructure;

/// <summary>"Something was committed": raised in this process after a command's commit, and by PostgreSQL NOTIFY for
/// commits on other nodes, so that Marten's async daemon reads at once instead of at its next poll.</summary>
/// <remarks>Marten's own wake-up (UseListenNotifyForEventAppends) sends NOTIFY inside every appending transaction,
/// which serialises commits on PostgreSQL's notify queue (docs/architecture.md); this one notifies after the commit.</remarks>
public sealed class CommitSignal(IConfiguration configuration)
{
    private readonly System.Threading.Channels.Channel<bool> _toNotify = System.Threading.Channels.Channel.CreateBounded<bool>(1);

    public event Action? Raised;

    /// <summary>The NOTIFY channel, one per schema so that hosts on other schemas (tests) do not wake each other.</summary>
    public string Channel { get; } = $"committee_{configuration["Committee:Schema"] ?? "committee"}";

    /// <summary>The daemon runs on one node (HotCold), and it waits on this node's <see cref="CommitWakeup"/> between
    /// passes, at least every slow poll: seen waiting lately, it runs here.</summary>
    private static readonly TimeSpan DaemonSeenWithin = TimeSpan.FromSeconds(2);

    private long _daemonWaited = long.MinValue;

    /// <summary>After a commit: wakes this node's daemon, and asks for one NOTIFY to the others, unless the daemon runs
    /// here (no other node has a use for it, and the leader's NOTIFY to itself cost every command a round trip and a
    /// wake-up of the listener). The NOTIFY is sent after the commit, outside its transaction (a NOTIFY inside it
    /// serialises every commit on PostgreSQL's notify queue lock), and commits close together share one.</summary>
    public void Raise()
    {
        Raised?.Invoke();
        if (!DaemonRunsHere) _toNotify.Writer.TryWrite(true);
    }

    /// <summary>This node's daemon has waited for commits lately (<see cref="DaemonWaiting"/>).</summary>
    public bool DaemonRunsHere
    {
        get
        {
            var waited = Volatile.Read(ref _daemonWaited);
            return waited != long.MinValue && Stopwatch.GetElapsedTime(waited) <= DaemonSeenWithin;
        }
    }

    /// <summary>This node's daemon is waiting for commits.</summary>
    public void DaemonWaiting() => Volatile.Write(ref _daemonWaited, Stopwatch.GetTimestamp());

    /// <summary>Wakes this node's daemon only (a notification from another node).</summary>
    public void RaiseLocally() => Raised?.Invoke();

    public IAsyncEnumerable<bool> NotificationsToSend(CancellationToken cancellation) => _toNotify.Reader.ReadAllAsync(cancellation);
}

/// <summary>Marten's daemon waits between polls on this: a commit seen by <see cref="CommitSignal"/> ends the wait, but
/// no sooner than <see cref="Gathering"/> after the previous pass.</summary>
/// <remarks>Each pass of the daemon's high-water agent hands every shard a new range of events, and a shard projects
/// each range in a transaction of its own. Woken by every commit, under 16 clients the read models received ranges
/// of 3 to 16 events and fell behind by over 1,000 events, though they catch up at about 3,500 events/s alone
/// (docs/performance.md). Commits close together now share one pass.</remarks>
public sealed class CommitWakeup : IDaemonWakeup
{
    public static readonly TimeSpan Gathering = TimeSpan.FromMilliseconds(20);

    private readonly SemaphoreSlim _committed = new(0, 1);
    private readonly CommitSignal _signal;
    private long _lastPass;

    public CommitWakeup(CommitSignal signal)
    {
        _signal = signal;
        _signal.Raised += Wake;
    }

    private void Wake()
    {
        if (_committed.CurrentCount > 0) return;
        try { _committed.Release(); } catch (SemaphoreFullException) { /* woken by another commit */ }
    }

    public async Task WaitAsync(TimeSpan timeout, CancellationToken token)
    {
        _signal.DaemonWaiting();
        await _committed.WaitAsync(timeout, token);
        var since = Stopwatch.GetElapsedTime(_lastPass);
        if (since < Gathering) await Task.Delay(Gathering - since, token);
        _lastPass = Stopwatch.GetTimestamp();
    }

    public void Dispose() => _signal.Raised -= Wake;
}

/// <summary>LISTENs for other nodes' commits and NOTIFYs them of this node's, each on a connection of its own. If a
/// connection fails it is opened again; meanwhile the daemon's own poll keeps it going, so an outage only slows them.</summary>
public sealed class CommitListener(IDocumentStore store, CommitSignal signal, ILogger<CommitListener> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stopping) =>
        Task.WhenAll(
            Persist("Listening for commits", stopping, async connection =>
            {
                connection.Notification += (_, _) => signal.RaiseLocally();
                await using (var listen = new NpgsqlCommand($"listen {signal.Channel}", connection)) await listen.ExecuteNonQueryAsync(stopping);
                while (!stopping.IsCancellationRequested) await connection.WaitAsync(stopping);
            }),
            Persist("Notifying other nodes", stopping, async connection =>
            {
                await foreach (var _ in signal.NotificationsToSend(stopping))
                {
                    await using var notify = new NpgsqlCommand($"notify {signal.Channel}", connection);
                    await notify.ExecuteNonQueryAsync(stopping);
                }
            }));

    private async Task Persist(string what, CancellationToken stopping, Func<NpgsqlConnection, Task> work)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
                await connection.OpenAsync(stopping);
                await work(connection);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                logger.LogWarning(e, "{What} failed; the daemon polls meanwhile. Retrying in 2 s", what);
                await Task.Delay(TimeSpan.FromSeconds(2), stopping);
            }
        }
    }
}
