using System.Net;

namespace Committee.Api.Tests;

/// <summary>Bad input gets a clear problem naming the field, and changes nothing.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class ErrorTests(CommitteeApp app)
{
    [Fact]
    public async Task Malformed_json_is_a_400_problem()
    {
        var reply = await app.Post("/api/drafts", "{\"symbol\": \"A/C.3/64/L.1\", ");
        reply.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Equal(400, (int)reply.Json["status"]!);
    }

    [Fact]
    public async Task A_field_of_the_wrong_type_is_a_400_naming_the_field()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        var reply = await app.Post($"/api/drafts/{draft.Id()}/sponsors", "{\"expectedVersion\": \"one\", \"delegations\": [\"Qatar\"]}");
        reply.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("expectedVersion", reply.Json.ToJsonString());
        await AssertUnchanged(draft.Id(), 1);
    }

    [Fact]
    public async Task A_missing_required_field_is_a_400_naming_the_field()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        var reply = await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { delegations = new[] { "Qatar" } });
        reply.ShouldBe(HttpStatusCode.BadRequest);
        Assert.Contains("expectedVersion", reply.Json.ToJsonString());
        await AssertUnchanged(draft.Id(), 1);
    }

    [Fact]
    public async Task An_oversized_body_is_a_400()
    {
        var huge = new string('x', 1_100_000);
        var reply = await app.Post("/api/drafts", $"{{\"symbol\": \"{huge}\"}}");
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "body", "larger than");
    }

    [Fact]
    public async Task A_blank_title_is_a_400_naming_it()
    {
        var session = app.NewSession();
        var submission = System.Text.Json.JsonSerializer.SerializeToNode(Drafts.Submission(session, 3))!;
        submission["title"] = "  ";
        (await app.Post("/api/drafts", submission.ToJsonString())).ShouldBeProblem(HttpStatusCode.BadRequest, "title");
        Assert.Empty((await app.Get($"/api/drafts?session={session}")).Json.AsArray());
    }

    [Fact]
    public async Task An_unknown_delegation_is_a_422_naming_it_and_nothing_is_stored()
    {
        var session = app.NewSession();
        (await app.Post("/api/drafts", Drafts.Submission(session, 4, "Belarus", "Narnia")))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "sponsors[1]", "Narnia");
        Assert.Empty((await app.Get($"/api/drafts?session={session}")).Json.AsArray());
    }

    [Fact]
    public async Task A_symbol_that_exists_is_a_409()
    {
        var session = app.NewSession();
        await app.Submit(session, 7);
        (await app.Post("/api/drafts", Drafts.Submission(session, 7))).ShouldBeProblem(HttpStatusCode.Conflict, "symbol", "already exists");
        Assert.Single((await app.Get($"/api/drafts?session={session}")).Json.AsArray());
    }

    [Fact]
    public async Task Joining_twice_is_a_409_and_withdrawing_a_sponsorship_that_does_not_exist_a_422()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "BLR" } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "delegations[0]", "already a sponsor");
        (await app.Post($"/api/drafts/{draft.Id()}/sponsor-withdrawals", new { expectedVersion = 1, delegations = new[] { "Chile" } }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "delegations[0]", "not a sponsor");
        await AssertUnchanged(draft.Id(), 1);
    }

    [Fact]
    public async Task Revising_a_draft_on_which_action_has_been_taken_is_a_409()
    {
        var session = app.NewSession();
        await app.OpenMeeting(session);
        var draft = await app.Submit(session, 1);
        (await app.Post($"/api/drafts/{draft.Id()}/introduction", new { expectedVersion = 1, delegation = "Belarus" })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft.Id()}/adoption-without-vote", new { expectedVersion = 2 })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft.Id()}/revisions", new
        {
            expectedVersion = 3, symbol = $"A/C.3/{session}/L.1/Rev.1", date = "2009-11-20", sponsors = new[] { "Belarus" },
            preamble = Array.Empty<string>(), operative = new[] { "Decides." },
        })).ShouldBeProblem(HttpStatusCode.Conflict, "id", "adopted without a vote");
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 3, delegations = new[] { "Chile" } }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "id", "closed");
        await AssertUnchanged(draft.Id(), 3);
    }

    [Fact]
    public async Task Floor_actions_need_a_meeting_in_progress()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        (await app.Post($"/api/drafts/{draft.Id()}/introduction", new { expectedVersion = 1, delegation = "Belarus" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "meeting", "no meeting");
    }

    [Fact]
    public async Task An_unknown_draft_is_a_404_problem()
    {
        var missing = Guid.NewGuid();
        (await app.Get($"/api/drafts/{missing}")).ShouldBeProblem(HttpStatusCode.NotFound, "id");
        (await app.Post($"/api/drafts/{missing}/sponsors", new { expectedVersion = 1, delegations = new[] { "Chile" } }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "id");
        (await app.Get($"/api/drafts/{missing}/history")).ShouldBeProblem(HttpStatusCode.NotFound, "id");
        (await app.Get($"/api/drafts/{missing}/sponsors")).ShouldBeProblem(HttpStatusCode.NotFound, "id");
    }

    [Fact]
    public async Task A_command_without_an_idempotency_key_is_a_400()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        var reply = await app.Send(HttpMethod.Post, $"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Chile" } },
            app.Secretariat);
        reply.ShouldBeProblem(HttpStatusCode.BadRequest, "Idempotency-Key");
        await AssertUnchanged(draft.Id(), 1);
    }

    [Fact]
    public async Task A_query_value_that_cannot_be_parsed_is_a_400()
    {
        (await app.Get("/api/drafts?session=sixty-four")).ShouldBe(HttpStatusCode.BadRequest);
    }

    private async Task AssertUnchanged(string id, long version)
    {
        var draft = (await app.Get($"/api/drafts/{id}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(version, draft.Version());
        Assert.Equal((int)version, (await app.Get($"/api/drafts/{id}/history")).Json.AsArray().Count);
    }
}
