using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Committee.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;

// The voting benchmark, in one run on one machine:
//   1. PostgreSQL COPY of unvotes' votes.csv into a plain table (the baseline);
//   2. the full unvotes import into a fresh event store (the app's own `import unvotes` command, read models included);
//   3. live recorded votes of 193 ballots over HTTP against the app's server, from opening to a readable result.
// Figures go to stdout and into docs/performance.md, section "Voting".
var options = Options.Parse(args);
var culture = CultureInfo.InvariantCulture;
Console.Error.WriteLine($"[bench] database {options.Database}, schema {options.Schema}, data {options.Data}");

await using (var admin = new NpgsqlConnection(options.Connection))
{
    await admin.OpenAsync();
    await Sql(admin, $"drop schema if exists {options.Schema} cascade");
    await Sql(admin, $"create schema {options.Schema}");
}

// 1. The baseline: COPY of the same CSV into a plain table, as psql's \copy does.
var copy = await CopyBaseline(options);
Console.Error.WriteLine($"[bench] COPY: {copy.Rows:N0} rows in {copy.Elapsed.TotalSeconds:N2} s");

// 2. The import, by the app's command line into the fresh schema.
var import = await RunImport(options);
Console.Error.WriteLine($"[bench] import: {import.Ballots:N0} ballots in {import.Elapsed.TotalSeconds:N2} s");
var rerun = await RunImport(options);

// 3. Live votes over HTTP.
var live = await LiveVotes(options);

var loadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
var report = Report(copy, import, rerun, live, loadAverage);
Console.WriteLine(report);
Markdown.WriteSection(options.PerformanceDoc, "Voting", report);
Console.Error.WriteLine($"[bench] written to {options.PerformanceDoc}");
return 0;

string Report((long Rows, TimeSpan Elapsed) copyResult, ImportRun importRun, ImportRun rerunRun, LiveRun liveRun, string load)
{
    var copyRate = copyResult.Rows / copyResult.Elapsed.TotalSeconds;
    var importRate = importRun.Ballots / importRun.Elapsed.TotalSeconds;
    var ratio = importRate / copyRate;
    string Ms(double v) => v.ToString("N1", culture);
    return string.Join('\n',
    [
        $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `scripts/bench-votes` (bench/Committee.VotingBench), on this machine: 2 cores shared with other work, 1-minute load average {load} at the end of the run; PostgreSQL 15, schema `{options.Schema}` recreated empty.",
        "",
        "### Import of the unvotes history against PostgreSQL COPY, same run",
        "",
        "| | rows | seconds | rows/s |",
        "|---|---:|---:|---:|",
        $"| PostgreSQL COPY of votes.csv into a plain table (no index) | {copyResult.Rows:N0} | {copyResult.Elapsed.TotalSeconds:N2} | {copyRate:N0} |",
        $"| `import unvotes`: 6,203 roll calls as vote streams, documents and voting-record rows | {importRun.Ballots:N0} ballots | {importRun.Elapsed.TotalSeconds:N2} | {importRate:N0} |",
        $"| the same import run again (nothing to write) | {rerunRun.Imported:N0} roll calls imported, {rerunRun.Present:N0} already present | {rerunRun.Elapsed.TotalSeconds:N2} | — |",
        "",
        $"Import rate / COPY rate: **{ratio:P0}** (target: at least 25 %). The import's time runs from reading the three CSV files to the last commit of events, documents and read-model rows (the process start and schema creation are not counted, as the COPY's table creation is not); the whole process took {importRun.Wall.TotalSeconds:N1} s. Malformed rows reported: {importRun.Malformed}.",
        "",
        $"### A live recorded vote of 193 ballots over HTTP ({liveRun.Rounds} rounds, Kestrel on 127.0.0.1, one client, {LiveVoteSettings.Concurrency} ballots in flight)",
        "",
        "| | median | worst |",
        "|---|---:|---:|",
        $"| open → 193 ballots → close → result read (ms) | {Ms(Median(liveRun.Total))} | {Ms(liveRun.Total.Max())} |",
        $"| one ballot (PUT, ms) | {Ms(Median(liveRun.Ballot))} | {Ms(liveRun.Ballot.Max())} (p95 {Ms(Percentile(liveRun.Ballot, 0.95))}) |",
        $"| close (POST, ms) | {Ms(Median(liveRun.Close))} | {Ms(liveRun.Close.Max())} |",
        $"| result readable after close answered: first GET with the outcome (ms) | {Ms(Median(liveRun.Readable))} | {Ms(liveRun.Readable.Max())} |",
        $"| close sent → result read (ms; target ≤ 50) | {Ms(Median(liveRun.CloseToResult))} | {Ms(liveRun.CloseToResult.Max())} |",
        $"| voting record of a delegation showing the vote, after close (read-model feed, ms) | {Ms(Median(liveRun.RecordLag))} | {Ms(liveRun.RecordLag.Max())} |",
    ]);
}

