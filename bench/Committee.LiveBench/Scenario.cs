using System.Diagnostics;

namespace Committee.LiveBench;

/// <summary>What one scenario (a watcher count, a pace) observed.</summary>
public sealed record ScenarioResult(
    int Watchers, PaceMode Mode, int PaceMs, int Session, int Actions, int Warmup,
    double CommandsPerSecond, Distribution CommandRoundTrip,
    Distribution FromResponse, Distribution FromSend, long Pairs, long PushedBeforeResponse,
    Distribution FirstReceipt, Distribution FirstReceiptFromResponse, Distribution LastReceiptFromResponse, Distribution Spread,
    double DeliveredPerSecond, long Delivered, double FirstQuarterP50, double LastQuarterP50,
    double CommandFirstQuarterP50, double CommandLastQuarterP50,
    int Missing, int WatchersMissing, int Duplicates, int OutOfOrder, int Unexpected,
    int Disconnects, bool Drained, double DrainSeconds, CpuUse? Cpu, CpuUse Background);

/// <summary>p50/p90/p99/max of a set of milliseconds (nearest rank).</summary>
public sealed record Distribution(int Count, double P50, double P90, double P99, double Max, double Min)
{
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0) return new Distribution(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        Array.Sort(sorted);
        double Rank(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Distribution(sorted.Length, Rank(50), Rank(90), Rank(99), sorted[^1], sorted[0]);
    }
}

public static class Scenario
{
    private static double Ms(long from, long to) => (to - from) * 1000.0 / Stopwatch.Frequency;

