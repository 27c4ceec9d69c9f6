using System.Net;
using System.Text.Json.Nodes;

namespace Committee.Api.Tests;

[Collection(nameof(CommitteeCollection))]
public sealed class LifecycleTests(CommitteeApp app)
{
    [Fact]
    public async Task A_draft_is_recorded_from_tabling_to_adoption_and_read_back_as_recorded()
    {
        var session = app.NewSession();
        var meeting = await app.OpenMeeting(session);
        var draft = await app.Submit(session, 22);
        var id = draft.Id();
        Assert.Equal(1, draft.Version());
        Assert.Equal(id, (await app.Get($"/api/drafts/{id}")).ShouldBe(HttpStatusCode.OK).Json.Id());

        var v = draft.Version();
        async Task<JsonNode> Act(string action, object body)
        {
            var reply = (await app.Post($"/api/drafts/{id}/{action}", body)).ShouldBe(HttpStatusCode.OK).Json;
            Assert.Equal(v + 1, reply.Version());
            v = reply.Version();
            return reply;
        }

        await Act("introduction", new { expectedVersion = v, delegation = "Belarus" });
        await Act("sponsors", new { expectedVersion = v, delegations = new object[] { "Qatar", "ECU", new { delegation = "Nicaragua" } } });
        await Act("sponsor-withdrawals", new { expectedVersion = v, delegations = new[] { "Qatar" } });
        await Act("revisions", new
        {
            expectedVersion = v, symbol = $"A/C.3/{session}/L.22/Rev.1", date = "2009-11-12",
            sponsors = new object[] { "Belarus", "Azerbaijan", new { delegation = "Zambia", onBehalfOf = "the States Members of the United Nations that are members of the African Group" } },
            preamble = new[] { "Recalling its resolution 63/194,", "Welcoming the Human Rights Council resolution of 12 June 2009," },
            operative = new[] { "Urges Governments to continue their efforts,", "Decides to remain seized of the matter." },
        });
        await Act("corrections", new { expectedVersion = v, symbol = $"A/C.3/{session}/L.22/Rev.1/Corr.1", date = "2009-11-12", title = "Improving the coordination of efforts against trafficking in persons (corrected)" });
        await Act("oral-revisions", new
        {
            expectedVersion = v, delegation = "BLR",
            changes = new object[] { new { paragraph = "OP2", kind = "inserted", text = "Invites Member States to consider ratifying the Convention," }, new { paragraph = "OP1", kind = "replaced", text = "Urges all Governments to continue their efforts," } },
        });
        await Act("budget-implications", new { expectedVersion = v, hasImplications = false });
        await Act("deferrals", new { expectedVersion = v });
        var adopted = await Act("adoption-without-vote", new { expectedVersion = v });

        var read = (await app.Get($"/api/drafts/{id}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(adopted.ToJsonString(), read.ToJsonString());
        Assert.Equal("adopted", (string?)read["status"]);
        Assert.Equal($"A/C.3/{session}/L.22/Rev.1", (string?)read["symbol"]);
        Assert.Equal("adopted without a vote, as orally revised", (string?)read["action"]!["decision"]);
        Assert.Equal(meeting, (int)read["action"]!["meeting"]!);
        Assert.Equal(new[] { "Urges all Governments to continue their efforts,", "Invites Member States to consider ratifying the Convention,", "Decides to remain seized of the matter." },
            read["operative"]!.AsArray().Select(p => (string)p!));
        Assert.Equal("Belarus", (string?)read["introduction"]!["delegation"]);

        var sponsors = read["sponsors"]!.AsArray().Select(s => new
        {
            Iso3 = (string)s!["iso3"]!, Layer = (string)s["layer"]!, OnBehalfOf = (string?)s["onBehalfOf"], Withdrawn = s["withdrawnAt"] is not null,
            PrintedOn = (string?)s["printedOn"],
        }).ToList();
        Assert.Equal(["BLR", "ZMB", "QAT", "ECU", "NIC", "AZE"], sponsors.Select(s => s.Iso3));
        Assert.Equal("African Group", sponsors.Single(s => s.Iso3 == "ZMB").OnBehalfOf);
        Assert.True(sponsors.Single(s => s.Iso3 == "QAT").Withdrawn);
        Assert.Equal("additional", sponsors.Single(s => s.Iso3 == "ECU").Layer);
        Assert.Equal(("original", $"A/C.3/{session}/L.22/Rev.1"), (sponsors.Single(s => s.Iso3 == "AZE").Layer, sponsors.Single(s => s.Iso3 == "AZE").PrintedOn));

        var history = (await app.Get($"/api/drafts/{id}/history")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        Assert.Equal(["DraftSubmitted", "DraftIntroduced", "SponsorsJoined", "SponsorshipWithdrawn", "DraftRevised", "DraftCorrected",
            "DraftOrallyRevised", "ProgrammeBudgetImplicationsStated", "ActionDeferred", "AdoptedWithoutVote"], history.Select(h => (string)h!["type"]!));
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), history.Select(h => (long)h!["version"]!));
        Assert.All(history, h => Assert.Equal("secretariat", (string?)h!["recordedBy"]));
        Assert.Equal(meeting, (int)history[1]!["data"]!["meeting"]!);
    }

    [Fact]
    public async Task A_draft_is_found_by_any_of_its_symbols_by_session_sponsor_and_status()
    {
        var session = app.NewSession();
        var first = await app.Submit(session, 1);
        var second = await app.Submit(session, 2, "Mexico");
        (await app.Post($"/api/drafts/{first.Id()}/revisions", new
        {
            expectedVersion = 1, symbol = $"A/C.3/{session}/L.1/Rev.1", date = "2009-11-12", sponsors = new[] { "Belarus" },
            preamble = Array.Empty<string>(), operative = new[] { "Decides to remain seized of the matter." },
        })).ShouldBe(HttpStatusCode.OK);

        async Task<string[]> Ids(string query) =>
            (await app.Get($"/api/drafts?{query}")).ShouldBe(HttpStatusCode.OK).Json.AsArray().Select(d => (string)d!["id"]!).ToArray();

        Assert.Equal([first.Id()], await Ids($"symbol=A/C.3/{session}/L.1"));
        Assert.Equal([first.Id()], await Ids($"symbol=A/C.3/{session}/L.1/Rev.1"));
        Assert.Equal([first.Id(), second.Id()], await Ids($"session={session}"));
        Assert.Equal([second.Id()], await Ids($"session={session}&sponsor=MEX"));
        Assert.Equal([first.Id(), second.Id()], await Ids($"session={session}&status=submitted"));
        Assert.Empty(await Ids($"session={session}&status=adopted"));
        Assert.Empty(await Ids("symbol=A/C.3/64/L.9999"));
        (await app.Get("/api/drafts?status=voted")).ShouldBeProblem(HttpStatusCode.BadRequest, "status");
    }

    [Fact]
    public async Task The_session_view_and_each_delegations_activity_follow_the_events()
    {
        var session = app.NewSession();
        var meeting = await app.OpenMeeting(session);
        var draft = await app.Submit(session, 5);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Turkey" } })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/sessions/{session}/floor/draft", new { draftId = draft.Id() })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsor-withdrawals", new { expectedVersion = 2, delegations = new[] { "TUR" } })).ShouldBe(HttpStatusCode.OK);
        await app.ReadModelsCaughtUp();

        var view = (await app.Get($"/api/sessions/{session}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(meeting, (int)view["meeting"]!["number"]!);
        Assert.Equal(draft.Id(), (string?)view["floor"]!["draftId"]);
        Assert.Equal("104", (string?)view["floor"]!["agendaItem"]);
        var item = view["agendaItems"]!.AsArray().Single()!;
        Assert.Equal("Crime prevention and criminal justice", (string?)item["agendaItemTitle"]);
        Assert.Equal(3, (long)item["drafts"]![0]!["version"]!);
        Assert.Equal(1, (int)view["draftsByStatus"]!["submitted"]!);

        var turkey = (await app.Get($"/api/delegations/TUR/sponsorships?session={session}")).ShouldBe(HttpStatusCode.OK).Json;
        var entry = turkey["sponsorships"]!.AsArray().Single()!;
        Assert.Equal("additional", (string?)entry["layer"]);
        Assert.Equal(meeting, (int)entry["joinedAtMeeting"]!);
        Assert.NotNull(entry["withdrawnAt"]);
        var zambia = (await app.Get($"/api/delegations/ZMB/sponsorships?session={session}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("African Group", (string?)zambia["sponsorships"]![0]!["onBehalfOf"]);

        (await app.Post($"/api/sessions/{session}/meetings/{meeting}/closure", new { })).ShouldBe(HttpStatusCode.OK);
        await app.ReadModelsCaughtUp();
        view = (await app.Get($"/api/sessions/{session}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Null(view["meeting"]);
        Assert.Equal(meeting, (int)view["meetingsHeld"]!);
    }

    [Fact]
    public async Task An_amendment_is_its_own_L_document_concerning_the_draft_it_amends()
    {
        var session = app.NewSession();
        var draft = await app.Submit(session, 7);
        var amendment = System.Text.Json.JsonSerializer.SerializeToNode(Drafts.Submission(session, 58, "Russian Federation"))!;
        amendment["kind"] = "amendment";
        amendment["concerns"] = $"A/C.3/{session}/L.99";
        (await app.Post("/api/drafts", amendment.ToJsonString())).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "concerns");
        amendment["concerns"] = $"A/C.3/{session}/L.7";
        var created = (await app.Post("/api/drafts", amendment.ToJsonString())).ShouldBe(HttpStatusCode.Created).Json;
        Assert.Equal("amendment", (string?)created["kind"]);
        Assert.Equal(draft.Id(), (string?)created["concerns"]!["draftId"]);
    }

    [Fact]
    public async Task Each_projection_keeps_to_its_own_streams()
    {
        var session = app.NewSession();
        await app.OpenMeeting(session);
        var draft = await app.Submit(session, 3);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Chile" } })).ShouldBe(HttpStatusCode.OK);

        await using var query = app.Store.QuerySession();
        var id = Guid.Parse(draft.Id());
        Assert.Null(await query.LoadAsync<Committee.Domain.Vote>(id, TestContext.Current.CancellationToken));
        Assert.Null(await query.LoadAsync<Committee.Domain.SessionFloor>(id, TestContext.Current.CancellationToken));
        Assert.Null(await query.LoadAsync<Committee.Domain.Draft>(Committee.Domain.SessionFloor.StreamId(session), TestContext.Current.CancellationToken));
    }
}
