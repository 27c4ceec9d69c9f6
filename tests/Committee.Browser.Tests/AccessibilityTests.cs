using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Committee.Browser.Tests;

/// <summary>axe-core in the browser on every page the app serves: no critical or serious violation.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class AccessibilityTests(RunningApp app)
{
    private static async Task<string[]> Violations(IPage page)
    {
        var result = await page.RunAxe();
        return result.Violations.Where(v => v.Impact is "critical" or "serious")
            .Select(v => $"{page.Url}: {v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}").ToArray();
    }

    [Fact]
    public async Task The_floor_the_console_the_delegation_and_the_history_pages_have_no_serious_violation()
    {
        var floor = new Floor(app, app.NewSession());
        await floor.OpenMeeting("2009-11-19");
        var draft = await floor.Submit(1, "Chile", "Peru");
        await floor.TakeUp(draft);
        await floor.Act(draft, "introduction", new { delegation = "Chile" });
        await floor.Act(draft, "oral-revisions", new { delegation = "Chile", changes = new[] { new { paragraph = "OP2", kind = "replaced", text = "Requests the Secretary-General to report at its sixty-fifth session," } } });
        await floor.RecordedVote(draft, yes: 60, no: 5, abstain: 9, close: false);
        var problems = new List<string>();

        var display = await app.Display(floor.Session);
        await Assertions.Expect(display.Locator(".board .state")).ToHaveCountAsync(192, new() { Timeout = 15_000 });
        problems.AddRange(await Violations(display));

        var console = await (await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } })).NewPageAsync();
        await console.GotoAsync($"{app.BaseUrl}/console");
        await console.FillAsync("#token", app.Secretariat);
        await console.FillAsync("#session", floor.Session.ToString());
        await console.PressAsync("#session", "Enter");
        await Assertions.Expect(console.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = 20_000 });
        problems.AddRange(await Violations(console));
        await console.Locator("#drafts button").First.ClickAsync();
        await Assertions.Expect(console.Locator("#vote-panel")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        problems.AddRange(await Violations(console));

        var delegation = await DelegationTests.SignIn(app, floor.Session, "CHL");
        await Assertions.Expect(delegation.Locator("#votes")).ToContainTextAsync("Vote in progress", new() { Timeout = 15_000 });
        problems.AddRange(await Violations(delegation));

        var reader = await (await app.Browser.NewContextAsync()).NewPageAsync();
        foreach (var path in new[] { $"/drafts/{draft}/history", $"/drafts/{draft}/diff", $"/drafts/{draft}/diff?from=1&show=all", $"/drafts/{draft}", $"/drafts/{draft}?version=2" })
        {
            await reader.GotoAsync(app.BaseUrl + path);
            problems.AddRange(await Violations(reader));
        }
        Assert.Empty(problems);
    }
}
