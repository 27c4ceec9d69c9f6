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
/// index, and any a module registers) are replayed by Marten's own rebuild. The feed's read models are projected
/// from those snapshots, so each is cleared and fed every draft and session once, in batches, through the same
/// <see cref="IFeedReadModel"/> methods the feed calls live; the feed then goes on from the last event seen.
/// Meant to run with the API stopped (scripts/committee rebuild), or in a test host with nothing else writing.
/// </summary>
public sealed class ReadModelRebuild(IDocumentStore store, FeedReadModels models)
{
    private const int Batch = 1000;

    public async Task<RebuildReport> RunAsync(Action<string> progress, CancellationToken cancellation)
    {
        var total = Stopwatch.StartNew();
        var steps = new List<RebuildStep>();
        var (events, last) = await EventCountAsync(cancellation);
        progress($"{events:N0} events up to sequence {last:N0}");

        using (var daemon = (IProjectionDaemon)await store.BuildProjectionDaemonAsync())
            foreach (var projection in ((StoreOptions)store.Options).Projections.All)
            {
                var watch = Stopwatch.StartNew();
                progress($"{projection.Name}: replaying the events…");
                await daemon.RebuildProjectionAsync(projection.Name, TimeSpan.FromMinutes(30), cancellation);
                steps.Add(new RebuildStep(projection.Name, 0, watch.Elapsed));
                progress($"{projection.Name}: done in {watch.Elapsed.TotalSeconds:F1} s");
            }

        foreach (var type in models.All.SelectMany(m => m.Documents))
            await store.Advanced.Clean.DeleteDocumentsByTypeAsync(type, cancellation);
        steps.Add(await FeedAsync<Draft>("drafts", (model, draft, session) => model.Project(draft, session), progress, cancellation));
        steps.Add(await FeedAsync<SessionFloor>("sessions", (model, floor, session) => model.Project(floor, session), progress, cancellation));

        await using (var session = store.LightweightSession())
        {
            session.Store(new FeedCheckpoint(EventFeed.CheckpointId, last));
            await session.SaveChangesAsync(cancellation);
        }
        progress($"done: {events:N0} events in {total.Elapsed.TotalSeconds:F1} s");
        return new RebuildReport(events, total.Elapsed, steps);
    }

    /// <summary>Every snapshot of a kind, read as a stream, handed to every feed read model in batches; an identity
    /// session per batch, so that documents several snapshots touch (a session's view) gather all their changes.</summary>
    private async Task<RebuildStep> FeedAsync<T>(string name, Func<IFeedReadModel, T, IDocumentSession, Task> project,
        Action<string> progress, CancellationToken cancellation) where T : notnull
    {
        var watch = Stopwatch.StartNew();
        var count = 0;
        await using var reading = store.QuerySession();
        IDocumentSession? writing = null;
        await foreach (var snapshot in reading.Query<T>().ToAsyncEnumerable(cancellation))
        {
            writing ??= store.IdentitySession();
            foreach (var model in models.All) await project(model, snapshot, writing);
            if (++count % Batch != 0) continue;
            await writing.SaveChangesAsync(cancellation);
            await writing.DisposeAsync();
            writing = null;
            progress($"feed read models: {count:N0} {name}");
        }
        if (writing is not null)
        {
            await writing.SaveChangesAsync(cancellation);
            await writing.DisposeAsync();
        }
        progress($"feed read models: {count:N0} {name} in {watch.Elapsed.TotalSeconds:F1} s");
        return new RebuildStep($"feed read models from {name}", count, watch.Elapsed);
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
