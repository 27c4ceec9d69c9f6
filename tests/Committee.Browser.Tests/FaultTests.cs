using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Committee.Infrastructure;

namespace Committee.Browser.Tests;

/// <summary>Real processes under load, then a fault: the server killed (kill -9), or the database stopped and started
/// again. Nothing acknowledged is lost, a retried action is recorded once, an outage is a 503 (never a 500), and the
/// server recovers by itself.</summary>
[Collection(nameof(FaultCollection))]
public sealed class FaultTests
{
    private const int Clients = 4;

    /// <summary>Seconds of load before and after the fault: short in the suite, longer in scripts/soak.</summary>
    private static readonly TimeSpan Load = TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("COMMITTEE_FAULT_LOAD_SECONDS") ?? "2"));
    private static readonly string Secretariat = AppProcess.Token(Roles.Secretariat);

    [Fact]
    public async Task Killed_under_load_nothing_acknowledged_is_lost_and_each_retried_action_is_recorded_once()
    {
        var cancel = TestContext.Current.CancellationToken;
        var schema = AppProcess.NewSchema("killed");
        var node = await AppProcess.Start(schema);
        try
        {
            // Generous: on a loaded machine the first call of an endpoint compiles it (Development), seconds at worst.
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
            var drafts = new List<string>();
            for (var client = 0; client < Clients; client++) drafts.Add(await SubmitDraft(http, node.BaseUrl, client + 1, cancel));

            // Each client alternates joining and withdrawing one delegation on its own draft: every acknowledged
            // action is one event, so the stream's version counts them. An action cut by the kill is sent again with
            // its key until it is answered.
            var acknowledged = new int[Clients];
            var retried = new int[Clients];
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            var nodeNow = node;
            var clients = Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
            {
                var version = 1L;
                for (var action = 0; !stop.IsCancellationRequested; action++)
                {
                    var path = $"/api/drafts/{drafts[client]}/{(action % 2 == 0 ? "sponsors" : "sponsor-withdrawals")}";
                    var body = new { expectedVersion = version, delegations = new[] { "Kenya" } };
                    var key = Guid.NewGuid().ToString();
                    for (var attempt = 0; ; attempt++)
                    {
                        try
                        {
                            var (status, json) = await Send(http, HttpMethod.Post, Volatile.Read(ref nodeNow).BaseUrl + path, body, key, CancellationToken.None);
                            Assert.True(status == HttpStatusCode.OK, $"client {client}, action {action}: {(int)status} {json}");
                            version = (long)json!["version"]!;
                            acknowledged[client]++;
                            if (attempt > 0) retried[client]++;
                            break;
                        }
                        catch (HttpRequestException) { await Task.Delay(100, CancellationToken.None); }
                        catch (TaskCanceledException) { await Task.Delay(100, CancellationToken.None); }
                    }
                }
            }, CancellationToken.None)).ToList();

            // The load is counted as well as timed: on a busy machine a node's first call of an endpoint compiles it
            // (seconds), and a few actions either side of the kill would prove nothing.
            async Task Loaded(int actions)
            {
                await Task.Delay(Load, cancel);
                for (var deadline = DateTime.UtcNow.AddSeconds(90); acknowledged.Sum() < actions && DateTime.UtcNow < deadline;)
                    await Task.Delay(100, cancel);
            }
            await Loaded(2 * Clients + 1);
            await node.Kill();
            node = await AppProcess.Start(schema);
            Volatile.Write(ref nodeNow, node);
            await Loaded(acknowledged.Sum() + 2 * Clients + 1);
            await stop.CancelAsync();
            await Task.WhenAll(clients);

            Assert.True(acknowledged.Sum() > Clients * 4, $"too little load to mean anything: {acknowledged.Sum()} actions");
            for (var client = 0; client < Clients; client++)
            {
                var (_, draft) = await Send(http, HttpMethod.Get, $"{node.BaseUrl}/api/drafts/{drafts[client]}", null, null, cancel);
                Assert.Equal(1 + acknowledged[client], (long)draft!["version"]!);
                var kenya = draft["sponsors"]?.AsArray().Any(s => (string?)s!["iso3"] == "KEN" && s["withdrawnAt"] is null) ?? false;
                Assert.Equal(acknowledged[client] % 2 == 1, kenya);
            }
            Report($"kill -9: {acknowledged.Sum()} actions acknowledged, {retried.Sum()} of them sent again after the kill, none lost or doubled");
        }
        finally
        {
            await node.DisposeAsync();
            await AppProcess.DropSchema(schema);
        }
    }

    [Fact]
    public async Task With_the_database_stopped_under_load_commands_answer_503_with_Retry_After_and_the_server_recovers_by_itself()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var cluster = await PrivateCluster.Create();
        await using var node = await AppProcess.Start("outage", connectionString: cluster.ConnectionString);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var draft = await SubmitDraft(http, node.BaseUrl, 1, cancel);

        var statuses = new List<HttpStatusCode>();
        var retryAfterMissing = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var load = Task.Run(async () =>
        {
            var version = 1L;
            for (var action = 0; !stop.IsCancellationRequested; action++)
            {
                var path = $"/api/drafts/{draft}/{(version % 2 == 1 ? "sponsors" : "sponsor-withdrawals")}";
                using var request = Request(HttpMethod.Post, node.BaseUrl + path, new { expectedVersion = version, delegations = new[] { "Kenya" } }, Guid.NewGuid().ToString());
                using var response = await http.SendAsync(request, CancellationToken.None);
                lock (statuses) statuses.Add(response.StatusCode);
                if (response.StatusCode == HttpStatusCode.OK) version = (long)(await response.Content.ReadFromJsonAsync<JsonObject>(CancellationToken.None))!["version"]!;
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable && response.Headers.RetryAfter is null) Interlocked.Increment(ref retryAfterMissing);
                else if (response.StatusCode == HttpStatusCode.ServiceUnavailable) await Task.Delay(50, CancellationToken.None);
            }
        }, CancellationToken.None);

        await Task.Delay(Load, cancel);
        await cluster.Stop();
        await Task.Delay(Load + TimeSpan.FromSeconds(1), cancel);
        var (eventsStatus, _) = await Send(http, HttpMethod.Get, $"{node.BaseUrl}/api/events?after=0", null, null, cancel);
        await cluster.Start();
        var back = System.Diagnostics.Stopwatch.StartNew();

        // Recovered without a restart: a command succeeds again within a few seconds of the database's return.
        int okAfter;
        lock (statuses) okAfter = statuses.Count;
        while (back.Elapsed < TimeSpan.FromSeconds(20))
        {
            lock (statuses) if (statuses.Skip(okAfter).Any(s => s == HttpStatusCode.OK)) break;
            await Task.Delay(50, cancel);
        }
        var recovery = back.Elapsed;
        await stop.CancelAsync();
        await load;

        lock (statuses)
        {
            Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
            Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
            Assert.Contains(HttpStatusCode.OK, statuses.Skip(okAfter));
            Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"unexpected {(int)s}"));
        }
        Assert.Equal(0, retryAfterMissing);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, eventsStatus);
        lock (statuses)
            Report($"database stopped: {statuses.Count(s => s == HttpStatusCode.OK)} answered 200, {statuses.Count(s => s == HttpStatusCode.ServiceUnavailable)} answered 503 with Retry-After, 0 answered 500; the first 200 {recovery.TotalSeconds:0.0} s after the database was back");
    }

    /// <summary>The figures of a run, for scripts/soak (COMMITTEE_FAULT_REPORT names the file) and the test's output.</summary>
    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        if (Environment.GetEnvironmentVariable("COMMITTEE_FAULT_REPORT") is { Length: > 0 } file) File.AppendAllText(file, line + Environment.NewLine);
    }

    private static async Task<string> SubmitDraft(HttpClient http, string baseUrl, int number, CancellationToken cancel)
    {
        var (status, json) = await Send(http, HttpMethod.Post, $"{baseUrl}/api/drafts", new
        {
            symbol = $"A/C.3/64/L.{number}", title = "Trafficking in women and girls", session = 64,
            agendaItem = "62", agendaItemTitle = "Advancement of women", date = "2009-10-20", sponsors = new[] { "Belarus" },
            preamble = Array.Empty<string>(), operative = new[] { "Urges Governments to continue their efforts," },
        }, Guid.NewGuid().ToString(), cancel);
        Assert.True(status == HttpStatusCode.Created, $"{(int)status} {json}");
        return (string)json!["id"]!;
    }

    private static async Task<(HttpStatusCode Status, JsonNode? Json)> Send(HttpClient http, HttpMethod method, string url, object? body, string? key,
        CancellationToken cancel)
    {
        using var request = Request(method, url, body, key);
        using var response = await http.SendAsync(request, cancel);
        var text = await response.Content.ReadAsStringAsync(cancel);
        return (response.StatusCode, text.Length > 0 && text[0] is '{' or '[' ? JsonNode.Parse(text) : null);
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, object? body, string? key)
    {
        var request = new HttpRequestMessage(method, url);
        if (body is not null) request.Content = JsonContent.Create(body);
        request.Headers.Authorization = new("Bearer", Secretariat);
        if (key is not null) request.Headers.Add(StreamCommands.IdempotencyHeader, key);
        return request;
    }
}

[CollectionDefinition(nameof(FaultCollection))]
public sealed class FaultCollection;
