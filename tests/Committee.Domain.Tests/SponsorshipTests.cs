using System.Text.Json;
using Committee.Domain.Tests.Support;
using Committee.Infrastructure;
using Committee.Sponsorship;

namespace Committee.Domain.Tests;

public class SponsorshipTests
{
    private static readonly DateTimeOffset JoinedAt = Given.On(2009, 11, 12, 11);

    private static IReadOnlyList<object> Join(Draft draft, FloorContext context, params string[] delegations) =>
        JoinSponsorsEndpoint.Decide(draft, new JoinSponsors(1, [.. delegations.Select(d => new SponsorRequest(d))]), context,
            SharedData.MemberStates, Signatory.Secretariat);

    private static IReadOnlyList<object> Withdraw(Draft draft, FloorContext context, params string[] delegations) =>
        WithdrawSponsorshipEndpoint.Decide(draft, new WithdrawSponsorship(1, [.. delegations.Select(d => new SponsorRequest(d))]), context,
            SharedData.MemberStates, Signatory.Secretariat);

    [Fact]
    public void Delegations_join_the_sponsors_at_the_meeting_in_progress()
    {
        var joined = Assert.IsType<SponsorsJoined>(Assert.Single(Join(Given.SubmittedDraft(), Given.DuringMeeting(14, JoinedAt), "Qatar", "Turkey")));

        Assert.Equal([new Sponsor("QAT", "Qatar"), new Sponsor("TUR", "Turkey")], joined.Sponsors);
        Assert.Equal((14, SponsorshipSource.Secretariat, JoinedAt), (joined.Meeting, joined.Source, joined.At));
    }

    [Fact]
    public void E_sponsorship_between_meetings_is_recorded_without_a_meeting()
    {
        var joined = (SponsorsJoined)JoinSponsorsEndpoint.Decide(Given.SubmittedDraft(), new JoinSponsors(1, [new SponsorRequest("Qatar")]),
            Given.BetweenMeetings(JoinedAt), SharedData.MemberStates, Signatory.Delegation("QAT"))[0];

        Assert.Equal((null, SponsorshipSource.ESponsorship), (joined.Meeting, joined.Source));
    }

    [Fact]
    public void Folding_a_joining_adds_additional_layer_entries_with_the_time_and_meeting_of_joining()
    {
        var draft = Given.SubmittedDraft();
        draft.Then(Join(draft, Given.DuringMeeting(14, JoinedAt), "Qatar", "Uzbekistan"));

        Assert.Equal(5, draft.Sponsors.Count);
        foreach (var iso3 in new[] { "QAT", "UZB" })
        {
            var entry = Assert.Single(draft.Sponsors, s => s.Iso3 == iso3);
            Assert.Equal((SponsorLayer.Additional, null, JoinedAt, 14, SponsorshipSource.Secretariat),
                (entry.Layer, entry.PrintedOn, entry.JoinedAt, entry.JoinedAtMeeting, entry.Source));
        }
    }

    [Fact]
    public void A_current_sponsor_cannot_join_again_and_the_refusal_names_its_index() =>
        Refused.Conflict("delegations[1]", () => Join(Given.SubmittedDraft(), Given.DuringMeeting(14), "Qatar", "PHL"),
            "Philippines", "already a sponsor");

    [Fact]
    public void A_delegation_that_joined_cannot_join_again()
    {
        var draft = Given.SubmittedDraft();
        draft.Then(Join(draft, Given.DuringMeeting(14), "Qatar"));
        Refused.Conflict("delegations[0]", () => Join(draft, Given.DuringMeeting(15), "Qatar"), "Qatar", "already a sponsor");
    }

    [Fact]
    public void A_sponsor_that_withdrew_may_join_again_as_an_additional_sponsor()
    {
        var draft = Given.SubmittedDraft();
        draft.Then(Withdraw(draft, Given.DuringMeeting(13), "Philippines"));
        draft.Then(Join(draft, Given.DuringMeeting(14, JoinedAt), "Philippines"));

        var entries = draft.Sponsors.Where(s => s.Iso3 == "PHL").ToList();
        Assert.Equal(2, entries.Count);
        Assert.Equal((SponsorLayer.Original, 13), (entries[0].Layer, entries[0].WithdrawnAtMeeting));
        Assert.Equal((SponsorLayer.Additional, JoinedAt, null), (entries[1].Layer, entries[1].JoinedAt, entries[1].WithdrawnAt));
        Assert.Same(entries[1], draft.CurrentSponsor("PHL"));
    }

