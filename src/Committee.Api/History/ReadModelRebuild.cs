using System.Diagnostics;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace Committee.History;

public sealed record RebuildStep(string ReadModel, int Items, TimeSpan Took);

public sealed record RebuildReport(long Events, TimeSpan Took, IReadOnlyList<RebuildStep> Steps)
{
    public double EventsPerSecond => Events / Math.Max(Took.TotalSeconds, 1e-6);
}

/// <summary>
/// Rebuilds every read model from the events: first the inline snapshots (drafts, sessions, votes), read and folded in
/// one pass by <see cref="SnapshotReplay"/> and copied in bulk; then, through Marten's own rebuild, every other
/// projection, the read models of the async daemon included (voting records and search index among them), which
/// project from those snapshots. Marten's rebuild leaves each read model's progress at the last event, so the
/// daemon goes on from there. Meant to run with the API stopped (scripts/committee rebuild), or in a test host with
/// nothing else writing.
/// </summary>
public sealed class ReadModelRebuild(IDocumentStore store, SnapshotReplay replay, Marten.Events.Daemon.Coordination.IProjectionCoordinator? coordinator = null)
{
    public async Task<RebuildReport> RunAsync(Action<string> report, CancellationToken cancellation)
    {
        var total = Stopwatch.StartNew();
        var steps = new List<RebuildStep>();
        var progressLock = new Lock();
        void Progress(string line) { lock (progressLock) report(line); }
        async Task Step(string name, int items, Func<Task> work)
        {
            var watch = Stopwatch.StartNew();
            await work();
            lock (progressLock) steps.Add(new RebuildStep(name, items, watch.Elapsed));
            Progress($"{name}: done in {watch.Elapsed.TotalSeconds:F1} s");
        }

        var (events, last) = await EventCountAsync(cancellation);
        Progress($"{events:N0} events up to sequence {last:N0}");
        var projections = ((StoreOptions)store.Options).Projections.All;

        // The snapshots are read and folded side by side, then each kind is copied on its own connection.
        await Task.WhenAll(projections.Where(SnapshotReplay.Handles).Select(projection => Task.Run(async () =>
        {
            Replayed? snapshots = null;
            await Step($"{projection.Name} (read and fold)", 0, async () => snapshots = await replay.ReadAsync(projection, Progress, cancellation));
            await Step($"{snapshots!.Document.Name} (write {snapshots.Snapshots.Count:N0} snapshots)", snapshots.Snapshots.Count,
                () => replay.WriteAsync(snapshots, cancellation));
        }, cancellation)));
        await RebuildWithMartenAsync(projections.Where(p => !SnapshotReplay.Handles(p)).ToList(), Step, cancellation);
        Progress($"done: {events:N0} events in {total.Elapsed.TotalSeconds:F1} s");
        return new RebuildReport(events, total.Elapsed, steps);
    }

    /// <summary>Through the daemon this node runs (Marten pauses the projection's live agent meanwhile), or through one
    /// of its own when the API is stopped.</summary>
    private async Task RebuildWithMartenAsync(IReadOnlyList<IProjectionSource<IDocumentOperations, IQuerySession>> projections,
        Func<string, int, Func<Task>, Task> step, CancellationToken cancellation)
    {
        if (projections.Count == 0) return;
        var running = coordinator?.DaemonForMainDatabase() is { IsRunning: true } live ? live : null;
        using var own = running is null ? (IProjectionDaemon)await store.BuildProjectionDaemonAsync() : null;
        var daemon = running ?? own!;
        foreach (var projection in projections)
            await step($"{projection.Name} (Marten's rebuild)", 0, async () =>
            {
                await InPages(projection, () => daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromMinutes(30), cancellation));
                // The rebuild leaves the live agent stopped: the running daemon goes on from the rebuilt position.
                if (running is not null && projection.Lifecycle == ProjectionLifecycle.Async)
                    await running.StartAgentAsync(Infrastructure.ReadModels.Shard(projection.Name).Identity, cancellation);
            });
    }

    /// <summary>Events per page of Marten's rebuild: large, whereas the live read models take small pages to stay fresh
    /// (<see cref="Infrastructure.ReadModels.PageSize"/>).</summary>
    public const int PageSize = 10_000;

    /// <summary>Runs the rebuild with the projection's pages at <see cref="PageSize"/>, then gives it back its own: the
    /// one place that sets a rebuild's page size.</summary>
    private static async Task InPages(object projection, Func<Task> rebuild)
    {
        if (projection is not ProjectionBase { Options: var options })
        {
            await rebuild();
            return;
        }
        var own = options.BatchSize;
        options.BatchSize = PageSize;
        try { await rebuild(); }
        finally { options.BatchSize = own; }
    }

    private async Task<(long Count, long Last)> EventCountAsync(CancellationToken cancellation)
    {
        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"select count(*), coalesce(max(seq_id), 0) from {store.Options.Events.DatabaseSchemaName}.mt_events", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        await reader.ReadAsync(cancellation);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
