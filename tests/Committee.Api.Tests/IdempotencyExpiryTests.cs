using System.Net;
using Committee.Infrastructure;
using Marten;

namespace Committee.Api.Tests;

/// <summary>An Idempotency-Key is remembered for Committee:Idempotency:Ttl; then the expiry job removes its record, and
/// the same key names a new request. Alone: its host's meters would mix into the shared host's /metrics
/// (<see cref="TelemetryTests"/>).</summary>
[Collection(nameof(RunsAlone))]
public sealed class IdempotencyExpiryTests
{
    [Fact]
    public async Task An_expired_key_is_removed_and_then_names_a_new_request()
    {
        await using var app = CommitteeApp.With(("Committee:Idempotency:Ttl", "00:00:01"));
        await app.InitializeAsync();
        var draft = await app.Submit(app.NewSession(), 1);
        var url = $"/api/drafts/{draft.Id()}/budget-implications";
        var body = new { expectedVersion = 1, hasImplications = false };

        (await app.Post(url, body, key: "expiring")).ShouldBe(HttpStatusCode.OK);
        var retry = (await app.Post(url, body, key: "expiring")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("true", retry.Headers["Idempotent-Replayed"].ToString());

        await RecordsRemoved(app.Store, TimeSpan.FromSeconds(10));

        var late = await app.Post(url, body, key: "expiring");
        late.ShouldBeProblem(HttpStatusCode.Conflict, "expectedVersion");
        Assert.Equal(2, (long)late.Json["currentVersion"]!);
        Assert.Equal(2, (await app.Get($"/api/drafts/{draft.Id()}/history")).Json.AsArray().Count);
    }

    private static async Task RecordsRemoved(IDocumentStore store, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            await using var session = store.QuerySession();
            var left = await session.Query<IdempotencyRecord>().CountAsync();
            if (left == 0) return;
            Assert.True(DateTime.UtcNow < deadline, $"{left} idempotency record(s) still stored {within.TotalSeconds:0} s after they expired");
            await Task.Delay(100);
        }
    }
}