    public static async Task<ScenarioResult> RunAsync(
        IReadOnlyList<Watcher> watchers, Secretary secretary, LiveBenchOptions options, PaceMode mode, int session,
        CancellationToken cancellation)
    {
        // What else the machine is doing (other builds, tests) while the server and the watchers are idle.
        var background = await BackgroundAsync(options.ServerPid, TimeSpan.FromSeconds(1), cancellation);
        var disconnectsBefore = watchers.Sum(w => w.Disconnects);
        var expectedPerWatcher = 1 + options.WarmupActions + options.Actions;
        var total = (long)watchers.Count * expectedPerWatcher;
        long received = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var submitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var w in watchers)
        {
            w.Reset(session);
            w.OnExpectedReceipt = () =>
            {
                var n = Interlocked.Increment(ref received);
                if (n == watchers.Count) submitted.TrySetResult();
                if (n == total) all.TrySetResult();
            };
        }
        await Parallel.ForEachAsync(watchers, new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellation },
            async (w, ct) => await w.WatchSessionAsync(session, ct));

        var (draftId, version) = await secretary.SubmitDraftAsync(session, cancellation);
        if (options.AlsoWatchDraft)
            await Parallel.ForEachAsync(watchers, new ParallelOptions { MaxDegreeOfParallelism = options.ConnectConcurrency, CancellationToken = cancellation },
                async (w, ct) => await w.WatchDraftAsync(draftId, ct));
        // Everyone has the submission before the first action: a common start.
        try { await submitted.Task.WaitAsync(TimeSpan.FromSeconds(60), cancellation); }
        catch (TimeoutException) { Log($"  not every watcher received the submission within 60 s ({Interlocked.Read(ref received)}/{watchers.Count}); going on"); }

        var recorded = new List<Recorded>(options.WarmupActions + options.Actions);
        CpuSample? cpuStart = null;
        long previousSend = 0;
        for (var i = 0; i < options.WarmupActions + options.Actions; i++)
        {
            var measured = i >= options.WarmupActions;
            if (measured && cpuStart is null) cpuStart = CpuSample.Take(options.ServerPid);
            if (mode == PaceMode.Paced && previousSend != 0)
            {
                var due = previousSend + options.PaceMs * Stopwatch.Frequency / 1000;
                var wait = Ms(Stopwatch.GetTimestamp(), due);
                if (wait > 0) await Task.Delay(TimeSpan.FromMilliseconds(wait), cancellation);
            }
            var action = await secretary.RecordAsync(i, draftId, version, measured, cancellation);
            previousSend = action.SentAt;
            version = action.Version;
            recorded.Add(action);
        }

        var lastAnswer = recorded[^1].AnsweredAt;
        var drained = true;
        try { await all.Task.WaitAsync(TimeSpan.FromSeconds(options.DrainTimeoutSeconds), cancellation); }
        catch (TimeoutException) { drained = false; }
        var drainSeconds = Ms(lastAnswer, Stopwatch.GetTimestamp()) / 1000;
        var cpuEnd = CpuSample.Take(options.ServerPid);
        var receipts = watchers.Select(w => w.Take()).ToList();
        foreach (var w in watchers) w.OnExpectedReceipt = null;
        var disconnects = watchers.Sum(w => w.Disconnects) - disconnectsBefore;

        return Analyse(watchers.Count, mode, options, session, draftId, recorded, receipts, disconnects, drained, drainSeconds,
            cpuStart is null ? null : CpuUse.Between(cpuStart, cpuEnd), background);
    }

    public static async Task<CpuUse> BackgroundAsync(int? serverPid, TimeSpan over, CancellationToken cancellation)
    {
        var before = CpuSample.Take(serverPid);
        await Task.Delay(over, cancellation);
        return CpuUse.Between(before, CpuSample.Take(serverPid));
    }

    private static ScenarioResult Analyse(
        int watcherCount, PaceMode mode, LiveBenchOptions options, int session, Guid draftId, List<Recorded> recorded,
        List<List<Receipt>> receipts, int disconnects, bool drained, double drainSeconds, CpuUse? cpu, CpuUse background)
    {
        var byVersion = recorded.ToDictionary(a => a.Version);
        var measured = recorded.Where(a => a.Measured).ToList();
        var lastVersion = recorded[^1].Version;
        var firstVersion = lastVersion - recorded.Count; // the submission

        var fromResponse = new List<double>(watcherCount * measured.Count);
        var fromSend = new List<double>(watcherCount * measured.Count);
        var byEvent = new Dictionary<long, List<double>>();
        var firstAt = new Dictionary<long, long>();
        var lastAt = new Dictionary<long, long>();
        int missing = 0, watchersMissing = 0, duplicates = 0, outOfOrder = 0, unexpected = 0;
        long pushedBeforeResponse = 0, delivered = 0, lastReceipt = 0;

        foreach (var list in receipts)
        {
            var seen = new HashSet<long>();
            long maxSequence = 0;
            foreach (var r in list)
            {
                if (r.StreamId != draftId || r.Session != session || r.Version < firstVersion || r.Version > lastVersion)
                {
                    unexpected++;
                    continue;
                }
                if (!seen.Add(r.Version))
                {
                    duplicates++;
                    continue;
                }
                if (r.Sequence <= maxSequence) outOfOrder++;
                maxSequence = Math.Max(maxSequence, r.Sequence);
                if (!byVersion.TryGetValue(r.Version, out var action) || !action.Measured) continue;
                delivered++;
                var latency = Ms(action.AnsweredAt, r.At);
                fromResponse.Add(latency);
                if (!byEvent.TryGetValue(r.Version, out var perEvent)) byEvent[r.Version] = perEvent = [];
                perEvent.Add(latency);
                fromSend.Add(Ms(action.SentAt, r.At));
                if (latency < 0) pushedBeforeResponse++;
                firstAt[r.Version] = firstAt.TryGetValue(r.Version, out var f) ? Math.Min(f, r.At) : r.At;
                lastAt[r.Version] = lastAt.TryGetValue(r.Version, out var l) ? Math.Max(l, r.At) : r.At;
                lastReceipt = Math.Max(lastReceipt, r.At);
            }
            var absent = (int)(lastVersion - firstVersion + 1) - seen.Count;
            missing += absent;
            if (absent > 0) watchersMissing++;
        }

        // Does the push keep up? The median latency of the first and of the last quarter of the measured events: a
        // backlog that grows shows as a last quarter far above the first.
        var quarter = Math.Max(1, measured.Count / 4);
        double QuarterP50(IEnumerable<Recorded> actions) =>
            Distribution.Of(actions.SelectMany(a => byEvent.GetValueOrDefault(a.Version) ?? [])).P50;
        var firstQuarter = QuarterP50(measured.Take(quarter));
        var lastQuarter = QuarterP50(measured.Skip(measured.Count - quarter));

        var firstSend = measured[0].SentAt;
        var commandSeconds = Ms(firstSend, measured[^1].AnsweredAt) / 1000;
        var deliverySeconds = lastReceipt > firstSend ? Ms(firstSend, lastReceipt) / 1000 : double.NaN;
        return new ScenarioResult(
            watcherCount, mode, options.PaceMs, session, measured.Count, recorded.Count - measured.Count,
            measured.Count / commandSeconds,
            Distribution.Of(measured.Select(a => Ms(a.SentAt, a.AnsweredAt))),
            Distribution.Of(fromResponse), Distribution.Of(fromSend), fromResponse.Count, pushedBeforeResponse,
            Distribution.Of(measured.Where(a => firstAt.ContainsKey(a.Version)).Select(a => Ms(a.SentAt, firstAt[a.Version]))),
            Distribution.Of(measured.Where(a => firstAt.ContainsKey(a.Version)).Select(a => Ms(a.AnsweredAt, firstAt[a.Version]))),
            Distribution.Of(measured.Where(a => lastAt.ContainsKey(a.Version)).Select(a => Ms(a.AnsweredAt, lastAt[a.Version]))),
            Distribution.Of(measured.Where(a => firstAt.ContainsKey(a.Version)).Select(a => Ms(firstAt[a.Version], lastAt[a.Version]))),
            delivered / deliverySeconds, delivered, firstQuarter, lastQuarter,
            Distribution.Of(measured.Take(quarter).Select(a => Ms(a.SentAt, a.AnsweredAt))).P50,
            Distribution.Of(measured.Skip(measured.Count - quarter).Select(a => Ms(a.SentAt, a.AnsweredAt))).P50,
            missing, watchersMissing, duplicates, outOfOrder, unexpected, disconnects, drained, drainSeconds, cpu, background);
    }

    public static void Log(string message) => Console.Error.WriteLine($"[live-bench] {message}");
}
