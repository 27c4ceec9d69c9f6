using System.Net;

namespace Committee.Api.Tests;

/// <summary>Nothing lost, nothing doubled.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class ConcurrencyTests(CommitteeApp app)
{
    [Fact]
    public async Task Two_writers_with_one_expected_version_one_wins_one_gets_409_with_the_current_version()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        var replies = await Task.WhenAll(
            app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Chile" } }),
            app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Peru" } }));

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], replies.Select(r => r.Status).Order());
        var conflict = replies.Single(r => r.Status == HttpStatusCode.Conflict);
        conflict.ShouldBeProblem(HttpStatusCode.Conflict, "expectedVersion");
        Assert.Equal(2, (long)conflict.Json["currentVersion"]!);
        var history = (await app.Get($"/api/drafts/{draft.Id()}/history")).Json.AsArray();
        Assert.Equal(2, history.Count);
        Assert.Single((await app.Get($"/api/drafts/{draft.Id()}")).Json["sponsors"]!.AsArray(), s => (string)s!["layer"]! == "additional");
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_409_with_the_current_version()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Chile" } })).ShouldBe(HttpStatusCode.OK);
        var stale = await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Peru" } });
        stale.ShouldBeProblem(HttpStatusCode.Conflict, "expectedVersion", "version 2");
        Assert.Equal(2, (long)stale.Json["currentVersion"]!);
    }

    [Fact]
    public async Task A_retry_with_the_same_idempotency_key_is_recorded_once_and_answers_as_the_first_did()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        var body = new { expectedVersion = 1, delegations = new[] { "Chile" } };
        var first = (await app.Post($"/api/drafts/{draft.Id()}/sponsors", body, key: "retry-1")).ShouldBe(HttpStatusCode.OK);
        var retry = (await app.Post($"/api/drafts/{draft.Id()}/sponsors", body, key: "retry-1")).ShouldBe(HttpStatusCode.OK);

        Assert.Equal(first.Json.ToJsonString(), retry.Json.ToJsonString());
        Assert.Equal("true", retry.Headers["Idempotent-Replayed"].ToString());
        Assert.Equal(2, (await app.Get($"/api/drafts/{draft.Id()}/history")).Json.AsArray().Count);
    }

    [Fact]
    public async Task Concurrent_retries_with_one_key_are_recorded_once()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        var body = new { expectedVersion = 1, delegations = new[] { "Chile" } };
        var key = Guid.NewGuid().ToString();
        var replies = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.Post($"/api/drafts/{draft.Id()}/sponsors", body, key: key)));

        Assert.All(replies, r => r.ShouldBe(HttpStatusCode.OK));
        Assert.Single(replies.Select(r => r.Json.ToJsonString()).Distinct());
        Assert.Equal(2, (await app.Get($"/api/drafts/{draft.Id()}/history")).Json.AsArray().Count);
    }

    [Fact]
    public async Task A_key_reused_for_a_different_request_is_refused()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Chile" } }, key: "k-" + draft.Id())).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 2, delegations = new[] { "Peru" } }, key: "k-" + draft.Id()))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "Idempotency-Key", "different request");
    }

    [Fact]
    public async Task A_submission_retried_with_its_key_creates_one_draft()
    {
        var session = app.NewSession();
        var first = (await app.Post("/api/drafts", Drafts.Submission(session, 9), key: $"submit-{session}")).ShouldBe(HttpStatusCode.Created);
        var retry = (await app.Post("/api/drafts", Drafts.Submission(session, 9), key: $"submit-{session}")).ShouldBe(HttpStatusCode.Created);
        Assert.Equal(first.Location, retry.Location);
        Assert.Single((await app.Get($"/api/drafts?session={session}")).Json.AsArray());
    }

    [Fact]
    public async Task The_read_models_pass_the_gap_a_rolled_back_transaction_leaves()
    {
        var session = app.NewSession();
        var draft = await app.Submit(session, 1);
        for (var round = 0; round < 3; round++)
            await Task.WhenAll(
                app.Post($"/api/drafts/{draft.Id()}/budget-implications", new { expectedVersion = 1 + round, hasImplications = false }),
                app.Post($"/api/drafts/{draft.Id()}/budget-implications", new { expectedVersion = 1 + round, hasImplications = false }));
        await app.ReadModelsCaughtUp();
        var view = (await app.Get($"/api/sessions/{session}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(4, (long)view["agendaItems"]![0]!["drafts"]![0]!["version"]!);
    }
}
