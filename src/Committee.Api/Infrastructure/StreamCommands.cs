using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Npgsql;

namespace Committee.Infrastructure;

/// <summary>What a decision appends: to the command's own stream, and to companion streams by id.</summary>
public sealed record Decided(IReadOnlyList<object> Events, IReadOnlyDictionary<Guid, IReadOnlyList<object>>? Companions = null);

/// <summary>The names and rules every command shares, whatever its context.</summary>
public static class StreamCommands
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string SequenceHeader = "Committee-Sequence";

    /// <summary>The command pipeline for decisions taken in <typeparamref name="TContext"/>, read by <typeparamref name="TReader"/>.</summary>
    public static IServiceCollection AddStreamCommands<TContext, TReader>(this IServiceCollection services)
        where TContext : ICommandContext
        where TReader : class, ICommandContextReader<TContext> =>
        services.AddSingleton<ICommandContextReader<TContext>, TReader>().AddScoped<StreamCommands<TContext>>();

    /// <summary>Another writer committed to the stream (or took the symbol) first.</summary>
    public static bool IsConflict(Exception e) => e switch
    {
        ConcurrencyException or DocumentAlreadyExistsException or ExistingStreamIdCollisionException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => true,
        _ => e.InnerException is not null && IsConflict(e.InnerException),
    };

    public static string Actor(HttpContext http) => http.User.Identity?.Name ?? "anonymous";
}

