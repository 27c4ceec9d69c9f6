using System.Diagnostics;

namespace Committee.Bench;

/// <summary>The clock of one run: warm-up from <see cref="Start"/>, measurement from <see cref="MeasureStart"/> to
/// <see cref="End"/> (Stopwatch timestamps). A request counts when it completes inside the measured window.</summary>
public sealed class Window
{
    public long Start { get; }
    public long MeasureStart { get; }
    public long End { get; }
    public TimeSpan Duration { get; }

    public Window(TimeSpan warmup, TimeSpan duration)
    {
        Start = Stopwatch.GetTimestamp();
        MeasureStart = Start + (long)(warmup.TotalSeconds * Stopwatch.Frequency);
        End = MeasureStart + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        Duration = duration;
    }

    public bool Running => Stopwatch.GetTimestamp() < End;

    public bool Measured(long completedAt) => completedAt >= MeasureStart && completedAt < End;

    /// <summary>Which second of the measured window a completion falls in.</summary>
    public int Second(long completedAt) => (int)((completedAt - MeasureStart) / Stopwatch.Frequency);

    public int Seconds => (int)Math.Ceiling(Duration.TotalSeconds);

    public async Task UntilMeasureStartAsync()
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), MeasureStart);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }

    public async Task UntilEndAsync()
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), End);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }
}

/// <summary>What one client saw in one run.</summary>
public sealed class ClientTally(Window window)
{
    public List<long> Latencies { get; } = new(capacity: 16_384);
    public long[] PerSecond { get; } = new long[window.Seconds];
    public long Errors { get; private set; }
    public long Completed { get; private set; }
    public long ResponseBytes { get; private set; }
    public long LastResponseBytes { get; private set; }
    public Dictionary<string, long> ErrorKinds { get; } = [];
    public List<string> ErrorSamples { get; } = [];

    /// <summary>Every request the server acted on, warm-up included (for per-action database figures).</summary>
    public long Succeeded { get; private set; }

    public void Success(long started, long completed, int responseBytes)
    {
        Succeeded++;
        LastResponseBytes = responseBytes;
        if (!window.Measured(completed)) return;
        Latencies.Add(completed - started);
        PerSecond[Math.Min(window.Second(completed), PerSecond.Length - 1)]++;
        Completed++;
        ResponseBytes += responseBytes;
    }

    public void Failure(long started, long completed, string kind, string? sample)
    {
        if (sample is not null && ErrorSamples.Count < 3) ErrorSamples.Add(sample);
        if (!window.Measured(completed)) return;
        Latencies.Add(completed - started);
        Errors++;
        Completed++;
        ErrorKinds[kind] = ErrorKinds.GetValueOrDefault(kind) + 1;
    }
}

/// <summary>The statistics of one run, merged over its clients.</summary>
public sealed record RunResult(
    string Path, int Clients, TimeSpan Duration, long Completed, long Errors, long Succeeded,
    double P50, double P90, double P99, double Max, double Mean,
    IReadOnlyDictionary<string, long> ErrorKinds, IReadOnlyList<string> ErrorSamples,
    long[] PerSecond, double MeanResponseBytes, long LastResponseBytes)
{
    public double Throughput => (Completed - Errors) / Duration.TotalSeconds;

    public Diagnostics? Diagnostics { get; init; }

    public static RunResult From(string path, int clients, Window window, IReadOnlyList<ClientTally> tallies)
    {
        var latencies = tallies.SelectMany(t => t.Latencies).ToArray();
        Array.Sort(latencies);
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        double Percentile(double q) => latencies.Length == 0 ? double.NaN : Ms(Percentiles.Nearest(latencies, q));
        var kinds = new Dictionary<string, long>();
        foreach (var (kind, count) in tallies.SelectMany(t => t.ErrorKinds)) kinds[kind] = kinds.GetValueOrDefault(kind) + count;
        var perSecond = new long[window.Seconds];
        foreach (var t in tallies)
            for (var i = 0; i < perSecond.Length; i++) perSecond[i] += t.PerSecond[i];
        var completed = tallies.Sum(t => t.Completed);
        var errors = tallies.Sum(t => t.Errors);
        var ok = completed - errors;
        return new RunResult(path, clients, window.Duration, completed, errors, tallies.Sum(t => t.Succeeded),
            Percentile(0.50), Percentile(0.90), Percentile(0.99), latencies.Length == 0 ? double.NaN : Ms(latencies[^1]),
            latencies.Length == 0 ? double.NaN : latencies.Average(Ms), kinds, tallies.SelectMany(t => t.ErrorSamples).Take(3).ToArray(),
            perSecond, ok == 0 ? 0 : tallies.Sum(t => t.ResponseBytes) / (double)ok,
            tallies.Count == 0 ? 0 : tallies.Max(t => t.LastResponseBytes));
    }
}

public static class Percentiles
{
    /// <summary>The nearest-rank percentile of values sorted in ascending order (q from 0 to 1).</summary>
    public static T Nearest<T>(IReadOnlyList<T> sorted, double q) => sorted[Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1)];
}
