using System.Diagnostics.Metrics;

namespace Committee.Infrastructure;

/// <summary>
/// The application's own instruments, on the meter <see cref="MeterName"/> ("Committee"), exported at /metrics and
/// over OTLP (see <see cref="Telemetry"/>). A singleton: the core calls its methods where things happen.
/// </summary>
/// <remarks>
/// <para>There is no <c>committee.commands.duration</c>: ASP.NET Core's own <c>http.server.request.duration</c>
/// (Prometheus: <c>http_server_request_duration_seconds</c>) already measures every command, tagged by route pattern
/// (<c>http.route</c>, e.g. <c>/api/drafts/{id}/sponsors</c>), method and status code. <see cref="Telemetry"/> gives
/// it finer buckets (from 1 ms).</para>
/// <para>Nor is there a read-model lag of our own: Marten's async daemon publishes each read model's distance behind
/// the high-water mark (<c>marten.{projection}.all.gap</c>) and the events it skipped after a failure
/// (<c>marten.{projection}.all.skipped</c>) on the "Marten" meter, exported as well.</para>
/// </remarks>
public sealed class CommitteeMetrics
{
    public const string MeterName = "Committee";

    private readonly Counter<long> _eventsAppended;
    private readonly Histogram<double> _livePushLatency;
    private readonly UpDownCounter<long> _liveWatchers;

    public CommitteeMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(MeterName);
        _eventsAppended = meter.CreateCounter<long>("committee.events.appended", "{event}",
            "Events appended to the event store by commands, by stream kind (draft, session, vote)");
        _livePushLatency = meter.CreateHistogram("committee.live.push.latency", "ms",
            "From an event's timestamp in the store to its live push being sent to watchers",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] });
        _liveWatchers = meter.CreateUpDownCounter<long>("committee.live.watchers", "{connection}",
            "Live watchers (SignalR connections) connected now");
    }

    /// <summary>Events appended in one commit: <paramref name="kind"/> is the stream kind ("draft", "session", "vote"),
    /// a fixed word, never an id (it becomes a label).</summary>
    public void EventsAppended(string kind, int count)
    {
        if (count > 0) _eventsAppended.Add(count, new KeyValuePair<string, object?>("stream_kind", kind));
    }

    public void LivePushed(TimeSpan latency) => _livePushLatency.Record(Math.Max(0, latency.TotalMilliseconds));

    public void WatcherConnected() => _liveWatchers.Add(1);

    public void WatcherDisconnected() => _liveWatchers.Add(-1);
}
