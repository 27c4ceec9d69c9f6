using System.Net;
using System.Text.Json.Nodes;
using Committee.Infrastructure;

namespace Committee.Api.Tests;

/// <summary>The three layers of a draft's sponsorship, with their times, as its read models show them once the
/// events that feed them have committed.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class DraftSponsorshipTests(CommitteeApp app)
{
    private static IEnumerable<string?> Iso3s(JsonNode? list) => list!.AsArray().Select(s => (string?)s!["iso3"]);

    [Fact]
    public async Task Printed_lists_additional_sponsors_and_withdrawals_show_separately_and_as_one_timeline()
    {
        var session = app.NewSession();
        var today = await CommitteeApp.TodayAsync();
        var draft = (await app.Submit(session, 1)).Id(); // Belarus, and Zambia on behalf of the African Group
        (await app.Post($"/api/drafts/{draft}/revisions", new
        {
            expectedVersion = 1, symbol = $"A/C.3/{session}/L.1/Rev.1", date = "2009-11-12",
            sponsors = new object[] { "Belarus", new { delegation = "Zambia", onBehalfOf = "African Group" }, "Philippines" },
            preamble = Array.Empty<string>(), operative = new[] { "Urges Governments to continue their efforts." },
        })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft}/sponsors", new { expectedVersion = 2, delegations = new[] { "Kenya" } }, app.Token(Roles.Delegation, "KEN")))
            .ShouldBe(HttpStatusCode.OK);
        // A meeting of today, as Kenya signed on today: what happens at a meeting of another day is dated that day.
        var meeting = await app.OpenMeeting(session, today);
        (await app.Post($"/api/drafts/{draft}/sponsors", new { expectedVersion = 3, delegations = new[] { "Qatar", "Chile" } })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft}/sponsor-withdrawals", new { expectedVersion = 4, delegations = new[] { "PHL" } }, app.Token(Roles.Delegation, "PHL")))
            .ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft}/introduction", new { expectedVersion = 5, delegation = "Belarus" })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft}/adoption-without-vote", new { expectedVersion = 6 })).ShouldBe(HttpStatusCode.OK);
        await app.ReadModelsCaughtUp();

        var view = (await app.Get($"/api/drafts/{draft}/sponsors")).ShouldBe(HttpStatusCode.OK).Json;

        var printed = view["printed"]!.AsArray();
        Assert.Equal([$"A/C.3/{session}/L.1", $"A/C.3/{session}/L.1/Rev.1"], printed.Select(p => (string?)p!["symbol"]));
        Assert.Equal(["BLR", "ZMB", "PHL"], Iso3s(printed[1]!["sponsors"]));
        var additional = view["additional"]!.AsArray();
        Assert.Equal(["KEN", "QAT", "CHL"], Iso3s(additional));
        Assert.Equal(("eSponsorship", null), ((string?)additional[0]!["source"], (int?)additional[0]!["meeting"]));
        Assert.Equal(("secretariat", meeting), ((string?)additional[1]!["source"], (int?)additional[1]!["meeting"]));
        Assert.All(additional, a => Assert.Equal($"A/C.3/{session}/L.1/Rev.1", (string?)a!["afterIssueOf"]));
        var withdrawal = view["withdrawals"]!.AsArray().Single()!;
        Assert.Equal(("PHL", "original", meeting, "eSponsorship"),
            ((string?)withdrawal["iso3"], (string?)withdrawal["layer"], (int?)withdrawal["meeting"], (string?)withdrawal["source"]));
        Assert.Equal(["printed", "printed", "joined", "joined", "withdrawn", "listClosed"], view["timeline"]!.AsArray().Select(t => (string?)t!["step"]));
        Assert.Equal(["BLR", "ZMB", "KEN", "QAT", "CHL"], Iso3s(view["current"]));
        Assert.Equal(meeting, (int?)view["listClosed"]!["meeting"]);

        var african = view["groups"]!.AsArray().Single()!;
        Assert.Equal(("African Group", "2009-11-12"), ((string?)african["group"], (string?)african["date"]));
        Assert.Equal(53, african["members"]!.AsArray().Count);
        Assert.DoesNotContain("SSD", Iso3s(african["members"]));
        Assert.Contains("not sponsors", (string?)african["note"]);
    }

    /// <summary>The stored draft, which every command reads and writes, keeps a State's latest sponsorship only; the
    /// sponsorship's timeline is folded from the events, so no step of it is lost.</summary>
    [Fact]
    public async Task A_State_joining_and_withdrawing_again_and_again_keeps_every_step_in_the_timeline_and_one_entry_in_the_draft()
    {
        var session = app.NewSession();
        var draft = (await app.Submit(session, 1)).Id();
        var version = 1L;
        for (var cycle = 0; cycle < 3; cycle++)
        {
            version = (await app.Post($"/api/drafts/{draft}/sponsors", new { expectedVersion = version, delegations = new[] { "Chile" } })).ShouldBe(HttpStatusCode.OK).Json.Version();
            version = (await app.Post($"/api/drafts/{draft}/sponsor-withdrawals", new { expectedVersion = version, delegations = new[] { "Chile" } })).ShouldBe(HttpStatusCode.OK).Json.Version();
        }
        var rejoined = (await app.Post($"/api/drafts/{draft}/sponsors", new { expectedVersion = version, delegations = new[] { "Chile" } })).ShouldBe(HttpStatusCode.OK).Json;
        await app.ReadModelsCaughtUp();

        Assert.Equal(["BLR", "ZMB", "CHL"], Iso3s(rejoined["sponsors"]));
        var stored = (await app.Get($"/api/drafts/{draft}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(rejoined.ToJsonString(), stored.ToJsonString());
        var view = (await app.Get($"/api/drafts/{draft}/sponsors")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(["printed", "joined", "withdrawn", "joined", "withdrawn", "joined", "withdrawn", "joined"],
            view["timeline"]!.AsArray().Select(t => (string?)t!["step"]));
        Assert.Equal(4, view["additional"]!.AsArray().Count);
        Assert.Equal(3, view["withdrawals"]!.AsArray().Count);
        Assert.Equal(["BLR", "ZMB", "CHL"], Iso3s(view["current"]));
        var chile = (await app.Get($"/api/delegations/CHL/sponsorships?session={session}")).ShouldBe(HttpStatusCode.OK).Json["sponsorships"]!.AsArray();
        Assert.Null(Assert.Single(chile)!["withdrawnAt"]);
    }

    [Fact]
    public async Task Each_delegation_sees_what_it_sponsored_when_it_joined_and_what_it_withdrew()
    {
        var session = app.NewSession();
        var first = (await app.Submit(session, 1)).Id();
        var second = (await app.Submit(session, 2)).Id();
        var kenya = app.Token(Roles.Delegation, "KEN");
        (await app.Post($"/api/drafts/{first}/sponsors", new { expectedVersion = 1, delegations = new[] { "KEN" } }, kenya)).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{second}/sponsors", new { expectedVersion = 1, delegations = new[] { "Kenya" } }, kenya)).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{second}/sponsor-withdrawals", new { expectedVersion = 2, delegations = new[] { "Kenya" } }, kenya)).ShouldBe(HttpStatusCode.OK);
        await app.ReadModelsCaughtUp();

        var sponsorships = (await app.Get($"/api/delegations/KEN/sponsorships?session={session}")).ShouldBe(HttpStatusCode.OK).Json["sponsorships"]!.AsArray();

        Assert.Equal([$"A/C.3/{session}/L.1", $"A/C.3/{session}/L.2"], sponsorships.Select(s => (string?)s!["symbol"]).Order());
        Assert.All(sponsorships, s => Assert.Equal(("additional", "eSponsorship"), ((string?)s!["layer"], (string?)s["source"])));
        var withdrawn = sponsorships.Single(s => (string?)s!["symbol"] == $"A/C.3/{session}/L.2")!;
        Assert.Equal("eSponsorship", (string?)withdrawn["withdrawalSource"]);
        Assert.NotNull(withdrawn["withdrawnAt"]);
    }

    [Fact]
    public async Task Counts_by_regional_group_follow_each_joining_and_withdrawal()
    {
        var session = app.NewSession();
        var first = (await app.Submit(session, 1, "Belarus", "Chile", "United States of America")).Id();
        await app.Submit(session, 2, "Chile", new { delegation = "Zambia", onBehalfOf = "African Group" });
        (await app.Post($"/api/drafts/{first}/sponsors", new { expectedVersion = 1, delegations = new[] { "Turkey", "Peru" } })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{first}/sponsor-withdrawals", new { expectedVersion = 2, delegations = new[] { "Peru" } })).ShouldBe(HttpStatusCode.OK);
        await app.ReadModelsCaughtUp();

        var counts = (await app.Get($"/api/sessions/{session}/sponsorship-by-group")).ShouldBe(HttpStatusCode.OK).Json;

        Assert.Equal((2, 5, 6), ((int)counts["drafts"]!, (int)counts["states"]!, (int)counts["sponsorships"]!));
        var byGroup = counts["byGroup"]!.AsArray().ToDictionary(g => (string)g!["group"]!, g => ((int)g!["states"]!, (int)g["sponsorships"]!));
        Assert.Equal(new Dictionary<string, (int, int)>
        {
            ["African States"] = (1, 1), // Zambia, acting for the African Group, counts alone
            ["Eastern European States"] = (1, 1),
            ["Latin American and Caribbean States"] = (1, 2), // Chile on both drafts; Peru withdrew
            ["Western European and other States"] = (1, 1), // Turkey
            ["no regional group"] = (1, 1), // the United States
        }, byGroup);
        var l1 = counts["perDraft"]!.AsArray().Single(d => (string?)d!["symbol"] == $"A/C.3/{session}/L.1")!;
        Assert.Equal(4, (int)l1["states"]!);
        (await app.Get($"/api/sessions/{app.NewSession()}/sponsorship-by-group")).ShouldBeProblem(HttpStatusCode.NotFound, "session");
    }
}
