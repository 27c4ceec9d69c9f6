using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Committee.Browser.Tests;

/// <summary>A secretary at /console and the room's display at /floor, in two real browsers.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class FloorTests(RunningApp app)
{
    private static readonly PageWaitForFunctionOptions Soon = new() { Timeout = 10_000 };

    private async Task<IPage> Console(int session)
    {
        var page = await (await app.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } })).NewPageAsync();
        await page.GotoAsync($"{app.BaseUrl}/console");
        await page.FillAsync("#token", app.Secretariat);
        await page.FillAsync("#session", session.ToString());
        await page.PressAsync("#session", "Enter");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = 20_000 });
        return page;
    }

    private Task<IPage> Display(int session) => app.Display(session);

    private static async Task Record(IPage console, string action, params (string Field, string Value)[] values)
    {
        var form = console.Locator($"form[data-action='{action}']");
        foreach (var (field, value) in values) await form.Locator($"[name='{field}']").FillAsync(value);
        await form.Locator("button[type=submit]").ClickAsync();
        if (action == "close-vote") await console.Locator("#confirm-yes").ClickAsync();
        await Assertions.Expect(console.Locator("#message")).ToContainTextAsync("recorded", new() { Timeout = 10_000 });
        await console.Locator("#message").EvaluateAsync("m => m.replaceChildren()");
    }

    private static async Task Ballot(IPage console, string delegation, string vote)
    {
        var form = console.Locator("form[data-action='ballot']");
        await form.Locator("[name='delegation']").FillAsync(delegation);
        await form.Locator("[name='vote']").SelectOptionAsync(vote);
        await form.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(console.Locator("#message")).ToContainTextAsync("recorded", new() { Timeout = 10_000 });
        await console.Locator("#message").EvaluateAsync("m => m.replaceChildren()");
    }

    [Fact]
    public async Task What_the_secretary_records_appears_on_the_display_and_a_dropped_display_catches_up()
    {
        var session = app.NewSession();
        var console = await Console(session);
        var display = await Display(session);

        await Record(console, "open-meeting");
        await Assertions.Expect(display.Locator("#heading")).ToContainTextAsync("1st meeting", new() { Timeout = 10_000 });

        await Record(console, "submit", ("symbol", $"A/C.3/{session}/L.12"), ("title", "Improving the coordination of efforts against trafficking in persons"),
            ("agendaItem", "104"), ("agendaItemTitle", "Crime prevention and criminal justice"), ("date", "2009-11-10"),
            ("sponsors", "Belarus, Russian Federation"), ("operative", "Urges Governments to continue their efforts,"));
        await Record(console, "take-up");
        await Assertions.Expect(display.Locator(".symbol")).ToContainTextAsync($"A/C.3/{session}/L.12", new() { Timeout = 10_000 });
        await Assertions.Expect(display.Locator(".sponsors li")).ToHaveCountAsync(2);

        await Record(console, "sponsors", ("delegations", "Azerbaijan, Bangladesh"));
        await Assertions.Expect(display.Locator(".sponsors li.additional")).ToHaveCountAsync(2, new() { Timeout = 10_000 });

        // The display loses its connection while the floor goes on.
        await display.EvaluateAsync("window.committeeLive.pause()");
        await Assertions.Expect(display.Locator("#status")).ToHaveTextAsync("offline");
        await Record(console, "sponsors", ("delegations", "Ecuador"));
        await Record(console, "sponsor-withdrawals", ("delegations", "Bangladesh"));
        await Record(console, "sponsors", ("delegations", "Nicaragua, Qatar"));
        await Assertions.Expect(display.Locator(".sponsors li")).ToHaveCountAsync(4);

        await display.EvaluateAsync("window.committeeLive.resume()");
        await Assertions.Expect(display.Locator("#status")).ToHaveTextAsync("live", new() { Timeout = 10_000 });
        var expected = new[] { "Belarus", "Russian Federation", "Azerbaijan", "Ecuador", "Nicaragua", "Qatar" };
        await Assertions.Expect(display.Locator(".sponsors li")).ToHaveTextAsync(expected, new() { Timeout = 10_000 });

        // A display opened afresh shows the same thing.
        var fresh = await Display(session);
        await Assertions.Expect(fresh.Locator(".sponsors li")).ToHaveTextAsync(expected, new() { Timeout = 10_000 });

        // A recorded vote: the board lights up as ballots arrive; the display drops mid-vote and catches up.
        await Record(console, "introduction", ("delegation", "Belarus"));
        await Record(console, "open-vote", ("question", "proposal"));
        await Assertions.Expect(display.Locator(".board .state")).ToHaveCountAsync(193, new() { Timeout = 10_000 });   // the meeting is today: 193 Member States
        await Ballot(console, "Belarus", "yes");
        await Ballot(console, "France", "no");
        await Assertions.Expect(display.Locator(".board .state.yes[data-iso3='BLR']")).ToHaveCountAsync(1, new() { Timeout = 10_000 });
        await Assertions.Expect(display.Locator(".board .state.no[data-iso3='FRA']")).ToHaveCountAsync(1, new() { Timeout = 10_000 });

        await display.EvaluateAsync("window.committeeLive.pause()");
        await Ballot(console, "Qatar", "yes");
        await Ballot(console, "France", "abstain");   // a delegation may change its ballot until the vote is closed
        await Ballot(console, "Chile", "abstain");
        await display.EvaluateAsync("window.committeeLive.resume()");
        await Assertions.Expect(display.Locator(".tally")).ToContainTextAsync("Yes 2", new() { Timeout = 10_000 });
        await Assertions.Expect(display.Locator(".tally")).ToContainTextAsync("No 0");
        await Assertions.Expect(display.Locator(".tally")).ToContainTextAsync("Abstentions 2");
        await Assertions.Expect(display.Locator(".board .state.abstain[data-iso3='FRA']")).ToHaveCountAsync(1);
        await display.ScreenshotAsync(new() { Path = Path.Combine(RunningApp.Screenshots, "floor-voting.png") });

        await Record(console, "close-vote");
        await Assertions.Expect(display.Locator(".record")).ToContainTextAsync("was adopted by a recorded vote of 2 to none, with 2 abstentions", new() { Timeout = 10_000 });
        var afresh = await Display(session);
        await Assertions.Expect(afresh.Locator(".sponsors li")).ToHaveTextAsync(expected, new() { Timeout = 10_000 });

        await console.ScreenshotAsync(new() { Path = Path.Combine(RunningApp.Screenshots, "console.png"), FullPage = true });
        await display.ScreenshotAsync(new() { Path = Path.Combine(RunningApp.Screenshots, "floor-1920x1080.png") });
        await display.SetViewportSizeAsync(1280, 800);
        await display.ScreenshotAsync(new() { Path = Path.Combine(RunningApp.Screenshots, "floor-laptop.png") });
    }

    [Fact]
    public async Task A_refused_action_shows_the_reason_and_another_secretarys_action_shows_at_once()
    {
        var session = app.NewSession();
        var console = await Console(session);
        await Record(console, "submit", ("symbol", $"A/C.3/{session}/L.3"), ("title", "Rights of the child"),
            ("agendaItem", "66"), ("agendaItemTitle", "Promotion and protection of the rights of children"), ("date", "2009-11-10"),
            ("sponsors", "Chile"), ("operative", "Decides to remain seized of the matter."));
        await Assertions.Expect(console.Locator("#draft-version")).ToContainTextAsync("version 1");

        // Without a meeting in progress, no floor action is offered; a refusal shows the server's reason.
        await Assertions.Expect(console.Locator("form[data-action='introduction']")).ToHaveCountAsync(0);
        var join = console.Locator("form[data-action='sponsors']");
        await join.Locator("[name='delegations']").FillAsync("Atlantis");
        await join.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(console.Locator("#message")).ToContainTextAsync("Atlantis", new() { Timeout = 10_000 });

        // Another secretary records an action meanwhile: this console follows, showing the new version.
        var drafts = await app.Http.GetFromJsonAsync<List<Dictionary<string, object>>>($"{app.BaseUrl}/api/drafts?session={session}", TestContext.Current.CancellationToken);
        var id = drafts!.Single()["id"].ToString();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{app.BaseUrl}/api/drafts/{id}/sponsors")
        {
            Content = JsonContent.Create(new { expectedVersion = 1, delegations = new[] { "Peru" } }),
        };
        request.Headers.Authorization = new("Bearer", app.Secretariat);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        (await app.Http.SendAsync(request, TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();
        await Assertions.Expect(console.Locator("#draft-version")).ToContainTextAsync("version 2", new() { Timeout = 10_000 });
        Assert.Matches(new Regex("Peru"), await console.Locator("#draft").TextContentAsync() ?? "");
    }
}
