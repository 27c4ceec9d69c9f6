using Marten;
using Npgsql;

namespace Committee.Infrastructure;

/// <summary>"Something was committed": raised in this process after a command's commit, and by PostgreSQL NOTIFY for
/// commits on other nodes, so that every feed reads at once instead of at its next poll.</summary>
public sealed class CommitSignal(IConfiguration configuration)
{
    public event Action? Raised;

    /// <summary>The NOTIFY channel, one per schema so that hosts on other schemas (tests) do not wake each other.</summary>
    public string Channel { get; } = $"committee_{configuration["Committee:Schema"] ?? "committee"}";

    public void Raise() => Raised?.Invoke();

    /// <summary>Queues the NOTIFY in the command's transaction: PostgreSQL delivers it when, and only if, it commits.</summary>
    public void NotifyOnCommit(IDocumentSession session) => session.QueueSqlCommand($"notify {Channel}");
}

/// <summary>LISTENs for other nodes' commits. If the connection fails it reconnects; meanwhile the feeds' own poll
/// keeps them going, so an outage only slows them.</summary>
public sealed class CommitListener(IDocumentStore store, CommitSignal signal, ILogger<CommitListener> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
                await connection.OpenAsync(stopping);
                connection.Notification += (_, _) => signal.Raise();
                await using (var listen = new NpgsqlCommand($"listen {signal.Channel}", connection)) await listen.ExecuteNonQueryAsync(stopping);
                while (!stopping.IsCancellationRequested) await connection.WaitAsync(stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested) { return; }
            catch (Exception e)
            {
                logger.LogWarning(e, "Listening for commits failed; the feeds poll meanwhile. Retrying in 2 s");
                await Task.Delay(TimeSpan.FromSeconds(2), stopping);
            }
        }
    }
}
