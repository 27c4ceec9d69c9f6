using System.Diagnostics;
using JasperFx.OpenTelemetry;
using Marten;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Committee.Infrastructure;

/// <summary>
/// "Seen from outside": metrics scraped by Prometheus at /metrics, and traces and metrics pushed over OTLP when an
/// endpoint is configured (OTEL_EXPORTER_OTLP_ENDPOINT, or Committee:Otlp:Endpoint).
/// </summary>
/// <remarks>
/// Sources, by name: ASP.NET Core (hosting, Kestrel, routing, SignalR connections), the .NET runtime ("System.Runtime",
/// <c>dotnet.*</c>), Npgsql ("Npgsql"), Marten (meter and activity source "Marten": event appends, the daemon's pages,
/// and, when the async daemon runs, <c>marten.{projection}.all.processed|gap|skipped</c> and
/// <c>marten.daemon.highwatermark|skipping</c>), Wolverine (activity source "Wolverine", meter
/// "Wolverine:{service name}", hence the wildcard) and the application's own meter and activity source "Committee"
/// (<see cref="CommitteeMetrics"/>, <see cref="Source"/>). Traces are collected only when OTLP is configured: with
/// nowhere to send them, building spans would only cost the command path.
/// </remarks>
public static class Telemetry
{
    public const string ServiceName = "committee";

    /// <summary>Marten's meter and activity source (the async daemon's shard metrics are on the same meter).</summary>
    public const string MartenSource = "Marten";

    /// <summary>Wolverine's activity source; its meter is "Wolverine:{ServiceName}".</summary>
    public const string WolverineSource = "Wolverine";

    public const string WolverineMeters = "Wolverine*";

    /// <summary>The application's own activity source: a transaction shared by a group of commands
    /// (<see cref="CommandGroups"/>).</summary>
    public static readonly ActivitySource Source = new(CommitteeMetrics.MeterName);

    /// <summary>SignalR's hub-invocation spans (.NET 9 and later).</summary>
    public const string SignalRSource = "Microsoft.AspNetCore.SignalR.Server";

    public const string MetricsPath = "/metrics";

    /// <summary>Buckets for <c>http.server.request.duration</c> (seconds): a command takes a few milliseconds, finer
    /// than the default's first bucket of 5 ms.</summary>
    private static readonly double[] RequestDurationBuckets =
        [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    public static IServiceCollection AddCommitteeTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<CommitteeMetrics>();
        services.ConfigureMarten(ConfigureMartenTelemetry);

        var otel = services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(configuration["OTEL_SERVICE_NAME"] ?? ServiceName))
            .WithMetrics(metrics => metrics
                .AddMeter(CommitteeMetrics.MeterName, MartenSource, WolverineMeters)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddNpgsqlInstrumentation()
                .AddView("http.server.request.duration", new ExplicitBucketHistogramConfiguration { Boundaries = RequestDurationBuckets })
                // Every scrape reads the figures of the moment (the exporter caches 300 ms by default).
                .AddPrometheusExporter(o => o.ScrapeResponseCacheDurationMilliseconds = 0));

        if (OtlpEndpoint(configuration) is { } endpoint)
        {
            otel.WithTracing(tracing => tracing
                    .AddAspNetCoreInstrumentation(o => o.Filter = http => !IsScrapeOrProbe(http.Request.Path))
                    .AddSource(Source.Name, MartenSource, WolverineSource, SignalRSource)
                    .AddNpgsql())
                .WithLogging();
            if (endpoint.FromCommitteeKey)
                otel.UseOtlpExporter(OtlpProtocol(configuration["Committee:Otlp:Protocol"]), endpoint.Uri);
            else
                otel.UseOtlpExporter(); // the standard OTEL_EXPORTER_OTLP_* variables: endpoint, protocol, headers
        }
        return services;
    }

    /// <summary>Serves the Prometheus text format at /metrics (unauthenticated, like /health; not in the API reference).</summary>
    public static WebApplication MapCommitteeMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint(MetricsPath).ExcludeFromDescription();
        return app;
    }

    /// <summary>
    /// Marten's own telemetry: the <c>marten.event.append</c> counter (by event type) and the
    /// <c>marten.fetch_for_writing.events_replayed</c> histogram; the daemon's spans of its pages are Marten's too.
    /// </summary>
    /// <remarks>No <c>marten.connection</c> span: a session that begins its transaction itself
    /// (<c>BeginTransactionAsync</c>, as every command does) drops the lifetime that would end it (Marten 9.58), so the
    /// span was never exported and every database span of a command hung from a parent no trace held. Npgsql's spans,
    /// under the request or the shared transaction, say what the span said.</remarks>
    private static void ConfigureMartenTelemetry(StoreOptions opts)
    {
        opts.OpenTelemetry.TrackConnections = TrackLevel.None;
        opts.OpenTelemetry.TrackEventCounters();
        opts.OpenTelemetry.TrackFetchForWritingMetrics();
    }

    private sealed record Endpoint(Uri Uri, bool FromCommitteeKey);

    private static Endpoint? OtlpEndpoint(IConfiguration configuration)
    {
        if (configuration["Committee:Otlp:Endpoint"] is { Length: > 0 } own)
            return new Endpoint(new Uri(own), true);
        if (configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] is { Length: > 0 } standard)
            return new Endpoint(new Uri(standard), false);
        return null;
    }

    /// <summary>"grpc" (the default, port 4317) or "http/protobuf" (port 4318).</summary>
    private static OtlpExportProtocol OtlpProtocol(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" or "grpc" => OtlpExportProtocol.Grpc,
        "http/protobuf" or "httpprotobuf" or "http" => OtlpExportProtocol.HttpProtobuf,
        _ => throw new InvalidOperationException($"Committee:Otlp:Protocol '{name}' is neither 'grpc' nor 'http/protobuf'"),
    };

    private static bool IsScrapeOrProbe(PathString path) =>
        path.StartsWithSegments(MetricsPath) || path.StartsWithSegments("/health");
}
