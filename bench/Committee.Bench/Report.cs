using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Committee.Bench;

/// <summary>The Markdown report: the table of both paths, the ratio, the targets of the issue, and where the time went.</summary>
public static class Report
{
    /// <summary>Targets of the issue "Record the floor".</summary>
    public const double MinimumShareOfBaseline = 0.5;
    public const int TargetClients = 16;
    public const double MaximumP99Ms = 20;

    public static string Render(BenchOptions options, DateTimeOffset started, string database, string postgres, IReadOnlyList<RunResult> results)
    {
        var md = new StringBuilder();
        void Line(string text = "") => md.Append(text).Append('\n');
        string F(double value, string format = "0.0") => double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);
        string N(double value) => double.IsNaN(value) ? "n/a" : value.ToString("#,0", CultureInfo.InvariantCulture);

        Line("### Committee.Bench: the secretariat's command path");
        Line();
        Line($"- Date: {started:yyyy-MM-dd HH:mm} UTC");
        Line($"- Machine: {Machine()}; the server, PostgreSQL and this load generator share these cores");
        Line($"- Software: {RuntimeInformation.FrameworkDescription}; PostgreSQL {postgres}; database `{database}`");
        if (options.Label is { Length: > 0 } label) Line($"- Server: {label}");
        Line($"- Runs: {options.ServerWarmup.TotalSeconds:0.#} s of unmeasured load first (another session), then ANALYZE (the statistics autovacuum gives a store in use), then per row {options.Warmup.TotalSeconds:0.#} s warm-up and {options.Duration.TotalSeconds:0.#} s measured; session {options.Session}");
        Line((options.Action switch
        {
            BenchAction.Budget => "- HTTP command: each client owns a draft and repeats `POST /api/drafts/{id}/budget-implications` (yes and no in turn: the draft keeps its size) " +
                "with the version of the previous reply and a new Idempotency-Key",
            BenchAction.Read => "- HTTP command: **not a command, a ceiling**: each client repeats `GET /api/drafts/{id}` of its own draft (one read of PostgreSQL, nothing written)",
            BenchAction.Redirect => "- HTTP command: **not a command, a ceiling**: each client repeats `GET /` (the server's redirect to /docs, no database)",
            _ => "- HTTP command: each client owns a draft and alternates `POST /api/drafts/{id}/sponsors` and `…/sponsor-withdrawals` " +
                "(Chile: the draft grows by one entry per joining) with the version of the previous reply and a new Idempotency-Key",
        }) + "; one shared SocketsHttpHandler over loopback, HTTP/1.1");
        Line($"- Baseline: each client on its own Npgsql connection, a prepared one-row `INSERT` of the same JSON body into `{BaselineLoad.Schema}.bench_baseline(id bigserial, body jsonb)`, autocommit");
        Line("- Latency: from before `SendAsync`/`ExecuteNonQueryAsync` to the whole reply read (Stopwatch); errors are non-2xx replies or exceptions");
        Line();
        Line("| path | clients | actions/s | p50 ms | p90 ms | p99 ms | max ms | errors |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            Line($"| {r.Path} | {r.Clients} | {N(r.Throughput)} | {F(r.P50, "0.00")} | {F(r.P90, "0.00")} | {F(r.P99, "0.00")} | {F(r.Max, "0.0")} | {r.Errors} |");
        Line();

        var pairs = results.GroupBy(r => r.Clients)
            .Select(g => (Clients: g.Key, Http: g.FirstOrDefault(r => r.Path.StartsWith("HTTP", StringComparison.Ordinal)),
                Baseline: g.FirstOrDefault(r => !r.Path.StartsWith("HTTP", StringComparison.Ordinal))))
            .Where(p => p.Http is not null && p.Baseline is not null)
            .ToList();
        Line("| clients | HTTP / baseline throughput |");
        Line("|---:|---:|");
        foreach (var (clients, h, b) in pairs)
            Line($"| {clients} | {F(Share(h!, b!) * 100, "0.0")} % |");
        Line();

        Line("Targets (issue \"Record the floor\"):");
        var target = pairs.FirstOrDefault(p => p.Clients == TargetClients);
        if (target.Http is { } th && target.Baseline is { } tb)
        {
            var share = Share(th, tb);
            Line($"- At {TargetClients} clients, at least {MinimumShareOfBaseline:0%} of the baseline's throughput: **{(share >= MinimumShareOfBaseline ? "met" : "not met")}** " +
                 $"(HTTP {N(th.Throughput)}/s = {F(share * 100, "0.0")} % of {N(tb.Throughput)}/s)");
        }
        else Line($"- At {TargetClients} clients, at least {MinimumShareOfBaseline:0%} of the baseline's throughput: not measured (no {TargetClients}-client run)");
        foreach (var h in results.Where(r => r.Path.StartsWith("HTTP", StringComparison.Ordinal)))
            Line($"- p99 under {MaximumP99Ms:0} ms, {h.Clients} client(s): **{(h.P99 < MaximumP99Ms && h.Errors == 0 ? "met" : "not met")}** (p99 {F(h.P99, "0.0")} ms{(h.Errors > 0 ? $", {h.Errors} errors" : "")})");
        Line();

        Line("Where the time went. CPU in cores busy during the measured window (of " +
             $"{Environment.ProcessorCount}), from /proc (\"PG bench db\": the backends connected to the bench database; \"PG other\": the cluster's " +
             "background processes and other databases); CPU ms per action over the measured window; database work per successful action " +
             "(warm-up included), from pg_stat_database and pg_stat_user_tables after the run (and after the server's event feed caught up):");
        Line();
        Line("| path | clients | server | PG bench db | PG other | load gen | other | idle | server CPU ms/action | server alloc KB/action | server round trips to PostgreSQL/action (commits aside) | PG bench db CPU ms/action | transactions/action | rows ins/action (TOAST chunks incl.) | rows upd/action | reply KB mean / last | actions/s first s → last s | read-model lag p99 / max ms (commit → visible, sampled) | read-model gap p99, events (Marten's histogram at /metrics) | feed lag at end (events) | feed catch-up s |");
        Line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            if (r.Diagnostics is not { } d) continue;
            var c = d.Cpu;
            var ok = r.Throughput;
            var db = d.Database;
            var isHttp = r.Path.StartsWith("HTTP", StringComparison.Ordinal);
            Line($"| {r.Path} | {r.Clients} | {F(c.Server, "0.00")} | {F(c.PgBenchDb, "0.00")} | {F(c.PgOther, "0.00")} | {F(c.LoadGenerator, "0.00")} | {F(c.Other, "0.00")} | {F(c.Idle, "0.00")} " +
                 $"| {(isHttp && options.ServerPid is not null ? F(c.Server * 1000 / ok, "0.00") : "–")} " +
                 $"| {(d.Server is { AllocatedBytes: var bytes } && !double.IsNaN(bytes) ? F(bytes / 1024 / r.Succeeded, "0.0") : "–")} " +
                 $"| {(d.Server is { DatabaseOperations: var trips } && !double.IsNaN(trips) ? F(trips / r.Succeeded, "0.00") : "–")} | {F(c.PgBenchDb * 1000 / ok, "0.00")} " +
                 $"| {(db is null ? "n/a" : F(d.PerAction(db.Commits), "0.0"))} | {(db is null ? "n/a" : F(d.PerAction(db.Inserted), "0.0"))} | {(db is null ? "n/a" : F(d.PerAction(db.Updated), "0.0"))} " +
                 $"| {(isHttp ? $"{F(r.MeanResponseBytes / 1024, "0.0")} / {F(r.LastResponseBytes / 1024.0, "0.0")}" : "–")} " +
                 $"| {N(r.PerSecond.FirstOrDefault())} → {N(r.PerSecond.LastOrDefault())} " +
                 $"| {(isHttp && d.LagMs is { Count: > 0 } lags ? $"{F(Percentiles.Nearest(lags, 0.99), "0")} / {F(lags[^1], "0")}" : "–")} " +
                 $"| {(d.Server?.ReadModelGapP99() is { } gap ? $"≤ {F(gap, "0")}" : "–")} " +
                 $"| {(isHttp ? d.FeedLagAtEnd?.ToString(CultureInfo.InvariantCulture) ?? "no feed" : "–")} " +
                 $"| {(!isHttp || d.FeedLagAtEnd is null ? "–" : d.FeedCatchUp is { } t ? F(t.TotalSeconds, "0.0") : "did not")} |");
        }
        Line();

