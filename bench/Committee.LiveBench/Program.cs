using System.Diagnostics;
using Committee.LiveBench;

LiveBenchOptions options;
try
{
    if (args.Contains("--help") || args.Contains("-h"))
    {
        Console.WriteLine(LiveBenchOptions.Usage);
        return 0;
    }
    options = LiveBenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n\n{LiveBenchOptions.Usage}");
    return 2;
}

if (!options.BaseUrl.IsLoopback)
    Scenario.Log($"warning: {options.BaseUrl} is not a loopback address; the figures then include a network");

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

CpuSample.DatabaseName = options.Database;
var started = DateTimeOffset.Now;
var results = new List<ScenarioResult>();
var connections = new List<ConnectResult>();
var session = options.FirstSession ?? Random.Shared.Next(300, 900);
using var secretary = new Secretary(options.BaseUrl, options.Token);
try
{
    if (options.ServerWarmupActions > 0)
    {
        // A throw-away scenario: the server (and this process) run their hot paths long enough for tiered JIT to
        // finish, so the first measured scenario is not the one that pays for it.
        var (warm, _) = await ConnectAsync(1, options, stop.Token);
        if (session > 999) session = 1;
        Scenario.Log($"server warm-up: {options.ServerWarmupActions} actions in session {session}, not reported");
        await Scenario.RunAsync(warm, secretary, options with { WarmupActions = 0, Actions = options.ServerWarmupActions },
            PaceMode.Burst, session++, stop.Token);
        foreach (var w in warm) await w.DisposeAsync();
    }
    foreach (var count in options.Clients)
    {
        if (options.WaitQuietSeconds > 0) await WaitQuietAsync(options, stop.Token);
        var (watchers, connect) = await ConnectAsync(count, options, stop.Token);
        connections.Add(connect);
        try
        {
            if (watchers.Count == 0) throw new InvalidOperationException("no watcher could connect");
            foreach (var mode in options.Modes)
            {
                if (session > 999) session = 1;
                Scenario.Log($"{watchers.Count} watchers, {mode}{(mode == PaceMode.Paced ? $" ({options.PaceMs} ms)" : "")}: " +
                             $"{options.WarmupActions} warm-up + {options.Actions} actions in session {session}");
                var result = await Scenario.RunAsync(watchers, secretary, options, mode, session++, stop.Token);
                results.Add(result);
                Scenario.Log("  " + Report.OneLine(result));
            }
        }
        finally
        {
            var closing = Stopwatch.StartNew();
            await Parallel.ForEachAsync(watchers, new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency },
                async (w, _) => await w.DisposeAsync());
            Scenario.Log($"closed {watchers.Count} connections in {closing.Elapsed.TotalSeconds:0.0} s");
        }
    }
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Scenario.Log("interrupted");
    return 130;
}

var markdown = Report.Markdown(options, started, results, connections);
Console.WriteLine(markdown);
if (options.MarkdownOut is { } path)
{
    Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
    await File.WriteAllTextAsync(path, markdown);
}
return 0;

static async Task WaitQuietAsync(LiveBenchOptions options, CancellationToken cancellation)
{
    const double quiet = 0.3;
    var waited = Stopwatch.StartNew();
    while (true)
    {
        var use = await Scenario.BackgroundAsync(options.ServerPid, TimeSpan.FromSeconds(2), cancellation);
        if (use.Machine < quiet)
        {
            Scenario.Log($"machine quiet ({use.Machine:0.00} cores busy) after {waited.Elapsed.TotalSeconds:0} s");
            return;
        }
        if (waited.Elapsed.TotalSeconds >= options.WaitQuietSeconds)
        {
            Scenario.Log($"warning: the machine is still busy ({use.Machine:0.00} of {use.Cores} cores) after {waited.Elapsed.TotalSeconds:0} s: measuring anyway");
            return;
        }
        await Task.Delay(TimeSpan.FromSeconds(3), cancellation);
    }
}

static async Task<(List<Watcher> Watchers, ConnectResult Result)> ConnectAsync(int count, LiveBenchOptions options, CancellationToken cancellation)
{
    Scenario.Log($"opening {count} WebSocket connections to {options.BaseUrl}hubs/floor ({options.ConnectConcurrency} at a time)");
    var watchers = new Watcher[count];
    var failures = 0;
    var retried = 0;
    var errors = new Dictionary<string, int>();
    var clock = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, count),
        new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellation },
        async (i, ct) =>
        {
            for (var attempt = 1; attempt <= 3; attempt++)
            {
                var watcher = new Watcher(i, options.BaseUrl);
                try
                {
                    await watcher.ConnectAsync(ct);
                    watchers[i] = watcher;
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
                {
                    await watcher.DisposeAsync();
                    lock (errors)
                    {
                        var key = $"{e.GetType().Name}: {e.Message}";
                        errors[key] = errors.GetValueOrDefault(key) + 1;
                        if (attempt < 3) retried++;
                        else failures++;
                    }
                    await Task.Delay(100 * attempt, ct);
                }
            }
        });
    var connected = watchers.Where(w => w is not null).ToList();
    var result = new ConnectResult(count, connected.Count, failures, retried, clock.Elapsed.TotalSeconds,
        errors.OrderByDescending(e => e.Value).Select(e => $"{e.Value} × {e.Key}").Take(3).ToList());
    Scenario.Log($"connected {connected.Count}/{count} in {result.Seconds:0.0} s ({retried} retries, {failures} failures)");
    foreach (var error in result.Errors) Scenario.Log($"  connect error: {error}");
    return (connected, result);
}

public sealed record ConnectResult(int Requested, int Connected, int Failures, int Retries, double Seconds, IReadOnlyList<string> Errors);
