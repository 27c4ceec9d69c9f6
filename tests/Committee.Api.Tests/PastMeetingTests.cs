using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace Committee.Api.Tests;

/// <summary>A meeting of the past entered afterwards: a secretary records today what happened at a meeting of
/// 19 November 2009. What happened there is dated by the meeting (history, as-of reads, sponsorship timelines, the
/// vote), the draft by its date of issue, and the moment each was recorded stays beside it.</summary>
/// <remarks>Its own app (schema), so that the 64th session, whose calendar applies, is this class's alone; it runs
/// alone, so that its second server does not disturb the process-wide metrics other tests read.</remarks>
[Collection(nameof(RunsAlone))]
public sealed class PastMeetingTests(CommitteeApp app) : IClassFixture<CommitteeApp>
{
    private const int Session = 64;
    private static readonly DateTimeOffset IssueDay = new(2009, 11, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MeetingDay = new(2009, 11, 19, 0, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Time(JsonNode? node) => DateTimeOffset.Parse((string)node!, CultureInfo.InvariantCulture);

    private static string Query(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", CultureInfo.InvariantCulture));

    /// <summary>The meeting of 19 November 2009, opened by whichever test comes first and left in progress.</summary>
    private async Task<int> MeetingOfTheNineteenth()
    {
        var opened = await app.Post($"/api/sessions/{Session}/meetings", new { date = "2009-11-19" });
        if (opened.Status == HttpStatusCode.Conflict) return (int)(await app.Get($"/api/sessions/{Session}")).Json["meeting"]!["number"]!;
        Assert.True(opened.Status is HttpStatusCode.Created or HttpStatusCode.OK, opened.Body?.ToJsonString());
        return (int)opened.Json["meeting"]!["number"]!;
    }

    [Fact]
    public async Task What_happened_at_a_meeting_of_the_past_is_dated_by_the_meeting_and_recorded_now()
    {
        var started = DateTimeOffset.UtcNow;
        (await app.Post($"/api/sessions/{Session}/meetings", new { date = "2010-09-20" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "date");   // after the 64th session closed
        var meeting = await MeetingOfTheNineteenth();
        var id = (await app.Submit(Session, 31, "Belarus", "Philippines")).Id();
        async Task Act(string action, object body) => (await app.Post($"/api/drafts/{id}/{action}", body)).ShouldBe(HttpStatusCode.OK);
        await Act("introduction", new { expectedVersion = 1, delegation = "Belarus" });
        await Act("sponsors", new { expectedVersion = 2, delegations = new[] { "Qatar" } });
        var vote = (string)(await app.Post($"/api/drafts/{id}/votes", new { question = "proposal", kind = "recorded" })).ShouldBe(HttpStatusCode.Created).Json["voteId"]!;
        (await app.Post($"/api/votes/{vote}/ballots", new { ballots = new[] { new { delegation = "France", vote = "yes" }, new { delegation = "Canada", vote = "abstain" } } }))
            .ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/votes/{vote}/close", new { })).ShouldBe(HttpStatusCode.OK);
        var recorded = DateTimeOffset.UtcNow;

        // The history: the draft on its date of issue, every action at the meeting on the meeting's date; all recorded now.
        var history = (await app.Get($"/api/drafts/{id}/history")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        Assert.Equal(("DraftSubmitted", IssueDay), ((string)history[0]!["type"]!, Time(history[0]!["happened"])));
        Assert.Contains(history, h => (string?)h!["type"] == "DraftIntroduced");
        Assert.Contains(history, h => (string?)h!["type"] == "SponsorsJoined");
        Assert.All(history.Skip(1), h => Assert.Equal((MeetingDay, meeting), (Time(h!["happened"]), (int)h["meeting"]!)));
        Assert.All(history, h => Assert.InRange(Time(h!["timestamp"]), started.AddSeconds(-1), recorded.AddSeconds(1)));
        Assert.Equal(Enumerable.Range(1, history.Count), history.Select(h => (int)h!["version"]!));

        // As of a moment between the meeting's date and today, the meeting's actions have happened; the day before, not.
        var after = (await app.Get($"/api/drafts/{id}?asOf={Query(MeetingDay.AddDays(1))}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(history.Count, (int)after["version"]!);
        Assert.Contains(after["sponsors"]!.AsArray(), s => (string?)s!["iso3"] == "QAT");
        Assert.NotEqual("submitted", (string?)after["status"]);
        var before = (await app.Get($"/api/drafts/{id}?asOf={Query(MeetingDay.AddHours(-12))}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal((1, "submitted"), ((int)before["version"]!, (string)before["status"]!));
        (await app.Get($"/api/drafts/{id}?asOf={Query(IssueDay.AddSeconds(-1))}")).ShouldBeProblem(HttpStatusCode.NotFound, "asOf");

        // The session as it stood: the meeting in progress on its day, not the day before.
        var during = (await app.Get($"/api/sessions/{Session}?asOf={Query(MeetingDay.AddHours(12))}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(meeting, (int)during["meeting"]!["number"]!);
        var eve = (await app.Get($"/api/sessions/{Session}?asOf={Query(MeetingDay.AddHours(-12))}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Null(eve["meeting"]);

        // The sponsorship timeline and the delegation's record date the joining by the meeting.
        var sponsors = (await app.Get($"/api/drafts/{id}/sponsors")).ShouldBe(HttpStatusCode.OK).Json;
        var joined = sponsors["timeline"]!.AsArray().Single(t => (string?)t!["step"] == "joined")!;
        Assert.Equal((MeetingDay, meeting), (Time(joined["at"]), (int)joined["meeting"]!));
        Assert.Equal(IssueDay, Time(sponsors["timeline"]![0]!["at"]));
        Assert.Equal(MeetingDay, Time(sponsors["additional"]!.AsArray().Single()!["joinedAt"]));
        await app.ReadModelsCaughtUp();
        var qatar = (await app.Get($"/api/delegations/QAT/sponsorships?session={Session}")).ShouldBe(HttpStatusCode.OK).Json["sponsorships"]!.AsArray().Single()!;
        Assert.Equal((MeetingDay, meeting), (Time(qatar["joinedAt"]), (int)qatar["joinedAtMeeting"]!));

        // The vote was taken, and closed, at the meeting.
        Assert.Equal("2009-11-19", (string?)(await app.Get($"/api/votes/{vote}")).ShouldBe(HttpStatusCode.OK).Json["date"]);
        (await app.Post($"/api/votes/{vote}/close", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "voteId", "closed at 2009-11-19 00:00:00 UTC");

        // The page shows the meeting's date, and the moment recorded beside it.
        var page = await app.Page($"/drafts/{id}/history");
        Assert.Contains("<time datetime=\"2009-11-19\">19 November 2009</time>", page.Text);
        Assert.Contains("<time datetime=\"2009-11-10\">10 November 2009</time>", page.Text);
        Assert.Contains("recorded <time", page.Text);
    }

    [Fact]
    public async Task A_deferral_at_a_meeting_of_the_past_is_refused_for_a_day_passed_now_not_at_the_meeting()
    {
        await MeetingOfTheNineteenth();
        var id = (await app.Submit(Session, 32, "Belarus")).Id();
        (await app.Post($"/api/drafts/{id}/introduction", new { expectedVersion = 1, delegation = "Belarus" })).ShouldBe(HttpStatusCode.OK);
        (await app.Post($"/api/drafts/{id}/deferrals", new { expectedVersion = 2, deferredTo = "2009-11-26" }))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "deferredTo", "passed");
        var deferred = (await app.Post($"/api/drafts/{id}/deferrals", new { expectedVersion = 2 })).ShouldBe(HttpStatusCode.OK).Json;
        var history = (await app.Get($"/api/drafts/{id}/history")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        Assert.Equal(("ActionDeferred", MeetingDay), ((string)history[^1]!["type"]!, Time(history[^1]!["happened"])));
        Assert.Equal(3, (int)deferred["version"]!);
    }
}
