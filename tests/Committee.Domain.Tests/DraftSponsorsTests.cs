using Committee.Domain.Tests.Support;
using Committee.Sponsorship;

namespace Committee.Domain.Tests;

/// <summary>The sponsorship views are derived from the draft as folded: three layers, one timeline, the groups behind
/// a sponsor on the draft's date (never sponsors themselves), and counts by regional group.</summary>
public class DraftSponsorsTests
{
    private static readonly DateTimeOffset RevisedAt = Given.On(2009, 11, 2);
    private static readonly DateTimeOffset JoinedAtMeeting = Given.On(2009, 11, 5);
    private static readonly DateTimeOffset SignedOnAt = Given.On(2009, 11, 6);
    private static readonly DateTimeOffset WithdrawnAt = Given.On(2009, 11, 9);

    /// <summary>L.22 printed with 3 sponsors; Rev.1 printing Belarus, the Philippines and Qatar; Chile announced at
    /// meeting 14, Kenya signing on itself, the Philippines withdrawing, then adoption at meeting 15.</summary>
    private static Draft Chain() => Given.SubmittedDraft(
        new DraftRevised(Given.DraftId, "A/C.3/64/L.22/Rev.1", Given.Symbol, new DateOnly(2009, 11, 2), "Improving the coordination of efforts against trafficking in persons",
            [Given.Belarus, Given.Philippines, new Sponsor("QAT", "Qatar")], Given.Preamble, Given.Operative, RevisedAt),
        new SponsorsJoined(Given.DraftId, [new Sponsor("CHL", "Chile")], 14, SponsorshipSource.Secretariat, JoinedAtMeeting),
        new SponsorsJoined(Given.DraftId, [new Sponsor("KEN", "Kenya")], null, SponsorshipSource.ESponsorship, SignedOnAt),
        new SponsorshipWithdrawn(Given.DraftId, [Given.Philippines], null, WithdrawnAt, SponsorshipSource.ESponsorship),
        Given.Introduced(), Given.Adopted(meeting: 15));

    [Fact]
    public void Each_version_keeps_the_list_printed_on_it()
    {
        var view = DraftSponsors.Of(Chain(), SharedData.MemberStates);

        Assert.Equal(["A/C.3/64/L.22", "A/C.3/64/L.22/Rev.1"], view.Printed.Select(p => p.Symbol));
        Assert.Equal(["BLR", "PHL", "ZMB"], view.Printed[0].Sponsors.Select(s => s.Iso3));
        Assert.Equal(["BLR", "PHL", "QAT"], view.Printed[1].Sponsors.Select(s => s.Iso3));
    }

    [Fact]
    public void Additional_sponsors_show_when_at_which_meeting_and_who_recorded_them_after_which_version()
    {
        var additional = DraftSponsors.Of(Chain(), SharedData.MemberStates).Additional;

        Assert.Equal(
            [("CHL", JoinedAtMeeting, (int?)14, (SponsorshipSource?)SponsorshipSource.Secretariat, "A/C.3/64/L.22/Rev.1"),
             ("KEN", SignedOnAt, null, SponsorshipSource.ESponsorship, "A/C.3/64/L.22/Rev.1")],
            additional.Select(a => (a.Iso3, a.JoinedAt, a.Meeting, a.Source, a.AfterIssueOf!)));
    }

    [Fact]
    public void Withdrawals_are_a_layer_of_their_own_and_the_withdrawn_entry_stays()
    {
        var view = DraftSponsors.Of(Chain(), SharedData.MemberStates);

        var withdrawal = Assert.Single(view.Withdrawals);
        Assert.Equal(("PHL", SponsorLayer.Original, WithdrawnAt, SponsorshipSource.ESponsorship), (withdrawal.Iso3, withdrawal.Layer, withdrawal.At, withdrawal.Source));
        Assert.DoesNotContain(view.Current, s => s.Iso3 == "PHL");
        Assert.Equal(["BLR", "ZMB", "QAT", "CHL", "KEN"], view.Current.Select(s => s.Iso3));
    }

    [Fact]
    public void The_timeline_runs_in_the_order_things_happened_and_ends_when_the_list_closes()
    {
        var view = DraftSponsors.Of(Chain(), SharedData.MemberStates);

        Assert.Equal(
            [SponsorshipStep.Printed, SponsorshipStep.Printed, SponsorshipStep.Joined, SponsorshipStep.Joined, SponsorshipStep.Withdrawn, SponsorshipStep.ListClosed],
            view.Timeline.Select(t => t.Step));
        Assert.Equal(view.Timeline.Select(t => t.At).Order(), view.Timeline.Select(t => t.At));
        Assert.Equal(15, view.Timeline[^1].Meeting);
        Assert.Equal("adopted without a vote", view.ListClosed!.Decision);
    }

    [Fact]
    public void A_regional_group_behind_a_sponsor_shows_its_members_on_the_drafts_date_but_they_are_not_sponsors()
    {
        var view = DraftSponsors.Of(Chain(), SharedData.MemberStates);

        var african = Assert.Single(view.Groups);
        Assert.Equal(("African Group", new DateOnly(2009, 11, 2)), (african.Group, african.Date));
        Assert.Equal(["Zambia"], african.ActingFor);
        Assert.Equal(53, african.Members!.Count); // South Sudan was admitted in 2011
        Assert.DoesNotContain(african.Members, m => m.Iso3 == "SSD");
        Assert.Contains("not sponsors", african.Note);
        Assert.DoesNotContain(view.Current, s => s.Iso3 == "KEN" && s.OnBehalfOf is not null);
        Assert.Equal(5, view.Current.Count);
    }

    [Fact]
    public void A_political_group_shows_no_invented_member_list()
    {
        var draft = Given.Draft(Given.Submitted(sponsors: [new Sponsor("CUB", "Cuba", "Group of 77 and China")]));

        var g77 = Assert.Single(DraftSponsors.Of(draft, SharedData.MemberStates).Groups);
        Assert.Null(g77.Members);
        Assert.Contains("no member list", g77.Note);
    }

    [Fact]
    public void Counts_by_group_take_each_current_sponsor_once_in_its_first_group_and_never_expand_a_group()
    {
        var draft = Given.Draft(Given.Submitted(sponsors:
            [new Sponsor("TUR", "Turkey"), new Sponsor("USA", "United States of America"), Given.ZambiaForTheAfricanGroup, new Sponsor("PSE", "State of Palestine")]));

        var counted = SessionSponsorship.Count(draft, SharedData.MemberStates).Sponsors;

        Assert.Equal(
            [("TUR", "Western European and other States"), ("USA", SessionSponsorship.NoGroup), ("ZMB", "African States"), ("PSE", SessionSponsorship.Observer)],
            counted.Select(c => (c.Iso3, c.Group)));
    }
}
