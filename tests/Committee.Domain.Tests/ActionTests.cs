using Committee.Domain.Tests.Support;
using Committee.Drafts;

namespace Committee.Domain.Tests;

/// <summary>Budget implications, deferral, withdrawal of the draft and adoption without a vote.</summary>
public class ActionTests
{
    private static Draft Introduced() => Given.SubmittedDraft(Given.Introduced());

    private static IReadOnlyList<object> StateBudget(Draft draft, bool hasImplications, string? statement = null, string? document = null) =>
        StateBudgetImplicationsEndpoint.Decide(draft, new StateBudgetImplications(1, hasImplications, statement, document), Given.DuringMeeting(15));

    private static IReadOnlyList<object> Defer(Draft draft, Committee.Domain.FloorContext context, DateOnly? to = null) =>
        DeferActionEndpoint.Decide(draft, new DeferAction(1, to), context);

    [Fact]
    public void The_Secretary_states_that_a_draft_has_no_budget_implications()
    {
        var draft = Introduced();
        var stated = Assert.IsType<ProgrammeBudgetImplicationsStated>(Assert.Single(StateBudget(draft, false)));
        Assert.Equal((false, 15), (stated.HasImplications, stated.Meeting));

        draft.Then(stated);
        Assert.Equal((false, null, null), (draft.BudgetImplications!.HasImplications, draft.BudgetImplications.Statement, draft.BudgetImplications.DocumentSymbol));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData(" ", "")]
    public void Budget_implications_need_the_statement_or_the_symbol_of_the_written_statement(string? statement, string? document) =>
        Refused.Invalid("statement", () => StateBudget(Introduced(), true, statement, document), "statement", "symbol");

    [Theory]
    [InlineData("The adoption would entail additional requirements of $120,000.", null)]
    [InlineData(null, "A/C.3/64/L.70")]
    public void Budget_implications_with_a_statement_or_a_document_are_recorded(string? statement, string? document)
    {
        var draft = Introduced();
        draft.Then(StateBudget(draft, true, statement, document));
        Assert.Equal((true, statement, document), (draft.BudgetImplications!.HasImplications, draft.BudgetImplications.Statement, draft.BudgetImplications.DocumentSymbol));
    }

    [Fact]
    public void No_budget_statement_after_action() =>
        Refused.Conflict("id", () => StateBudget(Given.SubmittedDraft(Given.Withdrawn()), false), "withdrawn");

    [Fact]
    public void Action_is_deferred_at_a_meeting_and_the_draft_is_then_deferred()
    {
        var draft = Introduced();
        var to = new DateOnly(2009, 11, 24);
        draft.Then(Defer(draft, Given.DuringMeeting(15), to));

        Assert.Equal(DraftStatus.Deferred, draft.Status);
        var deferral = Assert.Single(draft.Deferrals);
        Assert.Equal((15, to), (deferral.Meeting, deferral.DeferredTo));
        Assert.False(draft.ActionTaken);
    }

    [Fact]
    public void Deferral_needs_a_meeting_in_progress() =>
        Refused.Conflict("meeting", () => Defer(Introduced(), Given.BetweenMeetings()), "defer", "no meeting");

    [Fact]
    public void Action_cannot_be_deferred_to_a_date_that_has_passed() =>
        Refused.Unprocessable("deferredTo", () => Defer(Introduced(), Given.DuringMeeting(15, Given.On(2009, 11, 19)), new DateOnly(2009, 11, 18)), "2009-11-18");

    [Fact]
    public void Action_on_an_adopted_draft_cannot_be_deferred() =>
        Refused.Conflict("id", () => Defer(Given.SubmittedDraft(Given.Introduced(), Given.Adopted()), Given.DuringMeeting(16)), "adopted");

