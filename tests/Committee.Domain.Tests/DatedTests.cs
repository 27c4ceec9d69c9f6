using Committee.Domain.Tests.Support;
using Committee.Drafts;
using Committee.Floor;
using Committee.Sponsorship;

namespace Committee.Domain.Tests;

/// <summary>When a thing happened (the date it bears) beside when it was recorded: a meeting of 19 November 2009
/// entered in 2026 happened in 2009; the rules of "now" still read the moment recorded.</summary>
public class DatedTests
{
    private static readonly DateOnly MeetingDay = new(2009, 11, 19);
    private static readonly DateTimeOffset Today = new(2026, 11, 30, 14, 5, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset MeetingDayStart = new(2009, 11, 19, 0, 0, 0, TimeSpan.Zero);

    private static FloorContext AtPastMeeting => new(Today, Given.RecordedBy, 45, MeetingDay);

    [Fact]
    public void A_thing_dated_the_day_it_is_recorded_happened_at_the_moment_recorded() =>
        Assert.Equal(Today, Dated.On(new DateOnly(2026, 11, 30), Today));

    [Fact]
    public void A_thing_dated_another_day_happened_at_the_start_of_that_day_utc()
    {
        Assert.Equal(MeetingDayStart, Dated.On(MeetingDay, Today));
        Assert.Equal(TimeSpan.Zero, Dated.On(MeetingDay, new DateTimeOffset(2026, 11, 30, 1, 0, 0, TimeSpan.FromHours(5))).Offset);
        // 29 November 23:00 in New York is 30 November UTC: the day recorded is the UTC day.
        Assert.Equal(new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.FromHours(-5)),
            Dated.On(new DateOnly(2026, 11, 30), new DateTimeOffset(2026, 11, 29, 23, 0, 0, TimeSpan.FromHours(-5))));
    }

    [Fact]
    public void An_action_at_a_meeting_of_the_past_happened_on_the_meetings_date_and_one_without_a_meeting_when_recorded()
    {
        Assert.Equal(MeetingDayStart, AtPastMeeting.Happened);
        Assert.Equal(Today, AtPastMeeting.At);
        Assert.Equal(Today, new FloorContext(Today, Given.RecordedBy, 45, new DateOnly(2026, 11, 30)).Happened);
        Assert.Equal(Today, new FloorContext(Today, Given.RecordedBy, null).Happened);
    }

    [Fact]
    public void Floor_actions_entered_after_their_meeting_carry_its_date()
    {
        var introduced = Assert.IsType<DraftIntroduced>(Assert.Single(
            IntroduceDraftEndpoint.Decide(Given.SubmittedDraft(), new IntroduceDraft(1, "Belarus"), AtPastMeeting, SharedData.MemberStates)));
        Assert.Equal((45, MeetingDayStart), (introduced.Meeting, introduced.At));

        var draft = Given.SubmittedDraft(introduced);
        var joined = Assert.IsType<SponsorsJoined>(Assert.Single(
            JoinSponsorsEndpoint.Decide(draft, new JoinSponsors(2, [new("Qatar")]), AtPastMeeting, SharedData.MemberStates, Signatory.Secretariat)));
        Assert.Equal(MeetingDayStart, joined.At);
        Assert.Equal(MeetingDayStart, Assert.IsType<AdoptedWithoutVote>(Assert.Single(
            AdoptWithoutVoteEndpoint.Decide(draft.Then(joined), AtPastMeeting))).At);
    }

    [Fact]
    public void A_meeting_opened_for_a_day_of_the_past_happened_that_day()
    {
        var opened = Assert.IsType<MeetingOpened>(Assert.Single(
            OpenMeetingEndpoint.Decide(64, null, new OpenMeeting(MeetingDay), new FloorContext(Today, Given.RecordedBy, null))));
        Assert.Equal(MeetingDayStart, opened.At);
    }

    [Fact]
    public void A_deferral_at_a_past_meeting_is_still_refused_for_a_day_passed_now() =>
        Refused.Unprocessable("deferredTo",
            () => DeferActionEndpoint.Decide(Given.SubmittedDraft(Given.Introduced()), new DeferAction(2, new DateOnly(2009, 11, 26)), AtPastMeeting),
            "has passed");
}
