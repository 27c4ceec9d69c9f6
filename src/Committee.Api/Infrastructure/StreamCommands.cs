using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using JasperFx;
using Marten;
using Marten.Exceptions;
using Marten.Services.BatchQuerying;
using Microsoft.Extensions.DependencyInjection.Extensions;
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
        where TReader : class, ICommandContextReader<TContext>
    {
        services.TryAddSingleton<CommandGroups>();
        return services.AddSingleton<ICommandContextReader<TContext>, TReader>().AddScoped<StreamCommands<TContext>>();
    }

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
/// idempotency record), committed in the read's own transaction. Commands of one actor arriving together share that
/// transaction (<see cref="CommandGroups"/>). The reply carries the global sequence of its last event
/// (<see cref="StreamCommands.SequenceHeader"/>), so that a reader can ask a read model at least that fresh.</summary>
/// <remarks>It opens its own session, so that Wolverine's transactional middleware stays out of a path that saves by
/// itself. What the context holds is the reader's business (<see cref="ICommandContextReader{TContext}"/>): this
/// pipeline only knows that a stream belongs to a session.</remarks>
public sealed class StreamCommands<TContext>(
    IDocumentStore store, TimeProvider clock, CommitSignal signal, Idempotency idempotency, CommitteeMetrics metrics,
    ICommandContextReader<TContext> contexts, CommandGroups groups)
    where TContext : ICommandContext
{
    // What each command (a nested class) reads of the pipeline.
    private TimeProvider Clock => clock;
    private Idempotency Idempotency => idempotency;
    private CommitteeMetrics Metrics => metrics;
    private ICommandContextReader<TContext> Contexts => contexts;

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
        var actor = StreamCommands.Actor(http);
        var request = new Request<T>(streamId, expectedVersion, key.Length == 0 ? null : Idempotency.IdFor(actor, key), Fingerprint(http, command),
            session, mustExist, location, onConflict, actor, http.RequestAborted);
        var pending = new Command<T, TCompanion>(this, request, companions, decide);
        // Commands on one stream take turns in this process (193 delegations voting at once append to one vote stream),
        // so they do not fail each other's optimistic check. Another process can still commit first: a command that
        // names no expected version (a ballot, closing a vote) is then decided again on the stream as that writer left
        // it; one that names a version is answered with 409.
        var turn = Turns[(streamId.GetHashCode() & int.MaxValue) % Turns.Length];
        await turn.WaitAsync(http.RequestAborted);
        try
        {
            var alone = false;
            for (var attempt = 1; ; attempt++)
            {
                var outcome = alone ? await groups.Alone(pending) : await groups.Submit(pending);
                if (outcome.Failure is not { } failure) return outcome.Result!;
                if (outcome.Shared)
                {
                    alone = true;
                    continue;
                }
                if (expectedVersion is null && attempt < MaxAttempts && IsRace(failure))
                {
                    await Task.Delay(Random.Shared.Next(1, 5 * attempt), http.RequestAborted);
                    continue;
                }
                if (StreamCommands.IsConflict(failure)) return await AfterConflict(request, request.OnConflict);
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            }
        }
        finally
        {
            turn.Release();
        }
    }

    private sealed record Request<T>(
        Guid StreamId, long? ExpectedVersion, string? RecordId, string Fingerprint, int? Session, bool MustExist,
        Func<T, string>? Location, Func<Refusal>? OnConflict, string Actor, CancellationToken Cancellation);

    private const int MaxAttempts = 8;

    /// <summary>One turn per stripe of stream ids: streams sharing a stripe wait for each other, which is rare and brief.</summary>
    private static readonly SemaphoreSlim[] Turns = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    /// <summary>The session of each stream seen (it never changes), so that its context is read in the command's one batch.</summary>
    private static readonly ConcurrentDictionary<Guid, int> SessionOfStream = new();

    /// <summary>One command's read, decision and writes, in whatever transaction <see cref="CommandGroups"/> runs it;
    /// each attempt starts again from <see cref="Read"/>.</summary>
    private sealed class Command<T, TCompanion>(
        StreamCommands<TContext> owner, Request<T> request,
        Func<T?, IReadOnlyList<Guid>> companions, Func<T?, IReadOnlyDictionary<Guid, TCompanion>, TContext, Decided> decide) : GroupedCommand
        where T : class, IStreamAggregate<T>
        where TCompanion : class, IStreamAggregate<TCompanion>
    {
        private DateTimeOffset _now;
        private int? _knownSession;
        private Task<IdempotencyRecord?>? _priorRead;
        private Task<JasperFx.Events.IEventStream<T>> _streamRead = null!;
        private Task<TContext>? _contextRead;
        private IReadOnlyList<JasperFx.Events.StreamAction> _appended = [];
        private T _after = null!;
        private int _status;
        private string? _where;

        public override string Actor => request.Actor;

        public override Guid StreamId => request.StreamId;

        public override CancellationToken Cancellation => request.Cancellation;

        public override void Read(IBatchedQuery batch)
        {
            _now = owner.Clock.GetUtcNow();
            _priorRead = request.RecordId is { } recordId ? batch.Load<IdempotencyRecord>(recordId) : null;
            _streamRead = batch.Events.FetchForWriting<T>(request.StreamId);
            _knownSession = request.Session ?? (SessionOfStream.TryGetValue(request.StreamId, out var seen) ? seen : null);
            _contextRead = _knownSession is { } s ? owner.Contexts.Read(batch, s, _now, request.Actor) : null;
        }

        public override async Task<IResult?> Decide(IDocumentSession documents, ISet<Guid> written, CancellationToken cancellation)
        {
            var prior = _priorRead is null ? null : await _priorRead;
            // A retry: answered from the command's own session, on the connection it already holds.
            if (prior is not null && owner.Idempotency.Answers(prior, _now))
                return await ReplayAsync<T>(prior, request.Fingerprint, documents, cancellation);

            var stream = await _streamRead;
            if (stream.Aggregate is null && request.MustExist)
                return Problems.NotFound("id", $"there is no {T.Noun} {request.StreamId}");
            // A retry racing its twin: the twin may have committed after the key was looked up, so look again first.
            if (request.ExpectedVersion is { } expected && expected != stream.CurrentVersion)
                return await owner.AfterConflict(request, onConflict: null);

            var companionIds = companions(stream.Aggregate).Distinct().ToList();
            // A companion another command of the group writes would be decided on the stream as it was before that
            // command's events: this one goes again alone, after it.
            if (companionIds.Exists(written.Contains)) throw new StreamWrittenInGroup();
            written.UnionWith(companionIds);
            var others = new Dictionary<Guid, JasperFx.Events.IEventStream<TCompanion>>();
            foreach (var id in companionIds)
            {
                var other = await documents.Events.FetchForWriting<TCompanion>(id, cancellation);
                if (other.Aggregate is null) return Problems.NotFound("id", $"there is no {TCompanion.Noun} {id}");
                others[id] = other;
            }

            var sessionNumber = _knownSession ?? stream.Aggregate!.Session;
            SessionOfStream.TryAdd(request.StreamId, sessionNumber);
            var context = _contextRead is null
                ? await owner.Contexts.ReadAsync(documents, sessionNumber, _now, request.Actor, cancellation)
                : await _contextRead;

            Decided decided;
            try { decided = decide(stream.Aggregate, others.ToDictionary(o => o.Key, o => o.Value.Aggregate!), context); }
            catch (Refusal refusal) { return Problems.For(refusal); }

            _after = Append(documents, stream, decided.Events, context);
            foreach (var (id, companionEvents) in decided.Companions ?? new Dictionary<Guid, IReadOnlyList<object>>())
                others[id].AppendMany(companionEvents);
            _appended = documents.PendingChanges.Streams().Where(a => a.Id == request.StreamId || others.ContainsKey(a.Id)).ToList();

            _status = stream.Aggregate is null ? StatusCodes.Status201Created : StatusCodes.Status200OK;
            _where = _status == StatusCodes.Status201Created && request.Location is { } locate ? locate(_after) : null;
            var record = request.RecordId is null ? null
                : new IdempotencyRecord(request.RecordId, request.Fingerprint, _status, _where, request.StreamId, _after.Version, _now);
            // An expired record of the same key is replaced; otherwise a twin's record makes this insert fail.
            if (record is not null && prior is not null) documents.Store(record);
            else if (record is not null) documents.Insert(record);
            return null;
        }

        public override IResult Committed()
        {
            var own = _appended.Where(a => a.Id == request.StreamId).Sum(a => a.Events.Count);
            owner.Metrics.EventsAppended(T.Noun, own);
            owner.Metrics.EventsAppended(TCompanion.Noun, _appended.Sum(a => a.Events.Count) - own);
            return new Answer(_status, _after, _where, _appended.SelectMany(a => a.Events).Select(e => e.Sequence).DefaultIfEmpty().Max());
        }
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
        if (request.RecordId is { } id && await query.LoadAsync<IdempotencyRecord>(id, request.Cancellation) is { } winner
            && idempotency.Answers(winner, clock.GetUtcNow()))
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