    [Fact]
    public void A_deferred_draft_can_still_be_adopted()
    {
        var draft = Given.SubmittedDraft(Given.Introduced(), Given.Deferred(14));
        draft.Then(AdoptWithoutVoteEndpoint.Decide(draft, Given.DuringMeeting(16)));
        Assert.Equal(DraftStatus.Adopted, draft.Status);
    }

    [Fact]
    public void The_sponsors_withdraw_their_draft_before_action()
    {
        var at = Given.On(2009, 11, 19, 12);
        var draft = Introduced();
        var withdrawn = Assert.IsType<DraftWithdrawn>(Assert.Single(WithdrawDraftEndpoint.Decide(draft, Given.DuringMeeting(15, at))));
        Assert.Equal((15, at), (withdrawn.Meeting, withdrawn.At));

        draft.Then(withdrawn);
        Assert.Equal(DraftStatus.Withdrawn, draft.Status);
        Assert.True(draft.ActionTaken);
        Assert.Equal(("withdrawn by its sponsors", 15, at), (draft.Action!.Decision, draft.Action.Meeting, draft.Action.At));
    }

    [Fact]
    public void A_draft_may_be_withdrawn_between_meetings_even_before_it_is_introduced() =>
        Assert.Null(Assert.IsType<DraftWithdrawn>(Assert.Single(WithdrawDraftEndpoint.Decide(Given.SubmittedDraft(), Given.BetweenMeetings()))).Meeting);

    [Fact]
    public void An_adopted_draft_cannot_be_withdrawn() =>
        Refused.Conflict("id", () => WithdrawDraftEndpoint.Decide(Given.SubmittedDraft(Given.Introduced(), Given.Adopted(meeting: 15)), Given.DuringMeeting(16)),
            "withdraw", "adopted without a vote", "meeting 15");

    [Fact]
    public void A_withdrawn_draft_cannot_be_withdrawn_again() =>
        Refused.Conflict("id", () => WithdrawDraftEndpoint.Decide(Given.SubmittedDraft(Given.Withdrawn()), Given.DuringMeeting(16)), "withdrawn by its sponsors");

    [Fact]
    public void An_introduced_draft_is_adopted_without_a_vote_at_the_meeting_in_progress()
    {
        var at = Given.On(2009, 11, 19, 12);
        var draft = Introduced();
        var adopted = Assert.IsType<AdoptedWithoutVote>(Assert.Single(AdoptWithoutVoteEndpoint.Decide(draft, Given.DuringMeeting(15, at))));
        Assert.Equal((Given.DraftId, 15, false, at), (adopted.DraftId, adopted.Meeting, adopted.AsOrallyRevised, adopted.At));

        draft.Then(adopted);
        Assert.Equal(DraftStatus.Adopted, draft.Status);
        Assert.Equal(("adopted without a vote", 15), (draft.Action!.Decision, draft.Action.Meeting));
    }

    [Fact]
    public void Adoption_needs_a_meeting_in_progress() =>
        Refused.Conflict("meeting", () => AdoptWithoutVoteEndpoint.Decide(Introduced(), Given.BetweenMeetings()), "adopt", "no meeting");

    [Fact]
    public void A_draft_that_was_never_introduced_cannot_be_adopted() =>
        Refused.Unprocessable("id", () => AdoptWithoutVoteEndpoint.Decide(Given.SubmittedDraft(), Given.DuringMeeting(15)), Given.Symbol, "not been introduced");

    [Fact]
    public void A_draft_is_adopted_only_once() =>
        Refused.Conflict("id", () => AdoptWithoutVoteEndpoint.Decide(Given.SubmittedDraft(Given.Introduced(), Given.Adopted(meeting: 15)), Given.DuringMeeting(16)),
            "adopted without a vote", "meeting 15");

    [Fact]
    public void A_withdrawn_draft_cannot_be_adopted() =>
        Refused.Conflict("id", () => AdoptWithoutVoteEndpoint.Decide(Given.SubmittedDraft(Given.Introduced(), Given.Withdrawn()), Given.DuringMeeting(16)), "withdrawn");
}
