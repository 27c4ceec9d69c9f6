using Committee.Infrastructure;
using Microsoft.Playwright;

namespace Committee.Browser.Tests;

/// <summary>A delegation's page tells the truth: its State by name, dates as written, its sponsorships fresh after each
/// action, its own ballot during a vote, and only the buttons the server would accept, each naming its draft.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class DelegationTests(RunningApp app)
{
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };

    public static async Task<IPage> SignIn(RunningApp app, int session, string iso3, int width = 1024, int height = 768)
    {
        var page = await (await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } })).NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/delegation");
        await page.FillAsync("#token", AppProcess.Token(Roles.Delegation, iso3));
        await page.FillAsync("#session", session.ToString());
        await page.PressAsync("#session", "Enter");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = 20_000 });
        return page;
    }

    [Fact]
    public async Task The_page_names_the_State_keeps_its_sponsorships_fresh_and_offers_only_what_the_server_accepts()
    {
        var floor = new Floor(app, app.NewSession());
        await floor.OpenMeeting("2009-11-19");
        var l10 = await floor.Submit(10, "Chile");
        var l2 = await floor.Submit(2, "Chile");
        var page = await SignIn(app, floor.Session, "KEN");
        await Assertions.Expect(page.Locator("#heading")).ToHaveTextAsync("Delegation of Kenya");
        // Natural order, each button naming its draft.
        await Assertions.Expect(page.Locator("#drafts tbody button")).ToHaveTextAsync([$"Sign on to A/C.3/{floor.Session}/L.2", $"Sign on to A/C.3/{floor.Session}/L.10"]);

        // The State signs on itself, then the secretary adds it to the other draft: both show at once.
        await page.GetByRole(AriaRole.Button, new() { Name = $"Sign on to A/C.3/{floor.Session}/L.2" }).ClickAsync();
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync("signed on", Soon);
        await Assertions.Expect(page.Locator("#mine tbody tr")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#mine tbody tr").First).ToContainTextAsync("19 November 2009 (1st meeting)");
        await floor.Act(l10, "sponsors", new { delegations = new[] { "Kenya" } });
        await Assertions.Expect(page.Locator("#mine tbody tr td:first-child")).ToHaveTextAsync([$"A/C.3/{floor.Session}/L.2", $"A/C.3/{floor.Session}/L.10"], new() { Timeout = 15_000 });

        // During a vote: the vote, our ballot as recorded, and no Withdraw the server would refuse.
        await floor.TakeUp(l2);
        await floor.Act(l2, "introduction", new { delegation = "Chile" });
        var voteId = await floor.RecordedVote(l2, yes: 0, no: 0, abstain: 0, close: false);
        await Assertions.Expect(page.Locator("#votes")).ToContainTextAsync("We have not voted", Soon);
        await floor.Post($"/api/votes/{voteId}/ballots/KEN", new { vote = "abstain" }, HttpMethod.Put, AppProcess.Token(Roles.Delegation, "KEN"));
        await Assertions.Expect(page.Locator("#votes")).ToContainTextAsync("Our ballot as recorded: abstain", Soon);
        var withdraw = page.GetByRole(AriaRole.Button, new() { Name = $"Withdraw from A/C.3/{floor.Session}/L.2" });
        await Assertions.Expect(withdraw).ToBeDisabledAsync();
        await Assertions.Expect(withdraw).ToHaveAccessibleDescriptionAsync("closed while the vote is in progress");

        // Once decided (rejected: one abstention, no yes), sponsorship has closed: the button says so.
        await floor.Post($"/api/votes/{voteId}/close", new { });
        await Assertions.Expect(withdraw).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("^closed: rejected by a recorded vote"), new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator("#votes")).ToContainTextAsync("No vote is in progress");

        Assert.True(await page.EvaluateAsync<bool>("() => document.scrollingElement.scrollWidth <= innerWidth"), "the page overflows sideways");
        await page.ScreenshotAsync(new() { Path = Path.Combine(RunningApp.Screenshots, "delegation.png"), FullPage = true });
    }
}
