using Microsoft.Playwright;

namespace Committee.Browser.Tests;

/// <summary>The API reference at /docs on a network without the internet: everything from the app, a bearer token
/// for "Try it", no vendor buttons.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class DocsTests(RunningApp app)
{
    [Fact]
    public async Task The_reference_works_offline_takes_a_bearer_token_and_shows_no_vendor_buttons()
    {
        var page = await (await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } })).NewPageAsync();
        var outside = new List<string>();
        await page.RouteAsync("**/*", async route =>
        {
            if (new Uri(route.Request.Url).Host == "127.0.0.1") await route.ContinueAsync();
            else { outside.Add(route.Request.Url); await route.AbortAsync(); }
        });
        await page.GotoAsync($"{app.BaseUrl}/docs");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "/api/votes/{voteId}/close" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });   // short labels: the paths
        await Assertions.Expect(page.GetByText("Bearer", new() { Exact = false }).First).ToBeAttachedAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(RunningApp.Screenshots, "docs.png") });
        foreach (var vendor in new[] { "Deploy", "Ask AI" })
            await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = vendor })).ToHaveCountAsync(0);
        Assert.Empty(outside);

        var document = await app.Http.GetStringAsync($"{app.BaseUrl}/openapi/v1.json", TestContext.Current.CancellationToken);
        Assert.Contains("\"bearer\"", document);
    }
}
