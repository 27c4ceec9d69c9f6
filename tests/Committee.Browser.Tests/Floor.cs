using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Committee.Browser.Tests;

/// <summary>A session set up through the API as the secretariat would record it, for the pages to show.</summary>
public sealed class Floor(RunningApp app, int session)
{
    public int Session => session;

    public async Task<JsonNode> Post(string path, object body, HttpMethod? method = null, string? token = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, app.BaseUrl + path) { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new("Bearer", token ?? app.Secretariat);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        using var response = await app.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var json = await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {json?.ToJsonString()}");
        return json!;
    }

    public Task<JsonNode> Get(string path) => app.Http.GetFromJsonAsync<JsonNode>(app.BaseUrl + path, TestContext.Current.CancellationToken)!;

    public Task<JsonNode> OpenMeeting(string date = "2009-11-19") => Post($"/api/sessions/{session}/meetings", new { date });

    /// <summary>A draft of this session with three operative paragraphs; returns its id.</summary>
    public async Task<string> Submit(int number, params string[] sponsors) => (string)(await Post("/api/drafts", new
    {
        symbol = $"A/C.3/{session}/L.{number}",
        title = "Improving the coordination of efforts against trafficking in persons",
        session,
        agendaItem = "104",
        agendaItemTitle = "Crime prevention and criminal justice",
        date = "2009-11-10",
        sponsors,
        preamble = new[] { "Recalling its resolution 63/194 of 18 December 2008," },
        operative = new[] { "Urges Governments to continue their efforts,", "Requests the Secretary-General to report,", "Decides to remain seized of the matter." },
    }))["id"]!;

    public async Task<long> Version(string draftId) => (long)(await Get($"/api/drafts/{draftId}"))["version"]!;

    public async Task<JsonNode> Act(string draftId, string action, object body) =>
        await Post($"/api/drafts/{draftId}/{action}", Merge(new JsonObject { ["expectedVersion"] = await Version(draftId) }, body));

    public Task<JsonNode> TakeUp(string draftId) => Post($"/api/sessions/{session}/floor/draft", new { draftId });

    /// <summary>A recorded vote on the proposal: the board's ballots in one go (the first 'yes' States say yes, the
    /// next 'no' no, the next 'abstain' abstain, the rest absent), then closed. Returns the vote's id.</summary>
    public async Task<string> RecordedVote(string draftId, int yes, int no, int abstain, bool close = true)
    {
        var voteId = (string)(await Act(draftId, "votes", new { question = "proposal", kind = "recorded" }))["voteId"]!;
        var vote = await Get($"/api/votes/{voteId}");
        var states = (await Get($"/api/delegations?date={vote["date"]}")).AsArray().Select(s => (string)s!["iso3"]!).ToList();
        var ballots = states.Take(yes).Select(d => new { delegation = d, vote = "yes" })
            .Concat(states.Skip(yes).Take(no).Select(d => new { delegation = d, vote = "no" }))
            .Concat(states.Skip(yes + no).Take(abstain).Select(d => new { delegation = d, vote = "abstain" })).ToList();
        if (ballots.Count > 0) await Post($"/api/votes/{voteId}/ballots", new { ballots });
        if (close) await Post($"/api/votes/{voteId}/close", new { });
        return voteId;
    }

    private static JsonObject Merge(JsonObject target, object body)
    {
        foreach (var (key, value) in JsonSerializerNode(body)) target[key] = value?.DeepClone();
        return target;
    }

    private static JsonObject JsonSerializerNode(object body) => System.Text.Json.JsonSerializer.SerializeToNode(body)!.AsObject();
}