/// <summary>The one path every command takes: one read round trip (the caller's Idempotency-Key, the stream with its
/// version and aggregate, and what the decision needs of the stream's session, e.g. its meeting in progress, in one
/// batch), the expected version checked, a pure decision, then the writes (the events, the inline snapshots and the
/// idempotency record), committed in the read's own transaction. The reply carries the global sequence of its last event
/// (<see cref="StreamCommands.SequenceHeader"/>), so that a reader can ask a read model at least that fresh.</summary>
/// <remarks>It opens its own session, so that Wolverine's transactional middleware stays out of a path that saves by
/// itself. What the context holds is the reader's business (<see cref="ICommandContextReader{TContext}"/>): this
/// pipeline only knows that a stream belongs to a session.</remarks>
public sealed class StreamCommands<TContext>(
    IDocumentStore store, TimeProvider clock, CommitSignal signal, Idempotency idempotency, CommitteeMetrics metrics,
    ICommandContextReader<TContext> contexts)
    where TContext : ICommandContext
{
    public Task<IResult> Execute<T>(
        HttpContext http, Guid streamId, long? expectedVersion, object command,
        Func<T?, TContext, IReadOnlyList<object>> decide,
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
        Func<T?, IReadOnlyDictionary<Guid, TCompanion>, TContext, Decided> decide,
        int? session = null, bool mustExist = true, bool keyRequired = true,
        Func<T, string>? location = null, Func<Refusal>? onConflict = null)
        where T : class, IStreamAggregate<T>
        where TCompanion : class, IStreamAggregate<TCompanion>
    {
        var key = http.Request.Headers[StreamCommands.IdempotencyHeader].ToString();
        if (key.Length == 0 && keyRequired)
            return Problems.For(Refusal.Invalid(StreamCommands.IdempotencyHeader, "every command on an existing record needs an Idempotency-Key header, so that a retry is recorded once"));
        if (key.Length > 200)
            return Problems.For(Refusal.Invalid(StreamCommands.IdempotencyHeader, "the Idempotency-Key is longer than 200 characters"));
        var request = new Request<T>(streamId, expectedVersion, key.Length == 0 ? null : Idempotency.IdFor(StreamCommands.Actor(http), key), Fingerprint(http, command),
            session, mustExist, location, onConflict, http.RequestAborted);
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
                var (result, raced) = await Attempt(http, request, companions, decide, retryable: expectedVersion is null && attempt < MaxAttempts);
                if (!raced) return result!;
                await Task.Delay(Random.Shared.Next(1, 5 * attempt), http.RequestAborted);
            }
        }
        finally
        {
            turn.Release();
        }
    }

    private sealed record Request<T>(
        Guid StreamId, long? ExpectedVersion, string? RecordId, string Fingerprint, int? Session, bool MustExist,
        Func<T, string>? Location, Func<Refusal>? OnConflict, CancellationToken Cancellation);

    private const int MaxAttempts = 8;

    /// <summary>One turn per stripe of stream ids: streams sharing a stripe wait for each other, which is rare and brief.</summary>
    private static readonly SemaphoreSlim[] Turns = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>The session of each stream seen (it never changes), so that its context is read in the command's one batch.</summary>
    private static readonly ConcurrentDictionary<Guid, int> SessionOfStream = new();

    private async Task<(IResult? Result, bool Raced)> Attempt<T, TCompanion>(
        HttpContext http, Request<T> request,
        Func<T?, IReadOnlyList<Guid>> companions, Func<T?, IReadOnlyDictionary<Guid, TCompanion>, TContext, Decided> decide, bool retryable)
        where T : class, IStreamAggregate<T>
        where TCompanion : class, IStreamAggregate<TCompanion>
    {
        var cancellation = request.Cancellation;
        var now = clock.GetUtcNow();
        await using var documents = store.LightweightSession();
        // One connection and one transaction from the read to the commit: the pool is visited once per command.
        await documents.BeginTransactionAsync(cancellation);
        var batch = documents.CreateBatchQuery();
        var priorRead = request.RecordId is { } recordId ? batch.Load<IdempotencyRecord>(recordId) : null;
        var streamRead = batch.Events.FetchForWriting<T>(request.StreamId);
        var knownSession = request.Session ?? (SessionOfStream.TryGetValue(request.StreamId, out var seen) ? seen : null);
        var actor = StreamCommands.Actor(http);
        var contextRead = knownSession is { } s ? contexts.Read(batch, s, now, actor) : null;
        await batch.Execute(cancellation);

        var prior = priorRead is null ? null : await priorRead;
        // A retry: answered from the command's own session, on the connection it already holds.
        if (prior is not null && !idempotency.Expired(prior, now))
            return (await ReplayAsync<T>(prior, request.Fingerprint, documents, cancellation), false);

        var stream = await streamRead;
        if (stream.Aggregate is null && request.MustExist)
            return (Problems.NotFound("id", $"there is no {T.Noun} {request.StreamId}"), false);
        // A retry racing its twin: the twin may have committed after the key was looked up, so look again first.
        if (request.ExpectedVersion is { } expected && expected != stream.CurrentVersion)
            return (await AfterConflict(request, onConflict: null), false);

        var others = new Dictionary<Guid, JasperFx.Events.IEventStream<TCompanion>>();
        foreach (var id in companions(stream.Aggregate).Distinct())
        {
            var other = await documents.Events.FetchForWriting<TCompanion>(id, cancellation);
            if (other.Aggregate is null) return (Problems.NotFound("id", $"there is no {TCompanion.Noun} {id}"), false);
            others[id] = other;
        }

        var sessionNumber = knownSession ?? stream.Aggregate!.Session;
        SessionOfStream.TryAdd(request.StreamId, sessionNumber);
        var context = contextRead is null
            ? await contexts.ReadAsync(documents, sessionNumber, now, actor, cancellation)
            : await contextRead;

        Decided decided;
        try { decided = decide(stream.Aggregate, others.ToDictionary(o => o.Key, o => o.Value.Aggregate!), context); }
        catch (Refusal refusal) { return (Problems.For(refusal), false); }

        var after = Append(documents, stream, decided.Events, context);
        foreach (var (id, companionEvents) in decided.Companions ?? new Dictionary<Guid, IReadOnlyList<object>>())
            others[id].AppendMany(companionEvents);
        var appended = documents.PendingChanges.Streams().ToList();

        var status = stream.Aggregate is null ? StatusCodes.Status201Created : StatusCodes.Status200OK;
        var where = status == StatusCodes.Status201Created && request.Location is { } locate ? locate(after) : null;
        var record = request.RecordId is null ? null
            : new IdempotencyRecord(request.RecordId, request.Fingerprint, status, where, request.StreamId, after.Version, now);
        // An expired record of the same key is replaced; otherwise a twin's record makes this insert fail.
        if (record is not null && prior is not null) documents.Store(record);
        else if (record is not null) documents.Insert(record);

        try
        {
            await documents.SaveChangesAsync(cancellation);
        }
        catch (Exception e) when (retryable && IsRace(e))
        {
            return (null, true);
        }
        catch (Exception e) when (StreamCommands.IsConflict(e))
        {
            return (await AfterConflict(request, request.OnConflict), false);
        }

        signal.Raise();
        metrics.EventsAppended(T.Noun, decided.Events.Count);
        metrics.EventsAppended(TCompanion.Noun, decided.Companions?.Values.Sum(e => e.Count) ?? 0);
        return (new Answer(status, after, where, appended.SelectMany(a => a.Events).Select(e => e.Sequence).DefaultIfEmpty().Max()), false);
    }

    /// <summary>The same path for a caller without a request (the importer): decide on the stream as it stands, in the
    /// caller's context (a record of the past carries its own date and no meeting), append and commit; answers the
    /// events appended (none: nothing written). A refusal is thrown.</summary>
    public async Task<IReadOnlyList<object>> Record<T>(Guid streamId, TContext context, Func<T?, TContext, IReadOnlyList<object>> decide,
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
    private static T Append<T>(IDocumentSession documents, JasperFx.Events.IEventStream<T> stream, IReadOnlyList<object> events, TContext context)
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
    private async Task<IResult> AfterConflict<T>(Request<T> request, Func<Refusal>? onConflict) where T : class, IStreamAggregate<T>
    {
        await using var query = store.QuerySession();
        if (request.RecordId is { } id && await query.LoadAsync<IdempotencyRecord>(id, request.Cancellation) is { } winner)
            return await ReplayAsync<T>(winner, request.Fingerprint, query, request.Cancellation);
        if (onConflict is not null) return Problems.For(onConflict());
        var state = await query.Events.FetchStreamStateAsync(request.StreamId, request.Cancellation);
        return Problems.StaleVersion(request.ExpectedVersion ?? 0, state?.Version ?? 0);
    }

    /// <summary>Another command appended to one of the streams after this one read it.</summary>
    private static bool IsRace(Exception e) => e switch
    {
        ConcurrencyException => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } p => p.TableName == "mt_events" || p.TableName == "mt_streams",
        _ => e.InnerException is not null && IsRace(e.InnerException),
    };

    /// <summary>The same answer again: the stream read back up to the version the command left, folded by the
    /// aggregate's own fold, with the sequence of that version's event.</summary>
    private static async Task<IResult> ReplayAsync<T>(IdempotencyRecord prior, string fingerprint, IQuerySession query, CancellationToken cancellation)
        where T : class, IStreamAggregate<T>
    {
        if (prior.Fingerprint != fingerprint)
            return Problems.For(Refusal.Unprocessable(StreamCommands.IdempotencyHeader, "this Idempotency-Key was already used for a different request"));
        var events = await query.Events.FetchStreamAsync(prior.StreamId, prior.Version, token: cancellation);
        var body = StreamAggregate.After<T>(null, events.Select(e => e.Data));
        if (body is not null) body.Version = prior.Version;
        return new Answer(prior.Status, body, prior.Location, events.Count == 0 ? 0 : events[^1].Sequence, Replayed: true);
    }

    private static string Fingerprint(HttpContext http, object command) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{http.Request.Method} {http.Request.Path}\n{JsonSerializer.Serialize(command, command.GetType(), Json.Options)}")));

    /// <summary>A command's answer: the aggregate as it now stands, the sequence to read at least as fresh.</summary>
    private sealed record Answer(int Status, object? Body, string? Location, long Sequence, bool Replayed = false) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = Status;
            if (Location is not null) http.Response.Headers.Location = Location;
            if (Sequence > 0) http.Response.Headers[StreamCommands.SequenceHeader] = Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (Replayed) http.Response.Headers["Idempotent-Replayed"] = "true";
            if (Body is null) return;
            http.Response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(http.Response.Body, Body, Body.GetType(), Json.Options, http.RequestAborted);
        }
    }
}
