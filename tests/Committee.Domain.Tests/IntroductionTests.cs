using Committee.Domain.Tests.Support;
using Committee.Drafts;

namespace Committee.Domain.Tests;

public class IntroductionTests
{
    private static IReadOnlyList<object> Introduce(Draft draft, string delegation, FloorContext context, string? onBehalfOf = null) =>
        IntroduceDraftEndpoint.Decide(draft, new IntroduceDraft(1, delegation, onBehalfOf), context, SharedData.MemberStates);

    [Fact]
    public void A_sponsor_introduces_the_draft_at_the_meeting_in_progress()
    {
        var at = Given.On(2009, 10, 28, 11);
        var introduced = Assert.IsType<DraftIntroduced>(Assert.Single(Introduce(Given.SubmittedDraft(), "Belarus", Given.DuringMeeting(10, at))));

        Assert.Equal((Given.DraftId, new Sponsor("BLR", "Belarus"), 10, at), (introduced.DraftId, introduced.IntroducedBy, introduced.Meeting, introduced.At));
    }

    [Fact]
    public void Folding_the_introduction_records_who_introduced_it_and_where()
    {
        var draft = Given.SubmittedDraft();
        draft.Then(Introduce(draft, "ZMB", Given.DuringMeeting(10), onBehalfOf: "African Group"));

        Assert.Equal(DraftStatus.Introduced, draft.Status);
        Assert.Equal(("Zambia", "ZMB", "African Group", 10), (draft.Introduction!.Delegation, draft.Introduction.Iso3, draft.Introduction.OnBehalfOf, draft.Introduction.Meeting));
    }

    [Fact]
    public void Introduction_needs_a_meeting_in_progress() =>
        Refused.Conflict("meeting", () => Introduce(Given.SubmittedDraft(), "Belarus", Given.BetweenMeetings()), "no meeting", "64th session");

    [Fact]
    public void Only_a_sponsor_may_introduce_the_draft() =>
        Refused.Unprocessable("delegation", () => Introduce(Given.SubmittedDraft(), "Qatar", Given.DuringMeeting(10)), "Qatar", "not a sponsor");

    [Fact]
    public void A_sponsor_who_has_withdrawn_may_no_longer_introduce_the_draft()
    {
        var draft = Given.SubmittedDraft(new SponsorshipWithdrawn(Given.DraftId, [Given.Belarus], 9, Given.On(2009, 10, 27)));
        Refused.Unprocessable("delegation", () => Introduce(draft, "Belarus", Given.DuringMeeting(10)), "Belarus", "not a sponsor");
    }

    [Fact]
    public void A_delegation_that_joined_after_issue_may_introduce_the_draft()
    {
        var draft = Given.SubmittedDraft(new SponsorsJoined(Given.DraftId, [new Sponsor("QAT", "Qatar")], null, SponsorshipSource.ESponsorship, Given.On(2009, 10, 25)));
        Assert.Single(Introduce(draft, "Qatar", Given.DuringMeeting(10)));
    }

    [Fact]
    public void A_draft_is_introduced_only_once() =>
        Refused.Conflict("id", () => Introduce(Given.SubmittedDraft(Given.Introduced(meeting: 10)), "Philippines", Given.DuringMeeting(11)),
            "already introduced", "Belarus", "meeting 10");

    [Fact]
    public void A_draft_withdrawn_by_its_sponsors_cannot_be_introduced() =>
        Refused.Conflict("id", () => Introduce(Given.SubmittedDraft(Given.Withdrawn(meeting: 12)), "Belarus", Given.DuringMeeting(13)),
            "withdrawn", "meeting 12");

    [Fact]
    public void An_unknown_introducer_is_refused() =>
        Refused.Unprocessable("delegation", () => Introduce(Given.SubmittedDraft(), "Ruritania", Given.DuringMeeting(10)), "Ruritania");
}
