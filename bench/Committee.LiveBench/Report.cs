using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Committee.LiveBench;

public static class Report
{
    private static string F(double v, string format = "0.0") =>
        double.IsNaN(v) ? "–" : v.ToString(format, CultureInfo.InvariantCulture);

    private static string Pace(ScenarioResult r) => r.Mode == PaceMode.Paced ? $"1 per {r.PaceMs} ms" : "burst";

    public static string OneLine(ScenarioResult r) =>
        $"from response p50 {F(r.FromResponse.P50)} p90 {F(r.FromResponse.P90)} p99 {F(r.FromResponse.P99)} max {F(r.FromResponse.Max)} ms; " +
        $"from send p50 {F(r.FromSend.P50)} p99 {F(r.FromSend.P99)} ms; {F(r.CommandsPerSecond)} commands/s " +
        $"(round trip p50 {F(r.CommandRoundTrip.P50)}, first → last quarter {F(r.CommandFirstQuarterP50)} → {F(r.CommandLastQuarterP50)} ms); " +
        $"{F(r.DeliveredPerSecond, "0")} msg/s; first watcher from response p50 {F(r.FirstReceiptFromResponse.P50)} " +
        $"p99 {F(r.FirstReceiptFromResponse.P99)} ms; spread p50 {F(r.Spread.P50)} p99 {F(r.Spread.P99)} ms; " +
        $"p50 first quarter {F(r.FirstQuarterP50)} → last quarter {F(r.LastQuarterP50)} ms; " +
        $"missing {r.Missing}, duplicates {r.Duplicates}, out of order {r.OutOfOrder}, unexpected {r.Unexpected}, disconnects {r.Disconnects}" +
        (r.Drained ? "" : $"; NOT DRAINED after {F(r.DrainSeconds)} s") +
        (r.Cpu is { } c ? $"; cores used: machine {F(c.Machine, "0.00")}, server {F(c.Server ?? double.NaN, "0.00")}, watchers {F(c.Bench, "0.00")}" : "") +
        (r.Cpu?.Database is { } db ? $", PostgreSQL {F(db, "0.00")}, rest {F(r.Cpu.Rest ?? double.NaN, "0.00")}" : "") +
        $"; background before: {F(r.Background.Machine, "0.00")} cores (server idle {F(r.Background.Server ?? double.NaN, "0.00")})";

