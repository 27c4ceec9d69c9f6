using Committee.Delegations;
using Committee.Domain.Tests.Support;
using Committee.Drafts;
using Committee.Floor;

namespace Committee.Domain.Tests;

/// <summary>Rule 1: a regular session runs from its opening to the opening of the next. The openings are checked
/// against every roll call of the unvotes data; those the data dates outside their session are recorded.</summary>
public class SessionCalendarTests
{
    private static readonly Lazy<IReadOnlyList<(int RollCall, int Session, DateOnly Date)>> RollCalls = new(() =>
    {
        var rows = Csv.Read(File.ReadAllText(SharedData.UnvotesRollCallsCsv)).ToList();
        var header = rows[0];
        int Column(string name) => Array.IndexOf(header, name);
        return rows.Skip(1).Where(r => r.Length == header.Length)
            .Select(r => (int.Parse(r[Column("rcid")]), int.Parse(r[Column("session")]), DateOnly.Parse(r[Column("date")])))
            .ToList();
    });

    private static bool Within(int session, DateOnly date) =>
        date >= SessionCalendar.Opening(session) && (SessionCalendar.Opening(session + 1) is not { } next || date < next);

    [Fact]
    public void Every_roll_call_falls_within_its_session_or_is_recorded_as_the_data_has_it()
    {
        Assert.Equal(6203, RollCalls.Value.Count);
        var outside = RollCalls.Value.Where(r => !Within(r.Session, r.Date)).ToList();
        Assert.Equal(outside.Select(r => r.RollCall).Order(), SessionCalendar.RollCallsOutsideTheirSession.Keys.Order());
        Assert.All(outside, r => Assert.Equal((r.Session, r.Date), (SessionCalendar.RollCallsOutsideTheirSession[r.RollCall].Session, SessionCalendar.RollCallsOutsideTheirSession[r.RollCall].Date)));
        // From the 59th session on, one only: rcid 4521 of the 59th, dated 8 December 2005, when the 60th had opened.
        Assert.Equal([4521], outside.Where(r => r.Session >= 59).Select(r => r.RollCall));
    }

    [Fact]
    public void Every_session_of_the_data_has_its_opening_in_order()
    {
        var sessions = RollCalls.Value.Select(r => r.Session).Distinct().Order().ToList();
        Assert.All(sessions, s => Assert.NotNull(SessionCalendar.Opening(s)));
        Assert.Equal(new DateOnly(2009, 9, 15), SessionCalendar.Opening(64));
        Assert.All(Enumerable.Range(1, 79), s => Assert.True(SessionCalendar.Opening(s) < SessionCalendar.Opening(s + 1)));
    }

    private static SubmitDraft Draft(DateOnly date, DraftKind kind = DraftKind.DraftResolution) =>
        new("A/C.3/64/L.22", "Improving the coordination of efforts against trafficking in persons", 64, "104", "Crime prevention and criminal justice",
            date, [new("Belarus")], kind == DraftKind.Note ? [] : Given.Preamble, kind == DraftKind.Note ? [] : Given.Operative, kind, TextKnown: kind != DraftKind.Note);

    private static IReadOnlyList<object> Submit(SubmitDraft command) =>
        SubmitDraftEndpoint.Decide(Given.DraftId, command, Given.BetweenMeetings(), SharedData.MemberStates);

    [Fact]
    public void A_draft_dated_outside_its_session_is_refused_with_the_reason()
    {
        Assert.Single(Submit(Draft(new DateOnly(2009, 9, 15))));
        Assert.Single(Submit(Draft(new DateOnly(2010, 9, 13))));
        Refused.Unprocessable("date", () => Submit(Draft(new DateOnly(2009, 9, 14))), "before the 64th session", "15 September 2009", "rule 1");
        Refused.Unprocessable("date", () => Submit(Draft(new DateOnly(2010, 9, 14))), "after the 64th session", "65th opened on 14 September 2010");
        // The Secretariat's note on the organization of work comes out before the session opens, never after it closes.
        Assert.Single(Submit(Draft(new DateOnly(2009, 8, 28), DraftKind.Note)));
        Refused.Unprocessable("date", () => Submit(Draft(new DateOnly(2010, 9, 20), DraftKind.Note)), "after the 64th session");

        var draft = Given.SubmittedDraft();
        Refused.Unprocessable("date", () => ReviseDraftEndpoint.Decide(draft, new ReviseDraft(1, "A/C.3/64/L.22/Rev.1", new DateOnly(2010, 10, 1),
            [new("Belarus")], Given.Preamble, Given.Operative), Given.BetweenMeetings(), SharedData.MemberStates), "A/C.3/64/L.22/Rev.1", "after the 64th session");
    }

    [Fact]
    public void A_meeting_dated_outside_its_session_is_refused_and_so_is_every_vote_at_it()
    {
        Assert.Single(OpenMeetingEndpoint.Decide(64, null, new OpenMeeting(new DateOnly(2009, 11, 19)), Given.BetweenMeetings()));
        Refused.Unprocessable("date", () => OpenMeetingEndpoint.Decide(64, null, new OpenMeeting(new DateOnly(2011, 11, 19)), Given.BetweenMeetings()),
            "the meeting dated 19 November 2011", "after the 64th session");
        // A session the calendar does not hold yet is not checked.
        Assert.Single(OpenMeetingEndpoint.Decide(120, null, new OpenMeeting(new DateOnly(2009, 11, 19)), Given.BetweenMeetings()));
    }
}
