using System.Net;
using System.Text.Json.Nodes;

namespace Committee.Api.Tests;

/// <summary>A draft's life recorded through the API, then read back as a historian would: its trail in words, the
/// draft and its session as they stood at several moments, and what each new text changed.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class HistoryTests(CommitteeApp app)
{
    private sealed record Lifecycle(string Id, int Session, int Meeting, JsonArray History);

    /// <summary>Submitted (v1), introduced (v2), Qatar and Zambia join (v3), revised as Rev.1 (v4), orally revised (v5), adopted (v6).</summary>
    private async Task<Lifecycle> Record()
    {
        var session = app.NewSession();
        var meeting = await app.OpenMeeting(session);
        var id = (await app.Submit(session, 22, "Belarus", "Philippines")).Id();
        async Task Act(string action, object body) => (await app.Post($"/api/drafts/{id}/{action}", body)).ShouldBe(HttpStatusCode.OK);
        await Act("introduction", new { expectedVersion = 1, delegation = "Belarus" });
        await Act("sponsors", new { expectedVersion = 2, delegations = new object[] { "Qatar", new { delegation = "Zambia", onBehalfOf = "African Group" } } });
        await Act("revisions", new
        {
            expectedVersion = 3, symbol = $"A/C.3/{session}/L.22/Rev.1", date = "2009-11-12", sponsors = new[] { "Belarus", "Philippines", "Azerbaijan" },
            preamble = new[] { "Recalling its resolution 63/194 of 18 December 2008,", "Recalling also Economic and Social Council resolution 2008/33," },
            operative = new[] { "Urges Governments to continue their efforts,", "Invites Member States to share best practices,", "Requests the Secretary-General to report,", "Decides to remain seized of the matter." },
        });
        await Act("oral-revisions", new { expectedVersion = 4, delegation = "Belarus", changes = new[] { new { paragraph = "OP1", kind = "replaced", text = "Urges all Governments to continue their efforts to criminalize trafficking," } } });
        await Act("adoption-without-vote", new { expectedVersion = 5 });
        var history = (await app.Get($"/api/drafts/{id}/history")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        return new Lifecycle(id, session, meeting, history);
    }

    /// <summary>A time between the draft's date of issue (10 November 2009) and its meeting's (12 November 2009).</summary>
    private const string BeforeTheMeeting = "2009-11-11T12%3A00%3A00Z";

    [Fact]
    public async Task The_trail_tells_each_action_in_words_with_its_meeting_and_who_recorded_it()
    {
        var (id, session, meeting, history) = await Record();
        Assert.Equal($"Submitted as A/C.3/{session}/L.22, dated 10 November 2009, by Belarus and Philippines", (string?)history[0]!["sentence"]);
        Assert.Equal($"Qatar and Zambia (on behalf of the African Group) joined as sponsors at the {Ordinal(meeting)} meeting", (string?)history[2]!["sentence"]);
        Assert.Equal($"Adopted without a vote, as orally revised, at the {Ordinal(meeting)} meeting", (string?)history[5]!["sentence"]);
        Assert.Equal(meeting, (int?)history[1]!["meeting"]);
        Assert.Null(history[0]!["meeting"]);
        Assert.All(history, h => Assert.Equal("secretariat", (string?)h!["recordedBy"]));

        var page = await app.Page($"/drafts/{id}/history");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<h1>History of A/C.3/", page.Text);
        Assert.Contains($"Adopted without a vote, as orally revised, at the {Ordinal(meeting)} meeting", page.Text);
        Assert.Contains($"/drafts/{id}/diff?to=4", page.Text);
        Assert.Contains($"/drafts/{id}?version=2", page.Text);
        Assert.Contains("<time datetime=\"2009-11-12\">12 November 2009</time>", page.Text);   // the meeting's date, the moment it was recorded beside it
        Assert.Contains("recorded <time", page.Text);
        var stood = await app.Page($"/drafts/{id}?version=5");
        Assert.Contains("as it stood at version 5:", stood.Text);
        Assert.DoesNotContain("(version 5)", stood.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Page($"/drafts/{Guid.NewGuid()}/history")).Status);
    }

    [Fact]
    public async Task The_draft_reads_as_it_stood_after_any_version_or_at_any_time()
    {
        var (id, session, _, history) = await Record();
        async Task<JsonNode> Then(string query) => (await app.Get($"/api/drafts/{id}?{query}")).ShouldBe(HttpStatusCode.OK).Json;

        var submitted = await Then("version=1");
        Assert.Equal((1, $"A/C.3/{session}/L.22", "submitted"), ((int)submitted["version"]!, (string)submitted["symbol"]!, (string)submitted["status"]!));
        Assert.Equal(["BLR", "PHL"], submitted["sponsors"]!.AsArray().Select(s => (string)s!["iso3"]!));

        // Read by when things happened: the draft as issued before its meeting, whenever it was recorded.
        var issued = await Then($"asOf={BeforeTheMeeting}");
        Assert.Equal((1, "submitted"), ((int)issued["version"]!, (string)issued["status"]!));

        var joined = await Then("version=3");
        Assert.Equal((3, "introduced"), ((int)joined["version"]!, (string)joined["status"]!));
        Assert.Equal("African Group", (string?)joined["sponsors"]!.AsArray().Single(s => (string)s!["iso3"]! == "ZMB")!["onBehalfOf"]);

        var page = await app.Page($"/drafts/{id}?version=3");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith("text/html", page.ContentType);
        Assert.Contains("Zambia, on behalf of the African Group (joined at the", page.Text);
        Assert.Contains("as it stood at version 3: introduced", page.Text);
        Assert.Contains("<span class=\"ref\">OP3</span> Decides to remain seized of the matter.", page.Text);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Page($"/drafts/{id}?version=9")).Status);

        var revised = await Then("version=4");
        Assert.Equal($"A/C.3/{session}/L.22/Rev.1", (string?)revised["symbol"]);
        Assert.Equal("Urges Governments to continue their efforts,", (string?)revised["operative"]![0]);
        Assert.Equal(["BLR", "PHL", "QAT", "ZMB", "AZE"], revised["sponsors"]!.AsArray().Select(s => (string)s!["iso3"]!));

        var adopted = await Then("version=6");
        Assert.Equal((await app.Get($"/api/drafts/{id}")).Json.ToJsonString(), adopted.ToJsonString());

        var before = Uri.EscapeDataString(DateTimeOffset.Parse((string)history[0]!["happened"]!).AddSeconds(-1).ToString("O"));
        (await app.Get($"/api/drafts/{id}?asOf={before}")).ShouldBeProblem(HttpStatusCode.NotFound, "asOf");
        (await app.Get($"/api/drafts/{id}?version=7")).ShouldBeProblem(HttpStatusCode.NotFound, "version");
        (await app.Get($"/api/drafts/{id}?version=0")).ShouldBeProblem(HttpStatusCode.BadRequest, "version");
        (await app.Get($"/api/drafts/{id}?version=1&asOf={before}")).ShouldBeProblem(HttpStatusCode.BadRequest, "version");
        (await app.Get($"/api/drafts/{id}?asOf=yesterday")).ShouldBeProblem(HttpStatusCode.BadRequest, "asOf");
    }

    [Fact]
    public async Task A_sessions_view_reads_as_it_stood_at_a_time()
    {
        var (id, session, meeting, _) = await Record();
        const string MeetingDay = "2009-11-12T15%3A00%3A00Z";
        var issued = (await app.Get($"/api/sessions/{session}?asOf={BeforeTheMeeting}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Null(issued["meeting"]);
        Assert.Equal(1, (int)issued["draftsByStatus"]!["submitted"]!);
        Assert.Equal(id, (string?)issued["agendaItems"]![0]!["drafts"]![0]!["id"]);

        var during = (await app.Get($"/api/sessions/{session}?asOf={MeetingDay}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(meeting, (int)during["meeting"]!["number"]!);
        Assert.Equal(1, (int)during["draftsByStatus"]!["adopted"]!);

        // Closed afterwards, on the meeting's day: as of that day, the meeting is over.
        (await app.Post($"/api/sessions/{session}/meetings/{meeting}/closure", new { })).ShouldBe(HttpStatusCode.OK);
        await app.ReadModelsCaughtUp();
        Assert.Null((await app.Get($"/api/sessions/{session}?asOf={MeetingDay}")).ShouldBe(HttpStatusCode.OK).Json["meeting"]);

        var now = (await app.Get($"/api/sessions/{session}")).ShouldBe(HttpStatusCode.OK).Json;
        var atTheEnd = (await app.Get($"/api/sessions/{session}?asOf={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(now.ToJsonString(), atTheEnd.ToJsonString());
        Assert.Null(now["meeting"]);
        (await app.Get($"/api/sessions/{session}?asOf=2000-01-01T00:00:00Z")).ShouldBeProblem(HttpStatusCode.NotFound, "asOf");
    }

    [Fact]
    public async Task Each_text_is_a_version_and_any_two_compare_paragraph_by_paragraph()
    {
        var (id, session, meeting, _) = await Record();
        var versions = (await app.Get($"/api/drafts/{id}/versions")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        Assert.Equal([$"A/C.3/{session}/L.22", $"A/C.3/{session}/L.22/Rev.1", $"A/C.3/{session}/L.22/Rev.1 as orally revised at the {Ordinal(meeting)} meeting"],
            versions.Select(v => (string)v!["label"]!));
        Assert.Equal([1, 4, 5], versions.Select(v => (int)v!["version"]!));

        var revision = (await app.Get($"/api/drafts/{id}/diff?from=1&to=4")).ShouldBe(HttpStatusCode.OK).Json;
        var paragraphs = revision["changes"]!["paragraphs"]!.AsArray();
        Assert.Equal("added", (string?)paragraphs.Single(p => (string?)p!["to"] == "OP2")!["change"]);
        var op3 = paragraphs.Single(p => (string?)p!["from"] == "OP2")!;
        Assert.Equal(("OP3", true, "unchanged"), ((string?)op3["to"], (bool)op3["renumbered"]!, (string?)op3["change"]));

        var oral = (await app.Get($"/api/drafts/{id}/diff")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal((4, 5), ((int)oral["from"]!["version"]!, (int)oral["to"]!["version"]!));
        var op1 = oral["changes"]!["paragraphs"]!.AsArray().Single(p => (string?)p!["change"] == "changed")!;
        Assert.Equal("OP1", (string?)op1["to"]);
        Assert.Contains(op1["words"]!.AsArray(), w => (string?)w!["kind"] == "inserted" && ((string)w["text"]!).Contains("all"));

        var page = await app.Page($"/drafts/{id}/diff?from=1&to=5");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("<ins>", page.Text);
        Assert.Contains("OP2, now OP3", page.Text);
        Assert.Contains("<option value=\"changes\" selected>changes only</option>", page.Text);
        Assert.DoesNotContain("Recalling also Economic", page.Text);   // unchanged: counted, not shown
        Assert.Contains("unchanged paragraphs not shown", page.Text);
        Assert.Contains("Recalling also Economic", (await app.Page($"/drafts/{id}/diff?from=1&to=5&show=all")).Text);
        (await app.Get($"/api/drafts/{id}/diff?from=2&to=5")).ShouldBeProblem(HttpStatusCode.NotFound, "from", "texts are versions 1, 4, 5");
        (await app.Get($"/api/drafts/{id}/diff?from=first")).ShouldBeProblem(HttpStatusCode.BadRequest, "from");
    }

    private static string Ordinal(int n) => n + (n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" });
}
