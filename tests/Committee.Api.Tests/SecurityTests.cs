using System.Net;
using Committee.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Committee.Api.Tests;

/// <summary>Writes need the secretariat's bearer token; reads are public.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class SecurityTests(CommitteeApp app)
{
    [Fact]
    public async Task Without_a_token_a_write_is_401_and_nothing_is_stored()
    {
        var session = app.NewSession();
        var reply = await app.Send(HttpMethod.Post, "/api/drafts", Drafts.Submission(session, 1));
        reply.ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(401, (int)reply.Json["status"]!);
        Assert.Empty((await app.Get($"/api/drafts?session={session}")).Json.AsArray());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_401()
    {
        var forged = new Tokens(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection([new("Committee:Auth:SigningKey", "another-key-of-sufficient-length-for-hmac-256")]).Build()).Issue(Roles.Secretariat);
        (await app.Post("/api/drafts", Drafts.Submission(app.NewSession(), 1), token: forged)).ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_delegation_cannot_record_floor_actions()
    {
        var session = app.NewSession();
        var delegation = app.Token(Roles.Delegation, "BLR");
        (await app.Post("/api/drafts", Drafts.Submission(session, 1), token: delegation)).ShouldBe(HttpStatusCode.Forbidden);
        (await app.Post($"/api/sessions/{session}/meetings", new { date = "2009-11-12" }, token: delegation)).ShouldBe(HttpStatusCode.Forbidden);
        var draft = await app.Submit(session, 2);
        (await app.Post($"/api/drafts/{draft.Id()}/adoption-without-vote", new { expectedVersion = 1 }, token: delegation)).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Reads_are_public()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        (await app.Get($"/api/drafts/{draft.Id()}")).ShouldBe(HttpStatusCode.OK);
        (await app.Get($"/api/drafts/{draft.Id()}/history")).ShouldBe(HttpStatusCode.OK);
        (await app.Get("/api/delegations?date=2009-11-10")).ShouldBe(HttpStatusCode.OK);
    }
}
