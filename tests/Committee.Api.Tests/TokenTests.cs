using System.Net;
using Committee.Infrastructure;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Committee.Api.Tests;

/// <summary>Tokens are short-lived, can be revoked one by one or all of a subject's at once, and name their key so that
/// the key can be rotated.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class TokenTests(CommitteeApp app)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task A_token_lives_half_a_day_by_default_and_names_its_key_and_its_id()
    {
        var token = new JsonWebToken(app.Token(Roles.Delegation, "KEN"));
        Assert.InRange(token.ValidTo - token.IssuedAt, Tokens.DefaultLifetime - TimeSpan.FromSeconds(2), Tokens.DefaultLifetime + TimeSpan.FromSeconds(2));
        Assert.False(string.IsNullOrEmpty(token.Kid));
        Assert.False(string.IsNullOrEmpty(token.Id));
        Assert.NotEqual(token.Id, new JsonWebToken(app.Token(Roles.Delegation, "KEN")).Id);
    }

    [Fact]
    public async Task A_revoked_token_is_refused_and_the_others_still_work()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        var leaked = app.Token(Roles.Delegation, "TUV");
        var other = app.Token(Roles.Delegation, "TUV");
        await Revoke(TokenRevocation.ForToken(new JsonWebToken(leaked).Id), leaked);

        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Tuvalu" } }, token: leaked))
            .ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Equal(1, (long)(await app.Get($"/api/drafts/{draft.Id()}")).Json["version"]!);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Tuvalu" } }, token: other))
            .ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Revoking_a_subject_refuses_every_token_it_was_issued_so_far_and_a_new_one_works()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        var before = app.Token(Roles.Delegation, "NRU");
        await Revoke(TokenRevocation.ForSubject(Tokens.Subject(Roles.Delegation, "NRU")), before);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Nauru" } }, token: before))
            .ShouldBe(HttpStatusCode.Unauthorized);

        await Task.Delay(TimeSpan.FromSeconds(1.1), TestContext.Current.CancellationToken);   // a token's issue time counts in whole seconds
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Nauru" } },
            token: app.Token(Roles.Delegation, "NRU"))).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task After_a_key_rotation_tokens_of_the_previous_key_are_accepted_and_those_of_an_unknown_key_are_not()
    {
        const string previous = "the-previous-signing-key-long-enough-for-hmac-256";
        const string current = "the-current-signing-key-long-enough-for-hmac-256";
        var beforeRotation = new Tokens(Settings(("Committee:Auth:SigningKey", previous))).Issue(Roles.Secretariat);
        var unknown = new Tokens(Settings(("Committee:Auth:SigningKey", "a-key-nobody-configured-long-enough-for-hmac"))).Issue(Roles.Secretariat);
        var rotated = new Tokens(Settings(("Committee:Auth:SigningKey", current), ("Committee:Auth:PreviousSigningKeys:0", previous)));

        var handler = new JsonWebTokenHandler();
        Assert.True((await handler.ValidateTokenAsync(beforeRotation, rotated.Validation())).IsValid);
        Assert.True((await handler.ValidateTokenAsync(rotated.Issue(Roles.Secretariat), rotated.Validation())).IsValid);
        Assert.False((await handler.ValidateTokenAsync(unknown, rotated.Validation())).IsValid);
        Assert.NotEqual(new JsonWebToken(beforeRotation).Kid, new JsonWebToken(rotated.Issue(Roles.Secretariat)).Kid);
    }

    /// <summary>Revokes as another process would (in the store only), then waits until the app's next read of the store
    /// takes <paramref name="token"/> as revoked: a refresh every 200 ms here, allowed 5 s on a busy machine.</summary>
    private async Task Revoke(string id, string token)
    {
        await using var session = app.Host.Services.GetRequiredService<IDocumentStore>().LightweightSession();
        await TokenRevocations.RevokeAsync(session, id, DateTimeOffset.UtcNow, Tokens.DefaultLifetime);
        var revocations = app.Host.Services.GetRequiredService<TokenRevocations>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!revocations.IsRevoked(new JsonWebToken(token)))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the revocation {id} was not in force 5 s after it was stored");
            await Task.Delay(Refresh, TestContext.Current.CancellationToken);
        }
    }

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
