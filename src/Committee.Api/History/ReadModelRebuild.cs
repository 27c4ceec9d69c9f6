using System.Diagnostics;
using Committee.Drafts;
using Committee.Floor;
using Committee.Infrastructure;
using JasperFx.Events.Daemon;
using Marten;
using Npgsql;
using Weasel.Core;

namespace Committee.History;

public sealed record RebuildStep(string ReadModel, int Items, TimeSpan Took);

public sealed record RebuildReport(long Events, TimeSpan Took, IReadOnlyList<RebuildStep> Steps)
{
    public double EventsPerSecond => Events / Math.Max(Took.TotalSeconds, 1e-6);
}

/// <summary>
/// Rebuilds every read model from the events. Marten's projections (the draft and session snapshots, the symbol
/// index, and any a module registers) are replayed: the snapshots in one pass by <see cref="SnapshotReplay"/>, the
/// others by Marten's own rebuild. The feed's read models are projected
/// from those snapshots, so each is cleared and fed every draft and session once, through the same
/// <see cref="IFeedReadModel"/> methods the feed calls live, on documents in memory copied to the database in bulk;
/// the feed then goes on from the last event seen.
/// Meant to run with the API stopped (scripts/committee rebuild), or in a test host with nothing else writing.
/// </summary>
public sealed class ReadModelRebuild(IDocumentStore store, FeedReadModels models, SnapshotReplay replay)
{
    public async Task<RebuildReport> RunAsync(Action<string> progress, CancellationToken cancellation)
    {
        var total = Stopwatch.StartNew();
        var steps = new List<RebuildStep>();
        var (events, last) = await EventCountAsync(cancellation);
        progress($"{events:N0} events up to sequence {last:N0}");

        IProjectionDaemon? daemon = null;
        foreach (var projection in ((StoreOptions)store.Options).Projections.All)
        {
            var watch = Stopwatch.StartNew();
            progress($"{projection.Name}: replaying the events…");
            if (SnapshotReplay.Handles(projection))
                await replay.ReplayAsync(projection, progress, cancellation);
            else
            {
                daemon ??= (IProjectionDaemon)await store.BuildProjectionDaemonAsync();
                await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromMinutes(30), cancellation);
            }
            steps.Add(new RebuildStep(projection.Name, 0, watch.Elapsed));
            progress($"{projection.Name}: done in {watch.Elapsed.TotalSeconds:F1} s");
        }
        daemon?.Dispose();

        var feed = Stopwatch.StartNew();
        foreach (var type in models.All.SelectMany(m => m.Documents))
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, cancellation);
        var documents = new MemoryDocuments();
        var drafts = await FeedAsync<Draft>("drafts", documents, (model, draft) => model.Project(draft, documents), progress, cancellation);
        var sessions = await FeedAsync<SessionFloor>("sessions", documents, (model, floor) => model.Project(floor, documents), progress, cancellation);
        progress($"feed read models: writing {documents.Count:N0} documents…");
        await store.BulkInsertDocumentsAsync(documents.All, BulkInsertMode.InsertsOnly, 5_000, cancellation);
        steps.Add(new RebuildStep($"feed read models ({string.Join(", ", models.All.Select(m => m.GetType().Name))})", drafts + sessions, feed.Elapsed));
        progress($"feed read models: {documents.Count:N0} documents from {drafts:N0} drafts and {sessions:N0} sessions in {feed.Elapsed.TotalSeconds:F1} s");

        await using (var session = store.LightweightSession())
        {
            session.Store(new FeedCheckpoint(EventFeed.CheckpointId, last));
            await session.SaveChangesAsync(cancellation);
        }
        progress($"done: {events:N0} events in {total.Elapsed.TotalSeconds:F1} s");
        return new RebuildReport(events, total.Elapsed, steps);
    }

    /// <summary>Every snapshot of a kind, read as a stream, handed to every feed read model.</summary>
    private async Task<int> FeedAsync<T>(string name, MemoryDocuments documents, Func<IFeedReadModel, T, Task> project,
        Action<string> progress, CancellationToken cancellation) where T : notnull
    {
        var count = 0;
        await using var reading = store.QuerySession();
        await foreach (var snapshot in reading.Query<T>().ToAsyncEnumerable(cancellation))
        {
            foreach (var model in models.All) await project(model, snapshot);
            if (++count % 10_000 == 0) progress($"feed read models: {count:N0} {name}, {documents.Count:N0} documents");
        }
        return count;
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
