using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Committee.Infrastructure;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Committee.Browser.Tests;

/// <summary>The app as a real process on Kestrel at 127.0.0.1 on a free port, on a schema of its own (or shared
/// with other nodes).</summary>
public sealed class AppProcess : IAsyncDisposable
{
    public const string SigningKey = "a-browser-test-signing-key-long-enough-for-hmac";
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    /// <summary>The node's whole output, kept beside the test results: what to read when a node went away.</summary>
    private readonly StreamWriter _log;

    public string BaseUrl { get; }

    private AppProcess(string schema, string? redis, string? connectionString)
    {
        BaseUrl = $"http://127.0.0.1:{FreePort()}";
        var project = Path.Combine(RepositoryRoot, "src", "Committee.Api");
        // The API was built with this test project, in the same configuration (…/bin/<Configuration>/net10.0/).
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var start = new ProcessStartInfo("dotnet", Path.Combine(project, "bin", configuration, "net10.0", "Committee.Api.dll"))
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_URLS"] = BaseUrl,
                ["ASPNETCORE_CONTENTROOT"] = project,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Committee"] = connectionString ?? ConnectionString,
                ["Committee__Schema"] = schema,
                ["Committee__Auth__SigningKey"] = SigningKey,
                ["Committee__Redis"] = redis ?? "",
                ["Logging__LogLevel__Default"] = "Warning",
                // Pages load from one address far faster than one person would; the limit itself is ProtectionTests'.
                ["Committee__RateLimit__AnonymousPerSecond"] = "1000000",
                ["Committee__RateLimit__AnonymousBurst"] = "1000000",
            },
        };
        _log = new StreamWriter(Path.Combine(Directory.CreateDirectory(Path.Combine(RepositoryRoot, "TestResults")).FullName, $"app-{schema}-{DateTime.UtcNow:HHmmss}.log")) { AutoFlush = true };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("COMMITTEE_TEST_CONNECTION")
        ?? throw new InvalidOperationException("COMMITTEE_TEST_CONNECTION is not set: scripts/test sets it (scripts/db status prints the private cluster's connection strings)");

    public static string NewSchema(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..24];

    public static string Token(string role, string? iso3 = null) =>
        new Tokens(new ConfigurationBuilder().AddInMemoryCollection([new("Committee:Auth:SigningKey", SigningKey)]).Build()).Issue(role, iso3);

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Committee.sln"))) return dir.FullName;
            throw new InvalidOperationException("Committee.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>Starts a node and waits until it answers /health; then warms the endpoints a page calls first, since
    /// Wolverine compiles each endpoint on its first call (seconds on a busy machine).</summary>
    public static async Task<AppProcess> Start(string schema, string? redis = null, string? connectionString = null)
    {
        var node = new AppProcess(schema, redis, connectionString);
        using var http = new HttpClient();
        // Generous: on two shared cores, with the browser tests and the API tests running beside it, a node has been
        // seen to need more than a minute to start.
        var deadline = DateTime.UtcNow.AddSeconds(150);
        while (true)
        {
            if (node._process.HasExited) throw new InvalidOperationException($"the app exited with code {node._process.ExitCode}:\n{string.Join('\n', node._output)}");
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the app did not become healthy within 150 s:\n{string.Join('\n', node._output)}");
            try
            {
                if ((await http.GetAsync($"{node.BaseUrl}/health")).StatusCode == HttpStatusCode.OK) break;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(200);
        }
        foreach (var path in new[] { "/api/drafts?session=1", "/api/sessions/1", "/api/events/position", "/api/events?after=0&session=1", "/api/drafts/" + Guid.Empty })
            await http.GetAsync(node.BaseUrl + path);
        return node;
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_log) _log.WriteLine(line);
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>kill -9: no shutdown, no flush, whatever was in flight is cut.</summary>
    public async Task Kill()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) { _process.Kill(entireProcessTree: true); await _process.WaitForExitAsync(); }
        _process.Dispose();
        lock (_log) _log.Dispose();
    }

    public static async Task DropSchema(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists {schema} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
