using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Committee.Floor;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Npgsql;

namespace Committee.Infrastructure;

/// <summary>What a decision appends: to the command's own stream, and to companion streams by id.</summary>
public sealed record Decided(IReadOnlyList<object> Events, IReadOnlyDictionary<Guid, IReadOnlyList<object>>? Companions = null);

/// <summary>The one path every command takes: replay a known Idempotency-Key, load the stream, check the expected
/// version, decide (a pure function), append, store the answer with the events in one transaction, wake the feed.</summary>
/// <remarks>It opens its own session, so that Wolverine's transactional middleware stays out of a path that saves by itself.</remarks>
public sealed class StreamCommands(IDocumentStore store, TimeProvider clock, CommitSignal signal)
{
    public const string IdempotencyHeader = "Idempotency-Key";

    public Task<IResult> Execute<T>(
        HttpContext http, Guid streamId, long? expectedVersion, object command,
        Func<T?, FloorContext, IReadOnlyList<object>> decide,
        int? session = null, bool mustExist = true, bool keyRequired = true,
        Func<T, string>? location = null, Func<Refusal>? onConflict = null)
        where T : class, IStreamAggregate<T> =>
        Execute<T, T>(http, streamId, expectedVersion, command, _ => [],
            (aggregate, _, context) => new Decided(decide(aggregate, context)), session, mustExist, keyRequired, location, onConflict);

    /// <summary>A command that also appends to other streams of one kind (a vote's draft and the amendment voted on),
    /// in the same transaction: each is fetched for writing, so a concurrent change to any of them fails the whole
    /// command. The companions' ids may depend on the main aggregate (a vote knows its draft).</summary>
    public async Task<IResult> Execute<T, TCompanion>(
        HttpContext http, Guid streamId, long? expectedVersion, object command,
        Func<T?, IReadOnlyList<Guid>> companions,
        Func<T?, IReadOnlyDictionary<Guid, TCompanion>, FloorContext, Decided> decide,
        int? session = null, bool mustExist = true, bool keyRequired = true,
        Func<T, string>? location = null, Func<Refusal>? onConflict = null)
        where T : class, IStreamAggregate<T>
        where TCompanion : class, IStreamAggregate<TCompanion>
    {
        var key = http.Request.Headers[IdempotencyHeader].ToString();
        if (key.Length == 0 && keyRequired)
            return Problems.For(Refusal.Invalid(IdempotencyHeader, "every command on an existing record needs an Idempotency-Key header, so that a retry is recorded once"));
        if (key.Length > 200)
            return Problems.For(Refusal.Invalid(IdempotencyHeader, "the Idempotency-Key is longer than 200 characters"));
        var fingerprint = Fingerprint(http, command);
        // Commands on one stream take turns in this process (193 delegations voting at once append to one vote stream),
        // so they do not fail each other's optimistic check. Another process can still commit first: a command that
        // names no expected version (a ballot, closing a vote) is then decided again on the stream as that writer left
        // it; one that names a version is answered with 409.
        var turn = Turns[(streamId.GetHashCode() & int.MaxValue) % Turns.Length];
        await turn.WaitAsync(http.RequestAborted);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var (result, raced) = await Attempt(http, streamId, expectedVersion, command, companions, decide, session, mustExist, location, onConflict, key, fingerprint,
                    retryable: expectedVersion is null && attempt < MaxAttempts);
                if (!raced) return result!;
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), http.RequestAborted);
            }
        }
        finally
        {
            turn.Release();
        }
    }

    private const int MaxAttempts = 8;

    /// <summary>One turn per stripe of stream ids: streams sharing a stripe wait for each other, which is rare and brief.</summary>
    private static readonly SemaphoreSlim[] Turns = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    private async Task<(IResult? Result, bool Raced)> Attempt<T, TCompanion>(
        HttpContext http, Guid streamId, long? expectedVersion, object command,
        Func<T?, IReadOnlyList<Guid>> companions, Func<T?, IReadOnlyDictionary<Guid, TCompanion>, FloorContext, Decided> decide,
        int? session, bool mustExist, Func<T, string>? location, Func<Refusal>? onConflict, string key, string fingerprint, bool retryable)
        where T : class, IStreamAggregate<T>
        where TCompanion : class, IStreamAggregate<TCompanion>
    {
        await using var documents = store.LightweightSession();
        if (key.Length > 0 && await documents.LoadAsync<IdempotencyRecord>(key, http.RequestAborted) is { } prior)
            return (Replay(prior, fingerprint), false);

        var stream = await documents.Events.FetchForWriting<T>(streamId, http.RequestAborted);
        if (stream.Aggregate is null && mustExist)
            return (Problems.NotFound("id", $"there is no {T.Noun} {streamId}"), false);
        // A retry racing its twin: the twin may have committed after the key was looked up, so look again first.
        if (expectedVersion is { } expected && expected != stream.CurrentVersion)
            return (await AfterConflict<T>(key, fingerprint, streamId, expected, onConflict: null), false);

        var others = new Dictionary<Guid, JasperFx.Events.IEventStream<TCompanion>>();
        foreach (var id in companions(stream.Aggregate).Distinct())
        {
            var other = await documents.Events.FetchForWriting<TCompanion>(id, http.RequestAborted);
            if (other.Aggregate is null) return (Problems.NotFound("id", $"there is no {TCompanion.Noun} {id}"), false);
            others[id] = other;
        }

        var sessionNumber = session ?? stream.Aggregate!.Session;
        var floor = await documents.LoadAsync<SessionFloor>(SessionFloor.StreamId(sessionNumber), http.RequestAborted);
        var context = new FloorContext(clock.GetUtcNow(), Actor(http), floor?.Meeting?.Number, floor?.Meeting?.Date);

        Decided decided;
        try { decided = decide(stream.Aggregate, others.ToDictionary(o => o.Key, o => o.Value.Aggregate!), context); }
        catch (Refusal refusal) { return (Problems.For(refusal), false); }

        var after = Append(documents, stream, decided.Events, context);
        foreach (var (id, companionEvents) in decided.Companions ?? new Dictionary<Guid, IReadOnlyList<object>>())
            others[id].AppendMany(companionEvents);

        var status = stream.Aggregate is null ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        var body = JsonSerializer.Serialize(after, Json.Options);
        var where = status == StatusCodes.Status201Created ? location?.Invoke(after) : null;
        if (key.Length > 0)
            documents.Insert(new IdempotencyRecord(key, fingerprint, status, body, where, context.At));

        try
        {
            await documents.SaveChangesAsync(http.RequestAborted);
        }
        catch (Exception e) when (retryable && IsRace(e))
        {
            return (null, true);
        }
        catch (Exception e) when (IsConflict(e))
        {
            return (await AfterConflict<T>(key, fingerprint, streamId, expectedVersion, onConflict), false);
        }

        signal.Raise();
        return (Answer(status, body, where), false);
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

    /// <summary>Another command appended to one of the streams after this one read it.</summary>
    private static bool IsRace(Exception e) => e switch
    {
        ConcurrencyException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p => p.TableName == "mt_events" || p.TableName == "mt_streams",
        _ => e.InnerException is not null && IsRace(e.InnerException),
    };

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