    [Fact]
    public void The_stored_draft_keeps_each_States_latest_sponsorship_and_the_timeline_keeps_every_step()
    {
        var draft = Given.SubmittedDraft();
        for (var meeting = 13; meeting < 23; meeting += 2)
        {
            draft.Then(Withdraw(draft, Given.DuringMeeting(meeting), "Philippines"));
            draft.Then(Join(draft, Given.DuringMeeting(meeting + 1), "Philippines"));
        }
        draft.Then(Withdraw(draft, Given.DuringMeeting(23), "Philippines"));

        var stored = Draft.AsStored(StreamAggregate.Detached(draft));
        var philippines = Assert.Single(stored.Sponsors, s => s.Iso3 == "PHL");
        Assert.Equal((SponsorLayer.Additional, (int?)22, (int?)23), (philippines.Layer, philippines.JoinedAtMeeting, philippines.WithdrawnAtMeeting));
        Assert.Equal(["BLR", "ZMB", "PHL"], stored.Sponsors.Select(s => s.Iso3));
        Assert.Equal(6, draft.Sponsors.Count(s => s.Iso3 == "PHL"));
        var timeline = DraftSponsors.Of(draft, SharedData.MemberStates).Timeline;
        Assert.Equal(6, timeline.Count(t => t.Step == SponsorshipStep.Withdrawn));
        Assert.Equal(5, timeline.Count(t => t.Step == SponsorshipStep.Joined));
    }

    /// <summary>The snapshot is stored after every event, a reply after several, a state as of a moment once: each
    /// must be the same draft.</summary>
    [Fact]
    public void Storing_after_each_event_or_once_at_the_end_gives_the_same_draft()
    {
        var qatar = new Sponsor("QAT", "Qatar");
        object[] events =
        [
            Given.Submitted(),
            new SponsorshipWithdrawn(Given.DraftId, [Given.Philippines], 13, Given.On(2009, 10, 28), SponsorshipSource.Secretariat),
            new SponsorsJoined(Given.DraftId, [qatar, Given.Philippines], 14, SponsorshipSource.Secretariat, Given.On(2009, 10, 29)),
            new SponsorshipWithdrawn(Given.DraftId, [qatar], 15, Given.On(2009, 10, 30), SponsorshipSource.Secretariat),
            new DraftRevised(Given.DraftId, "A/C.3/64/L.22/Rev.1", Given.Symbol, new DateOnly(2009, 11, 2), "Improving the coordination of efforts against trafficking in persons",
                [Given.Belarus, qatar], Given.Preamble, Given.Operative, Given.On(2009, 11, 2)),
            new SponsorshipWithdrawn(Given.DraftId, [Given.Belarus, Given.Philippines], 16, Given.On(2009, 11, 3), SponsorshipSource.Secretariat),
            new SponsorsJoined(Given.DraftId, [Given.Belarus], 17, SponsorshipSource.ESponsorship, Given.On(2009, 11, 4)),
        ];

        var storedEachTime = events.Aggregate((Draft?)null, (d, e) => Draft.AsStored(Draft.Fold(d, e)))!;
        var storedOnce = Draft.AsStored(events.Aggregate((Draft?)null, Draft.Fold)!);

        Assert.Equal(JsonSerializer.Serialize(storedOnce), JsonSerializer.Serialize(storedEachTime));
        Assert.Equal(["ZMB", "PHL", "QAT", "BLR"], storedOnce.Sponsors.Select(s => s.Iso3));
        Assert.Equal(["ZMB", "QAT", "BLR"], storedOnce.CurrentSponsors().Select(s => s.Iso3));
    }

    [Fact]
    public void The_sponsor_list_closes_when_the_Committee_takes_action() =>
        Refused.Conflict("id", () => Join(Given.SubmittedDraft(Given.Introduced(), Given.Adopted(meeting: 15)), Given.DuringMeeting(16), "Qatar"),
            "join the sponsors", "adopted", "meeting 15");

    [Fact]
    public void No_one_joins_a_withdrawn_draft() =>
        Refused.Conflict("id", () => Join(Given.SubmittedDraft(Given.Withdrawn()), Given.DuringMeeting(16), "Qatar"), "withdrawn");

    [Fact]
    public void A_joining_names_at_least_one_delegation() =>
        Refused.Invalid("delegations", () => Join(Given.SubmittedDraft(), Given.DuringMeeting(14)), "at least one");

