using Microsoft.Playwright;

namespace Committee.Browser.Tests;

/// <summary>The secretary's main flow with the keyboard alone: Tab, typing and Enter, never a click.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class ConsoleKeyboardTests(RunningApp app)
{
    private static readonly LocatorAssertionsToContainTextOptions Soon = new() { Timeout = 15_000 };

    /// <summary>Tabs forward until the focus is on what the selector names.</summary>
    private static async Task TabTo(IPage page, string selector)
    {
        for (var i = 0; i < 120; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement?.matches(s) ?? false", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"Tab never reached {selector}");
    }

    private static async Task Recorded(IPage page, string title)
    {
        await Assertions.Expect(page.Locator("#message")).ToContainTextAsync($"{title}: recorded", Soon);
    }

    private static Task<bool> FocusIsIn(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => document.activeElement?.closest(s) !== null", selector);

    [Fact]
    public async Task A_meeting_a_draft_and_a_recorded_vote_from_opening_to_result_by_keyboard()
    {
        var session = app.NewSession();
        var page = await (await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-US" })).NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/console");
        await TabTo(page, "#token");
        await page.Keyboard.TypeAsync(app.Secretariat);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(session.ToString());
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = 20_000 });

        await TabTo(page, "form[data-action='open-meeting'] [name='date']");
        await page.Keyboard.PressAsync("Enter");
        await Recorded(page, "Open a meeting");
        await Assertions.Expect(page.Locator("#meeting")).ToContainTextAsync("1st meeting in progress");

        foreach (var (name, value) in new[] { ("symbol", $"A/C.3/{session}/L.7"), ("title", "Trafficking in persons"), ("agendaItem", "104"),
                     ("agendaItemTitle", "Crime prevention and criminal justice"), ("date", "11102009"), ("sponsors", "Belarus"),
                     ("preamble", "Recalling its resolution 63/194,"), ("operative", "Urges Governments to continue their efforts,") })
        {
            await TabTo(page, $"form[data-action='submit'] [name='{name}']");
            await page.Keyboard.TypeAsync(value);
        }
        await TabTo(page, "form[data-action='submit'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Recorded(page, "Submit a draft");
        Assert.True(await FocusIsIn(page, "#actions form"), "after the submission the focus is on the draft's first action");

        await TabTo(page, "form[data-action='take-up'] button");
        await page.Keyboard.PressAsync("Enter");
        await Recorded(page, "Take up on the floor");

        await TabTo(page, "form[data-action='introduction'] [name='delegation']");
        await page.Keyboard.TypeAsync("Belarus");
        await page.Keyboard.PressAsync("Enter");
        await Recorded(page, "Introduced by");

        await TabTo(page, "form[data-action='sponsors'] [name='delegations']");
        await page.Keyboard.TypeAsync("Azerbaijan, Bangladesh");
        await page.Keyboard.PressAsync("Enter");
        await Recorded(page, "Sponsors joining");
        Assert.True(await FocusIsIn(page, "form[data-action='sponsors']"), "the focus stays on the form just used");
        await Assertions.Expect(page.Locator("#draft")).ToContainTextAsync("Sponsors (3)");

        // The oral revision starts from OP1's current text, edited in place, the change previewed.
        await TabTo(page, "form[data-action='oral-revisions'] [name='delegation']");
        await page.Keyboard.TypeAsync("Belarus");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");   // PP1 → OP1
        await TabTo(page, "form[data-action='oral-revisions'] [name='text']");
        Assert.Equal("Urges Governments to continue their efforts,", await page.EvaluateAsync<string>("() => document.activeElement.value"));
        await page.Keyboard.PressAsync("Control+Home");
        for (var i = 0; i < "Urges ".Length; i++) await page.Keyboard.PressAsync("ArrowRight");
        await page.Keyboard.TypeAsync("all ");
        await Assertions.Expect(page.Locator("form[data-action='oral-revisions'] .preview ins")).ToHaveTextAsync("all ");
        await TabTo(page, "form[data-action='oral-revisions'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Recorded(page, "Oral revision");

        await TabTo(page, "form[data-action='open-vote'] [name='question']");
        await page.Keyboard.PressAsync("Enter");
        await Recorded(page, "Open a recorded vote");
        Assert.True(await FocusIsIn(page, "#vote-panel"), "once the vote is open the focus is on the vote panel");
        await Assertions.Expect(page.Locator("form[data-action='withdrawal'], form[data-action='adoption-without-vote'], form[data-action='sponsors']")).ToHaveCountAsync(0);

        await TabTo(page, "form[data-action='ballot'] [name='delegation']");
        await page.Keyboard.TypeAsync("France");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("n");   // the select jumps to "no"
        await TabTo(page, "form[data-action='ballot'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Recorded(page, "Ballot");
        await Assertions.Expect(page.Locator("#vote-tally")).ToContainTextAsync("Yes 0, no 1, abstentions 0");

        await TabTo(page, "form[data-action='board-ballots'] [name='yes']");
        await page.Keyboard.TypeAsync("Belarus, Chile, Peru");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("Cuba");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync("France");   // France changes its ballot to an abstention
        await TabTo(page, "form[data-action='board-ballots'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Recorded(page, "The electronic board's ballots");
        await Assertions.Expect(page.Locator("#vote-tally")).ToContainTextAsync("Yes 3, no 1, abstentions 1");

        // Closing asks first, showing the tally; the focus starts on "Go back".
        await TabTo(page, "form[data-action='close-vote'] button[type=submit]");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#confirm-text")).ToContainTextAsync("Yes 3, no 1, abstentions 1");
        Assert.True(await FocusIsIn(page, "#confirm-no"));
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");
        await Recorded(page, "Close the vote");
        await Assertions.Expect(page.Locator("#draft")).ToContainTextAsync("was adopted by a recorded vote of 3 to 1, with 1 abstention");
        await Assertions.Expect(page.Locator("#actions form")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Path.Combine(RunningApp.Screenshots, "console-after-vote.png"), FullPage = true });
    }
}
