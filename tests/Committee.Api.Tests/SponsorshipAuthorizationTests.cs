using System.Net;
using Committee.Infrastructure;

namespace Committee.Api.Tests;

/// <summary>Who may do what with a draft's sponsorship: the secretariat records any delegation; a delegation's token
/// joins and withdraws its own State only, and does nothing else; without a token, nothing. Every refusal says why.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class SponsorshipAuthorizationTests(CommitteeApp app)
{
    private async Task<string> Draft() => (await app.Submit(app.NewSession(), 1)).Id();

    private Task<Reply> Join(string draft, long version, string delegation, string? token) =>
        app.Send(HttpMethod.Post, $"/api/drafts/{draft}/sponsors", new { expectedVersion = version, delegations = new[] { delegation } },
            token, Guid.NewGuid().ToString());

    private Task<Reply> Withdraw(string draft, long version, string delegation, string? token) =>
        app.Send(HttpMethod.Post, $"/api/drafts/{draft}/sponsor-withdrawals", new { expectedVersion = version, delegations = new[] { delegation } },
            token, Guid.NewGuid().ToString());

    private async Task<long> VersionOf(string draft) => (await app.Get($"/api/drafts/{draft}")).ShouldBe(HttpStatusCode.OK).Json.Version();

    [Fact]
    public async Task The_secretariat_joins_and_withdraws_any_delegation_as_announced_by_the_Secretary()
    {
        var draft = await Draft();
        var joined = (await Join(draft, 1, "Chile", app.Secretariat)).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("secretariat", (string?)joined["sponsors"]!.AsArray().Single(s => (string?)s!["iso3"] == "CHL")!["source"]);
        var withdrawn = (await Withdraw(draft, 2, "Belarus", app.Secretariat)).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal("secretariat", (string?)withdrawn["sponsors"]!.AsArray().Single(s => (string?)s!["iso3"] == "BLR")!["withdrawalSource"]);
    }

    [Fact]
    public async Task A_delegation_signs_on_and_withdraws_for_its_own_State_recorded_as_e_sponsorship_by_the_delegation()
    {
        var draft = await Draft();
        var chile = app.Token(Roles.Delegation, "CHL");

        var joined = (await Join(draft, 1, "Chile", chile)).ShouldBe(HttpStatusCode.OK).Json;
        var entry = joined["sponsors"]!.AsArray().Single(s => (string?)s!["iso3"] == "CHL")!;
        Assert.Equal(("additional", "eSponsorship"), ((string?)entry["layer"], (string?)entry["source"]));
        (await Withdraw(draft, 2, "CHL", chile)).ShouldBe(HttpStatusCode.OK);

        var history = (await app.Get($"/api/drafts/{draft}/history")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        Assert.Equal(["SponsorsJoined", "SponsorshipWithdrawn"], history.Skip(1).Select(e => (string)e!["type"]!));
        Assert.All(history.Skip(1), e => Assert.Equal("delegation/CHL", (string?)e!["recordedBy"]));
    }

    [Fact]
    public async Task A_delegation_joining_or_withdrawing_for_another_State_is_403_with_the_reason_and_nothing_is_stored()
    {
        var draft = await Draft();
        var chile = app.Token(Roles.Delegation, "CHL");

        (await Join(draft, 1, "Peru", chile)).ShouldBeProblem(HttpStatusCode.Forbidden, "delegations[0]", "a delegation may only sign on or withdraw for its own State");
        (await Withdraw(draft, 1, "Belarus", chile)).ShouldBeProblem(HttpStatusCode.Forbidden, "delegations[0]", "own State");
        var both = await app.Send(HttpMethod.Post, $"/api/drafts/{draft}/sponsors",
            new { expectedVersion = 1, delegations = new object[] { "Chile", new { delegation = "Peru" } } }, chile, Guid.NewGuid().ToString());
        both.ShouldBeProblem(HttpStatusCode.Forbidden, "delegations[1]", "Peru");
        Assert.Equal(1, await VersionOf(draft));
    }

    [Fact]
    public async Task Without_a_token_no_one_joins_or_withdraws()
    {
        var draft = await Draft();
        (await Join(draft, 1, "Chile", null)).ShouldBe(HttpStatusCode.Unauthorized);
        (await Withdraw(draft, 1, "Belarus", null)).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(1, await VersionOf(draft));
    }

    [Fact]
    public async Task Once_the_Committee_has_acted_a_delegations_joining_is_refused_with_the_reason()
    {
        var session = app.NewSession();
        var meeting = await app.OpenMeeting(session);
        var draft = (await app.Submit(session, 1)).Id();
        (await app.Post($"/api/drafts/{draft}/introduction", new { expectedVersion = 1, delegation = "Belarus" })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft}/adoption-without-vote", new { expectedVersion = 2 })).ShouldBe(HttpStatusCode.OK);

        (await Join(draft, 3, "Chile", app.Token(Roles.Delegation, "CHL")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "id", $"(the list closed when the Committee took action): A/C.3/{session}/L.1 was adopted without a vote at meeting {meeting}");
        (await Withdraw(draft, 3, "Belarus", app.Token(Roles.Delegation, "BLR"))).ShouldBeProblem(HttpStatusCode.Conflict, "id", "list closed");
    }

    /// <summary>Every write that is not a sponsorship action: the record of drafts and the floor.</summary>
    public static TheoryData<string> SecretariatActions() =>
    [
        "/api/drafts", "/api/drafts/{id}/revisions", "/api/drafts/{id}/corrections", "/api/drafts/{id}/addenda", "/api/drafts/{id}/notes",
        "/api/drafts/{id}/introduction", "/api/drafts/{id}/oral-revisions", "/api/drafts/{id}/budget-implications", "/api/drafts/{id}/deferrals",
        "/api/drafts/{id}/adoption-without-vote", "/api/drafts/{id}/withdrawal", "/api/sessions/{session}/meetings",
        "/api/sessions/{session}/meetings/1/closure", "/api/sessions/{session}/floor/agenda-item", "/api/sessions/{session}/floor/draft",
    ];

    [Theory]
    [MemberData(nameof(SecretariatActions))]
    public async Task A_delegation_records_no_floor_action_and_is_told_why(string route)
    {
        var session = app.NewSession();
        var draft = (await app.Submit(session, 1)).Id();
        var url = route.Replace("{id}", draft).Replace("{session}", session.ToString());

        var reply = await app.Send(HttpMethod.Post, url, new { expectedVersion = 1 }, app.Token(Roles.Delegation, "BLR"), Guid.NewGuid().ToString());

        reply.ShouldBeProblem(HttpStatusCode.Forbidden, "Authorization", "only the secretariat records this");
        Assert.Contains("delegation/BLR", (string)reply.Json["reason"]!);
        (await app.Send(HttpMethod.Post, url, new { expectedVersion = 1 }, null, Guid.NewGuid().ToString())).ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(1, await VersionOf(draft));
    }

    [Fact]
    public async Task The_State_of_Palestine_signs_on_from_the_79th_session_and_is_refused_before_naming_the_rule()
    {
        var palestine = app.Token(Roles.Delegation, "PSE");
        var early = (await app.Post("/api/drafts", Drafts.Submission(64, 6401))).ShouldBe(HttpStatusCode.Created).Json.Id();
        (await Join(early, 1, "State of Palestine", palestine)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "delegations[0]", "resolution ES-10/23");

        var later = (await app.Submit(app.NewSession(), 1)).Id(); // sessions of the tests are numbered from 100
        var joined = (await Join(later, 1, "PSE", palestine)).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Contains(joined["sponsors"]!.AsArray(), s => (string?)s!["delegation"] == "State of Palestine" && (string?)s["source"] == "eSponsorship");
        (await app.Get($"/api/delegations/PSE/sponsorships?session={(int)joined["session"]!}")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_European_Union_never_sponsors_and_South_Sudan_cannot_sponsor_a_2009_draft()
    {
        var draft = await Draft();
        (await Join(draft, 1, "European Union", app.Secretariat)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "delegations[0]", "resolution 65/276");
        (await Join(draft, 1, "South Sudan", app.Token(Roles.Delegation, "SSD"))).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "delegations[0]", "admitted 14 July 2011");
    }
}
