using System.Net;
using Committee.Infrastructure;
using Marten;

namespace Committee.Api.Tests;

/// <summary>An Idempotency-Key is remembered for Committee:Idempotency:Ttl. After that its record answers no retry,
/// whether or not the expiry job has removed it yet, and the same key names a new request. Alone: a host's meters would
/// mix into the shared host's /metrics (<see cref="TelemetryTests"/>).</summary>
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

    [Fact]
    public async Task A_record_past_its_lifetime_is_not_replayed_before_the_job_removes_it()
    {
        await using var app = new CommitteeApp();
        await app.InitializeAsync();
        var draft = await app.Submit(app.NewSession(), 1);
        var url = $"/api/drafts/{draft.Id()}/budget-implications";
        var body = new { expectedVersion = 1, hasImplications = false };
        (await app.Post(url, body, key: "aged")).ShouldBe(HttpStatusCode.OK);

        // The record as it would stand 25 hours later, with the expiry job (hourly at a 24-hour lifetime) yet to run.
        await using (var session = app.Store.LightweightSession())
        {
            var records = await session.Query<IdempotencyRecord>().ToListAsync(TestContext.Current.CancellationToken);
            var record = records.Single(r => r.StreamId == Guid.Parse(draft.Id()) && r.Version == 2);
            session.Store(record with { At = record.At - TimeSpan.FromHours(25) });
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var late = await app.Post(url, body, key: "aged");
        late.ShouldBeProblem(HttpStatusCode.Conflict, "expectedVersion");
        Assert.Equal(2, (long)late.Json["currentVersion"]!);
        // The forgotten key may name another request: it is recorded, and its record replaces the aged one.
        var other = new { expectedVersion = 2, hasImplications = true, statement = "A/C.3/64/L.70" };
        Assert.Equal(3, (long)(await app.Post(url, other, key: "aged")).ShouldBe(HttpStatusCode.OK).Json["version"]!);
        Assert.Equal("true", (await app.Post(url, other, key: "aged")).ShouldBe(HttpStatusCode.OK).Headers["Idempotent-Replayed"].ToString());
    }

    private static async Task RecordsRemoved(IDocumentStore store, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (true)
        {
            await using var session = store.QuerySession();
            var left = await session.Query<IdempotencyRecord>().CountAsync(TestContext.Current.CancellationToken);
            if (left == 0) return;
            Assert.True(DateTime.UtcNow < deadline, $"{left} idempotency record(s) still stored {within.TotalSeconds:0} s after they expired");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
