using System.Net;
using Microsoft.AspNetCore.TestHost;
using Npgsql;

namespace Committee.Api.Tests;

/// <summary>The read side never freezes and never skips: a transaction held open elsewhere, an append rolled back, and
/// appends racing from many writers.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class ReadSideTests(CommitteeApp app)
{
    [Fact]
    public async Task A_transaction_held_open_elsewhere_holds_back_neither_the_read_models_nor_the_live_push()
    {
        var session = app.NewSession();
        await using var watcher = new Watcher(app.Host.GetTestServer());
        await watcher.Watch("WatchSession", session);

        // A psql session left open in a transaction (it has read, so it has a snapshot, and holds it).
        await using var idle = new NpgsqlConnection(CommitteeApp.ConnectionString);
        await idle.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = await idle.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await using (var read = new NpgsqlCommand("select count(*) from pg_class", idle, transaction))
            await read.ExecuteScalarAsync(TestContext.Current.CancellationToken);

        var submitted = await app.Post("/api/drafts", Drafts.Submission(session, 1));
        var sequence = submitted.ShouldBe(HttpStatusCode.Created).Sequence;
        var pushed = await watcher.Take(1);
        Assert.Equal(sequence, (long)pushed[0]["sequence"]!);
        // Within the bounded wait of atLeast (2 s): not behind the open transaction.
        (await app.Get($"/api/sessions/{session}?atLeast={sequence}")).ShouldBe(HttpStatusCode.OK);
        await transaction.RollbackAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Appends_racing_from_many_writers_reach_every_watcher_each_once_in_store_order()
    {
        var session = app.NewSession();
        await using var watcher = new Watcher(app.Host.GetTestServer());
        await watcher.Watch("WatchSession", session);
        var drafts = new List<string>();
        for (var i = 1; i <= 8; i++) drafts.Add((await app.Submit(session, i)).Id());

        // Eight writers, each on its own draft, 20 actions each, all at once; one writer rolls back (a stale version).
        var replies = await Task.WhenAll(drafts.Select(async id =>
        {
            var sequences = new List<long>();
            for (var version = 1; version <= 20; version++)
            {
                var reply = await app.Post($"/api/drafts/{id}/budget-implications", new { expectedVersion = version, hasImplications = false });
                sequences.Add(reply.ShouldBe(HttpStatusCode.OK).Sequence);
            }
            (await app.Post($"/api/drafts/{id}/budget-implications", new { expectedVersion = 1, hasImplications = false })).ShouldBe(HttpStatusCode.Conflict);
            return sequences;
        }));

        var pushed = await watcher.Take(8 + 8 * 20);
        var received = pushed.Select(e => (long)e["sequence"]!).ToList();
        Assert.Equal(received.Order(), received);
        Assert.Equal(received.Count, received.Distinct().Count());
        Assert.Subset(received.ToHashSet(), replies.SelectMany(s => s).ToHashSet());
        await app.ReadModelsCaughtUp();
        var view = (await app.Get($"/api/sessions/{session}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.All(view["agendaItems"]![0]!["drafts"]!.AsArray(), d => Assert.Equal(21, (long)d!["version"]!));
    }
}
