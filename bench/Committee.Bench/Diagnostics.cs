using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Committee.Bench;

/// <summary>Where the CPU went during the measured window, in cores (0 to the machine's core count), read from
/// /proc: the server process, the PostgreSQL backends connected to the bench database, the rest of PostgreSQL
/// (its background processes and other databases of the same cluster), this load generator, everything else.</summary>
public sealed record CpuSplit(double Server, double PgBenchDb, double PgOther, double LoadGenerator, double Other, double Idle)
{
    public double Busy => Server + PgBenchDb + PgOther + LoadGenerator + Other;
}

/// <summary>A reading of /proc at one instant. Linux only; elsewhere every figure is zero. Processes are compared by
/// id between two readings: one that ended in between takes its ticks with it (they fall into "other").</summary>
public sealed record CpuSnapshot(long At, long Total, long Idle, IReadOnlyDictionary<int, (ProcessKind Kind, long Ticks)> Processes)
{
    private const double TicksPerSecond = 100; // USER_HZ: 100 on every Linux architecture .NET runs on

    public static CpuSnapshot Take(int? serverPid, string database)
    {
        long total = 0, idle = 0;
        var processes = new Dictionary<int, (ProcessKind, long)>();
        if (File.Exists("/proc/stat"))
        {
            var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // user nice system idle iowait irq softirq steal (guest time is already inside user).
            var fields = cpu.Skip(1).Take(8).Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            total = fields.Sum();
            idle = fields[3] + fields[4];
            var marker = $" {database} ";
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid)) continue;
                var ticks = ProcessTicks(pid, out var comm);
                if (ticks is null) continue;
                if (pid == serverPid) processes[pid] = (ProcessKind.Server, ticks.Value);
                else if (pid == Environment.ProcessId) processes[pid] = (ProcessKind.LoadGenerator, ticks.Value);
                else if (comm == "postgres")
                {
                    // A backend's title: "postgres: USER DATABASE HOST(PORT) STATE".
                    var title = TryRead(Path.Combine(dir, "cmdline"))?.Replace('\0', ' ') ?? "";
                    processes[pid] = (title.Contains(marker, StringComparison.Ordinal) ? ProcessKind.PgBenchDb : ProcessKind.PgOther, ticks.Value);
                }
            }
        }
        return new CpuSnapshot(Stopwatch.GetTimestamp(), total, idle, processes);
    }

    public CpuSplit Since(CpuSnapshot before)
    {
        var seconds = Stopwatch.GetElapsedTime(before.At, At).TotalSeconds;
        double Cores(long ticks) => seconds <= 0 ? 0 : ticks / TicksPerSecond / seconds;
        var byKind = new Dictionary<ProcessKind, long>();
        foreach (var (pid, (kind, ticks)) in Processes)
        {
            // A process that started during the window counts from zero.
            var earlier = before.Processes.TryGetValue(pid, out var b) && b.Kind == kind ? b.Ticks : 0;
            byKind[kind] = byKind.GetValueOrDefault(kind) + Math.Max(0, ticks - earlier);
        }
        var busy = Total - Idle - (before.Total - before.Idle);
        var other = Math.Max(0, busy - byKind.Values.Sum());
        return new CpuSplit(Cores(byKind.GetValueOrDefault(ProcessKind.Server)), Cores(byKind.GetValueOrDefault(ProcessKind.PgBenchDb)),
            Cores(byKind.GetValueOrDefault(ProcessKind.PgOther)), Cores(byKind.GetValueOrDefault(ProcessKind.LoadGenerator)),
            Cores(other), Cores(Idle - before.Idle));
    }

    /// <summary>utime + stime of a process, in clock ticks.</summary>
    private static long? ProcessTicks(int pid, out string comm)
    {
        comm = "";
        var stat = TryRead($"/proc/{pid}/stat");
        if (stat is null) return null;
        var open = stat.IndexOf('(');
        var close = stat.LastIndexOf(')');
        if (open < 0 || close < open) return null;
        comm = stat[(open + 1)..close];
        var fields = stat[(close + 2)..].Split(' ');
        // After the command: state(3) ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime(14) stime(15).
        return long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    private static string? TryRead(string path)
    {
        try { return File.ReadAllText(path); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}

/// <summary>Rows written to one table (pg_stat_user_tables). An upsert (INSERT … ON CONFLICT DO UPDATE) that
/// finds its row counts as an update.</summary>
public sealed record TableWrites(long Inserted, long Updated, long Deleted)
{
    public long Total => Inserted + Updated + Deleted;
}

public enum ProcessKind { Server, PgBenchDb, PgOther, LoadGenerator }

/// <summary>PostgreSQL's own counters for the bench database (pg_stat_database, pg_stat_user_tables) and the
/// cluster's WAL position. Transactions count read-only ones too: every autocommit SELECT is a commit.</summary>
public sealed record PgSnapshot(long Commits, long Rollbacks, long Inserted, long Updated, long Deleted, long Returned, long Fetched, long WalBytes,
    IReadOnlyDictionary<string, TableWrites> Tables)
{
    public static async Task<PgSnapshot> TakeAsync(NpgsqlDataSource db)
    {
        await using var batch = db.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand("""
            select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_deleted, tup_returned, tup_fetched,
                   pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint
            from pg_stat_database where datname = current_database()
            """));
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            "select schemaname || '.' || relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables"));
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var values = Enumerable.Range(0, 8).Select(reader.GetInt64).ToArray();
        await reader.NextResultAsync();
        var tables = new Dictionary<string, TableWrites>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
            tables[reader.GetString(0)] = new TableWrites(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
        return new PgSnapshot(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7], tables);
    }

    public PgSnapshot Minus(PgSnapshot before) => new(Commits - before.Commits, Rollbacks - before.Rollbacks,
        Inserted - before.Inserted, Updated - before.Updated, Deleted - before.Deleted, Returned - before.Returned,
        Fetched - before.Fetched, WalBytes - before.WalBytes,
        Tables.ToDictionary(t => t.Key, t => before.Tables.TryGetValue(t.Key, out var b)
            ? new TableWrites(t.Value.Inserted - b.Inserted, t.Value.Updated - b.Updated, t.Value.Deleted - b.Deleted)
            : t.Value, StringComparer.Ordinal));
}

