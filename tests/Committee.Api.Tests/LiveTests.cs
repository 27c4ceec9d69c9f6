using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace Committee.Api.Tests;

/// <summary>A real SignalR client on the app's hub: events arrive after commit, in store order, and a client that
/// drops and catches up over HTTP ends with exactly what a client that never dropped saw.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class LiveTests(CommitteeApp app)
{
    [Fact]
    public async Task Watchers_of_a_session_receive_each_committed_event_in_store_order()
    {
        var session = app.NewSession();
        await using var watcher = new Watcher(app.Host.GetTestServer());
        await watcher.Watch("WatchSession", session);

        await app.OpenMeeting(session);
        var draft = await app.Submit(session, 1);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Chile", "Peru" } })).ShouldBe(HttpStatusCode.OK);

        var events = await watcher.Take(3);
        Assert.Equal(["MeetingOpened", "DraftSubmitted", "SponsorsJoined"], events.Select(e => (string)e["type"]!));
        var sequences = events.Select(e => (long)e["sequence"]!).ToList();
        Assert.Equal(sequences.Order(), sequences);
        Assert.Equal(["CHL", "PER"], events[2]["data"]!["sponsors"]!.AsArray().Select(s => (string)s!["iso3"]!));
        Assert.Equal(session, (int)events[1]["session"]!);
    }

    [Fact]
    public async Task A_delegation_watching_its_own_State_sees_it_join_and_withdraw()
    {
        var draft = await app.Submit(app.NewSession(), 1);
        await using var chile = new Watcher(app.Host.GetTestServer());
        await chile.Watch("WatchDelegation", "chl");
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 1, delegations = new[] { "Peru" } })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = 2, delegations = new[] { "Chile" } })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{draft.Id()}/sponsor-withdrawals", new { expectedVersion = 3, delegations = new[] { "CHL" } })).ShouldBe(HttpStatusCode.OK);

        var events = await chile.Take(2);
        Assert.Equal(["SponsorsJoined", "SponsorshipWithdrawn"], events.Select(e => (string)e["type"]!));
        Assert.Equal([3L, 4L], events.Select(e => (long)e["version"]!));
    }

    [Fact]
    public async Task A_watcher_that_drops_catches_up_to_exactly_what_a_steady_watcher_saw()
    {
        var session = app.NewSession();
        await using var steady = new Watcher(app.Host.GetTestServer());
        await using var flaky = new Watcher(app.Host.GetTestServer());
        await steady.Watch("WatchSession", session);
        await flaky.Watch("WatchSession", session);

        var draft = await app.Submit(session, 1);
        var seen = await flaky.Take(1);
        await flaky.Drop();

        var version = 1L;
        foreach (var delegation in new[] { "Chile", "Peru", "Mexico", "Brazil" })
        {
            var reply = (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = version, delegations = new[] { delegation } })).ShouldBe(HttpStatusCode.OK);
            version = reply.Json.Version();
        }
        var last = (long)seen[^1]["sequence"]!;
        await flaky.Watch("WatchSession", session);
        await app.ReadModelsCaughtUp();
        var missed = (await app.Get($"/api/events?after={last}&session={session}")).ShouldBe(HttpStatusCode.OK).Json["events"]!.AsArray();
        seen.AddRange(missed.Select(e => e!.AsObject()));
        (await app.Post($"/api/drafts/{draft.Id()}/sponsors", new { expectedVersion = version, delegations = new[] { "Cuba" } })).ShouldBe(HttpStatusCode.OK);
        var everything = await steady.Take(6);
        // Live events resume after the catch-up: keep what is new, drop what was already seen.
        while ((long)seen[^1]["sequence"]! < (long)everything[^1]["sequence"]!)
            foreach (var e in await flaky.Take(1))
                if ((long)e["sequence"]! > (long)seen[^1]["sequence"]!) seen.Add(e);

        Assert.Equal(everything.Select(e => (long)e["sequence"]!), seen.Select(e => (long)e["sequence"]!));
        Assert.Equal(everything.Select(e => e["data"]!.ToJsonString()), seen.Select(e => e["data"]!.ToJsonString()));
    }

    [Fact]
    public async Task Catching_up_rejects_a_negative_sequence()
    {
        (await app.Get("/api/events?after=-1")).ShouldBeProblem(HttpStatusCode.BadRequest, "after");
    }
}
