namespace Committee.LiveBench;

public enum PaceMode { Paced, Burst }

/// <summary>What to run. Every argument has a default except the token (--token or COMMITTEE_BENCH_TOKEN).</summary>
public sealed record LiveBenchOptions
{
    public Uri BaseUrl { get; init; } = new("http://127.0.0.1:5091");
    public string Token { get; init; } = "";
    public IReadOnlyList<int> Clients { get; init; } = [1000];
    public IReadOnlyList<PaceMode> Modes { get; init; } = [PaceMode.Paced, PaceMode.Burst];
    public int Actions { get; init; } = 200;
    public int WarmupActions { get; init; } = 10;
    public int ServerWarmupActions { get; init; } = 200;
    public int PaceMs { get; init; } = 50;
    public int ConnectConcurrency { get; init; } = 50;
    public int DrainTimeoutSeconds { get; init; } = 60;
    public int? FirstSession { get; init; }
    public bool AlsoWatchDraft { get; init; }
    public int WaitQuietSeconds { get; init; }
    public int? ServerPid { get; init; }
    public string? Database { get; init; }
    public string? Label { get; init; }
    public string? MarkdownOut { get; init; }

    public const string Usage = """
        Committee.LiveBench: latency of the live push (SignalR /hubs/floor) to N watchers of one session.

          --url URL                  the API (default http://127.0.0.1:5091); loopback expected
          --token JWT                a secretariat token (else the environment variable COMMITTEE_BENCH_TOKEN)
          --clients LIST             watcher counts, one scenario set each (default 1000), e.g. 100,1000
          --modes LIST               paced,burst (default both): paced = one action every --pace-ms, burst = no pause
          --actions N                measured actions per scenario (default 200)
          --warmup-actions N         actions before the measured ones, checked but not timed (default 10)
          --server-warmup N          once, before everything: N actions watched by one connection, not reported, so that
                                     the server's JIT tiering is over before the first scenario (default 200; 0 = none)
          --pace-ms N                interval between action starts in paced mode (default 50)
          --connect-concurrency N    connections opened at once (default 50)
          --drain-timeout S          how long to wait for the last events after the last action (default 60)
          --session N                first session number to use (default: random in 300..899); one fresh session per scenario
          --wait-quiet S             before each watcher count, wait up to S seconds for the machine to be nearly idle
                                     (under 0.3 cores busy: other builds and tests distort the figures)
          --also-watch-draft         each watcher also watches the draft (a connection in two groups; shows duplicates)
          --server-pid PID           the server's process id, for its CPU time
          --database NAME            the server's database: CPU time of its PostgreSQL backends (local cluster only)
          --label TEXT               what was measured (goes into the report)
          --markdown-out FILE        also write the Markdown report to FILE
        """;

    public static LiveBenchOptions Parse(string[] args)
    {
        var o = new LiveBenchOptions { Token = Environment.GetEnvironmentVariable("COMMITTEE_BENCH_TOKEN") ?? "" };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int(int min, int max)
            {
                var name = args[i];
                var text = Value();
                if (!int.TryParse(text, out var n) || n < min || n > max)
                    throw new ArgumentException($"{name}: expected a whole number from {min} to {max}, got '{text}'");
                return n;
            }
            o = args[i] switch
            {
                "--url" => o with { BaseUrl = new Uri(Value().TrimEnd('/') + "/") },
                "--token" => o with { Token = Value() },
                "--clients" => o with { Clients = ParseList<int>(Value(), "--clients", s => int.TryParse(s, out var n) && n is >= 1 and <= 20000 ? n : null) },
                "--modes" => o with { Modes = ParseList<PaceMode>(Value(), "--modes", s => Enum.TryParse<PaceMode>(s, ignoreCase: true, out var m) ? m : (PaceMode?)null) },
                "--actions" => o with { Actions = Int(1, 100_000) },
                "--warmup-actions" => o with { WarmupActions = Int(0, 10_000) },
                "--server-warmup" => o with { ServerWarmupActions = Int(0, 100_000) },
                "--pace-ms" => o with { PaceMs = Int(1, 60_000) },
                "--connect-concurrency" => o with { ConnectConcurrency = Int(1, 1000) },
                "--drain-timeout" => o with { DrainTimeoutSeconds = Int(1, 600) },
                "--session" => o with { FirstSession = Int(1, 999) },
                "--also-watch-draft" => o with { AlsoWatchDraft = true },
                "--wait-quiet" => o with { WaitQuietSeconds = Int(0, 3600) },
                "--server-pid" => o with { ServerPid = Int(1, int.MaxValue) },
                "--database" => o with { Database = Value() },
                "--label" => o with { Label = Value() },
                "--markdown-out" => o with { MarkdownOut = Value() },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }
        if (o.Token.Length == 0) throw new ArgumentException("no token: pass --token or set COMMITTEE_BENCH_TOKEN");
        return o;
    }

    private static List<T> ParseList<T>(string text, string name, Func<string, T?> parse) where T : struct
    {
        var items = new List<T>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            items.Add(parse(part) ?? throw new ArgumentException($"{name}: '{part}' is not valid"));
        return items.Count > 0 ? items : throw new ArgumentException($"{name}: empty list");
    }
}
