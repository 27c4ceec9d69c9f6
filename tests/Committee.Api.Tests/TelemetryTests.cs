using System.Globalization;
using Committee.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Committee.Api.Tests;

/// <summary>What /metrics shows after real requests, and the application's own instruments as exported.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class TelemetryTests(CommitteeApp app)
{
    [Fact]
    public async Task Metrics_show_requests_by_route_with_status_and_the_runtime_database_and_event_store()
    {
        var session = app.NewSession();
        await app.Host.Scenario(s => { s.Get.Url("/health"); s.StatusCodeShouldBe(200); });
        await app.Submit(session, 7);

        var metrics = await Scrape();

        var health = Series(metrics, "http_server_request_duration_seconds_count", "http_route=\"/health\"");
        Assert.Contains(health, l => l.Contains("http_response_status_code=\"200\"") && Value(l) >= 1);
        var drafts = Series(metrics, "http_server_request_duration_seconds_count", "http_request_method=\"POST\"", "http_route=\"/api/drafts\"");
        Assert.Contains(drafts, l => l.Contains("http_response_status_code=\"201\"") && Value(l) >= 1);
        // The finer buckets given to the request histogram: a 1 ms bucket, below the default's 5 ms.
        Assert.NotEmpty(Series(metrics, "http_server_request_duration_seconds_bucket", "http_route=\"/api/drafts\"", "le=\"0.001\""));

        // .NET runtime (System.Runtime meter), Npgsql, Marten's own counter of appended events (by event type) and
        // Wolverine's meter ("Wolverine:{service name}", matched by the wildcard).
        Assert.NotEmpty(Series(metrics, "dotnet_gc_collections_total"));
        Assert.NotEmpty(Series(metrics, "dotnet_process_memory_working_set_bytes"));
        Assert.NotEmpty(Series(metrics, "db_client_operation_duration_seconds_count"));
        Assert.Contains(Series(metrics, "marten_event_append_events_total", "event_type=\"draft_submitted\""), l => Value(l) >= 1);
        Assert.Contains(metrics.Split('\n'), l => l.StartsWith("wolverine_", StringComparison.Ordinal) && l.Contains("otel_scope_name=\"Wolverine:"));
    }

    [Fact]
    public async Task The_committee_instruments_are_exported_under_their_prometheus_names()
    {
        var metrics = app.Host.Services.GetRequiredService<CommitteeMetrics>();
        var kind = $"test-{Guid.NewGuid():N}"[..13];

        metrics.EventsAppended(kind, 3);
        metrics.EventsAppended(kind, 2);
        var after = await Scrape();
        Assert.Equal(5, Series(after, "committee_events_appended_total", $"stream_kind=\"{kind}\"").Sum(Value));
        // Commands count what they append; the daemon's read models publish their distance behind the store.
        await app.Submit(app.NewSession(), 1);
        await app.ReadModelsCaughtUp();
        var metricsNow = await Scrape();
        Assert.Contains(Series(metricsNow, "committee_events_appended_total", "stream_kind=\"draft\""), l => Value(l) >= 1);
        Assert.Contains(metricsNow.Split('\n'), l => l.StartsWith("marten_readmodels_all_gap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Live_watchers_and_push_latency_are_exported_under_their_prometheus_names()
    {
        var metrics = app.Host.Services.GetRequiredService<CommitteeMetrics>();
        // These series have no tag of the test's own: a watcher of an earlier test disconnecting late, or a late push,
        // would move them. A wrong export is wrong every time, so a few tries tell the two apart.
        var failures = new List<string>();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var before = await Scrape();
            metrics.WatcherConnected();
            metrics.WatcherConnected();
            metrics.WatcherDisconnected();
            metrics.LivePushed(TimeSpan.FromMilliseconds(7));
            var after = await Scrape();
            metrics.WatcherDisconnected();

            double Delta(string name, params string[] labels) => Series(after, name, labels).Sum(Value) - Series(before, name, labels).Sum(Value);
            var deltas = new
            {
                Watchers = Delta("committee_live_watchers"),
                Pushes = Delta("committee_live_push_latency_milliseconds_count"),
                // 7 ms falls in the bucket up to 10 ms, not in the one up to 5 ms.
                UpTo10 = Delta("committee_live_push_latency_milliseconds_bucket", "le=\"10\""),
                UpTo5 = Delta("committee_live_push_latency_milliseconds_bucket", "le=\"5\""),
            };
            if (Series(after, "committee_live_watchers").Count == 1 && deltas is { Watchers: 1, Pushes: 1, UpTo10: 1, UpTo5: 0 }) return;
            failures.Add(deltas.ToString()!);
        }
        Assert.Fail($"expected watchers +1, pushes +1 in the 10 ms bucket and not the 5 ms one; got {string.Join("; ", failures)}");
    }

    [Fact]
    public void Traces_are_collected_only_when_an_otlp_endpoint_is_configured()
    {
        Assert.Null(app.Host.Services.GetService<TracerProvider>());
        Assert.Null(TracerWith(new Dictionary<string, string?>()));
        Assert.NotNull(TracerWith(new Dictionary<string, string?> { ["Committee:Otlp:Endpoint"] = "http://127.0.0.1:4317" }));
        Assert.NotNull(TracerWith(new Dictionary<string, string?>
            { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:4318", ["Committee:Otlp:Protocol"] = "http/protobuf" }));
    }

    private static TracerProvider? TracerWith(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddMetrics().AddSingleton<IConfiguration>(configuration);
        services.AddCommitteeTelemetry(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetService<TracerProvider>();
    }

    private async Task<string> Scrape()
    {
        var result = await app.Host.Scenario(s => { s.Get.Url("/metrics"); s.StatusCodeShouldBe(200); });
        return await result.ReadAsTextAsync();
    }

    /// <summary>The sample lines of one metric (exact name) carrying every given label.</summary>
    private static List<string> Series(string exposition, string name, params string[] labels) =>
        exposition.Split('\n')
            .Where(l => (l.StartsWith(name + "{", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal))
                        && labels.All(label => l.Contains(label, StringComparison.Ordinal)))
            .ToList();

    /// <summary>The sample's value: the field after the name and labels (a timestamp may follow it).</summary>
    private static double Value(string line)
    {
        var afterName = line.Contains('}') ? line[(line.LastIndexOf('}') + 1)..] : line[line.IndexOf(' ')..];
        return double.Parse(afterName.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }
}
