using System.Diagnostics;

namespace Committee.LiveBench;

/// <summary>CPU time of the machine (/proc/stat), of this process and of the server (/proc/PID/stat), to see who
/// used the 2 cores during a scenario. Linux only; elsewhere the figures are missing.</summary>
public sealed record CpuSample(
    long Timestamp, double MachineBusySeconds, double MachineTotalSeconds, double BenchSeconds, double? ServerSeconds,
    IReadOnlyDictionary<int, double>? Database)
{
    private const double TicksPerSecond = 100; // USER_HZ: 100 on Linux

    /// <summary>The database whose PostgreSQL backends to count (process title "postgres: USER DATABASE HOST …").</summary>
    public static string? DatabaseName { get; set; }

    public static CpuSample Take(int? serverPid)
    {
        double busy = double.NaN, total = double.NaN;
        try
        {
            // cpu  user nice system idle iowait irq softirq steal guest guest_nice
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
                .Take(8).Select(long.Parse).ToArray();
            var idle = fields[3] + fields[4];
            var all = fields.Sum();
            busy = (all - idle) / TicksPerSecond;
            total = all / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException) { }
        var server = serverPid is { } pid ? ProcessSeconds(pid) : null;
        return new CpuSample(Stopwatch.GetTimestamp(), busy, total, Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds, server,
            DatabaseName is { } name ? Backends(name) : null);
    }

    private static double? ProcessSeconds(int pid)
    {
        try
        {
            // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var rest = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(rest[11]) + long.Parse(rest[12])) / TicksPerSecond;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>CPU seconds of each PostgreSQL backend connected to the database, by process id.</summary>
    private static Dictionary<int, double> Backends(string database)
    {
        var found = new Dictionary<int, double>();
        string[] dirs;
        try { dirs = Directory.GetDirectories("/proc"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return found; }
        foreach (var dir in dirs)
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var title = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (!title.StartsWith("postgres: ", StringComparison.Ordinal)) continue;
                var words = title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length < 3 || words[2] != database) continue;
                if (ProcessSeconds(pid) is { } seconds) found[pid] = seconds;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return found;
    }
}

/// <summary>Cores used on average between two samples (2.0 = both cores busy all the time).</summary>
public sealed record CpuUse(double Machine, double Bench, double? Server, double? Database, double Cores)
{
    /// <summary>Everything else: other processes on the machine (and PostgreSQL, if its backends were not counted).</summary>
    public double? Rest => Server is { } s ? Math.Max(0, Machine - Bench - s - (Database ?? 0)) : null;

    public static CpuUse Between(CpuSample a, CpuSample b)
    {
        var seconds = Stopwatch.GetElapsedTime(a.Timestamp, b.Timestamp).TotalSeconds;
        var cores = Environment.ProcessorCount;
        // /proc/stat counts jiffies over all cores: busy share of the total, times the cores.
        var machine = (b.MachineTotalSeconds - a.MachineTotalSeconds) is > 0 and var t
            ? (b.MachineBusySeconds - a.MachineBusySeconds) / t * cores
            : double.NaN;
        double? database = a.Database is { } before && b.Database is { } after
            ? after.Sum(p => p.Value - before.GetValueOrDefault(p.Key)) / seconds
            : null;
        return new CpuUse(machine, (b.BenchSeconds - a.BenchSeconds) / seconds,
            b.ServerSeconds - a.ServerSeconds is { } s ? s / seconds : null, database, cores);
    }
}
