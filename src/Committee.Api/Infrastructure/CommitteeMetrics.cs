using System.Diagnostics.Metrics;

namespace Committee.Infrastructure;

/// <summary>
/// The application's own instruments, on the meter <see cref="MeterName"/> ("Committee"), exported at /metrics and
/// over OTLP (see <see cref="Telemetry"/>). A singleton: the core calls its methods where things happen.
/// </summary>
/// <remarks>
/// <para>There is no <c>committee.commands.duration</c>: ASP.NET Core's own <c>http.server.request.duration</c>
/// (Prometheus: <c>http_server_request_duration_seconds</c>) already measures every command, tagged by route pattern
/// (<c>http.route</c>, e.g. <c>/api/drafts/{id}/sponsors</c>), method and status code, from the first byte read to the
/// last written, authentication and problem details included. A second histogram timed inside the handler would
/// measure less and cost a second record per request. <see cref="Telemetry"/> gives it finer buckets (from 1 ms).</para>
/// <para>Read-model lag is observed, not pushed: whoever knows a read model's position registers a callback with
/// <see cref="ObserveReadModel"/> or <see cref="ObserveReadModels"/>. A callback runs on every collection (each scrape
/// of /metrics, each OTLP export), so it must answer from memory (a feed's position against the last sequence it has
/// seen), never query the database. Marten's own async daemon, if the core moves read models onto it, publishes the
/// same figure for each shard on the "Marten" meter (<c>marten.{projection}.all.gap</c>), exported as well.</para>
/// </remarks>
public sealed class CommitteeMetrics
{
    public const string MeterName = "Committee";

    private readonly Counter<long> _eventsAppended;
    private readonly Histogram<double> _livePushLatency;
    private readonly UpDownCounter<long> _liveWatchers;
    private readonly Counter<long> _readModelFailures;
    private readonly Lock _observersLock = new();
    private readonly ILogger<CommitteeMetrics> _logger;
    private Func<IEnumerable<Measurement<long>>>[] _readModelObservers = [];

    public CommitteeMetrics(IMeterFactory meterFactory, ILogger<CommitteeMetrics> logger)
    {
        _logger = logger;
        var meter = meterFactory.Create(MeterName);
        _eventsAppended = meter.CreateCounter<long>("committee.events.appended", "{event}",
            "Events appended to the event store, by stream kind (draft, session, vote ...)");
        _livePushLatency = meter.CreateHistogram("committee.live.push.latency", "ms",
            "From an event's timestamp in the store to its live push being sent to watchers",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] });
        _liveWatchers = meter.CreateUpDownCounter<long>("committee.live.watchers", "{connection}",
            "Live watchers (SignalR connections) connected now");
        _readModelFailures = meter.CreateCounter<long>("committee.readmodel.failures", "{failure}",
            "Failures while projecting a read model, by read model");
        meter.CreateObservableGauge("committee.readmodel.lag", ObserveLag, "{event}",
            "Events committed but not yet applied to a read model (high-water mark minus its position), by read model");
    }

    /// <summary>Events appended in one commit: <paramref name="kind"/> is the stream kind ("draft", "session", "vote" ...),
    /// a short fixed set (it becomes a label; never an id).</summary>
    public void EventsAppended(string kind, int count)
    {
        if (count > 0) _eventsAppended.Add(count, new KeyValuePair<string, object?>("stream_kind", kind));
    }

    /// <summary>A live push was sent; <paramref name="latency"/> runs from the event's timestamp to the send.</summary>
    public void LivePushed(TimeSpan latency) => _livePushLatency.Record(Math.Max(0, latency.TotalMilliseconds));

    public void WatcherConnected() => _liveWatchers.Add(1);

    public void WatcherDisconnected() => _liveWatchers.Add(-1);

    /// <summary>A read model failed to apply an event or a batch (counted once per failure, whatever happens next).</summary>
    public void ReadModelFailed(string readModel) =>
        _readModelFailures.Add(1, new KeyValuePair<string, object?>("read_model", readModel));

    /// <summary>Registers a source of <c>committee.readmodel.lag</c>: one measurement per read model, each tagged
    /// <c>read_model</c>. Called on every collection: answer from memory, quickly. Dispose the result to stop.</summary>
    public IDisposable ObserveReadModels(Func<IEnumerable<Measurement<long>>> lag)
    {
        lock (_observersLock) _readModelObservers = [.. _readModelObservers, lag];
        return new Unregister(() =>
        {
            lock (_observersLock) _readModelObservers = _readModelObservers.Where(o => o != lag).ToArray();
        });
    }

    /// <summary>One read model's lag: <paramref name="eventsBehind"/> is its distance from the high-water mark.</summary>
    public IDisposable ObserveReadModel(string readModel, Func<long> eventsBehind) =>
        ObserveReadModels(() => [new Measurement<long>(Math.Max(0, eventsBehind()), new KeyValuePair<string, object?>("read_model", readModel))]);

    private IEnumerable<Measurement<long>> ObserveLag()
    {
        var measurements = new List<Measurement<long>>();
        foreach (var observer in _readModelObservers)
        {
            // One broken observer must not hide the others (nor break the whole scrape).
            try { measurements.AddRange(observer()); }
            catch (Exception e) { _logger.LogWarning(e, "A committee.readmodel.lag observer failed; its read models are left out of this reading"); }
        }
        return measurements;
    }

    private sealed class Unregister(Action action) : IDisposable
    {
        private Action? _action = action;

        public void Dispose() => Interlocked.Exchange(ref _action, null)?.Invoke();
    }
}
