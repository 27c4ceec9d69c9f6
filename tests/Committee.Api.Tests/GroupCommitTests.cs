using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Committee.Infrastructure;
using Npgsql;

namespace Committee.Api.Tests;

/// <summary>Commands arriving together share a transaction (CommandGroups), and each is still answered, recorded and
/// refused as if it had gone alone.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class GroupCommitTests(CommitteeApp app)
{
    private const int Together = 20;

    private async Task<string[]> Drafts(int count)
    {
        var session = app.NewSession();
        var drafts = new string[count];
        for (var i = 0; i < count; i++) drafts[i] = (await app.Submit(session, i + 1)).Id();
        return drafts;
    }

    private Task<Reply> Join(string draft, string delegation, string? token = null, string? key = null, ActivityTraceId? trace = null) =>
        app.Send(HttpMethod.Post, $"/api/drafts/{draft}/sponsors", new { expectedVersion = 1, delegations = new[] { delegation } },
            token ?? app.Secretariat, key ?? Guid.NewGuid().ToString(),
            headers: trace is { } id ? new Dictionary<string, string> { ["traceparent"] = $"00-{id}-{ActivitySpanId.CreateRandom()}-01" } : null);

    [Fact]
    public async Task Commands_arriving_together_share_transactions_and_each_is_recorded_once_with_its_own_version_and_sequence()
    {
        var drafts = await Drafts(Together);

        var replies = await Task.WhenAll(drafts.Select(d => Join(d, "Chile")));

        Assert.All(replies, r => Assert.Equal(2, r.ShouldBe(HttpStatusCode.OK).Json.Version()));
        Assert.Equal(Together, replies.Select(r => r.Sequence).Distinct().Count());
        foreach (var draft in drafts)
            Assert.Equal(2, (await app.Get($"/api/drafts/{draft}/history")).ShouldBe(HttpStatusCode.OK).Json.AsArray().Count);
        // Rows committed by one transaction carry its id (xmin): fewer transactions than commands means they were shared.
        var transactions = await Scalar<long>(
            $"select count(distinct xmin::text) from {app.Store.Options.Events.DatabaseSchemaName}.mt_events where stream_id = any(@ids) and version = 2",
            drafts.Select(Guid.Parse).ToArray());
        Assert.InRange(transactions, 1, Together - 1);
    }

    [Fact]
    public async Task A_failing_command_among_others_fails_alone_and_the_others_are_recorded()
    {
        var drafts = await Drafts(Together);
        var reusedKey = Guid.NewGuid().ToString();

        // Two commands on different drafts reuse one Idempotency-Key: whether they meet in one transaction or not, one
        // is recorded and the other refused, and the rest are recorded.
        var replies = await Task.WhenAll(drafts.Select((d, i) => Join(d, "Chile", key: i is 3 or 4 ? reusedKey : null)));

        Assert.All(replies.Where((_, i) => i is not (3 or 4)), r => r.ShouldBe(HttpStatusCode.OK));
        var twins = new[] { replies[3], replies[4] };
        Assert.Single(twins, r => r.Status == HttpStatusCode.OK);
        twins.Single(r => r.Status != HttpStatusCode.OK).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, StreamCommands.IdempotencyHeader, "different request");
        var versions = await Task.WhenAll(drafts.Select(async d => (await app.Get($"/api/drafts/{d}")).Json.Version()));
        Assert.Equal(Enumerable.Repeat(2L, Together - 2), versions.Where((_, i) => i is not (3 or 4)));
        Assert.Equal([1L, 2L], new[] { versions[3], versions[4] }.Order());
    }

    [Fact]
    public async Task Each_event_names_who_recorded_it_when_several_actors_record_at_once()
    {
        var drafts = await Drafts(12);
        (string Delegation, string? Token, string RecordedBy) Actor(int i) => (i % 3) switch
        {
            0 => ("Chile", app.Token(Roles.Delegation, "CHL"), "delegation/CHL"),
            1 => ("Peru", app.Token(Roles.Delegation, "PER"), "delegation/PER"),
            _ => ("Kenya", null, "secretariat"),
        };

        var replies = await Task.WhenAll(drafts.Select((d, i) => Join(d, Actor(i).Delegation, Actor(i).Token)));

        Assert.All(replies, r => r.ShouldBe(HttpStatusCode.OK));
        for (var i = 0; i < drafts.Length; i++)
        {
            var joined = (await app.Get($"/api/drafts/{drafts[i]}/history")).Json.AsArray().Last()!;
            Assert.Equal(Actor(i).RecordedBy, (string?)joined["recordedBy"]);
        }
    }

    /// <summary>With a tracer listening, a shared transaction has a span of its own, the parent of its database spans,
    /// linked to and from the request of each of its commands; a command that went alone keeps its database spans in
    /// its request's trace. No database span hangs from a span that no trace holds.</summary>
    [Fact]
    public async Task A_shared_transaction_is_traced_once_and_linked_with_the_request_of_each_of_its_commands()
    {
        var drafts = await Drafts(Together);
        var traces = drafts.Select(_ => ActivityTraceId.CreateRandom()).ToArray();
        var stopped = new ConcurrentBag<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source == Telemetry.Source || source.Name is "Microsoft.AspNetCore" or "Npgsql" or Telemetry.MartenSource or Telemetry.WolverineSource,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = stopped.Add,
        };
        ActivitySource.AddActivityListener(listener);

        var replies = await Task.WhenAll(drafts.Select((d, i) => Join(d, "Chile", trace: traces[i])));

        Assert.All(replies, r => r.ShouldBe(HttpStatusCode.OK));
        var spans = stopped.ToArray();
        bool Ours(ActivityLink link) => traces.Contains(link.Context.TraceId);
        var shared = spans.Where(s => s.Source == Telemetry.Source && s.Links.Any(Ours)).ToArray();
        Assert.Contains(shared, s => s.Links.Count(Ours) > 1);
        var database = spans.Where(s => s.Source.Name == "Npgsql").ToArray();
        foreach (var transaction in shared)
        {
            Assert.InRange(transaction.Links.Count(Ours), 1, (int)transaction.GetTagItem("committee.commands")!);
            Assert.Contains(database, s => s.ParentSpanId == transaction.SpanId);
            foreach (var request in transaction.Links.Where(Ours))
                Assert.Contains(spans, s => s.SpanId == request.Context.SpanId && s.Links.Any(l => l.Context.SpanId == transaction.SpanId));
        }
        var inShared = shared.SelectMany(s => s.Links.Where(Ours)).Select(l => l.Context.TraceId).ToArray();
        Assert.Equal(inShared.Length, inShared.Distinct().Count());
        foreach (var alone in traces.Except(inShared)) Assert.Contains(database, s => s.TraceId == alone);
        var ourTraces = traces.Concat(shared.Select(s => s.TraceId)).ToHashSet();
        Assert.All(database.Where(s => ourTraces.Contains(s.TraceId)), s => Assert.Contains(spans, parent => parent.SpanId == s.ParentSpanId));
    }

    /// <summary>Opening a vote appends to the vote's new stream and to its draft (a companion stream): commands that
    /// meet in a group on one draft must not each decide on the draft as it was before the others.</summary>
    [Fact]
    public async Task Votes_opened_together_on_one_draft_open_one_vote()
    {
        var session = app.NewSession();
        await app.OpenMeeting(session);
        var draft = (await app.Submit(session, 1)).Id();
        (await app.Post($"/api/drafts/{draft}/introduction", new { expectedVersion = 1, delegation = "Belarus" })).ShouldBe(HttpStatusCode.OK);

        var others = await Drafts(Together);

        // Commands on other drafts first, so that the openings queue behind a transaction and meet in one group.
        var joined = others.Select(d => Join(d, "Chile")).ToList();
        var replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            app.Post($"/api/drafts/{draft}/votes", new { question = "proposal", kind = "recorded" })));

        Assert.All(await Task.WhenAll(joined), r => r.ShouldBe(HttpStatusCode.OK));
        Assert.Single(replies, r => r.Status == HttpStatusCode.Created);
        Assert.All(replies.Where(r => r.Status != HttpStatusCode.Created), r => Assert.Contains(r.Status, new[] { HttpStatusCode.Conflict, HttpStatusCode.UnprocessableEntity }));
        var history = (await app.Get($"/api/drafts/{draft}/history")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        Assert.Equal(3, history.Count);
    }

    private static async Task<T> Scalar<T>(string sql, Guid[] ids)
    {
        await using var connection = new NpgsqlConnection(CommitteeApp.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("ids", ids);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
