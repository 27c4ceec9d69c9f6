using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Committee.Floor;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Npgsql;

namespace Committee.Infrastructure;

/// <summary>The one path every command takes: replay a known Idempotency-Key, load the stream, check the expected
/// version, decide (a pure function), append, store the answer with the events in one transaction, wake the feed.</summary>
/// <remarks>It opens its own session, so that Wolverine's transactional middleware stays out of a path that saves by itself.</remarks>
public sealed class StreamCommands(IDocumentStore store, TimeProvider clock, CommitSignal signal)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public async Task<IResult> Execute<T>(
        HttpContext http, Guid streamId, long? expectedVersion, object command,
        Func<T?, FloorContext, IReadOnlyList<object>> decide,
        int? session = null, bool mustExist = true, bool keyRequired = true,
        Func<T, string>? location = null, Func<Refusal>? onConflict = null)
        where T : class, IStreamAggregate<T>
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length == 0 && keyRequired)
            return Problems.For(Refusal.Invalid(IdempotencyHeader, "every command on an existing record needs an Idempotency-Key header, so that a retry is recorded once"));
        if (key.Length > 200)
            return Problems.For(Refusal.Invalid(IdempotencyHeader, "the Idempotency-Key is longer than 200 characters"));
        var fingerprint = Fingerprint(http, command);
        await using var documents = store.LightweightSession();
        if (key.Length > 0 && await documents.LoadAsync<IdempotencyRecord>(key, http.RequestAborted) is { } prior)
            return Replay(prior, fingerprint);

        var stream = await documents.Events.FetchForWriting<T>(streamId, http.RequestAborted);
        if (stream.Aggregate is null && mustExist)
            return Problems.NotFound("id", $"there is no {T.Noun} {streamId}");
        // A retry racing its twin: the twin may have committed after the key was looked up, so look again first.
        if (expectedVersion is { } expected && expected != stream.CurrentVersion)
            return await AfterConflict<T>(key, fingerprint, streamId, expected, onConflict: null);

        var sessionNumber = session ?? stream.Aggregate!.Session;
        var floor = await documents.LoadAsync<SessionFloor>(SessionFloor.StreamId(sessionNumber), http.RequestAborted);
        var context = new FloorContext(clock.GetUtcNow(), Actor(http), floor?.Meeting?.Number);

        IReadOnlyList<object> events;
        try { events = decide(stream.Aggregate, context); }
        catch (Refusal refusal) { return Problems.For(refusal); }

        var after = Append(documents, stream, events, context);
        var status = stream.Aggregate is null ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        var body = JsonSerializer.Serialize(after, Json.Options);
        var where = status == StatusCodes.Status201Created ? location?.Invoke(after) : null;
        if (key.Length > 0)
            documents.Insert(new IdempotencyRecord(key, fingerprint, status, body, where, context.At));
        signal.NotifyOnCommit(documents);

        try
        {
            await documents.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception e) when (IsConflict(e))
        {
            return await AfterConflict<T>(key, fingerprint, streamId, expectedVersion, onConflict);
        }

        signal.Raise();
        return Answer(status, body, where);
    }

    /// <summary>The same path for a caller without a request (the importer): decide on the stream as it stands, in the
    /// caller's context (a record of the past carries its own date and no meeting), append and commit; answers the
    /// events appended (none: nothing written). A refusal is thrown.</summary>
    public async Task<IReadOnlyList<object>> Record<T>(Guid streamId, FloorContext context, Func<T?, FloorContext, IReadOnlyList<object>> decide,
        CancellationToken cancellation) where T : class, IStreamAggregate<T>
    {
        await using var documents = store.LightweightSession();
        var stream = await documents.Events.FetchForWriting<T>(streamId, cancellation);
        var events = decide(stream.Aggregate, context);
        if (events.Count == 0) return events;
        Append(documents, stream, events, context);
        signal.NotifyOnCommit(documents);
        await documents.SaveChangesAsync(cancellation);
        signal.Raise();
        return events;
    }

    /// <summary>Appends the decided events and answers the aggregate after them.</summary>
    private static T Append<T>(IDocumentSession documents, JasperFx.Events.IEventStream<T> stream, IReadOnlyList<object> events, FloorContext context)
        where T : class, IStreamAggregate<T>
    {
        var version = (stream.CurrentVersion ?? 0) + events.Count;
        stream.AppendMany(events);
        documents.LastModifiedBy = context.RecordedBy;
        var after = StreamAggregate.After(stream.Aggregate, events)!;
        after.Version = version;
        return after;
    }

    /// <summary>Another writer committed first: the same key replays its answer; otherwise the caller learns the current version.</summary>
    private async Task<IResult> AfterConflict<T>(string key, string fingerprint, Guid streamId, long? expectedVersion, Func<Refusal>? onConflict)
        where T : class, IStreamAggregate<T>
    {
        await using var query = store.QuerySession();
        if (key.Length > 0 && await query.LoadAsync<IdempotencyRecord>(key) is { } winner)
            return Replay(winner, fingerprint);
        if (onConflict is not null) return Problems.For(onConflict());
        var state = await query.Events.FetchStreamStateAsync(streamId);
        return Problems.StaleVersion(expectedVersion ?? 0, state?.Version ?? 0);
    }

    /// <summary>Another writer committed to the stream (or took the symbol) first.</summary>
    public static bool IsConflict(Exception e) => e switch
    {
        ConcurrencyException or DocumentAlreadyExistsException or ExistingStreamIdCollisionException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => e.InnerException is not null && IsConflict(e.InnerException),
    };

    private static IResult Replay(IdempotencyRecord prior, string fingerprint) =>
        prior.Fingerprint == fingerprint
            ? Answer(prior.Status, prior.Body, prior.Location, replayed: true)
            : Problems.For(Refusal.Unprocessable(IdempotencyHeader, "this Idempotency-Key was already used for a different request"));

    private static IResult Answer(int status, string body, string? location, bool replayed = false) =>
        new StoredAnswer(status, body, location, replayed);

    private static string Fingerprint(HttpContext http, object command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{http.Request.Method} {http.Request.Path}\n{JsonSerializer.Serialize(command, command.GetType(), Json.Options)}")));

    public static string Actor(HttpContext http) => http.User.Identity?.Name ?? "anonymous";

    private sealed class StoredAnswer(int status, string body, string? location, bool replayed) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "application/json; charset=utf-8";
            if (location is not null) http.Response.Headers.Location = location;
            if (replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
            await http.Response.WriteAsync(body, http.RequestAborted);
        }
    }
}