static double Median(IReadOnlyList<double> values) => Percentile(values, 0.5);

static double Percentile(IReadOnlyList<double> values, double p)
{
    var sorted = values.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

static async Task Sql(NpgsqlConnection connection, string sql)
{
    await using var command = new NpgsqlCommand(sql, connection);
    await command.ExecuteNonQueryAsync();
}

static async Task<(long Rows, TimeSpan Elapsed)> CopyBaseline(Options options)
{
    await using var connection = new NpgsqlConnection(options.Connection);
    await connection.OpenAsync();
    await Sql(connection, $"create table {options.Schema}.votes_copy (rcid int, country text, country_code text, vote text)");
    var clock = Stopwatch.StartNew();
    long rows;
    await using (var writer = await connection.BeginTextImportAsync($"copy {options.Schema}.votes_copy from stdin (format csv, header true)"))
    {
        using var reader = new StreamReader(Path.Combine(options.Data, "votes.csv"), Encoding.UTF8);
        var buffer = new char[1 << 16];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0) await writer.WriteAsync(buffer.AsMemory(0, read));
    }
    clock.Stop();
    await using var count = new NpgsqlCommand($"select count(*) from {options.Schema}.votes_copy", connection);
    rows = (long)(await count.ExecuteScalarAsync())!;
    return (rows, clock.Elapsed);
}

static async Task<ImportRun> RunImport(Options options)
{
    var wall = Stopwatch.StartNew();
    var (code, output) = await App.Run(options, ["import", "unvotes", options.Data]);
    wall.Stop();
    if (code != 0) throw new InvalidOperationException($"import failed ({code}):\n{output}");
    long Number(string pattern) => long.Parse(Regex.Match(output, pattern).Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);
    var seconds = double.Parse(Regex.Match(output, @"elapsed: ([\d.,]+) s").Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture);
    return new ImportRun(Number(@"ballots imported: ([\d,]+)"), (int)Number(@"imported: ([\d,]+); already"), (int)Number(@"already present \(unchanged\): ([\d,]+)"),
        (int)Number(@"malformed rows reported and skipped: ([\d,]+)"), TimeSpan.FromSeconds(seconds), wall.Elapsed);
}

