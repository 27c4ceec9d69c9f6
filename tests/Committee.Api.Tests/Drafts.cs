using System.Text.Json.Nodes;

namespace Committee.Api.Tests;

/// <summary>Building blocks for scenarios: a meeting in progress and a draft as a secretary would table it.</summary>
public static class Drafts
{
    public static object Submission(int session, int number, params object[] sponsors) => new
    {
        symbol = $"A/C.3/{session}/L.{number}",
        title = "Improving the coordination of efforts against trafficking in persons",
        session,
        agendaItem = "104",
        agendaItemTitle = "Crime prevention and criminal justice",
        date = "2009-11-10",
        sponsors = sponsors.Length > 0 ? sponsors : ["Belarus", new { delegation = "Zambia", onBehalfOf = "African Group" }],
        preamble = new[] { "Recalling its resolution 63/194 of 18 December 2008,", "Recalling also Economic and Social Council resolution 2008/33," },
        operative = new[] { "Urges Governments to continue their efforts,", "Requests the Secretary-General to report,", "Decides to remain seized of the matter." },
    };

    public static async Task<JsonNode> Submit(this CommitteeApp app, int session, int number, params object[] sponsors) =>
        (await app.Post("/api/drafts", Submission(session, number, sponsors))).ShouldBe(System.Net.HttpStatusCode.Created).Json;

    /// <summary>Opens a meeting, by default one of 12 November 2009 (what happens at it is dated that day).</summary>
    public static async Task<int> OpenMeeting(this CommitteeApp app, int session, string date = "2009-11-12")
    {
        var reply = await app.Post($"/api/sessions/{session}/meetings", new { date });
        Assert.True(reply.Status is System.Net.HttpStatusCode.Created or System.Net.HttpStatusCode.OK, reply.Body?.ToJsonString());
        return (int)reply.Json["meeting"]!["number"]!;
    }

    public static string Id(this JsonNode draft) => (string)draft["id"]!;

    public static long Version(this JsonNode draft) => (long)draft["version"]!;
}
