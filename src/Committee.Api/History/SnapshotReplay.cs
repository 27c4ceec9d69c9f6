using System.Reflection;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Marten.Events.Aggregation;
using Npgsql;

namespace Committee.History;

/// <summary>A projection's snapshots as replayed, before they are written.</summary>
public sealed record Replayed(Type Document, long Events, IReadOnlyList<object> Snapshots);

/// <summary>
/// Rebuilds a single-stream projection that folds with its own <c>Evolve</c> (the draft and session snapshots) in
/// one pass over the events it declares: rows read in sequence order, each event given to that same
/// <c>Evolve</c> with the snapshot so far, the final snapshots kept in memory and copied to the database in bulk (the
/// daemon's read models are then rebuilt from them). Marten's own rebuild
/// does the same work page by page, writing each page, several times slower here; projections of other shapes go
/// through it (<see cref="Handles"/> tells which).
/// </summary>
public sealed class SnapshotReplay(IDocumentStore store)
{
    private const int ProgressEvery = 100_000;

    /// <summary>A <see cref="SingleStreamProjection{TDoc,TId}"/> by Guid whose Evolve is this application's and that names the event types it reads.</summary>
    public static bool Handles(object projection) =>
        SingleStreamBase(projection.GetType()) is { } generic && generic.GetGenericArguments()[1] == typeof(Guid)
        && projection.GetType().GetMethod("Evolve", [generic.GetGenericArguments()[0], typeof(Guid), typeof(IEvent)])?.DeclaringType?.Assembly == typeof(SnapshotReplay).Assembly
        && ((ProjectionBase)projection).IncludedEventTypes.Count > 0;

    /// <summary>Reads the projection's events and folds them into its snapshots, in memory.</summary>
    public Task<Replayed> ReadAsync(object projection, Action<string> progress, CancellationToken cancellation)
    {
        var document = SingleStreamBase(projection.GetType())!.GetGenericArguments()[0];
        var read = typeof(SnapshotReplay).GetMethod(nameof(Read), BindingFlags.NonPublic | BindingFlags.Instance)!.MakeGenericMethod(document);
        return (Task<Replayed>)read.Invoke(this, [projection, progress, cancellation])!;
    }

    /// <summary>Replaces the stored snapshots with the replayed ones, copied in bulk.</summary>
    public Task WriteAsync(Replayed replayed, CancellationToken cancellation) =>
        BulkCopy.DocumentsAsync(store, replayed.Document, replayed.Snapshots.ToList(), cancellation);

    private async Task<Replayed> Read<TDoc>(SingleStreamProjection<TDoc, Guid> projection, Action<string> progress, CancellationToken cancellation)
        where TDoc : class
    {
        var options = (StoreOptions)store.Options;
        var graph = (EventGraph)options.Events;
        var serializer = options.Serializer();
        var types = projection.IncludedEventTypes.Where(t => t is { IsAbstract: false, IsInterface: false })
            .Select(graph.EventMappingFor).ToDictionary(m => m.EventTypeName);
        var snapshots = new Dictionary<Guid, TDoc>();
        long events = 0;

        await using var connection = (NpgsqlConnection)store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellation);
        await using var command = new NpgsqlCommand($"""
            select seq_id, stream_id, version, timestamp, type, data from {options.Events.DatabaseSchemaName}.mt_events
            where type = any(@types) and is_archived = false order by seq_id
            """, connection);
        command.Parameters.AddWithValue("types", types.Keys.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellation);
        while (await reader.ReadAsync(cancellation))
        {
            var (sequence, stream, version, timestamp) = (reader.GetInt64(0), reader.GetGuid(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3));
            var mapping = types[reader.GetString(4)];
            var e = mapping.Wrap(serializer.FromJson(mapping.DocumentType, reader, 5));
            (e.Sequence, e.StreamId, e.Version, e.Timestamp) = (sequence, stream, version, timestamp);
            var next = projection.Evolve(snapshots.GetValueOrDefault(stream), stream, e);
            if (next is null) snapshots.Remove(stream);
            else snapshots[stream] = next;
            if (++events % ProgressEvery == 0) progress($"{typeof(TDoc).Name}: {events:N0} events, {snapshots.Count:N0} snapshots");
        }
        progress($"{typeof(TDoc).Name}: {events:N0} events read into {snapshots.Count:N0} snapshots");
        return new Replayed(typeof(TDoc), events, snapshots.Values.ToList());
    }

    private static Type? SingleStreamBase(Type? type)
    {
        for (; type is not null; type = type.BaseType)
            if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(SingleStreamProjection<,>)) return type;
        return null;
    }
}
