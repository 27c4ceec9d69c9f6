using Marten.Events;
using System.Net;
using System.Text.Json.Nodes;
using Committee.Imports;
using Committee.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Committee.Api.Tests;

/// <summary>The 78th session imported from the UN Digital Library's records (shared/data/undl/session78-c3-drafts.csv).
/// Every figure below was checked by hand against the file.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class UndlImportTests(CommitteeApp app)
{
    private static UndlImportReport? _first;

    private static string Csv => SharedFiles.Path("undl/session78-c3-drafts.csv");

    private async Task<UndlImportReport> Import()
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UndlImport>().Run(Csv, null, TestContext.Current.CancellationToken);
    }

    /// <summary>The session, imported once for the class (the tests of a collection run one after another).</summary>
    private async Task<UndlImportReport> Imported()
    {
        if (_first is null)
        {
            _first = await Import();
            // 236 events at once: more than the usual wait for the read models.
            await app.Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(1));
        }
        return _first;
    }

    private async Task<JsonNode> Draft(string symbol)
    {
        await Imported();
        var found = (await app.Get($"/api/drafts?symbol={Uri.EscapeDataString(symbol)}")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        return Assert.Single(found)!;
    }

    private async Task<JsonNode> Sponsorship(string symbol) =>
        (await app.Get($"/api/drafts/{(await Draft(symbol)).Id()}/sponsors")).ShouldBe(HttpStatusCode.OK).Json;

    private static List<string?> Iso3s(JsonNode? list) => list!.AsArray().Select(s => (string?)s!["iso3"]).ToList();

    [Fact]
    public async Task The_94_documents_become_73_drafts_with_every_name_resolved_or_reported()
    {
        var report = await Imported();

        Assert.Equal((94, 94, 0), (report.Documents, report.Recorded, report.AlreadyRecorded));
        Assert.Empty(report.NotImported);
        Assert.Equal(73, (await app.Get("/api/drafts?session=78")).Json.AsArray().Count);
        Assert.Collection(report.Unresolved,
            palestine => Assert.Equal(("A/C.3/78/L.62", "State of Palestine", true), (palestine.Symbol, palestine.Name, palestine.Reason.Contains("resolution ES-10/23"))),
            sudan => Assert.Equal(("A/C.3/78/L.64", "Sudan", "Sudan is not a sponsor of A/C.3/78/L.64"), (sudan.Symbol, sudan.Name, sudan.Reason)));
    }

    [Fact]
    public async Task Double_encoded_names_short_forms_and_misspellings_are_repaired_and_reported()
    {
        var repairs = (await Imported()).Repairs.ToDictionary(r => r.Listed);

        Assert.Equal(("Türkiye", UndlNames.Mojibake, 23), (repairs["TÃ¼rkiye"].Repaired, repairs["TÃ¼rkiye"].How, repairs["TÃ¼rkiye"].Symbols.Count));
        Assert.Equal(("Côte d'Ivoire", 21), (repairs["CÃ´te d'Ivoire"].Repaired, repairs["CÃ´te d'Ivoire"].Symbols.Count));
        Assert.Equal(("Ireland", "A/C.3/78/L.11"), (repairs["Ir eland"].Repaired, Assert.Single(repairs["Ir eland"].Symbols)));
        Assert.Equal("United Kingdom of Great Britain and Northern Ireland", repairs["United Kingdom"].Repaired);
        Assert.Equal(("A/78/481/Add.2", "A/C.3/78/L.32"), (repairs["AA/78/481/Add.2"].Repaired, Assert.Single(repairs["AA/78/481/Add.2"].Symbols)));
        var turkiye = (await app.Get("/api/delegations/TUR/sponsorships?session=78")).ShouldBe(HttpStatusCode.OK).Json["sponsorships"]!.AsArray();
        Assert.Equal(23, turkiye.Count);
        Assert.Equal("Türkiye", (string?)(await Draft("A/C.3/78/L.10"))["sponsors"]!.AsArray().Single(s => (string?)s!["iso3"] == "TUR")!["delegation"]);
    }

    [Fact]
    public async Task Trafficking_in_persons_L12_is_revised_with_23_printed_sponsors_and_26_who_joined_after_issue()
    {
        var view = await Sponsorship("A/C.3/78/L.12");

        var printed = view["printed"]!.AsArray();
        Assert.Equal(["A/C.3/78/L.12", "A/C.3/78/L.12/Rev.1"], printed.Select(p => (string?)p!["symbol"]));
        Assert.Equal(["BLR", "RUS"], Iso3s(printed[0]!["sponsors"]));
        Assert.Equal(["ATG", "ARM", "AZE", "BGD", "BLR", "CHN", "PRK", "DOM", "ECU", "GNQ", "ERI", "KAZ", "KGZ", "MMR", "NIC", "NGA", "RUS", "LKA", "TUN", "UZB", "VEN", "VNM", "ZWE"],
            Iso3s(printed[1]!["sponsors"]));
        var additional = view["additional"]!.AsArray();
        Assert.Equal(["DZA", "BHS", "BOL", "BFA", "BDI", "CMR", "COG", "CRI", "CIV", "EGY", "SLV", "GTM", "HTI", "JAM", "KEN", "LAO", "MWI", "MLI", "MEX", "NER", "PAK", "PHL", "QAT", "TJK", "THA", "TKM"],
            Iso3s(additional));
        Assert.All(additional, a => Assert.Equal(("report", "A/78/482", "A/C.3/78/L.12/Rev.1", "2023-11-02T00:00:00+00:00"),
            ((string?)a!["source"], (string?)a["recordedIn"], (string?)a["afterIssueOf"], (string?)a["joinedAt"])));
        Assert.Equal(49, view["current"]!.AsArray().Count);
        Assert.Equal(["printed", "printed", "joined"], view["timeline"]!.AsArray().Select(t => (string?)t!["step"]));

        var draft = await Draft("A/C.3/78/L.12/Rev.1");
        Assert.Equal(("A/C.3/78/L.12/Rev.1", false, "107", "import/undl"), ((string?)draft["symbol"], (bool)draft["textKnown"]!, (string?)draft["agendaItem"],
            (string?)(await app.Get($"/api/drafts/{draft.Id()}/history")).Json[0]!["recordedBy"]));
        Assert.Contains(draft["notes"]!.AsArray(), n => (string?)n!["text"] == "A/C.3/78/L.12/Rev.1: became resolution A/RES/78/228; committee report A/78/482");
    }

    [Fact]
    public async Task A_sponsor_on_behalf_of_the_African_Group_stays_one_sponsor_and_the_group_shows_its_members_on_the_date()
    {
        var view = await Sponsorship("A/C.3/78/L.13");

        var madagascar = view["printed"]![0]!["sponsors"]!.AsArray().Single()!;
        Assert.Equal(("MDG", "African Group"), ((string?)madagascar["iso3"], (string?)madagascar["onBehalfOf"]));
        Assert.Equal(22, view["current"]!.AsArray().Count); // Madagascar and the 21 additional sponsors, Türkiye among them
        var african = view["groups"]!.AsArray().Single()!;
        Assert.Equal(("2023-10-10", 54), ((string?)african["date"], african["members"]!.AsArray().Count));
        Assert.Contains("SSD", Iso3s(african["members"]));

        var g77 = (await Sponsorship("A/C.3/78/L.15/Rev.1"))["groups"]!.AsArray().Single()!;
        Assert.Equal("Group of 77 and China", (string?)g77["group"]);
        Assert.Null(g77["members"]);
    }

    [Fact]
    public async Task The_reports_corrections_apply_original_sponsors_are_added_and_an_impossible_removal_stays_a_note()
    {
        var l29 = await Sponsorship("A/C.3/78/L.29");
        var printed = Iso3s(l29["printed"]![0]!["sponsors"]);
        Assert.Equal(14, printed.Count); // 12 printed, and Bolivia and Malaysia, "original sponsors of the draft resolution (A/78/479)"
        Assert.Equal(["BOL", "MYS"], printed[^2..]);
        var additional = Iso3s(l29["additional"]);
        Assert.Equal(15, additional.Count);
        Assert.Equal(["VCT", "SAU"], additional[^2..]); // "… Saint Vincent and the Grenadines and Saudi Arabia (A/78/479)"

        var l64 = await Draft("A/C.3/78/L.64");
        Assert.Equal(["ZMB", "BOL", "ECU"], Iso3s(l64["sponsors"]));
        Assert.Contains(l64["notes"]!.AsArray(), n => (string?)n!["text"] == "Sudan was removed from the list of sponsors of the draft resolution (A/78/475).");
    }

    [Fact]
    public async Task The_State_of_Palestine_printed_on_L62_is_not_recorded_as_a_sponsor_in_the_78th_session()
    {
        var view = await Sponsorship("A/C.3/78/L.62");
        Assert.Equal(28, view["printed"]![0]!["sponsors"]!.AsArray().Count);
        Assert.Equal(64, view["current"]!.AsArray().Count);
        Assert.DoesNotContain("PSE", Iso3s(view["current"]));
    }

    [Fact]
    public async Task Amendments_and_budget_statements_concern_their_drafts_and_outcomes_stay_notes_for_the_vote()
    {
        var l58 = await Draft("A/C.3/78/L.58");
        Assert.Equal(("amendment", "A/C.3/78/L.7", (await Draft("A/C.3/78/L.7")).Id()),
            ((string?)l58["kind"], (string?)l58["concerns"]!["symbol"], (string?)l58["concerns"]!["draftId"]));
        var joined = (await Sponsorship("A/C.3/78/L.58"))["additional"]!.AsArray();
        Assert.Equal(["FSM", "NZL", "UKR", "GBR", "USA"], Iso3s(joined));
        Assert.All(joined, a => Assert.Equal("A/78/478", (string?)a!["recordedIn"]));
        Assert.Contains(l58["notes"]!.AsArray(), n => (string?)n!["text"] == "The amendment was adopted by the Committee (A/78/478).");

        var l63 = await Draft("A/C.3/78/L.63");
        Assert.Equal(("A/C.3/78/L.31/Rev.1", (await Draft("A/C.3/78/L.31")).Id()), ((string?)l63["concerns"]!["symbol"], (string?)l63["concerns"]!["draftId"]));

        var l70 = await Draft("A/C.3/78/L.70");
        Assert.Equal(("budgetStatement", "A/C.3/78/L.43", "134, 71 (c)"), ((string?)l70["kind"], (string?)l70["concerns"]!["symbol"], (string?)l70["agendaItem"]));
        Assert.Empty(l70["sponsors"]!.AsArray());
        Assert.Contains(l70["notes"]!.AsArray(), n => ((string?)n!["text"])!.Contains("submitted by the Secretary-General in accordance with rule 153"));

        var note = await Draft("A/C.3/78/L.1/Add.1");
        Assert.Equal(("note", "A/C.3/78/L.1"), ((string?)note["kind"], (string?)note["symbol"]));
        Assert.Equal(["A/C.3/78/L.1", "A/C.3/78/L.1/Add.1"], note["symbols"]!.AsArray().Select(s => (string?)s));
        Assert.Equal("draftDecision", (string?)(await Draft("A/C.3/78/L.72"))["kind"]);
    }

    [Fact]
    public async Task Counts_by_regional_group_cover_the_session()
    {
        await Imported();
        var counts = (await app.Get("/api/sessions/78/sponsorship-by-group")).ShouldBe(HttpStatusCode.OK).Json;

        Assert.Equal((73, 188, 2914), ((int)counts["drafts"]!, (int)counts["states"]!, (int)counts["sponsorships"]!));
        var l12 = counts["perDraft"]!.AsArray().Single(d => (string?)d!["symbol"] == "A/C.3/78/L.12/Rev.1")!;
        Assert.Equal(
            [("African States", 16), ("Asia-Pacific States", 16), ("Eastern European States", 4), ("Latin American and Caribbean States", 13)],
            l12["byGroup"]!.AsArray().Select(g => ((string)g!["group"]!, (int)g["states"]!)));
    }

    [Fact]
    public async Task Importing_again_changes_nothing()
    {
        await Imported();
        await using var query = app.Store.QuerySession();
        var before = await query.Events.QueryAllRawEvents().CountAsync(TestContext.Current.CancellationToken);

        var again = await Import();

        Assert.Equal((0, 94, 0), (again.Recorded, again.AlreadyRecorded, again.Events));
        Assert.Empty(again.NotImported);
        Assert.Equal(before, await query.Events.QueryAllRawEvents().CountAsync(TestContext.Current.CancellationToken));
    }
}