        var writes = results.Where(r => r.Path.StartsWith("HTTP", StringComparison.Ordinal) && r.Diagnostics?.Database is not null).ToList();
        if (writes.Count > 0)
        {
            Line("Rows written per successful HTTP action, by table (pg_stat_user_tables; an upsert that finds its row is an update):");
            Line();
            Line($"| table | {string.Join(" | ", writes.Select(r => $"{r.Clients} client(s): ins / upd / del"))} |");
            Line($"|---|{string.Concat(writes.Select(_ => "---:|"))}");
            var tables = writes.SelectMany(r => r.Diagnostics!.Database!.Tables).Where(t => t.Value.Total > 0)
                .GroupBy(t => t.Key).OrderByDescending(g => g.Sum(t => t.Value.Total)).Select(g => g.Key).ToList();
            foreach (var table in tables)
                Line($"| {table} | {string.Join(" | ", writes.Select(r =>
                {
                    var d = r.Diagnostics!;
                    return d.Database!.Tables.TryGetValue(table, out var w)
                        ? $"{F(d.PerAction(w.Inserted), "0.00")} / {F(d.PerAction(w.Updated), "0.00")} / {F(d.PerAction(w.Deleted), "0.00")}"
                        : "–";
                }))} |");
            Line();
        }

        var failing = results.Where(r => r.Errors > 0 || r.ErrorSamples.Count > 0).ToList();
        if (failing.Count > 0)
        {
            Line("Errors:");
            foreach (var r in failing)
            {
                Line($"- {r.Path}, {r.Clients} client(s): {string.Join(", ", r.ErrorKinds.Select(k => $"{k.Value} × {k.Key}"))}");
                foreach (var sample in r.ErrorSamples) Line($"  - `{sample.Replace('`', '\'').Replace('\n', ' ')}`");
            }
            Line();
        }
        return md.ToString();
    }

    private static double Share(RunResult http, RunResult baseline) =>
        baseline.Throughput == 0 ? double.NaN : http.Throughput / baseline.Throughput;

    private static string Machine()
    {
        var cpu = TryLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memKb = TryLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))?
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        var mem = long.TryParse(memKb, CultureInfo.InvariantCulture, out var kb) ? $"{kb / 1024.0 / 1024.0:0} GiB RAM" : "RAM unknown";
        return $"{Environment.ProcessorCount} cores ({cpu}), {mem}, {RuntimeInformation.OSDescription}";
    }

    private static IEnumerable<string> TryLines(string path)
    {
        try { return File.ReadAllLines(path); }
        catch (IOException) { return []; }
    }
}