    [Fact]
    public void A_State_not_yet_admitted_cannot_join_the_sponsors() =>
        Refused.Unprocessable("delegations[0]", () => Join(Given.SubmittedDraft(), Given.DuringMeeting(14), "South Sudan"), "admitted");

    [Fact]
    public void A_delegation_named_twice_in_one_joining_is_refused() =>
        Refused.Unprocessable("delegations[1]", () => Join(Given.SubmittedDraft(), Given.DuringMeeting(14), "Qatar", "QAT"), "twice");

    [Fact]
    public void A_sponsor_withdraws_its_sponsorship()
    {
        var at = Given.On(2009, 11, 13);
        var withdrawn = Assert.IsType<SponsorshipWithdrawn>(Assert.Single(Withdraw(Given.SubmittedDraft(), Given.DuringMeeting(13, at), "Belarus")));

        Assert.Equal([new Sponsor("BLR", "Belarus")], withdrawn.Sponsors);
        Assert.Equal((13, at), (withdrawn.Meeting, withdrawn.At));
    }

    [Fact]
    public void A_delegation_that_is_not_a_sponsor_cannot_withdraw() =>
        Refused.Unprocessable("delegations[1]", () => Withdraw(Given.SubmittedDraft(), Given.DuringMeeting(13), "Belarus", "Qatar"),
            "Qatar", "not a sponsor");

    [Fact]
    public void A_sponsor_cannot_withdraw_twice()
    {
        var draft = Given.SubmittedDraft();
        draft.Then(Withdraw(draft, Given.DuringMeeting(13), "Belarus"));
        Refused.Unprocessable("delegations[0]", () => Withdraw(draft, Given.DuringMeeting(14), "Belarus"), "not a sponsor");
    }

    [Fact]
    public void Folding_a_withdrawal_marks_the_entry_and_never_removes_it()
    {
        var at = Given.On(2009, 11, 13);
        var draft = Given.SubmittedDraft();
        draft.Then(Withdraw(draft, Given.DuringMeeting(13, at), "Belarus"));

        Assert.Equal(3, draft.Sponsors.Count);
        var belarus = Assert.Single(draft.Sponsors, s => s.Iso3 == "BLR");
        Assert.Equal((at, 13, SponsorLayer.Original), (belarus.WithdrawnAt, belarus.WithdrawnAtMeeting, belarus.Layer));
        Assert.Null(draft.CurrentSponsor("BLR"));
        Assert.DoesNotContain(draft.CurrentSponsors(), s => s.Iso3 == "BLR");
        Assert.Equal(2, draft.CurrentSponsors().Count());
    }

    [Fact]
    public void No_sponsorship_is_withdrawn_after_action() =>
        Refused.Conflict("id", () => Withdraw(Given.SubmittedDraft(Given.Introduced(), Given.Adopted()), Given.DuringMeeting(16), "Belarus"), "adopted");

    private static IReadOnlyList<object> JoinAs(Signatory by, Draft draft, params SponsorRequest[] delegations) =>
        JoinSponsorsEndpoint.Decide(draft, new JoinSponsors(1, delegations), Given.BetweenMeetings(JoinedAt), SharedData.MemberStates, by);

    private static IReadOnlyList<object> WithdrawAs(Signatory by, Draft draft, params string[] delegations) =>
        WithdrawSponsorshipEndpoint.Decide(draft, new WithdrawSponsorship(1, [.. delegations.Select(d => new SponsorRequest(d))]),
            Given.BetweenMeetings(JoinedAt), SharedData.MemberStates, by);

    [Fact]
    public void A_delegation_signs_on_for_its_own_State_by_name_or_code_through_e_sponsorship()
    {
        var joined = (SponsorsJoined)JoinAs(Signatory.Delegation("qat"), Given.SubmittedDraft(), new SponsorRequest("Qatar"))[0];
        Assert.Equal((SponsorshipSource.ESponsorship, "QAT"), (joined.Source, joined.Sponsors.Single().Iso3));
        Assert.IsType<SponsorsJoined>(JoinAs(Signatory.Delegation("QAT"), Given.SubmittedDraft(), new SponsorRequest("QAT")).Single());
    }

    [Fact]
    public void A_delegation_may_sign_on_for_its_own_State_acting_for_a_group_it_belongs_to()
    {
        var joined = (SponsorsJoined)JoinAs(Signatory.Delegation("KEN"), Given.SubmittedDraft(), new SponsorRequest("Kenya", "African Group"))[0];
        Assert.Equal(new Sponsor("KEN", "Kenya", "African Group"), joined.Sponsors.Single());
    }

