using Committee.Infrastructure;
using Committee.Live;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.SignalR;

namespace Committee.Api.Tests;

/// <summary>The hub is public, but only what exists can be watched, within a bound per connection, and a token that is
/// presented must be valid.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class HubTests(CommitteeApp app)
{
    [Fact]
    public async Task Only_a_known_delegation_session_or_draft_can_be_watched_and_the_refusal_says_why()
    {
        await using var watcher = new Watcher(app.Host.GetTestServer());
        Assert.Contains("not the ISO3 code", (await Assert.ThrowsAsync<HubException>(() => watcher.Watch("WatchDelegation", "anything"))).Message);
        Assert.Contains("session number", (await Assert.ThrowsAsync<HubException>(() => watcher.Watch("WatchSession", 0))).Message);
        var unknown = Guid.NewGuid();
        Assert.Contains($"no draft {unknown}", (await Assert.ThrowsAsync<HubException>(() => watcher.Watch("WatchDraft", unknown))).Message);

        var draft = await app.Submit(app.NewSession(), 1);
        await watcher.Watch("WatchDraft", Guid.Parse(draft.Id()));
        await watcher.Watch("WatchDelegation", "KEN");
        await watcher.Watch("WatchDelegation", "pse");
    }

    [Fact]
    public async Task A_connection_watches_a_bounded_number_of_things()
    {
        await using var watcher = new Watcher(app.Host.GetTestServer());
        for (var session = 1; session <= FloorHub.MaxWatchesPerConnection; session++) await watcher.Watch("WatchSession", session);
        await watcher.Watch("WatchSession", 1);   // watching again what it already watches costs nothing

        var refused = await Assert.ThrowsAsync<HubException>(() => watcher.Watch("WatchDelegation", "KEN"));
        Assert.Contains($"at most {FloorHub.MaxWatchesPerConnection}", refused.Message);
    }

    [Fact]
    public async Task A_spoiled_token_is_refused_and_a_valid_one_is_taken()
    {
        var valid = app.Token(Roles.Delegation, "KEN");
        var spoiled = valid[..^4] + (valid[^4..] == "AAAA" ? "BBBB" : "AAAA");
        await using var refused = new Watcher(app.Host.GetTestServer(), spoiled);
        var error = await Assert.ThrowsAnyAsync<Exception>(refused.Connect);
        Assert.Contains("401", error.ToString());

        await using var accepted = new Watcher(app.Host.GetTestServer(), valid);
        await accepted.Watch("WatchDelegation", "KEN");
    }
}
