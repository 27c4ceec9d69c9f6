using Committee.Domain.Tests.Support;
using Committee.Floor;
using Committee.Infrastructure;

namespace Committee.Domain.Tests;

public class FloorTests
{
    private static readonly DateOnly MeetingDay = new(2009, 11, 19);

    private static SessionFloor Floor(params IEnumerable<object> events) =>
        events.Aggregate((SessionFloor?)null, SessionFloor.Fold) ?? throw new InvalidOperationException("no events");

    private static MeetingOpened Opened(int meeting, int session = Given.Session) => new(session, meeting, MeetingDay, Given.On(2009, 11, 19, 10));

    private static MeetingClosed Closed(int meeting) => new(Given.Session, meeting, Given.On(2009, 11, 19, 13));

    private static IReadOnlyList<object> Open(SessionFloor? floor, int? number = null, int session = Given.Session) =>
        OpenMeetingEndpoint.Decide(session, floor, new OpenMeeting(MeetingDay, number), Given.BetweenMeetings(Given.On(2009, 11, 19, 10)));

    private static IReadOnlyList<object> TakeUp(SessionFloor floor, Draft? draft) =>
        TakeUpDraftEndpoint.Decide(floor, draft, new TakeUpDraft(draft?.Id ?? Given.DraftId), Given.DuringMeeting(floor.Meeting?.Number ?? 0));

    [Fact]
    public void The_first_meeting_of_a_session_is_meeting_1()
    {
        var opened = Assert.IsType<MeetingOpened>(Assert.Single(Open(null)));
        Assert.Equal((64, 1, MeetingDay, Given.On(2009, 11, 19, 10)), (opened.Session, opened.Meeting, opened.Date, opened.At));
    }

    [Fact]
    public void Meetings_are_numbered_in_order_after_the_last_one_held()
    {
        Assert.Equal(15, ((MeetingOpened)Open(Floor(Opened(14), Closed(14)))[0]).Meeting);
        Assert.Equal(15, ((MeetingOpened)Open(Floor(Opened(14), Closed(14)), number: 15)[0]).Meeting);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(16)]
    public void A_meeting_number_out_of_order_is_refused_naming_the_next_one(int number) =>
        Refused.Unprocessable("meeting", () => Open(Floor(Opened(14), Closed(14)), number), "64th session", "15th");

    [Fact]
    public void A_meeting_cannot_be_opened_while_another_is_in_progress() =>
        Refused.Conflict("meeting", () => Open(Floor(Opened(14))), "meeting 14", "in progress");

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    public void The_session_must_be_a_session_number(int session) =>
        Refused.Invalid("session", () => Open(null, session: session), "session");

    [Fact]
    public void Only_the_meeting_in_progress_can_be_closed()
    {
        var closed = Assert.IsType<MeetingClosed>(Assert.Single(CloseMeetingEndpoint.Decide(Floor(Opened(14)), 14, Given.BetweenMeetings())));
        Assert.Equal((64, 14), (closed.Session, closed.Meeting));

        Refused.Conflict("meeting", () => CloseMeetingEndpoint.Decide(Floor(Opened(14)), 13, Given.BetweenMeetings()), "meeting 13", "meeting 14 is");
        Refused.Conflict("meeting", () => CloseMeetingEndpoint.Decide(Floor(Opened(14), Closed(14)), 14, Given.BetweenMeetings()), "no meeting");
    }

    [Fact]
    public void An_agenda_item_is_taken_up_at_the_meeting_in_progress()
    {
        var taken = Assert.IsType<AgendaItemTakenUp>(Assert.Single(TakeUpAgendaItemEndpoint.Decide(Floor(Opened(14)),
            new TakeUpAgendaItem(" 104 ", "Crime prevention and criminal justice"), Given.DuringMeeting(14))));
        Assert.Equal((64, 14, "104", "Crime prevention and criminal justice"), (taken.Session, taken.Meeting, taken.AgendaItem, taken.AgendaItemTitle));
    }

    [Fact]
    public void An_agenda_item_is_taken_up_only_at_a_meeting() =>
        Refused.Conflict("meeting", () => TakeUpAgendaItemEndpoint.Decide(Floor(Opened(14), Closed(14)),
            new TakeUpAgendaItem("104", "Crime prevention and criminal justice"), Given.BetweenMeetings()), "no meeting");

