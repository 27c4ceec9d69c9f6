using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Committee.Infrastructure;
using Committee.Live;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Committee.Browser.Tests;

/// <summary>Two server processes on one database, sharing pushes through SignalR's Redis backplane.</summary>
public sealed class TwoNodeTests
{
    [Fact]
    public async Task An_action_recorded_through_one_node_reaches_a_watcher_of_the_other_in_order()
    {
        var redis = Environment.GetEnvironmentVariable("COMMITTEE_REDIS") ?? "127.0.0.1:56379";
        var schema = AppProcess.NewSchema("nodes");
        try
        {
            // The first node up leads: it publishes; the second only relays what the backplane brings.
            await using var first = await AppProcess.Start(schema, redis);
            await using var second = await AppProcess.Start(schema, redis);
            var token = AppProcess.Token(Roles.Secretariat);
            using var http = new HttpClient();
            var cancel = TestContext.Current.CancellationToken;

            var received = Channel.CreateUnbounded<JsonObject>();
            await using var watcher = new HubConnectionBuilder()
                .WithUrl($"{second.BaseUrl}{FloorHub.Path}", o => { o.Transports = HttpTransportType.WebSockets; o.SkipNegotiation = true; })
                .Build();
            watcher.On<JsonObject>(FloorHub.EventMessage, e => received.Writer.TryWrite(e));
            await watcher.StartAsync(cancel);
            const int session = 77;
            await watcher.InvokeAsync<long>("WatchSession", session, cancel);

            async Task<JsonObject> Post(string path, object body)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, first.BaseUrl + path) { Content = JsonContent.Create(body) };
                request.Headers.Authorization = new("Bearer", token);
                request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
                var response = await http.SendAsync(request, cancel);
                var json = (await response.Content.ReadFromJsonAsync<JsonObject>(cancel))!;
                Assert.True(response.IsSuccessStatusCode, json.ToJsonString());
                return json;
            }

            await Post($"/api/sessions/{session}/meetings", new { date = "2022-11-10" });
            var draft = await Post("/api/drafts", new
            {
                symbol = "A/C.3/77/L.12", title = "Improving the coordination of efforts against trafficking in persons", session,
                agendaItem = "28", agendaItemTitle = "Advancement of women", date = "2022-10-09", sponsors = new[] { "Belarus" },
                preamble = Array.Empty<string>(), operative = new[] { "Urges Governments to continue their efforts," },
            });
            var version = (long)draft["version"]!;
            foreach (var delegation in new[] { "Chile", "Peru", "Cuba" })
                version = (long)(await Post($"/api/drafts/{draft["id"]}/sponsors", new { expectedVersion = version, delegations = new[] { delegation } }))["version"]!;

            var events = new List<JsonObject>();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            while (events.Count < 5) events.Add(await received.Reader.ReadAsync(timeout.Token));

            Assert.Equal(["MeetingOpened", "DraftSubmitted", "SponsorsJoined", "SponsorsJoined", "SponsorsJoined"], events.Select(e => (string)e["type"]!));
            var sequences = events.Select(e => (long)e["sequence"]!).ToList();
            Assert.Equal(sequences.Order(), sequences);
            Assert.Equal(["CHL", "PER", "CUB"], events.Skip(2).Select(e => (string)e["data"]!["sponsors"]![0]!["iso3"]!));
        }
        finally
        {
            await AppProcess.DropSchema(schema);
        }
    }
}