/// <summary>What a run cost besides its latency: the CPU split of the measured window, and the database work per
/// successful action (warm-up included, read after the server's event feed caught up, so its work is counted).</summary>
/// <param name="LagMs">Read-model lag samples (commit to visible), in ascending order.</param>
/// <param name="Server">What the server allocated and how many round trips it made to PostgreSQL during the measured
/// window, from its /metrics (the runtime's and Npgsql's own meters); null when not read.</param>
public sealed record Diagnostics(CpuSplit Cpu, PgSnapshot? Database, long Actions, long? FeedLagAtEnd, TimeSpan? FeedCatchUp, IReadOnlyList<double>? LagMs = null,
    ServerMetrics? Server = null)
{
    public double PerAction(long value) => Actions == 0 ? double.NaN : value / (double)Actions;
}

/// <summary>The server's own figures, read from its Prometheus endpoint as any scraper would.</summary>
/// <param name="AllocatedBytes">Bytes its runtime has allocated since it started.</param>
/// <param name="DatabaseOperations">Commands and batches Npgsql has executed for it, each one round trip to
/// PostgreSQL; a commit is not among them.</param>
/// <param name="ReadModelGap">Marten's histogram of how many events the read models' composite was behind the
/// high-water mark at each page it projected: observations at or under each bucket's bound, cumulative.</param>
public sealed record ServerMetrics(double AllocatedBytes, double DatabaseOperations, IReadOnlyDictionary<double, double> ReadModelGap)
{
    private const string Allocated = "dotnet_gc_heap_total_allocated_bytes_total";
    private const string Operations = "db_client_operation_duration_seconds_count";
    private const string Gap = "marten_readmodels_all_gap_bucket";

    public ServerMetrics Minus(ServerMetrics before) =>
        new(AllocatedBytes - before.AllocatedBytes, DatabaseOperations - before.DatabaseOperations,
            ReadModelGap.ToDictionary(b => b.Key, b => b.Value - before.ReadModelGap.GetValueOrDefault(b.Key)));

    /// <summary>The bucket bound under which 99 % of the read models' pages were in the window, in events behind;
    /// null when no page was projected (or the server exports no such histogram).</summary>
    public double? ReadModelGapP99()
    {
        var total = ReadModelGap.GetValueOrDefault(double.PositiveInfinity);
        if (total <= 0) return null;
        return ReadModelGap.Where(b => b.Value >= 0.99 * total).Min(b => b.Key);
    }

    /// <summary>The figures of the moment; NaN for what /metrics does not say.</summary>
    public static async Task<ServerMetrics> ReadAsync(HttpClient http)
    {
        try
        {
            var lines = (await http.GetStringAsync("/metrics")).Split('\n');
            return new ServerMetrics(Sum(lines, Allocated), Sum(lines, Operations), Buckets(lines, Gap));
        }
        catch (HttpRequestException)
        {
            return new ServerMetrics(double.NaN, double.NaN, new Dictionary<double, double>());
        }
    }

    /// <summary>A metric summed over its label sets (Npgsql's are by connection pool).</summary>
    private static double Sum(string[] lines, string name)
    {
        var values = Named(lines, name).Select(Value).ToList();
        return values.Count == 0 ? double.NaN : values.Sum();
    }

    /// <summary>A histogram's cumulative counts by bucket bound (<c>le</c>), summed over its other labels.</summary>
    private static Dictionary<double, double> Buckets(string[] lines, string name) =>
        Named(lines, name)
            .Select(l => (Bound: Bound(l), Count: Value(l)))
            .GroupBy(b => b.Bound)
            .ToDictionary(g => g.Key, g => g.Sum(b => b.Count));

    private static IEnumerable<string> Named(string[] lines, string name) =>
        lines.Where(l => l.StartsWith(name, StringComparison.Ordinal) && l.Length > name.Length && l[name.Length] is ' ' or '{');

    private static double Value(string line) => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);

    private static double Bound(string line)
    {
        var le = line[(line.IndexOf("le=\"", StringComparison.Ordinal) + 4)..];
        le = le[..le.IndexOf('"')];
        return le == "+Inf" ? double.PositiveInfinity : double.Parse(le, CultureInfo.InvariantCulture);
    }
}
