using System.Net;
using Committee.Infrastructure;
using Microsoft.AspNetCore.TestHost;

namespace Committee.Api.Tests;

/// <summary>A delegation signing on through the API sees it live: watchers of its own State and of the draft receive
/// each sponsorship change after it commits, in order.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class LiveSponsorshipTests(CommitteeApp app)
{
    [Fact]
    public async Task A_delegation_signing_on_and_withdrawing_itself_is_seen_live_by_its_own_watch_and_the_drafts()
    {
        var draft = (await app.Submit(app.NewSession(), 1)).Id();
        await app.ReadModelsCaughtUp(); // the submission is delivered before anyone watches
        await using var chile = new Watcher(app.Host.GetTestServer());
        await using var onTheDraft = new Watcher(app.Host.GetTestServer());
        await chile.Watch("WatchDelegation", "CHL");
        await onTheDraft.Watch("WatchDraft", Guid.Parse(draft));
        var token = app.Token(Roles.Delegation, "CHL");

        (await app.Post($"/api/drafts/{draft}/sponsors", new { expectedVersion = 1, delegations = new[] { "Chile" } }, token)).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft}/sponsors", new { expectedVersion = 2, delegations = new[] { "Peru" } })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft}/sponsor-withdrawals", new { expectedVersion = 3, delegations = new[] { "Chile" } }, token)).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft}/sponsors", new { expectedVersion = 4, delegations = new[] { "Chile" } }, token)).ShouldBe(HttpStatusCode.OK);

        var own = await chile.Take(3);
        Assert.Equal(["SponsorsJoined", "SponsorshipWithdrawn", "SponsorsJoined"], own.Select(e => (string)e["type"]!));
        Assert.Equal([2L, 4L, 5L], own.Select(e => (long)e["version"]!));
        Assert.All(own, e => Assert.Equal(("delegation/CHL", "eSponsorship"), ((string?)e["recordedBy"], (string?)e["data"]!["source"])));

        var all = await onTheDraft.Take(4);
        Assert.Equal([2L, 3L, 4L, 5L], all.Select(e => (long)e["version"]!));
        var sequences = all.Select(e => (long)e["sequence"]!).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(["PER"], all[1]["delegations"]!.AsArray().Select(d => (string?)d)); // the draft's watcher sees Peru; Chile's does not
    }
}
