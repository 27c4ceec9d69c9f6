using System.Globalization;

namespace Committee.Bench;

/// <summary>The command line of the bench. Every option also reads an environment variable, so that scripts/bench
/// need not put the token on a command line that <c>ps</c> shows.</summary>
public sealed record BenchOptions(
    Uri BaseUrl, string Connection, string Token, TimeSpan Duration, TimeSpan Warmup, IReadOnlyList<int> Clients,
    int? ServerPid, string AppSchema, string? Label, string? MarkdownOut, int Session, TimeSpan ServerWarmup, BenchAction Action = BenchAction.Sponsors)
{
    public const string Usage = """
        usage: Committee.Bench [--url URL] [--connection CS] [--token TOKEN] [--duration S] [--warmup S]
                               [--clients 1,16] [--server-pid PID] [--app-schema committee] [--label TEXT]
                               [--markdown-out FILE] [--session N] [--server-warmup S] [--action sponsors|budget|read|redirect]

          --url           base URL of a running Committee.Api             (COMMITTEE_BENCH_URL, default http://127.0.0.1:5090)
          --connection    Npgsql connection string of the server's database (COMMITTEE_BENCH_CONNECTION, required)
          --token         secretariat bearer token                        (COMMITTEE_BENCH_TOKEN, required)
          --duration      measured seconds per run                        (COMMITTEE_BENCH_DURATION, default 10)
          --warmup        unmeasured seconds before each run              (COMMITTEE_BENCH_WARMUP, default 2)
          --clients       client counts, comma-separated                  (COMMITTEE_BENCH_CLIENTS, default 1,16)
          --server-pid    the server's process id, for its CPU time       (COMMITTEE_BENCH_SERVER_PID, optional)
          --app-schema    the server's Marten schema, for the feed lag    (default committee)
          --label         a line printed under the title (what was measured)
          --markdown-out  also write the report to this file
          --session       session number of the drafts                    (default: random in 500-999)
          --server-warmup seconds of unmeasured load before the first run, on another session (default 10)
          --action        sponsors: Chile joins and withdraws, so the draft grows by one entry per joining (default);
                          budget: programme budget implications stated, yes and no in turn (the draft keeps its size);
                          read: GET /api/drafts/{id} (one read of PostgreSQL, no write): a ceiling, not a floor action;
                          redirect: GET / (answered by the server alone, no database): the ceiling of HTTP here

        The database named by --connection gets a schema "bench" with the table bench_baseline (dropped and
        recreated). Use a database made for the bench (scripts/bench creates committee_bench afresh).
        """;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "-h" or "--help") throw new UsageException(null);
            if (!name.StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
                throw new UsageException($"unexpected argument '{name}'");
            values[name[2..]] = args[++i];
        }

        string? Get(string name, string env) =>
            values.Remove(name, out var value) ? value : Environment.GetEnvironmentVariable(env) is { Length: > 0 } e ? e : null;

        var url = Get("url", "COMMITTEE_BENCH_URL") ?? "http://127.0.0.1:5090";
        var connection = Get("connection", "COMMITTEE_BENCH_CONNECTION") ?? throw new UsageException("--connection is required");
        var token = Get("token", "COMMITTEE_BENCH_TOKEN") ?? throw new UsageException("--token is required");
        var duration = Seconds(Get("duration", "COMMITTEE_BENCH_DURATION") ?? "10", "duration", minimum: 1);
        var warmup = Seconds(Get("warmup", "COMMITTEE_BENCH_WARMUP") ?? "2", "warmup", minimum: 0);
        var clients = (Get("clients", "COMMITTEE_BENCH_CLIENTS") ?? "1,16")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => int.TryParse(c, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 256 ? n
                : throw new UsageException($"--clients: '{c}' is not a client count from 1 to 256"))
            .ToArray();
        if (clients.Length == 0) throw new UsageException("--clients: give at least one client count");
        int? pid = Get("server-pid", "COMMITTEE_BENCH_SERVER_PID") is { } p
            ? int.TryParse(p, CultureInfo.InvariantCulture, out var n) ? n : throw new UsageException($"--server-pid: '{p}' is not a process id")
            : null;
        var schema = Get("app-schema", "COMMITTEE_BENCH_APP_SCHEMA") ?? "committee";
        var label = Get("label", "COMMITTEE_BENCH_LABEL");
        var markdown = Get("markdown-out", "COMMITTEE_BENCH_MARKDOWN_OUT");
        var session = Get("session", "COMMITTEE_BENCH_SESSION") is { } s
            ? int.TryParse(s, CultureInfo.InvariantCulture, out var sn) && sn is >= 1 and <= 999 ? sn : throw new UsageException("--session: 1 to 999")
            : Random.Shared.Next(500, 1000);
        var serverWarmup = Seconds(Get("server-warmup", "COMMITTEE_BENCH_SERVER_WARMUP") ?? "10", "server-warmup", minimum: 0);
        var action = (Get("action", "COMMITTEE_BENCH_ACTION") ?? "sponsors") switch
        {
            "sponsors" => BenchAction.Sponsors,
            "budget" => BenchAction.Budget,
            "read" => BenchAction.Read,
            "redirect" => BenchAction.Redirect,
            var other => throw new UsageException($"--action: '{other}' is not sponsors, budget, read or redirect"),
        };
        if (values.Count > 0) throw new UsageException($"unknown option --{values.Keys.First()}");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            throw new UsageException($"--url: '{url}' is not an http(s) URL");

        return new BenchOptions(baseUrl, connection, token, duration, warmup, clients, pid, schema, label, markdown, session, serverWarmup, action);
    }

    private static TimeSpan Seconds(string text, string name, double minimum) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s >= minimum && s <= 3600
            ? TimeSpan.FromSeconds(s)
            : throw new UsageException($"--{name}: '{text}' is not a number of seconds from {minimum} to 3600");
}

public sealed class UsageException(string? message) : Exception(message ?? "");

/// <summary>The floor action each client repeats on its own draft.</summary>
public enum BenchAction
{
    Sponsors,
    Budget,
    /// <summary>Not a command: how fast the server answers one read of PostgreSQL, for comparison.</summary>
    Read,
    /// <summary>Not a command: how fast the server answers without PostgreSQL, the ceiling of HTTP on this machine.</summary>
    Redirect,
}