    [Fact]
    public void A_delegation_may_not_sign_on_for_a_regional_group_it_does_not_belong_to() =>
        Refused.With(422, "delegations[0].onBehalfOf", () => JoinAs(Signatory.Delegation("FRA"), Given.SubmittedDraft(), new SponsorRequest("France", "African Group")),
            "France was not a member of the African Group");

    [Fact]
    public void Only_the_secretariat_records_sponsorship_on_behalf_of_a_group_without_a_member_list()
    {
        Refused.With(403, "delegations[0].onBehalfOf", () => JoinAs(Signatory.Delegation("QAT"), Given.SubmittedDraft(), new SponsorRequest("Qatar", "Arab Group")),
            "recorded by the Secretariat", "Group of Arab States");
        Refused.With(403, "delegations[0].onBehalfOf", () => JoinAs(Signatory.Delegation("FRA"), Given.SubmittedDraft(), new SponsorRequest("France", "G77")),
            "Group of 77 and China");
        var joined = (SponsorsJoined)JoinAs(Signatory.Secretariat, Given.SubmittedDraft(), new SponsorRequest("Qatar", "Arab Group"))[0];
        Assert.Equal("Group of Arab States", joined.Sponsors.Single().OnBehalfOf);
    }

    [Fact]
    public void A_delegation_may_not_sign_on_for_another_State_and_the_refusal_says_why() =>
        Refused.With(403, "delegations[1]", () => JoinAs(Signatory.Delegation("QAT"), Given.SubmittedDraft(), new SponsorRequest("Qatar"), new SponsorRequest("Oman")),
            "may only sign on or withdraw for its own State", "Oman");

    [Fact]
    public void A_delegation_naming_another_State_is_refused_even_when_the_list_is_closed() =>
        Refused.With(403, "delegations[0]", () => JoinAs(Signatory.Delegation("QAT"), Given.SubmittedDraft(Given.Introduced(), Given.Adopted()), new SponsorRequest("Oman")),
            "own State");

    [Fact]
    public void A_delegation_signing_on_after_action_is_told_the_list_closed() =>
        Refused.Conflict("id", () => JoinAs(Signatory.Delegation("QAT"), Given.SubmittedDraft(Given.Introduced(), Given.Adopted(meeting: 15)), new SponsorRequest("Qatar")),
            "list closed", "adopted", "meeting 15");

    [Fact]
    public void A_delegation_withdraws_its_own_sponsorship_and_no_other()
    {
        var withdrawn = (SponsorshipWithdrawn)WithdrawAs(Signatory.Delegation("PHL"), Given.SubmittedDraft(), "Philippines")[0];
        Assert.Equal((SponsorshipSource.ESponsorship, "PHL"), (withdrawn.Source, withdrawn.Sponsors.Single().Iso3));
        Refused.With(403, "delegations[0]", () => WithdrawAs(Signatory.Delegation("PHL"), Given.SubmittedDraft(), "Belarus"), "own State");
    }

    [Fact]
    public void The_secretariat_records_any_delegation()
    {
        var joined = (SponsorsJoined)JoinAs(Signatory.Secretariat, Given.SubmittedDraft(), new SponsorRequest("Qatar"), new SponsorRequest("Oman"))[0];
        Assert.Equal(SponsorshipSource.Secretariat, joined.Source);
        Assert.Equal(SponsorshipSource.Secretariat, ((SponsorshipWithdrawn)WithdrawAs(Signatory.Secretariat, Given.SubmittedDraft(), "Belarus")[0]).Source);
    }

    [Fact]
    public void A_joining_known_from_the_committee_report_names_the_report_and_shows_on_the_entry()
    {
        var draft = Given.SubmittedDraft();
        draft.Then(JoinAs(Signatory.Report("A/64/440"), draft, new SponsorRequest("Qatar")));

        var qatar = draft.CurrentSponsor("QAT")!;
        Assert.Equal((SponsorLayer.Additional, SponsorshipSource.Report, "A/64/440"), (qatar.Layer, qatar.Source, qatar.RecordedIn));
    }

    [Fact]
    public void A_withdrawal_shows_who_recorded_it()
    {
        var draft = Given.SubmittedDraft();
        draft.Then(WithdrawAs(Signatory.Delegation("BLR"), draft, "Belarus"));

        Assert.Equal(SponsorshipSource.ESponsorship, Assert.Single(draft.Sponsors, s => s.Iso3 == "BLR").WithdrawalSource);
    }
}