static async Task<LiveRun> LiveVotes(Options options)
{
    var port = 5390 + Random.Shared.Next(1, 9);
    var url = $"http://127.0.0.1:{port}";
    using var server = App.Start(options, url);
    using var http = new HttpClient { BaseAddress = new Uri(url) };
    var tokens = new Tokens(new ConfigurationBuilder().AddInMemoryCollection([new("Committee:Auth:SigningKey", options.SigningKey)]).Build());
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Issue(Roles.Secretariat));
    for (var i = 0; ; i++)
    {
        try { if ((await http.GetAsync("/health")).IsSuccessStatusCode) break; } catch (HttpRequestException) { }
        if (i > 600) throw new TimeoutException("the server did not start");
        await Task.Delay(100);
    }
    var states = (await http.GetFromJsonAsync<JsonArray>("/api/delegations?date=2023-11-10"))!.Select(s => (string)s!["iso3"]!).ToList();
    if (states.Count != 193) throw new InvalidOperationException($"{states.Count} Member States in 2023, expected 193");

    var session = 900 + Random.Shared.Next(0, 90);
    await Send(http, HttpMethod.Post, $"/api/sessions/{session}/meetings", new { date = "2023-11-10" });
    var run = new LiveRun(LiveVoteSettings.Rounds);
    // One warm-up round (code paths compiled, connections pooled), then the measured rounds.
    for (var round = 0; round <= LiveVoteSettings.Rounds; round++)
    {
        var draft = await Send(http, HttpMethod.Post, "/api/drafts", new
        {
            symbol = $"A/C.3/{session}/L.{round + 1}", title = "Benchmark draft", session, agendaItem = "71", agendaItemTitle = "Human rights",
            date = "2023-11-01", sponsors = new[] { "Belarus" }, preamble = new[] { "Recalling," }, operative = new[] { "Decides," },
        });
        var id = (string)draft["id"]!;
        await Send(http, HttpMethod.Post, $"/api/drafts/{id}/introduction", new { expectedVersion = 1, delegation = "Belarus" }, key: true);

        var total = Stopwatch.StartNew();
        var vote = (string)(await Send(http, HttpMethod.Post, $"/api/drafts/{id}/votes", new { question = "proposal", kind = "recorded" }))["voteId"]!;
        var choices = new[] { "yes", "yes", "yes", "no", "abstain" };
        var ballots = new List<double>();
        await Parallel.ForEachAsync(states.Select((iso3, i) => (iso3, i)), new ParallelOptions { MaxDegreeOfParallelism = LiveVoteSettings.Concurrency },
            async (s, _) =>
            {
                var one = Stopwatch.StartNew();
                await Send(http, HttpMethod.Put, $"/api/votes/{vote}/ballots/{s.iso3}", new { vote = choices[s.i % choices.Length] });
                lock (ballots) ballots.Add(one.Elapsed.TotalMilliseconds);
            });
        var closing = Stopwatch.StartNew();
        await Send(http, HttpMethod.Post, $"/api/votes/{vote}/close", new { });
        var closed = closing.Elapsed.TotalMilliseconds;
        var reading = Stopwatch.StartNew();
        JsonNode result;
        do result = (await http.GetFromJsonAsync<JsonNode>($"/api/votes/{vote}"))!;
        while (result["outcome"] is null && Waiting(reading));
        var readable = reading.Elapsed.TotalMilliseconds;
        var closeToResult = closing.Elapsed.TotalMilliseconds;
        var whole = total.Elapsed.TotalMilliseconds;
        if ((int)result["yes"]! + (int)result["no"]! + (int)result["abstain"]! != 193) throw new InvalidOperationException("ballots lost");
        while (((await http.GetFromJsonAsync<JsonNode>($"/api/delegations/{states[0]}/votes?session={session}&pageSize=100"))!["votes"]!.AsArray()
                .All(v => (string)v!["voteId"]! != vote)) && Waiting(closing))
            await Task.Delay(5);
        var lag = closing.Elapsed.TotalMilliseconds;
        if (round == 0) continue;
        run.Total.Add(whole);
        run.Ballot.AddRange(ballots);
        run.Close.Add(closed);
        run.Readable.Add(readable);
        run.CloseToResult.Add(closeToResult);
        run.RecordLag.Add(lag);
        Console.Error.WriteLine($"[bench] live vote {round}: {whole:N0} ms open→result, close→result {closeToResult:N1} ms");
    }
    return run;

    // Every wait is bounded: a result not readable within 30 s fails the run.
    static bool Waiting(Stopwatch since) =>
        since.Elapsed < TimeSpan.FromSeconds(30) ? true : throw new TimeoutException("no result 30 s after closing the vote");

    static async Task<JsonNode> Send(HttpClient http, HttpMethod method, string path, object body, bool key = false)
    {
        using var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (key) request.Headers.Add(StreamCommands.IdempotencyHeader, Guid.NewGuid().ToString());
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{method} {path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}

sealed record ImportRun(long Ballots, int Imported, int Present, int Malformed, TimeSpan Elapsed, TimeSpan Wall);

sealed class LiveRun(int rounds)
{
    public int Rounds { get; } = rounds;
    public List<double> Total { get; } = [];
    public List<double> Ballot { get; } = [];
    public List<double> Close { get; } = [];
    public List<double> Readable { get; } = [];
    public List<double> CloseToResult { get; } = [];
    public List<double> RecordLag { get; } = [];
}

static class LiveVoteSettings
{
    public const int Rounds = 5;
    public const int Concurrency = 8;
}
