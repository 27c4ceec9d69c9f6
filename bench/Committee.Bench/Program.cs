// Committee.Bench: throughput and latency of the secretariat's command path over HTTP, against PostgreSQL's own
// one-row-insert baseline measured in the same run. Run it through scripts/bench, which starts a server for it.
using System.Diagnostics;
using Committee.Bench;
using Npgsql;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (UsageException e)
{
    if (e.Message.Length > 0) Console.Error.WriteLine($"Committee.Bench: {e.Message}");
    Console.Error.WriteLine(BenchOptions.Usage);
    return e.Message.Length > 0 ? 2 : 0;
}

var database = new NpgsqlConnectionStringBuilder(options.Connection).Database
    ?? throw new InvalidOperationException("the connection string names no Database");
await using var stats = NpgsqlDataSource.Create(options.Connection);
using var http = HttpLoad.CreateClient(options.BaseUrl, options.Token, options.Clients.Max());
var load = new HttpLoad(http, options.Session, options.Action);
var baseline = new BaselineLoad(options.Connection);
var feed = new FeedProbe(stats, options.AppSchema);
var started = DateTimeOffset.UtcNow;

Log($"setup: session {options.Session}, baseline table {BaselineLoad.Schema}.bench_baseline in database {database}");
await baseline.ResetAsync();
await load.OpenMeetingAsync();
await load.PrimeAsync();
if (options.ServerWarmup > TimeSpan.Zero)
{
    // The first seconds under load are the server's JIT tiering and Wolverine's compilation of the feed's handlers:
    // spend them on drafts of another session, so that they fall into no measured run (the first one is 1 client).
    var clients = options.Clients.Max();
    var warmSession = options.Session == 999 ? 500 : options.Session + 1;
    Log($"server warm-up: {clients} client(s) for {options.ServerWarmup.TotalSeconds:0.#} s on session {warmSession}, not measured");
    var warm = new HttpLoad(http, warmSession, options.Action);
    await warm.OpenMeetingAsync();
    var warmDrafts = new List<OwnedDraft>();
    for (var i = 0; i < clients; i++) warmDrafts.Add(await warm.SubmitAsync());
    var warmWindow = new Window(TimeSpan.Zero, options.ServerWarmup);
    await Task.WhenAll(warmDrafts.Select(d => Task.Run(() => warm.RunClientAsync(d, warmWindow))));
}
// The statistics of a store in use, which autovacuum gathers within its first minute: without them the runs are served
// by plans made for the empty tables of a fresh database (the daemon's gap detection then scans all of mt_events).
await using (var analyze = stats.CreateCommand("analyze")) await analyze.ExecuteNonQueryAsync();

var results = new List<RunResult>();
foreach (var clients in options.Clients)
{
    var drafts = new List<OwnedDraft>();
    for (var i = 0; i < clients; i++) drafts.Add(await load.SubmitAsync());
    results.Add(await MeasureAsync("HTTP command", clients, window => drafts.Select(d => (Func<Task<ClientTally>>)(() => load.RunClientAsync(d, window)))));
    results.Add(await MeasureAsync("Npgsql INSERT baseline", clients, window => Enumerable.Range(0, clients).Select(_ => (Func<Task<ClientTally>>)(() => baseline.RunClientAsync(window)))));
}

var report = Report.Render(options, started, database, await ServerDescriptionAsync(), results);
Console.WriteLine(report);
if (options.MarkdownOut is { } file) await File.WriteAllTextAsync(file, report);
return 0;

async Task<RunResult> MeasureAsync(string path, int clients, Func<Window, IEnumerable<Func<Task<ClientTally>>>> run)
{
    await feed.CatchUpAsync();
    await Task.Delay(2500); // let every backend flush its statistics (PostgreSQL 15: about a second after going idle)
    var pgBefore = await TryAsync(() => PgSnapshot.TakeAsync(stats));
    Log($"{path}, {clients} client(s): {options.Warmup.TotalSeconds:0.#} s warm-up, {options.Duration.TotalSeconds:0.#} s measured");
    var window = new Window(options.Warmup, options.Duration);
    var tasks = run(window).Select(client => Task.Run(client)).ToArray();
    await window.UntilMeasureStartAsync();
    var cpuBefore = CpuSnapshot.Take(options.ServerPid, database);
    var serverBefore = await ServerMetrics.ReadAsync(http);
    using var sampling = new CancellationTokenSource();
    var lagSamples = feed.SampleTimeLagAsync(sampling.Token);
    await window.UntilEndAsync();
    await sampling.CancelAsync();
    var lagMs = (await lagSamples)?.Order().ToList();
    var cpu = CpuSnapshot.Take(options.ServerPid, database).Since(cpuBefore);
    var server = (await ServerMetrics.ReadAsync(http)).Minus(serverBefore);
    var tallies = await Task.WhenAll(tasks);
    var lag = await feed.LagAsync();
    if (lag > 0) Log($"  waiting for the server's event feed: {lag} event(s) behind");
    var catchUp = await feed.CatchUpAsync();
    await Task.Delay(2500);
    var pgAfter = await TryAsync(() => PgSnapshot.TakeAsync(stats));
    var result = RunResult.From(path, clients, window, tallies);
    result = result with
    {
        Diagnostics = new Diagnostics(cpu, pgBefore is null || pgAfter is null ? null : pgAfter.Minus(pgBefore), result.Succeeded, lag, catchUp, lagMs,
            path.StartsWith("HTTP", StringComparison.Ordinal) ? server : null),
    };
    Log($"  {result.Throughput:0} actions/s, p99 {result.P99:0.0} ms, {result.Errors} error(s)");
    if (lagMs is { Count: > 0 }) Log($"  read-model lag during the window: p50 {Percentiles.Nearest(lagMs, 0.5):0} ms, p99 {Percentiles.Nearest(lagMs, 0.99):0} ms, max {lagMs[^1]:0} ms ({lagMs.Count} samples)");
    return result;
}

