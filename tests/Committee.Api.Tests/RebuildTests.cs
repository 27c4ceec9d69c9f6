using System.Net;
using Committee.Domain;
using Committee.Floor;
using Committee.History;
using Committee.Sponsorship;
using Committee.Voting;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Committee.Api.Tests;

[Collection(nameof(CommitteeCollection))]
public sealed class RebuildTests(CommitteeApp app)
{
    [Fact]
    public async Task Every_read_model_rebuilt_from_the_events_equals_the_live_one()
    {
        var session = app.NewSession();
        var meeting = await app.OpenMeeting(session);
        var first = (await app.Submit(session, 1)).Id();
        var second = (await app.Submit(session, 2, "Mexico", "Turkey")).Id();
        (await app.Post($"/api/drafts/{first}/sponsors", new { expectedVersion = 1, delegations = new[] { "Qatar", "Turkey" } })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/sessions/{session}/floor/draft", new { draftId = second })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{second}/introduction", new { expectedVersion = 1, delegation = "Mexico" })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{first}/sponsor-withdrawals", new { expectedVersion = 2, delegations = new[] { "Turkey" } })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{second}/adoption-without-vote", new { expectedVersion = 2 })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{first}/introduction", new { expectedVersion = 3, delegation = "Qatar" })).ShouldBe(HttpStatusCode.OK);
        var vote = (string)(await app.Post($"/api/drafts/{first}/votes", new { question = "proposal", kind = "recorded" })).ShouldBe(HttpStatusCode.Created).Json["voteId"]!;
        (await app.Post($"/api/votes/{vote}/ballots", new { ballots = new[] { new { delegation = "QAT", vote = "yes" }, new { delegation = "MEX", vote = "no" } } }))
            .ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/votes/{vote}/close", new { })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/sessions/{session}/meetings/{meeting}/closure", new { })).ShouldBe(HttpStatusCode.OK);
        await app.ReadModelsCaughtUp();

        var live = await Snapshot();
        Assert.Contains(live[nameof(SessionDraft)], row => row.Contains(second));
        Assert.Contains(live["voting_record"], row => row.Contains(vote));
        // A row no event accounts for: the rebuild starts every read model from nothing, so it must be gone after.
        await using (var stray = app.Store.LightweightSession())
        {
            stray.Store(new SessionDraft(Guid.NewGuid(), session, "stray", "stray", "0", "stray", DraftStatus.Submitted, 1));
            await stray.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var lines = new List<string>();
        var report = await app.Host.Services.GetRequiredService<ReadModelRebuild>().RunAsync(lines.Add, CancellationToken.None);

        Assert.True(report.Events >= 9);
        Assert.Contains(lines, l => l.StartsWith("Draft: ") && l.Contains("snapshots"));
        Assert.Contains(lines, l => l.StartsWith("done: "));
        var rebuilt = await Snapshot();
        foreach (var (type, rows) in live)
            Assert.True(rows.SequenceEqual(rebuilt[type]),
                $"{type} differs after the rebuild: live {string.Join("\n", rows.Except(rebuilt[type]))}\nrebuilt {string.Join("\n", rebuilt[type].Except(rows))}");
    }

    /// <summary>Every read model's documents, as stored (JSON), in id order.</summary>
    private async Task<Dictionary<string, List<string>>> Snapshot()
    {
        Type[] types = [typeof(Draft), typeof(DraftSymbol), typeof(SessionFloor), typeof(Vote), typeof(SessionDraft), typeof(DelegationDraftSponsorship),
            typeof(DraftCountedSponsors), typeof(SearchParagraph)];
        var tables = types.ToDictionary(t => t.Name, t => $"select data::text from {app.Store.Options.Schema.For(t)} order by id");
        tables["voting_record"] = $"select row_to_json(r)::text from {app.Store.Options.Schema.DatabaseSchemaName}.{VotingRecords.Table} r order by vote_id";
        var snapshot = new Dictionary<string, List<string>>();
        await using var connection = new NpgsqlConnection(CommitteeApp.ConnectionString);
        await connection.OpenAsync();
        foreach (var (type, sql) in tables)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
            snapshot[type] = rows;
        }
        return snapshot;
    }
}
