using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Committee.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Playwright;
using Npgsql;

namespace Committee.Browser.Tests;

/// <summary>The app as a real process on Kestrel (127.0.0.1, a free port) with its own schema, and Debian's
/// Chromium driven by Playwright. Shared by the browser tests.</summary>
public sealed class RunningApp : IAsyncLifetime
{
    private const string SigningKey = "a-browser-test-signing-key-long-enough-for-hmac";
    private readonly string _schema = $"browser_{Guid.NewGuid():N}"[..24];
    private static int _nextSession = 600;
    private Process? _server;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string Secretariat { get; } = new Tokens(Settings()).Issue(Roles.Secretariat);
    public HttpClient Http { get; } = new();

    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("COMMITTEE_TEST_CONNECTION") ?? "Host=127.0.0.1;Port=55432;Database=committee_tests;Username=postgres";

    public static string Screenshots => Directory.CreateDirectory(Path.Combine(RepositoryRoot, "artifacts", "screenshots")).FullName;

    public int NewSession() => Interlocked.Increment(ref _nextSession);

    public string Token(string role, string? iso3 = null) => new Tokens(Settings()).Issue(role, iso3);

    private static IConfiguration Settings() =>
        new ConfigurationBuilder().AddInMemoryCollection([new("Committee:Auth:SigningKey", SigningKey)]).Build();

    private static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Committee.sln"))) return dir.FullName;
            throw new InvalidOperationException("Committee.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public async ValueTask InitializeAsync()
    {
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";
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
                ["ConnectionStrings__Committee"] = ConnectionString,
                ["Committee__Schema"] = _schema,
                ["Committee__Auth__SigningKey"] = SigningKey,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        _server = Process.Start(start)!;
        _server.OutputDataReceived += (_, e) => Remember(e.Data);
        _server.ErrorDataReceived += (_, e) => Remember(e.Data);
        _server.BeginOutputReadLine();
        _server.BeginErrorReadLine();
        await WaitUntilHealthy();
        // Wolverine compiles each endpoint on its first call (seconds on a busy machine): pay for it here, not in a test's timeout.
        foreach (var path in new[] { "/api/drafts?session=1", "/api/sessions/1", "/api/events/position", "/api/events?after=0&session=1", "/api/drafts/" + Guid.Empty })
            await Http.GetAsync(BaseUrl + path);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _output = new();

    private void Remember(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        while (_output.Count > 200) _output.TryDequeue(out _);
    }

    private async Task WaitUntilHealthy()
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_server!.HasExited) throw new InvalidOperationException($"the app exited with code {_server.ExitCode}:\n{string.Join('\n', _output)}");
            try
            {
                if ((await Http.GetAsync($"{BaseUrl}/health")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException) { /* not listening yet */ }
            await Task.Delay(200);
        }
        throw new TimeoutException("the app did not become healthy within 60 s");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_server is { HasExited: false }) { _server.Kill(entireProcessTree: true); await _server.WaitForExitAsync(); }
        Http.Dispose();
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop schema if exists {_schema} cascade", connection);
        await drop.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<RunningApp>;
