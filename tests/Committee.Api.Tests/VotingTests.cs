using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Committee.Infrastructure;

namespace Committee.Api.Tests;

/// <summary>Every kind of decision through the API, from opening the vote to the official record.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class VotingTests(CommitteeApp app)
{
    /// <summary>A draft introduced at an open meeting of a new session.</summary>
    private async Task<(int Session, string Id)> Introduced(int number = 22)
    {
        var session = app.NewSession();
        await app.OpenMeeting(session);
        var draft = await app.Submit(session, number);
        (await app.Post($"/api/drafts/{draft.Id()}/introduction", new { expectedVersion = 1, delegation = "Belarus" })).ShouldBe(HttpStatusCode.OK);
        return (session, draft.Id());
    }

    private async Task<string> Open(string draftId, string question = "proposal", string kind = "recorded", object? article19 = null)
    {
        var vote = (await app.Post($"/api/drafts/{draftId}/votes", new { question, kind, article19 })).ShouldBe(HttpStatusCode.Created);
        Assert.Equal($"/api/votes/{vote.Json["voteId"]}", vote.Location);
        return (string)vote.Json["voteId"]!;
    }

    private Task<Reply> Put(string url, object body, string? token = null) => app.Send(HttpMethod.Put, url, body, token ?? app.Secretariat);

    private static readonly string[] Alphabetical =
        ["AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE", "BHS", "BHR", "BGD", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN",
         "BOL", "BIH", "BWA", "BRA", "BRN", "BGR", "BFA", "BDI", "KHM", "CMR", "CAN", "CPV", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG", "CRI"];

    private static string[] Members2009(int skip, int take) => Alphabetical[skip..(skip + take)];

    [Fact]
    public async Task A_draft_recorded_without_its_text_is_put_to_the_vote_and_decided()
    {
        var session = app.NewSession();
        await app.OpenMeeting(session);
        var submission = JsonNode.Parse(JsonSerializer.Serialize(Drafts.Submission(session, 31), Json.Options))!;
        (submission["preamble"], submission["operative"], submission["textKnown"]) = (new JsonArray(), new JsonArray(), false);
        var draft = (await app.Post("/api/drafts", submission.ToJsonString())).ShouldBe(HttpStatusCode.Created).Json.Id();
        (await app.Post($"/api/drafts/{draft}/introduction", new { expectedVersion = 1, delegation = "Belarus" })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft}/division-requests", new { expectedVersion = 2, paragraph = "OP1", delegation = "Canada" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "paragraph", "not recorded");

        var vote = await Open(draft, "proposal", "non-recorded");
        var closed = (await app.Post($"/api/votes/{vote}/close", new { tally = new { yes = 90, no = 40, abstain = 20 } })).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("adopted", (string?)closed["outcome"]);
        Assert.Equal("adopted", (string?)(await app.Get($"/api/drafts/{draft}")).Json["status"]);
    }

    [Fact]
    public async Task A_recorded_vote_from_opening_to_the_official_record()
    {
        var (session, draft) = await Introduced();
        var vote = await Open(draft, article19: new[] { "Comoros" });

        // Rule 128: nothing else on the draft while the vote is open.
        (await app.Post($"/api/drafts/{draft}/sponsors", new { expectedVersion = 3, delegations = new[] { "Qatar" } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "id", "rule 128");

        (await Put($"/api/votes/{vote}/ballots/France", new { vote = "yes" })).ShouldBe(HttpStatusCode.OK);
        (await Put($"/api/votes/{vote}/ballots/FRA", new { vote = "no" })).ShouldBe(HttpStatusCode.OK);
        var same = (await Put($"/api/votes/{vote}/ballots/FRA", new { vote = "no" })).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, (int)same.Json["ballots"]!.AsArray().Count);
        (await Put($"/api/votes/{vote}/ballots/South%20Sudan", new { vote = "yes" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "delegation", "not a Member State");
        (await Put($"/api/votes/{vote}/ballots/Holy%20See", new { vote = "yes" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "delegation", "observers");
        (await Put($"/api/votes/{vote}/ballots/COM", new { vote = "yes" })).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "delegation", "Article 19");
        (await Put($"/api/votes/{vote}/ballots/maybe", new { vote = "perhaps" })).ShouldBe(HttpStatusCode.BadRequest);

        // A delegation votes for itself, and only for itself.
        (await Put($"/api/votes/{vote}/ballots/GBR", new { vote = "abstain" }, app.Token(Roles.Delegation, "GBR"))).ShouldBe(HttpStatusCode.OK);
        (await Put($"/api/votes/{vote}/ballots/USA", new { vote = "no" }, app.Token(Roles.Delegation, "GBR"))).ShouldBeProblem(HttpStatusCode.Forbidden, "delegation");
        (await app.Post($"/api/votes/{vote}/ballots", new { ballots = new[] { new { delegation = "USA", vote = "no" } } }, app.Token(Roles.Delegation, "USA")))
            .ShouldBe(HttpStatusCode.Forbidden);

        var board = Members2009(0, 30).Where(c => c != "COM").Select(c => new { delegation = c, vote = "yes" }).ToArray();
        (await app.Post($"/api/votes/{vote}/ballots", new { ballots = board })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/votes/{vote}/ballots", new { ballots = new[] { new { delegation = "DEU", vote = "yes" }, new { delegation = "SSD", vote = "no" } } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "ballots[1]", "South Sudan");

        var open = (await app.Get($"/api/votes/{vote}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("open", (string?)open["status"]);
        Assert.Null(open["record"]);
        (await app.Get($"/api/votes/{vote}/record.csv")).ShouldBeProblem(HttpStatusCode.Conflict, "voteId", "still open");

        var closed = (await app.Post($"/api/votes/{vote}/close", new { })).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("closed", (string?)closed["status"]);
        (await Put($"/api/votes/{vote}/ballots/DEU", new { vote = "yes" })).ShouldBeProblem(HttpStatusCode.Conflict, "voteId", "closed");
        (await app.Post($"/api/votes/{vote}/close", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "voteId", "already closed");

        var result = (await app.Get($"/api/votes/{vote}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal((30, 1, 1), ((int)result["yes"]!, (int)result["no"]!, (int)result["abstain"]!));
        Assert.Equal(192 - 32, (int)result["nonVoting"]!);
        Assert.Equal("adopted", (string?)result["outcome"]);
        Assert.Equal($"Draft resolution A/C.3/{session}/L.22 was adopted by a recorded vote of 30 to 1, with 1 abstention.", (string?)result["record"]!["sentence"]);
        Assert.Equal(["France"], result["record"]!["against"]!.AsArray().Select(n => (string)n!));
        Assert.Equal("United Kingdom of Great Britain and Northern Ireland", (string?)result["record"]!["abstaining"]![0]);
        Assert.Equal("article19", (string?)result["record"]!["notVoting"]!.AsArray().Single(n => (string)n!["iso3"]! == "COM")!["reason"]);
        Assert.Contains(result["ballots"]!.AsArray(), b => (string)b!["iso3"]! == "FRA" && (string)b["vote"]! == "no");

        var read = (await app.Get($"/api/drafts/{draft}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("adopted", (string?)read["status"]);
        Assert.Equal("adopted by a recorded vote of 30 to 1, with 1 abstention", (string?)read["action"]!["decision"]);
        var history = (await app.Get($"/api/drafts/{draft}/history")).Json.AsArray().Select(h => (string)h!["type"]!).ToList();
        Assert.Equal(["QuestionPutToTheVote", "DraftAdoptedByVote"], history[^2..]);

        var csv = await app.Host.Scenario(s => { s.Get.Url($"/api/votes/{vote}/record.csv"); s.StatusCodeShouldBe(200); });
        var lines = (await csv.ReadAsTextAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(1 + 192, lines.Length);
        Assert.Contains(lines, l => l.Contains(",Comoros,COM,non-voting,Article 19"));
        var negotiated = await app.Host.Scenario(s => { s.Get.Url($"/api/votes/{vote}/record"); s.WithRequestHeader("Accept", "text/csv"); s.StatusCodeShouldBe(200); });
        Assert.StartsWith("vote_id,date,question", await negotiated.ReadAsTextAsync());
        var json = (await app.Get($"/api/votes/{vote}/record.json")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal((string?)result["record"]!["sentence"], (string?)json["sentence"]);

        // A statement after the vote is a note; the tally stands.
        (await app.Post($"/api/votes/{vote}/intentions", new { delegation = "GBR", intended = "yes" })).ShouldBe(HttpStatusCode.OK);
        var noted = (await app.Get($"/api/votes/{vote}")).Json;
        Assert.Equal(30, (int)noted["yes"]!);
        Assert.Contains(noted["record"]!["notes"]!.AsArray(), n => ((string)n!).Contains("had intended to vote in favour"));

        // The voting record of a delegation follows through the read-model feed.
        await app.ReadModelsCaughtUp();
        var france = (await app.Get($"/api/delegations/FRA/votes?session={session}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("no", (string?)france["votes"]![0]!["vote"]);
        Assert.Equal(1, (int)france["counts"]!["no"]!);
        var agreement = (await app.Get($"/api/delegations/AFG/agreement/ALB?session={session}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal((1, 1, 1.0), ((int)agreement["common"]!, (int)agreement["identical"]!, (double)agreement["index"]!));
    }

    [Fact]
    public async Task Amendments_are_voted_first_in_order_and_an_adopted_one_changes_the_text()
    {
        var (session, draft) = await Introduced(7);
        var amendment = JsonSerializer.SerializeToNode(Drafts.Submission(session, 58, "Russian Federation"))!;
        amendment["kind"] = "amendment";
        amendment["concerns"] = $"A/C.3/{session}/L.7";
        amendment["changes"] = new JsonArray(new JsonObject { ["paragraph"] = "op1", ["kind"] = "replaced", ["text"] = "Urges all Governments to act," });
        var l58 = (await app.Post("/api/drafts", amendment.ToJsonString())).ShouldBe(HttpStatusCode.Created).Json;
        amendment["symbol"] = $"A/C.3/{session}/L.59";
        amendment["changes"] = new JsonArray(new JsonObject { ["paragraph"] = "OP9", ["kind"] = "deleted", ["text"] = null });
        (await app.Post("/api/drafts", amendment.ToJsonString())).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "changes[0]", "OP9");
        amendment["changes"] = new JsonArray(new JsonObject { ["paragraph"] = "OP1", ["kind"] = "deleted", ["text"] = null });
        (await app.Post("/api/drafts", amendment.ToJsonString())).ShouldBe(HttpStatusCode.Created);

        var order = (await app.Get($"/api/drafts/{draft}/voting-order")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        Assert.Equal([$"amendment:A/C.3/{session}/L.58", $"amendment:A/C.3/{session}/L.59", "proposal"], order.Select(q => (string)q!["question"]!["key"]!));
        (await app.Post($"/api/drafts/{draft}/votes", new { question = "proposal", kind = "recorded" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "question", "out of order");

        var vote = await Open(draft, $"amendment:A/C.3/{session}/L.58", "non-recorded");
        (await app.Post($"/api/votes/{vote}/close", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "tally");
        var closed = (await app.Post($"/api/votes/{vote}/close", new { tally = new { yes = 70, no = 50, abstain = 30 } })).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("adopted", (string?)closed["outcome"]);

        var amended = (await app.Get($"/api/drafts/{draft}")).Json;
        Assert.Equal("Urges all Governments to act,", (string?)amended["operative"]![0]);
        Assert.Equal("adopted", (string?)(await app.Get($"/api/drafts/{l58.Id()}")).Json["status"]);
        order = (await app.Get($"/api/drafts/{draft}/voting-order")).Json.AsArray();
        Assert.Equal("skipped", (string?)order[1]!["state"]);
        Assert.Contains("necessarily rejected", (string?)order[1]!["reason"]);

        var whole = await Open(draft);
        (await app.Post($"/api/votes/{whole}/ballots", new { ballots = Members2009(0, 3).Select(c => new { delegation = c, vote = "no" }) })).ShouldBe(HttpStatusCode.OK);
        var result = (await app.Post($"/api/votes/{whole}/close", new { })).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("rejected", (string?)result["outcome"]);
        var rejected = (await app.Get($"/api/drafts/{draft}")).Json;
        Assert.Equal("rejected", (string?)rejected["status"]);
        Assert.Equal($"Draft resolution A/C.3/{session}/L.7, as amended, was rejected by a recorded vote of none to 3, with no abstentions.",
            (string?)rejected["decisions"]!.AsArray()[^1]!["record"]);
    }

    [Fact]
    public async Task A_no_action_motion_adopted_ends_the_consideration_and_one_rejected_lets_the_vote_proceed()
    {
        var (_, draft) = await Introduced(3);
        (await app.Post($"/api/drafts/{draft}/motions", new { expectedVersion = 2, motion = "adjournDebate", delegation = "Iran" })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft}/motions", new { expectedVersion = 3, motion = "adjournDebate", delegation = "Cuba" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "motion");
        var vote = await Open(draft, "motion:adjournDebate", "non-recorded");
        (await app.Post($"/api/votes/{vote}/close", new { tally = new { yes = 80, no = 79, abstain = 20 } })).ShouldBe(HttpStatusCode.OK);
        var read = (await app.Get($"/api/drafts/{draft}")).Json;
        Assert.Equal("noAction", (string?)read["status"]);
        (await app.Post($"/api/drafts/{draft}/adoption-without-vote", new { expectedVersion = (long)read["version"]! }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "id", "no-action motion");

        var (_, other) = await Introduced(4);
        (await app.Post($"/api/drafts/{other}/motions", new { expectedVersion = 2, motion = "adjournDebate", delegation = "Iran" })).ShouldBe(HttpStatusCode.OK);
        var motion = await Open(other, "motion:adjournDebate", "non-recorded");
        (await app.Post($"/api/votes/{motion}/close", new { tally = new { yes = 70, no = 70, abstain = 20 } })).ShouldBe(HttpStatusCode.OK);
        var proceeding = (await app.Get($"/api/drafts/{other}")).Json;
        Assert.Equal("voting", (string?)proceeding["status"]);
        (await app.Post($"/api/drafts/{other}/adoption-without-vote", new { expectedVersion = (long)proceeding["version"]! })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_division_request_is_voted_paragraph_by_paragraph()
    {
        var (_, draft) = await Introduced(5);
        (await app.Post($"/api/drafts/{draft}/division-requests", new { expectedVersion = 2, paragraph = "OP2", delegation = "Cuba", objectedBy = "Canada" }))
            .ShouldBe(HttpStatusCode.OK);
        var motion = await Open(draft, "division:OP2", "non-recorded");
        (await app.Post($"/api/votes/{motion}/close", new { tally = new { yes = 90, no = 50, abstain = 10 } })).ShouldBe(HttpStatusCode.OK);
        var part = await Open(draft, "part:OP2", "non-recorded");
        var closed = (await app.Post($"/api/votes/{part}/close", new { tally = new { yes = 40, no = 90, abstain = 10 } })).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("rejected", (string?)closed["outcome"]);
        var read = (await app.Get($"/api/drafts/{draft}")).Json;
        Assert.Equal(2, read["operative"]!.AsArray().Count);
        Assert.Contains("was not retained by 40 votes to 90", (string?)read["decisions"]!.AsArray()[^1]!["record"]);
    }

    [Fact]
    public async Task Voting_is_documented_in_openapi()
    {
        var paths = (await app.Get("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK).Json["paths"]!.AsObject().Select(p => p.Key).ToHashSet();
        foreach (var path in new[] { "/api/drafts/{id}/votes", "/api/votes/{voteId}/ballots/{delegation}", "/api/votes/{voteId}/ballots", "/api/votes/{voteId}/close",
                     "/api/votes/{voteId}", "/api/votes/{voteId}/record", "/api/votes/{voteId}/record.csv", "/api/votes/{voteId}/record.json",
                     "/api/votes/{voteId}/intentions", "/api/votes/{voteId}/corrections", "/api/votes/{voteId}/official-tally",
                     "/api/drafts/{id}/voting-order", "/api/drafts/{id}/motions", "/api/drafts/{id}/division-requests", "/api/drafts/{id}/amendment-order",
                     "/api/delegations/{iso3}/votes", "/api/delegations/{a}/agreement/{b}" })
            Assert.Contains(path, paths);
    }
}
