using Committee.Domain.Tests.Support;
using Committee.Drafts;

namespace Committee.Domain.Tests;

/// <summary>Documents recorded from their metadata only (textKnown: false), and addenda to notes.</summary>
public class ImportedRecordTests
{
    private static readonly FloorContext Recording = Given.BetweenMeetings();

    private static SubmitDraft Command(DraftKind kind = DraftKind.DraftResolution, bool textKnown = false, IReadOnlyList<string>? operative = null) =>
        new("A/C.3/78/L.1", "Organization of the work of the Third Committee", 78, "7", "title not in the library record", kind == DraftKind.Note ? new DateOnly(2023, 8, 28) : new DateOnly(2023, 9, 28),
            [], [], operative ?? [], kind, TextKnown: textKnown);

    [Fact]
    public void A_draft_resolution_without_its_text_is_recorded_as_such()
    {
        var submitted = Assert.IsType<DraftSubmitted>(Assert.Single(SubmitDraftEndpoint.Decide(Given.DraftId, Command(), Recording, SharedData.MemberStates)));
        Assert.False(submitted.TextKnown);
        Assert.False(Given.Draft(submitted).TextKnown);
    }

    [Fact]
    public void A_draft_with_its_text_still_needs_an_operative_paragraph() =>
        Refused.Unprocessable("operative", () => SubmitDraftEndpoint.Decide(Given.DraftId, Command(textKnown: true), Recording, SharedData.MemberStates),
            "operative paragraph", "textKnown");

    [Fact]
    public void A_document_said_to_be_without_its_text_has_no_paragraphs() =>
        Refused.Invalid("operative", () => SubmitDraftEndpoint.Decide(Given.DraftId, Command(operative: ["Decides to remain seized of the matter."]), Recording, SharedData.MemberStates),
            "textKnown");

    [Fact]
    public void No_oral_revision_applies_to_a_text_that_is_not_recorded()
    {
        var draft = Given.Draft(Given.Submitted(operative: [], preamble: []) with { TextKnown = false }, Given.Introduced());
        Refused.Unprocessable("changes", () => OrallyReviseDraftEndpoint.Decide(draft,
                new OrallyReviseDraft(2, "Belarus", [new ParagraphChange("OP1", ParagraphChangeKind.Deleted, null)]), Given.DuringMeeting(14), SharedData.MemberStates),
            "not recorded");
    }

    [Fact]
    public void A_draft_without_its_text_is_put_to_the_vote_and_decided()
    {
        var draft = Given.Draft(Given.Submitted(operative: [], preamble: []) with { TextKnown = false }, Given.Introduced());
        Assert.Equal(["proposal"], VotingOrder.Of(draft, []).Where(q => q.State == QuestionState.Pending).Select(q => q.Question.Key));

        var (vote, opened) = Votes.Open(draft, "proposal");
        var (closed, decided, _) = Votes.Close(vote.CastMany(0, 100, BallotChoice.Yes).CastMany(100, 20, BallotChoice.No), opened);
        Assert.Equal(Outcome.Adopted, closed.Outcome);
        Assert.Equal(DraftStatus.Adopted, decided.Status);
    }

    [Fact]
    public void No_separate_vote_is_requested_on_a_paragraph_of_a_text_not_recorded()
    {
        var draft = Given.Draft(Given.Submitted(operative: [], preamble: []) with { TextKnown = false }, Given.Introduced());
        Refused.Unprocessable("paragraph", () => Committee.Voting.FloorMotionsEndpoints.DecideDivision(draft,
            new Committee.Voting.RequestDivision(2, "OP1", "Canada"), Votes.Meeting, SharedData.MemberStates), "not recorded");
    }

    [Fact]
    public void A_note_takes_its_addenda_in_order()
    {
        var note = Given.Draft(SubmitDraftEndpoint.Decide(Given.DraftId, Command(DraftKind.Note), Recording, SharedData.MemberStates));

        var addendum = Assert.IsType<AddendumIssued>(Assert.Single(IssueAddendumEndpoint.Decide(note,
            new IssueAddendum(1, "A/C.3/78/L.1/Add.1", new DateOnly(2023, 9, 14)), Recording)));
        Assert.Equal("A/C.3/78/L.1/Add.1", addendum.Symbol);
        Assert.Equal(["A/C.3/78/L.1", "A/C.3/78/L.1/Add.1"], note.Then(addendum).Symbols);
        Refused.Unprocessable("symbol", () => IssueAddendumEndpoint.Decide(note, new IssueAddendum(2, "A/C.3/78/L.1/Add.1", new DateOnly(2023, 9, 20)), Recording),
            "A/C.3/78/L.1/Add.2");
    }

    [Fact]
    public void A_draft_resolution_takes_no_addendum_in_committee() =>
        Refused.Unprocessable("id", () => IssueAddendumEndpoint.Decide(Given.SubmittedDraft(), new IssueAddendum(1, "A/C.3/64/L.22/Add.1", new DateOnly(2009, 11, 1)), Recording),
            "not a note", "report");

    [Fact]
    public void A_note_records_what_a_source_says_and_where_it_comes_from()
    {
        var noted = Assert.IsType<DraftNoted>(Assert.Single(NoteDraftEndpoint.Decide(Given.SubmittedDraft(),
            new NoteDraft(1, "The amendment was rejected by the Committee (A/78/481/Add.2).", "UNDL record 4026542, MARC 515"), Recording)));
        var note = Assert.Single(Given.SubmittedDraft(noted).Notes);
        Assert.Equal(("The amendment was rejected by the Committee (A/78/481/Add.2).", "UNDL record 4026542, MARC 515"), (note.Text, note.Source));
    }
}
