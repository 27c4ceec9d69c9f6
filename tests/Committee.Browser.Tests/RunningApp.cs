using Committee.Infrastructure;
using Microsoft.Playwright;

namespace Committee.Browser.Tests;

/// <summary>One app process with its own schema, and Debian's Chromium driven by Playwright, shared by the browser tests.</summary>
public sealed class RunningApp : IAsyncLifetime
{
    private readonly string _schema = AppProcess.NewSchema("browser");
    private static int _nextSession = 600;
    private AppProcess? _node;
    private IPlaywright? _playwright;

    public string BaseUrl => _node!.BaseUrl;
    public IBrowser Browser { get; private set; } = null!;
    public string Secretariat { get; } = AppProcess.Token(Roles.Secretariat);
    public HttpClient Http { get; } = new();

    /// <summary>Kept as test artefacts beside the test results.</summary>
    public static string Screenshots => Directory.CreateDirectory(Path.Combine(AppProcess.RepositoryRoot, "TestResults", "screenshots")).FullName;

    public int NewSession() => Interlocked.Increment(ref _nextSession);

    /// <summary>The floor display of a session on a screen of that size, live.</summary>
    public async Task<IPage> Display(int session, int width = 1920, int height = 1080)
    {
        var page = await (await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } })).NewPageAsync();
        await page.GotoAsync($"{BaseUrl}/floor?session={session}");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = 10_000 });
        return page;
    }

    public async ValueTask InitializeAsync()
    {
        _node = await AppProcess.Start(_schema);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_node is not null) await _node.DisposeAsync();
        Http.Dispose();
        await AppProcess.DropSchema(_schema);
    }
}

[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<RunningApp>;
