using System.Diagnostics;
using Committee.Drafts;
using Committee.Floor;
using Committee.Infrastructure;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;

namespace Committee.History;

public sealed record RebuildStep(string ReadModel, int Items, TimeSpan Took);

public sealed record RebuildReport(long Events, TimeSpan Took, IReadOnlyList<RebuildStep> Steps)
{
    public double EventsPerSecond => Events / Math.Max(Took.TotalSeconds, 1e-6);
}

/// <summary>
/// Rebuilds every read model from the events. Marten's projections (the draft and session snapshots, the symbol
/// index, and any a module registers) are replayed: the snapshots in one pass by <see cref="SnapshotReplay"/>, the
/// others by Marten's own rebuild. The feed's read models are projected from those snapshots: each is emptied and
/// given every draft and session once, through the same <see cref="IFeedReadModel"/> methods the feed calls live, on
/// documents in memory then copied to the database in bulk; the feed goes on from the last event seen.
/// Meant to run with the API stopped (scripts/committee rebuild), or in a test host with nothing else writing.
/// </summary>
public sealed class ReadModelRebuild(IDocumentStore store, FeedReadModels models, SnapshotReplay replay)
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

        // Marten rebuilds the projections of other shapes meanwhile; the snapshots are read and folded side by side.
        var others = Task.Run(() => RebuildWithMartenAsync(projections.Where(p => !SnapshotReplay.Handles(p)).Select(p => p.Name).ToList(), Step, cancellation), cancellation);
        var replayed = new List<Replayed>();
        await Task.WhenAll(projections.Where(SnapshotReplay.Handles).Select(projection => Task.Run(() => Step($"{projection.Name} (read and fold)", 0, async () =>
        {
            var snapshots = await replay.ReadAsync(projection, Progress, cancellation);
            lock (replayed) replayed.Add(snapshots);
        }), cancellation)));
        var written = replayed.Select(r => Task.Run(() => Step($"{r.Document.Name} (write {r.Snapshots.Count:N0} snapshots)", r.Snapshots.Count,
            () => replay.WriteAsync(r, cancellation)), cancellation)).ToList();

        var documents = new MemoryDocuments();
        // Emptied now: a kind that ends up with no document at all is not copied, but must not keep its old ones.
        foreach (var type in models.All.SelectMany(m => m.Documents))
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, cancellation);
        var drafts = await SnapshotsAsync<Draft>(replayed, cancellation);
        var sessions = await SnapshotsAsync<SessionFloor>(replayed, cancellation);
        await Step($"feed read models ({string.Join(", ", models.All.Select(m => m.GetType().Name))}, in memory)", drafts.Count + sessions.Count, async () =>
        {
            foreach (var draft in drafts)
                foreach (var model in models.All) await model.Project(draft, documents);
            foreach (var floor in sessions)
                foreach (var model in models.All) await model.Project(floor, documents);
        });
        // Each kind is copied on its own connection, side by side with the snapshots still being written.
        written.AddRange(documents.All.GroupBy(d => d.GetType()).Select(g => g.ToList()).Select(kind => Task.Run(() =>
            Step($"{kind[0].GetType().Name} (write {kind.Count:N0} documents)", kind.Count,
                () => BulkCopy.DocumentsAsync(store, kind[0].GetType(), kind, cancellation)), cancellation)));
        await Task.WhenAll([.. written, others]);

        await using (var session = store.LightweightSession())
        {
            session.Store(new FeedCheckpoint(ReadModelsFeed.CheckpointId, last));
            await session.SaveChangesAsync(cancellation);
        }
        Progress($"done: {events:N0} events in {total.Elapsed.TotalSeconds:F1} s");
        return new RebuildReport(events, total.Elapsed, steps);
    }

    private async Task RebuildWithMartenAsync(IReadOnlyList<string> projections, Func<string, int, Func<Task>, Task> step, CancellationToken cancellation)
    {
        if (projections.Count == 0) return;
        using var daemon = (IProjectionDaemon)await store.BuildProjectionDaemonAsync();
        foreach (var name in projections)
            await step($"{name} (Marten's rebuild)", 0, () => daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(30), cancellation));
    }

    /// <summary>The snapshots as just replayed, or as stored when another path rebuilt them.</summary>
    private async Task<IReadOnlyList<T>> SnapshotsAsync<T>(IEnumerable<Replayed> replayed, CancellationToken cancellation) where T : notnull
    {
        if (replayed.FirstOrDefault(r => r.Document == typeof(T)) is { } done) return done.Snapshots.Cast<T>().ToList();
        await using var query = store.QuerySession();
        return await query.Query<T>().ToListAsync(cancellation);
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