    public static string Markdown(LiveBenchOptions o, DateTimeOffset started, IReadOnlyList<ScenarioResult> results, IReadOnlyList<ConnectResult> connections)
    {
        var s = new StringBuilder();
        s.AppendLine("### Live push: watchers of one session (bench/Committee.LiveBench)");
        s.AppendLine();
        s.AppendLine($"- Run: {started:yyyy-MM-dd HH:mm zzz}{(o.Label is { } label ? $"; {label}" : "")}.");
        s.AppendLine($"- Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}; " +
                     "the server, PostgreSQL and every watcher share these cores.");
        s.AppendLine($"- Each scenario: a fresh session; every watcher is a SignalR connection (WebSockets, skip negotiation) that called " +
                     $"WatchSession; the secretary tables a draft, then records {o.WarmupActions} warm-up + {o.Actions} measured actions " +
                     "(Chile joins the sponsors, then withdraws, alternately), one HTTP request at a time. " +
                     $"Paced: one action every {o.PaceMs} ms (or as soon as the previous one answered, if slower); burst: no pause." +
                     (o.AlsoWatchDraft ? " Each watcher also watches the draft (two groups)." : ""));
        s.AppendLine("- Latency = the watcher's receipt (its handler runs) − the moment the command's response arrived (headers read), " +
                     "one Stopwatch for all; negative when the push beats the response. Also given from the moment the command was sent.");
        s.AppendLine();

        s.AppendLine("Latency from the command's response to receipt, over every (watcher, event) pair, ms:");
        s.AppendLine();
        s.AppendLine("| watchers | pace | commands/s | pairs | p50 | p90 | p99 | max | push before response | p99 < 100 ms |");
        s.AppendLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
            s.AppendLine($"| {r.Watchers} | {Pace(r)} | {F(r.CommandsPerSecond)} | {r.Pairs:N0} | {F(r.FromResponse.P50)} | {F(r.FromResponse.P90)} | " +
                         $"{F(r.FromResponse.P99)} | {F(r.FromResponse.Max)} | {Percent(r.PushedBeforeResponse, r.Pairs)} | {(r.FromResponse.P99 < 100 ? "yes" : "**no**")} |");
        s.AppendLine();

        s.AppendLine("Latency from the command's send to receipt, ms, and the command's own round trip:");
        s.AppendLine();
        s.AppendLine("| watchers | pace | p50 | p90 | p99 | max | command round trip p50 / p99 / max | round trip p50, first → last quarter |");
        s.AppendLine("|---:|---|---:|---:|---:|---:|---|---|");
        foreach (var r in results)
            s.AppendLine($"| {r.Watchers} | {Pace(r)} | {F(r.FromSend.P50)} | {F(r.FromSend.P90)} | {F(r.FromSend.P99)} | {F(r.FromSend.Max)} | " +
                         $"{F(r.CommandRoundTrip.P50)} / {F(r.CommandRoundTrip.P99)} / {F(r.CommandRoundTrip.Max)} | " +
                         $"{F(r.CommandFirstQuarterP50)} → {F(r.CommandLastQuarterP50)} |");
        s.AppendLine();

        s.AppendLine("Where the time goes, per event (ms): the first watcher to receive it (≈ the server's path from commit to the first " +
                     "socket), the last one, and the spread between them (≈ fan-out to every connection and the watchers' own " +
                     "scheduling); the median latency in the first and the last quarter of the run (a growing backlog shows as a rise); " +
                     "messages delivered per second; CPU cores used during the measured phase (PostgreSQL = the backends " +
                     "of the bench's database; rest = anything else on the machine, such as other people's builds); cores busy in " +
                     "the second before the scenario, with server and watchers idle:");
        s.AppendLine();
        s.AppendLine("| watchers | pace | first receipt from response p50 / p99 | last receipt from response p50 / p99 | spread first→last p50 / p99 | p50, first → last quarter of the run | messages/s | cores: machine / server / watchers / PostgreSQL / rest | background before (server idle) |");
        s.AppendLine("|---:|---|---|---|---|---|---:|---|---|");
        foreach (var r in results)
            s.AppendLine($"| {r.Watchers} | {Pace(r)} | {F(r.FirstReceiptFromResponse.P50)} / {F(r.FirstReceiptFromResponse.P99)} | " +
                         $"{F(r.LastReceiptFromResponse.P50)} / {F(r.LastReceiptFromResponse.P99)} | {F(r.Spread.P50)} / {F(r.Spread.P99)} | " +
                         $"{F(r.FirstQuarterP50)} → {F(r.LastQuarterP50)} | {F(r.DeliveredPerSecond, "0")} | {Cores(r.Cpu)} | " +
                         $"{F(r.Background.Machine, "0.00")} ({F(r.Background.Server ?? double.NaN, "0.00")}) |");
        s.AppendLine();

        s.AppendLine("Integrity, per watcher (must all be 0): events missing, received twice, or received after an event with a higher " +
                     "sequence; events of other streams or sessions; connections lost during the scenario:");
        s.AppendLine();
        s.AppendLine("| watchers | pace | missing (watchers affected) | duplicates | out of order | unexpected | disconnects | all delivered |");
        s.AppendLine("|---:|---|---:|---:|---:|---:|---:|---|");
        foreach (var r in results)
            s.AppendLine($"| {r.Watchers} | {Pace(r)} | {r.Missing} ({r.WatchersMissing}) | {r.Duplicates} | {r.OutOfOrder} | {r.Unexpected} | " +
                         $"{r.Disconnects} | {(r.Drained ? $"yes, {F(r.DrainSeconds, "0.00")} s after the last response" : $"**no**, gave up after {F(r.DrainSeconds)} s")} |");
        s.AppendLine();

        s.AppendLine("Connections:");
        s.AppendLine();
        s.AppendLine("| watchers | connected | failures | retries | time to connect |");
        s.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (var c in connections)
            s.AppendLine($"| {c.Requested} | {c.Connected} | {c.Failures} | {c.Retries} | {F(c.Seconds)} s |");
        foreach (var e in connections.SelectMany(c => c.Errors).Distinct())
            s.AppendLine($"\nConnect error: `{e}`");
        return s.ToString();
    }

    private static string Percent(long part, long whole) => whole == 0 ? "–" : $"{100.0 * part / whole:0.0} %";

    private static string Cores(CpuUse? c) => c is null
        ? "–"
        : $"{F(c.Machine, "0.00")} / {F(c.Server ?? double.NaN, "0.00")} / {F(c.Bench, "0.00")} / {F(c.Database ?? double.NaN, "0.00")} / {F(c.Rest ?? double.NaN, "0.00")} (of {c.Cores})";

    private static string CpuModel()
    {
        try
        {
            return File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
                ?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException) { return "unknown CPU"; }
    }
}
