using Committee.Domain.Tests.Support;
using Committee.Drafts;

namespace Committee.Domain.Tests;

public class OralRevisionTests
{
    private static ParagraphChange Replace(string paragraph, string text) => new(paragraph, ParagraphChangeKind.Replaced, text);
    private static ParagraphChange Insert(string paragraph, string text) => new(paragraph, ParagraphChangeKind.Inserted, text);
    private static ParagraphChange Delete(string paragraph) => new(paragraph, ParagraphChangeKind.Deleted, null);

    private static IReadOnlyList<object> Revise(Draft draft, FloorContext context, string delegation, params ParagraphChange[] changes) =>
        OrallyReviseDraftEndpoint.Decide(draft, new OrallyReviseDraft(1, delegation, changes), context, SharedData.MemberStates);

    private static IReadOnlyList<object> Revise(Draft draft, params ParagraphChange[] changes) =>
        Revise(draft, Given.DuringMeeting(15), "Belarus", changes);

    private static Draft Introduced() => Given.SubmittedDraft(Given.Introduced());

    [Fact]
    public void A_sponsor_reads_out_changes_at_the_meeting_in_progress()
    {
        var at = Given.On(2009, 11, 19, 11);
        var revised = Assert.IsType<DraftOrallyRevised>(Assert.Single(Revise(Introduced(), Given.DuringMeeting(15, at), "Zambia", Replace("OP1", "Calls upon States;"))));

        Assert.Equal((new Sponsor("ZMB", "Zambia"), 15, at), (revised.RevisedBy, revised.Meeting, revised.At));
        Assert.Equal([Replace("OP1", "Calls upon States;")], revised.Changes);
    }

    [Fact]
    public void An_oral_revision_needs_a_meeting_in_progress() =>
        Refused.Conflict("meeting", () => Revise(Introduced(), Given.BetweenMeetings(), "Belarus", Replace("OP1", "x")), "no meeting");

    [Fact]
    public void Only_a_sponsor_revises_the_text_orally() =>
        Refused.Unprocessable("delegation", () => Revise(Introduced(), Given.DuringMeeting(15), "Qatar", Replace("OP1", "x")), "Qatar", "not a sponsor");

    [Fact]
    public void An_oral_revision_needs_at_least_one_change() =>
        Refused.Invalid("changes", () => Revise(Introduced()), "at least one change");

    [Theory]
    [InlineData("OP3")]
    [InlineData("PP3")]
    [InlineData("OP0")]
    public void A_change_to_a_paragraph_the_draft_does_not_have_is_refused_naming_the_change(string paragraph) =>
        Refused.Unprocessable("changes[1]", () => Revise(Introduced(), Replace("OP1", "x"), Replace(paragraph, "y")), "no paragraph", paragraph);

    [Theory]
    [InlineData("paragraph 3")]
    [InlineData("OP")]
    [InlineData("AP1")]
    public void A_change_with_a_malformed_reference_is_refused_explaining_PP_and_OP(string paragraph) =>
        Refused.Unprocessable("changes[0]", () => Revise(Introduced(), Replace(paragraph, "x")), paragraph, "PP<n>", "OP<n>");

    [Fact]
    public void A_replacement_needs_its_new_text() =>
        Refused.Unprocessable("changes[0]", () => Revise(Introduced(), Replace("OP2", " ")), "OP2", "missing");

    [Fact]
    public void Paragraph_references_are_case_insensitive_and_one_past_the_end_may_be_inserted()
    {
        var draft = Introduced();
        draft.Then(Revise(draft, Insert("op3", "Decides to remain seized of the matter."), Replace("pp 1", "Recalling,")));

        Assert.Equal([Given.Operative[0], Given.Operative[1], "Decides to remain seized of the matter."], draft.Operative);
        Assert.Equal("Recalling,", draft.Preamble[0]);
    }