async Task<string> ServerDescriptionAsync()
{
    await using var command = stats.CreateCommand("select current_setting('server_version') || ', synchronous_commit=' || current_setting('synchronous_commit') || ', fsync=' || current_setting('fsync')");
    return (string)(await command.ExecuteScalarAsync())!;
}

static async Task<T?> TryAsync<T>(Func<Task<T>> read) where T : class
{
    try { return await read(); }
    catch (NpgsqlException e) { Log($"  (statistics not available: {e.Message})"); return null; }
}

static void Log(string message) => Console.Error.WriteLine($"[bench {DateTime.UtcNow:HH:mm:ss}] {message}");

/// <summary>How far the server's read models are behind the event store: the slowest shard of Marten's async daemon
/// (mt_event_progression), or, for a server before 9293dc0, its own feed's checkpoint (mt_doc_feedcheckpoint).</summary>
internal sealed class FeedProbe(NpgsqlDataSource db, string schema)
{
    /// <summary>The position every read model has reached; null when the server keeps no read model (no daemon).</summary>
    private async Task<long?> PositionAsync(CancellationToken cancellation = default)
    {
        await using var daemon = db.CreateCommand($"""select min(last_seq_id) from "{schema}".mt_event_progression where name like '%:All'""");
        try
        {
            if (await daemon.ExecuteScalarAsync(cancellation) is long position) return position;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName) { }
        await using var feed = db.CreateCommand($"""select (data ->> 'sequence')::bigint from "{schema}".mt_doc_feedcheckpoint where id = 'read-models'""");
        try
        {
            return await feed.ExecuteScalarAsync(cancellation) is long checkpoint ? checkpoint : null;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.InvalidSchemaName)
        {
            return null;
        }
    }

    /// <summary>Events committed but not yet in every read model; null when the server keeps none.</summary>
    public async Task<long?> LagAsync()
    {
        if (await PositionAsync() is not { } position) return null;
        await using var command = db.CreateCommand($"""select coalesce(max(seq_id), 0) from "{schema}".mt_events""");
        return (long)(await command.ExecuteScalarAsync())! - position;
    }

    /// <summary>Every 100 ms until cancelled: how long ago the oldest event not yet in every read model was committed
    /// (0 when all are caught up) — commit to visible, in ms. Null when the server keeps no read model.</summary>
    public async Task<IReadOnlyList<double>?> SampleTimeLagAsync(CancellationToken stop)
    {
        var samples = new List<double>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (await PositionAsync(stop) is not { } position) return null;
                await using var command = db.CreateCommand($"""
                    select coalesce(extract(epoch from clock_timestamp() - (select timestamp from "{schema}".mt_events
                        where seq_id > $1 order by seq_id limit 1)) * 1000, 0)
                    """);
                command.Parameters.AddWithValue(position);
                samples.Add(Convert.ToDouble(await command.ExecuteScalarAsync(stop)));
                await Task.Delay(100, stop);
            }
        }
        catch (OperationCanceledException) { }
        return samples;
    }

    /// <summary>Waits until the lag is zero; gives up when it has not shrunk for 60 s (no feed running; the feed saves
    /// its checkpoint once per batch of up to 500 events, so a busy feed can look still for many seconds) or after 300 s.
    /// Returns how long it took, or null if it did not catch up.</summary>
    public async Task<TimeSpan?> CatchUpAsync()
    {
        var clock = Stopwatch.StartNew();
        var best = long.MaxValue;
        var progressAt = clock.Elapsed;
        while (await LagAsync() is { } lag)
        {
            if (lag <= 0) return clock.Elapsed;
            if (lag < best) { best = lag; progressAt = clock.Elapsed; }
            if (clock.Elapsed - progressAt > TimeSpan.FromSeconds(60) || clock.Elapsed > TimeSpan.FromSeconds(300)) return null;
            await Task.Delay(50);
        }
        return null;
    }
}