    [Fact]
    public void An_agenda_item_needs_its_number_and_title()
    {
        Refused.Invalid("agendaItem", () => TakeUpAgendaItemEndpoint.Decide(Floor(Opened(14)), new TakeUpAgendaItem(" ", "t"), Given.DuringMeeting(14)), "agendaItem");
        Refused.Invalid("agendaItemTitle", () => TakeUpAgendaItemEndpoint.Decide(Floor(Opened(14)), new TakeUpAgendaItem("104", ""), Given.DuringMeeting(14)), "agendaItemTitle");
    }

    [Fact]
    public void A_draft_of_the_session_is_taken_up_with_its_current_symbol_and_agenda_item()
    {
        var taken = Assert.IsType<DraftTakenUp>(Assert.Single(TakeUp(Floor(Opened(14)), Given.SubmittedDraft(Given.Introduced()))));
        Assert.Equal((64, 14, Given.DraftId, Given.Symbol, "104"), (taken.Session, taken.Meeting, taken.DraftId, taken.Symbol, taken.AgendaItem));
    }

    [Fact]
    public void A_draft_is_taken_up_only_at_a_meeting() =>
        Refused.Conflict("meeting", () => TakeUp(Floor(Opened(14), Closed(14)), Given.SubmittedDraft()), "no meeting");

    [Fact]
    public void A_draft_of_another_session_cannot_be_taken_up() =>
        Refused.Unprocessable("draftId", () => TakeUp(Floor(Opened(3, session: 78)), Given.SubmittedDraft()), Given.DraftId.ToString(), "78th session");

    [Fact]
    public void A_draft_that_does_not_exist_cannot_be_taken_up() =>
        Refused.Unprocessable("draftId", () => TakeUp(Floor(Opened(14)), null), Given.DraftId.ToString());

    [Fact]
    public void An_adopted_draft_cannot_be_taken_up_again() =>
        Refused.Conflict("id", () => TakeUp(Floor(Opened(16)), Given.SubmittedDraft(Given.Introduced(), Given.Adopted(meeting: 15))), "adopted", "meeting 15");

    [Fact]
    public void Folding_sets_and_clears_the_meeting_and_what_is_on_the_floor()
    {
        var floor = Floor(Opened(14));
        Assert.Equal((SessionFloor.StreamId(64), 64, 14, new MeetingInProgress(14, MeetingDay, Given.On(2009, 11, 19, 10)), (OnTheFloor?)null),
            (floor.Id, floor.Session, floor.LastMeeting, floor.Meeting, floor.Floor));

        SessionFloor.Fold(floor, new AgendaItemTakenUp(64, 14, "104", "Crime prevention", Given.On(2009, 11, 19, 10)));
        Assert.Equal(new OnTheFloor("104", "Crime prevention", null, null), floor.Floor);

        SessionFloor.Fold(floor, new DraftTakenUp(64, 14, Given.DraftId, Given.Symbol, "104", "Crime prevention", Given.On(2009, 11, 19, 11)));
        Assert.Equal(new OnTheFloor("104", "Crime prevention", Given.DraftId, Given.Symbol), floor.Floor);

        SessionFloor.Fold(floor, Closed(14));
        Assert.Equal(((MeetingInProgress?)null, (OnTheFloor?)null, 14), (floor.Meeting, floor.Floor, floor.LastMeeting));
    }

    [Fact]
    public void Opening_a_meeting_clears_the_floor_left_from_before() =>
        Assert.Null(Floor(Opened(14), new AgendaItemTakenUp(64, 14, "104", "t", Given.On(2009, 11, 19, 10)), Opened(15)).Floor);

    [Fact]
    public void A_sessions_stream_id_is_stable_and_differs_between_sessions()
    {
        Assert.Equal(SessionFloor.StreamId(64), SessionFloor.StreamId(64));
        Assert.NotEqual(SessionFloor.StreamId(64), SessionFloor.StreamId(78));
        Assert.NotEqual(SessionFloor.StreamId(6), SessionFloor.StreamId(64));
        Assert.NotEqual(Guid.Empty, SessionFloor.StreamId(64));
    }

    [Theory]
    [InlineData(1, "1st")]
    [InlineData(2, "2nd")]
    [InlineData(3, "3rd")]
    [InlineData(11, "11th")]
    [InlineData(12, "12th")]
    [InlineData(13, "13th")]
    [InlineData(64, "64th")]
    [InlineData(78, "78th")]
    [InlineData(101, "101st")]
    [InlineData(111, "111th")]
    public void Sessions_and_meetings_are_named_by_ordinal(int n, string ordinal) =>
        Assert.Equal(ordinal, English.Ordinal(n));
}
