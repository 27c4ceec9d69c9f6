using System.Diagnostics;
using Alba;
using Committee.History;
using Committee.Infrastructure;
using JasperFx.CommandLine;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wolverine;

namespace Committee.HistoryBench;

// Rebuild benchmark: events/s of rebuilding every read model, beside PostgreSQL reading the same event rows.
//   Committee.HistoryBench [--votes N] [--sessions N] [--existing]
// --votes N:    N stand-in events for the unvotes import (roll calls of 140 votes), written first by SQL: no read model of
//               this module reads them, as none reads the voting module's events. Default 0.
// --sessions N: N synthetic sessions of 100 drafts (4,940 events each) appended (default 100: 494,000 events).
// --existing:   append nothing; measure the store as it is (e.g. after the unvotes import).
// Connection: COMMITTEE_BENCH_CONNECTION; schema: COMMITTEE_BENCH_SCHEMA (default history_bench), emptied first unless --existing.
public static class RebuildBenchmark
{
    public static async Task Main(string[] args)
    {
        var existing = args.Contains("--existing");
        var sessions = args.SkipWhile(a => a != "--sessions").Skip(1).Select(int.Parse).FirstOrDefault(100);
        var votes = args.SkipWhile(a => a != "--votes").Skip(1).Select(int.Parse).FirstOrDefault(0);
        var connection = Environment.GetEnvironmentVariable("COMMITTEE_BENCH_CONNECTION")
            ?? "Host=127.0.0.1;Port=55432;Database=committee_history;Username=postgres";
        var schema = Environment.GetEnvironmentVariable("COMMITTEE_BENCH_SCHEMA") ?? "history_bench";

        if (!existing)
        {
            await using var drop = new NpgsqlConnection(connection);
            await drop.OpenAsync();
            await new NpgsqlCommand($"drop schema if exists {schema} cascade", drop).ExecuteNonQueryAsync();
        }

        // The app's content root, which the test host looks for beside a solution file otherwise.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COMMITTEE_API", ApiFolder());
        JasperFxEnvironment.AutoStartHost = true;
        await using var host = await AlbaHost.For<Program>(builder =>
        {
            builder.UseSetting("ConnectionStrings:Committee", connection);
            builder.UseSetting("Committee:Schema", schema);
            builder.UseSetting("Committee:Auth:SigningKey", "a-benchmark-signing-key-that-is-long-enough");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
            builder.ConfigureServices(services => services.RunWolverineInSoloMode());
        });
        // The daemon would project the appended events live and compete with the measurement: the rebuild does that work.
        await host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>().PauseAsync();
        var store = host.Services.GetRequiredService<IDocumentStore>();

        if (!existing && votes > 0)
        {
            var insert = Stopwatch.StartNew();
            var written = await StandInVotes.InsertAsync(connection, schema, votes);
            Console.WriteLine($"wrote {written:N0} stand-in vote events in {insert.Elapsed.TotalSeconds:F1} s");
        }

        if (!existing)
        {
            var append = Stopwatch.StartNew();
            await SyntheticSessions.AppendAsync(store, 1000, sessions, line => Console.Error.WriteLine(line));
            Console.WriteLine($"appended {sessions * (SyntheticSessions.DraftsPerSession * SyntheticSessions.EventsPerDraft + SyntheticSessions.EventsPerSession):N0} events in {append.Elapsed.TotalSeconds:F1} s");
        }

        // PostgreSQL alone: every event row, its data read as text, in sequence order.
        var read = Stopwatch.StartNew();
        long rows = 0, bytes = 0;
        await using (var plain = new NpgsqlConnection(connection))
        {
            await plain.OpenAsync();
            await using var select = new NpgsqlCommand($"select seq_id, stream_id, type, data from {schema}.mt_events order by seq_id", plain);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows++;
                bytes += reader.GetString(3).Length;
            }
        }
        var selectTook = read.Elapsed;

        var clock = Stopwatch.StartNew();
        var report = await host.Services.GetRequiredService<ReadModelRebuild>().RunAsync(
            line => Console.Error.WriteLine($"[{clock.Elapsed.TotalSeconds,6:F1} s] {line}"), CancellationToken.None);

        Console.WriteLine($"events in the store:        {report.Events:N0} ({bytes / 1024.0 / 1024.0:F0} MiB of event data)");
        Console.WriteLine($"PostgreSQL SELECT of them:  {selectTook.TotalSeconds,6:F1} s  {rows / selectTook.TotalSeconds,10:N0} events/s");
        Console.WriteLine($"rebuild of every read model:{report.Took.TotalSeconds,6:F1} s  {report.EventsPerSecond,10:N0} events/s");
        foreach (var step in report.Steps)
            Console.WriteLine($"  {step.ReadModel,-50} {step.Took.TotalSeconds,6:F1} s{(step.Items > 0 ? $"  ({step.Items:N0} snapshots)" : "")}");
    }

    private static string ApiFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (Directory.Exists(Path.Combine(dir.FullName, "src", "Committee.Api"))) return Path.Combine(dir.FullName, "src", "Committee.Api");
        throw new DirectoryNotFoundException($"src/Committee.Api not found above {AppContext.BaseDirectory}");
    }
}
