using Microsoft.Playwright;

namespace Committee.Browser.Tests;

/// <summary>The floor display on the room's screens: the whole board and the result fit, names read whole and large,
/// a vote is told by a mark and not by colour alone, and the result outlives a reload until the next item.</summary>
[Collection(nameof(BrowserCollection))]
public sealed class FloorDisplayTests(RunningApp app)
{
    private static readonly LocatorAssertionsToHaveCountOptions Soon = new() { Timeout = 15_000 };

    /// <summary>What does not fit or read on the screen as it is: empty when all is well.</summary>
    private const string Problems = """
        () => {
          const problems = [];
          const [vw, vh] = [innerWidth, innerHeight];
          const scale = Math.min(vw / 1920, vh / 1080);
          const page = document.scrollingElement;
          if (page.scrollHeight > vh || page.scrollWidth > vw) problems.push(`the page is ${page.scrollWidth}x${page.scrollHeight}`);
          for (const el of document.querySelectorAll("header, .voting h2, .tally, .record, .board .state")) {
            const r = el.getBoundingClientRect();
            if (r.top < 0 || r.left < 0 || r.bottom > vh + 0.5 || r.right > vw + 0.5) problems.push(`off the screen: ${el.textContent}`);
            if (el.scrollWidth > el.clientWidth + 0.5) problems.push(`clipped: ${el.textContent}`);
          }
          const rgb = (c) => c.match(/[\d.]+/g).slice(0, 3).map(Number);
          const luminance = (c) => rgb(c).map((v) => v / 255).map((v) => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          for (const cell of document.querySelectorAll(".board .state")) {
            const name = cell.querySelector(".name");
            if (name.scrollWidth > name.clientWidth) problems.push(`name clipped: ${name.textContent}`);
            if (/…|\.\.\./.test(name.textContent)) problems.push(`name cut: ${name.textContent}`);
            const size = parseFloat(getComputedStyle(name).fontSize);
            if (size < 28 * scale - 0.5) problems.push(`name at ${size} px: ${name.textContent}`);
            const style = getComputedStyle(cell);
            const background = style.backgroundColor === "rgba(0, 0, 0, 0)" ? "rgb(0, 0, 0)" : style.backgroundColor;
            const [a, b] = [luminance(style.color), luminance(background)].sort((x, y) => y - x);
            if ((a + 0.05) / (b + 0.05) < 4.5) problems.push(`contrast ${((a + 0.05) / (b + 0.05)).toFixed(2)}: ${name.textContent}`);
          }
          return problems;
        }
        """;

    [Fact]
    public async Task The_whole_board_and_the_result_fit_each_screen_and_stay_until_the_next_item()
    {
        var floor = new Floor(app, app.NewSession());
        await floor.OpenMeeting("2009-11-19");
        var draft = await floor.Submit(12, "Belarus", "Russian Federation");
        await floor.TakeUp(draft);
        await floor.Act(draft, "introduction", new { delegation = "Belarus" });
        await floor.Act(draft, "oral-revisions", new { delegation = "Belarus", changes = new[] { new { paragraph = "OP1", kind = "replaced", text = "Urges all Governments to continue their efforts," } } });
        await floor.Act(draft, "sponsors", new { delegations = new[] { "Azerbaijan" } });

        var display = await app.Display(floor.Session, 1920, 1080);
        await Assertions.Expect(display.Locator("#heading")).ToContainTextAsync("1st meeting, 19 November 2009");
        await Assertions.Expect(display.Locator(".facts")).ToContainTextAsync("Introduced by Belarus");
        await Assertions.Expect(display.Locator(".revisions ins")).ToContainTextAsync("all");
        await Assertions.Expect(display.Locator(".floor h2, main h2").First).ToHaveTextAsync("3 sponsors");
        await Assertions.Expect(display.Locator(".sponsors li")).ToHaveTextAsync(["Belarus", "Russian Federation", "Azerbaijan"]);

        var voteId = await floor.RecordedVote(draft, yes: 120, no: 10, abstain: 40);
        await Assertions.Expect(display.Locator(".record")).ToContainTextAsync("was adopted by a recorded vote of 120 to 10, with 40 abstentions", new() { Timeout = 15_000 });
        var vote = await floor.Get($"/api/votes/{voteId}");
        var absent = (int)vote["nonVoting"]!;
        Assert.True(absent > 0);

        foreach (var (width, height) in new[] { (1920, 1080), (1280, 720), (1024, 768) })
        {
            // A display opened (or reloaded) after the vote shows its result.
            var screen = await app.Display(floor.Session, width, height);
            await Assertions.Expect(screen.Locator(".board .state")).ToHaveCountAsync(192, Soon);   // the Member States of 19 November 2009
            await Assertions.Expect(screen.Locator(".record")).ToContainTextAsync("by a recorded vote of 120 to 10, with 40 abstentions");
            await Assertions.Expect(screen.Locator(".tally")).ToContainTextAsync($"Not voting {absent}");
            await Assertions.Expect(screen.Locator(".board .state.yes .mark").First).ToHaveTextAsync("Y");
            await Assertions.Expect(screen.Locator(".board .state.no .mark").First).ToHaveTextAsync("N");
            await Assertions.Expect(screen.Locator(".board .state.abstain .mark").First).ToHaveTextAsync("A");
            await Assertions.Expect(screen.Locator(".board .state.nonVoting")).ToHaveCountAsync(absent);
            await screen.ScreenshotAsync(new() { Path = Path.Combine(RunningApp.Screenshots, $"floor-result-{width}x{height}.png") });
            Assert.Empty(await screen.EvaluateAsync<string[]>(Problems));
            await screen.Context.CloseAsync();
        }

        // The next item clears it, for a reload too.
        var next = await floor.Submit(13, "Chile");
        await floor.TakeUp(next);
        await Assertions.Expect(display.Locator(".voting")).ToHaveCountAsync(0, Soon);
        await display.ReloadAsync();
        await Assertions.Expect(display.Locator(".symbol")).ToContainTextAsync($"L.13");
        await Assertions.Expect(display.Locator(".voting")).ToHaveCountAsync(0);
        await Assertions.Expect(display.Locator("main h2")).ToHaveTextAsync("1 sponsor");
    }

    [Fact]
    public async Task During_a_vote_the_board_tells_who_is_yet_to_vote_and_fits()
    {
        var floor = new Floor(app, app.NewSession());
        await floor.OpenMeeting(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        var draft = await floor.Submit(5, "Chile");
        await floor.TakeUp(draft);
        await floor.Act(draft, "introduction", new { delegation = "Chile" });
        await floor.RecordedVote(draft, yes: 100, no: 3, abstain: 7, close: false);
        var display = await app.Display(floor.Session, 1920, 1080);
        await Assertions.Expect(display.Locator(".board .state")).ToHaveCountAsync(193, Soon);
        await Assertions.Expect(display.Locator(".tally")).ToContainTextAsync("Yet to vote 83");
        await Assertions.Expect(display.Locator(".board .state.nonVoting")).ToHaveCountAsync(0);
        await display.ScreenshotAsync(new() { Path = Path.Combine(RunningApp.Screenshots, "floor-voting-1920x1080.png") });
        Assert.Empty(await display.EvaluateAsync<string[]>(Problems));
    }
}