    [Fact]
    public void Changes_apply_in_order_each_to_the_text_the_previous_one_left()
    {
        var draft = Introduced();
        // Inserting a new OP2 moves the old OP2 to OP3, which the second change then replaces.
        draft.Then(Revise(draft, Insert("OP2", "Encourages regional cooperation;"), Replace("OP3", "Requests a report at the sixty-sixth session.")));

        Assert.Equal([Given.Operative[0], "Encourages regional cooperation;", "Requests a report at the sixty-sixth session."], draft.Operative);
    }

    [Fact]
    public void A_later_change_may_refer_to_a_paragraph_an_earlier_change_created() =>
        Assert.Single(Revise(Introduced(), Insert("OP3", "x"), Replace("OP3", "y")));

    [Fact]
    public void A_later_change_may_not_refer_to_a_paragraph_an_earlier_change_deleted() =>
        Refused.Unprocessable("changes[1]", () => Revise(Introduced(), Delete("OP2"), Replace("OP2", "y")), "no paragraph", "OP2");

    [Fact]
    public void Deleting_the_only_operative_paragraph_is_refused()
    {
        var draft = Given.Draft(Given.Submitted(operative: ["Decides to remain seized of the matter."]), Given.Introduced());
        Refused.Unprocessable("changes", () => Revise(draft, Delete("OP1")), "without an operative paragraph");
    }

    [Fact]
    public void Deciding_leaves_the_draft_untouched()
    {
        var draft = Introduced();
        Revise(draft, Delete("OP1"), Replace("PP1", "x"));

        Assert.Equal(Given.Operative, draft.Operative);
        Assert.Equal(Given.Preamble, draft.Preamble);
        Assert.Empty(draft.OralRevisions);
    }

    [Fact]
    public void After_folding_the_text_is_changed_and_the_revision_recorded()
    {
        var draft = Introduced();
        draft.Then(Revise(draft, Delete("PP2"), Replace("OP1", "Calls upon States;")));

        Assert.Equal([Given.Preamble[0]], draft.Preamble);
        Assert.Equal(["Calls upon States;", Given.Operative[1]], draft.Operative);
        var revision = Assert.Single(draft.OralRevisions);
        Assert.Equal(("Belarus", 15, 2), (revision.Delegation, revision.Meeting, revision.Changes.Count));
    }

    [Fact]
    public void A_draft_orally_revised_is_then_adopted_as_orally_revised()
    {
        var draft = Introduced();
        draft.Then(Revise(draft, Replace("OP1", "Calls upon States;")));

        var adopted = Assert.IsType<AdoptedWithoutVote>(Assert.Single(AdoptWithoutVoteEndpoint.Decide(draft, Given.DuringMeeting(15))));
        Assert.True(adopted.AsOrallyRevised);
        Assert.Equal("adopted without a vote, as orally revised", draft.Then(adopted).Action!.Decision);
    }

    [Fact]
    public void An_oral_revision_superseded_by_a_written_revision_does_not_make_the_adoption_as_orally_revised()
    {
        // Orally revised at meeting 14, action deferred, then Rev.1 issued: the Committee adopts Rev.1 as issued.
        var draft = Given.SubmittedDraft(Given.Introduced(), Given.OrallyRevised(14, Replace("OP1", "Calls upon States;")), Given.Deferred(14),
            new DraftRevised(Given.DraftId, "A/C.3/64/L.22/Rev.1", Given.Symbol, new DateOnly(2009, 11, 16), "Improving the coordination of efforts against trafficking in persons",
                [Given.Belarus], Given.Preamble, ["Calls upon States;", Given.Operative[1]], Given.On(2009, 11, 16)));

        var adopted = Assert.IsType<AdoptedWithoutVote>(Assert.Single(AdoptWithoutVoteEndpoint.Decide(draft, Given.DuringMeeting(16))));
        Assert.False(adopted.AsOrallyRevised);
    }

    [Fact]
    public void No_oral_revision_after_action() =>
        Refused.Conflict("id", () => Revise(Given.SubmittedDraft(Given.Introduced(), Given.Adopted()), Replace("OP1", "x")), "adopted");
}
