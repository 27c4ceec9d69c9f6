using System.Net;
using Committee.Infrastructure;

namespace Committee.Api.Tests;

/// <summary>Read what you just did: a command's reply names its sequence, and a read model answers at least that fresh.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class FreshnessTests(CommitteeApp app)
{
    [Fact]
    public async Task A_read_model_asked_at_least_as_fresh_as_a_reply_shows_that_action()
    {
        var session = app.NewSession();
        await app.OpenMeeting(session);
        var submitted = (await app.Post("/api/drafts", Drafts.Submission(session, 1))).ShouldBe(HttpStatusCode.Created);
        var id = submitted.Json.Id();
        var joined = (await app.Post($"/api/drafts/{id}/sponsors", new { expectedVersion = 1, delegations = new[] { "Qatar" } })).ShouldBe(HttpStatusCode.OK);
        Assert.True(joined.Sequence > submitted.Sequence);

        // No waiting for the daemon here: atLeast does it.
        var view = (await app.Get($"/api/sessions/{session}?atLeast={joined.Sequence}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Contains(view["agendaItems"]!.AsArray().SelectMany(i => i!["drafts"]!.AsArray()), d => (string?)d!["id"] == id);
        var qatar = (await app.Get($"/api/delegations/QAT/sponsorships?session={session}&atLeast={joined.Sequence}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Contains(qatar["sponsorships"]!.AsArray(), s => (string?)s!["draftId"] == id);
        var groups = (await app.Get($"/api/sessions/{session}/sponsorship-by-group?atLeast={joined.Sequence}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(3, (int)groups["sponsorships"]!);
    }

    [Fact]
    public async Task A_read_model_that_cannot_reach_the_sequence_in_time_answers_503_with_retry_after()
    {
        var session = app.NewSession();
        var reply = await app.Get($"/api/sessions/{session}?atLeast={long.MaxValue / 2}");
        reply.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "atLeast", "not yet reached");
        Assert.Equal("1", reply.Headers.RetryAfter.ToString());
        (await app.Get($"/api/sessions/{session}?atLeast=-1")).ShouldBeProblem(HttpStatusCode.BadRequest, "atLeast");
    }

    [Fact]
    public async Task A_replayed_command_answers_the_same_body_and_sequence()
    {
        var session = app.NewSession();
        var id = (await app.Submit(session, 1)).Id();
        var key = Guid.NewGuid().ToString();
        var first = (await app.Post($"/api/drafts/{id}/sponsors", new { expectedVersion = 1, delegations = new[] { "Chile" } }, key: key)).ShouldBe(HttpStatusCode.OK);
        var again = (await app.Post($"/api/drafts/{id}/sponsors", new { expectedVersion = 1, delegations = new[] { "Chile" } }, key: key)).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("true", again.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(first.Json.ToJsonString(), again.Json.ToJsonString());
        Assert.Equal(first.Sequence, again.Sequence);
    }

    [Fact]
    public async Task A_key_is_the_callers_own_another_caller_reusing_it_makes_a_new_request()
    {
        var session = app.NewSession();
        var id = (await app.Submit(session, 1, "Germany", "France")).Id();
        var key = Guid.NewGuid().ToString();
        var withdrawal = new { expectedVersion = 1, delegations = new[] { "Germany" } };
        (await app.Post($"/api/drafts/{id}/sponsor-withdrawals", withdrawal, app.Token(Roles.Delegation, "DEU"), key)).ShouldBe(HttpStatusCode.OK);
        // France sends the identical request with Germany's key: not a replay of Germany's answer, but a request of its own,
        // decided afresh (the draft has moved on since version 1).
        var identical = await app.Post($"/api/drafts/{id}/sponsor-withdrawals", withdrawal, app.Token(Roles.Delegation, "FRA"), key);
        identical.ShouldBeProblem(HttpStatusCode.Conflict, "expectedVersion");
        Assert.False(identical.Headers.ContainsKey("Idempotent-Replayed"));
        // And France's own request under that key is France's: recorded, not refused as a key reused by another.
        (await app.Post($"/api/drafts/{id}/sponsor-withdrawals", new { expectedVersion = 2, delegations = new[] { "France" } },
            app.Token(Roles.Delegation, "FRA"), key)).ShouldBe(HttpStatusCode.OK);
    }
}
