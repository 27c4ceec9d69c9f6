using Committee.Domain.Tests.Support;
using Committee.Drafts;
using Committee.Voting;

namespace Committee.Domain.Tests;

/// <summary>Rules 119 and 128–131: the order in which questions are put, and what becomes of the draft.</summary>
public class VotingOrderTests
{
    private static readonly Sponsor Iran = new("IRN", "Iran (Islamic Republic of)");
    private static readonly Sponsor Canada = new("CAN", "Canada");

    private static MotionMoved Motion(MotionKind kind, Sponsor? by = null) => new(Given.DraftId, kind, by ?? Iran, 15, Given.On(2009, 11, 19));

    private static DivisionRequested Division(string paragraph, Sponsor? objectedBy = null) =>
        new(Given.DraftId, paragraph, Iran, objectedBy, 15, Given.On(2009, 11, 19));

    private static IReadOnlyList<string> Keys(Draft draft, params Draft[] amendments) =>
        VotingOrder.Of(draft, amendments).Where(q => q.State == QuestionState.Pending).Select(q => q.Question.Key).ToList();

    [Fact]
    public void Procedural_motions_come_first_in_the_precedence_of_rule_119()
    {
        var draft = Votes.Introduced(Motion(MotionKind.CloseDebate), Motion(MotionKind.AdjournDebate), Motion(MotionKind.SuspendMeeting));
        Assert.Equal(["motion:suspendMeeting", "motion:adjournDebate", "motion:closeDebate", "proposal"], Keys(draft));
    }

    [Fact]
    public void Amendments_come_before_the_proposal_the_furthest_removed_first()
    {
        var l58 = Votes.Amendment(58, Votes.Replace("OP1", "Urges all Member States to ratify the Protocol;"));
        var l59 = Votes.Amendment(59, Votes.Replace("OP2", "Requests a report at the sixty-sixth session."));
        var draft = Votes.Introduced();
        Assert.Equal(["amendment:A/C.3/64/L.58", "amendment:A/C.3/64/L.59", "proposal"], Keys(draft, l58, l59));

        var ordered = draft.Then(FloorMotionsEndpoints.DecideOrder(draft, [l58, l59], new OrderAmendments(2, ["A/C.3/64/L.59", "A/C.3/64/L.58"]), Votes.Meeting));
        Assert.Equal(["amendment:A/C.3/64/L.59", "amendment:A/C.3/64/L.58", "proposal"], Keys(ordered, l58, l59));
    }

    [Fact]
    public void A_vote_out_of_order_is_refused_with_the_question_that_comes_first()
    {
        var l58 = Votes.Amendment(58, Votes.Replace("OP1", "Urges all Member States to ratify the Protocol;"));
        Refused.Conflict("question", () => Votes.Open(Votes.Introduced(), "proposal", amendments: [l58]), "out of order", "A/C.3/64/L.58");
        Refused.Unprocessable("question", () => Votes.Open(Votes.Introduced(), "part:OP9"), "not a question", "proposal");
    }

    [Fact]
    public void An_adopted_amendment_changes_the_text_then_voted_as_amended_and_makes_a_rival_amendment_moot()
    {
        var l58 = Votes.Amendment(58, Votes.Replace("OP1", "Urges all Member States to ratify the Protocol;"));
        var l60 = Votes.Amendment(60, Votes.Replace("OP1", "Invites Member States to consider the Protocol;"));
        var (vote, draft, amendment) = Votes.Decide(Votes.Introduced(), "amendment:A/C.3/64/L.58", 80, 40, 20, [l58, l60], l58);

        Assert.Equal(Outcome.Adopted, vote.Outcome);
        Assert.Equal("Urges all Member States to ratify the Protocol;", draft.Operative[0]);
        Assert.True(draft.Amended);
        Assert.Equal(DraftStatus.Adopted, amendment!.Status);
        var rival = VotingOrder.Of(draft, [l58, l60]).Single(q => q.Question.Key == "amendment:A/C.3/64/L.60");
        Assert.Equal(QuestionState.Skipped, rival.State);
        Assert.Contains("necessarily rejected", rival.Reason);
        Assert.Contains("rule 130", rival.Reason);

        var (whole, adopted, _) = Votes.Decide(draft, "proposal", 100, 20, 30, [l58, l60]);
        Assert.True(whole.Question.AsAmended);
        Assert.Equal(DraftStatus.Adopted, adopted.Status);
        Assert.Equal("Draft resolution A/C.3/64/L.22, as amended, was adopted by 100 votes to 20, with 30 abstentions.", adopted.Decisions[^1].Record);
    }

    [Fact]
    public void A_rejected_amendment_leaves_the_text_and_the_next_amendment_is_put()
    {
        var l58 = Votes.Amendment(58, Votes.Replace("OP1", "Urges all Member States to ratify the Protocol;"));
        var l60 = Votes.Amendment(60, Votes.Replace("OP1", "Invites Member States to consider the Protocol;"));
        var (_, draft, amendment) = Votes.Decide(Votes.Introduced(), "amendment:A/C.3/64/L.58", 40, 40, 20, [l58, l60], l58);
        Assert.Equal(Given.Operative[0], draft.Operative[0]);
        Assert.Equal(DraftStatus.Rejected, amendment!.Status);
        Assert.Equal(["amendment:A/C.3/64/L.60", "proposal"], Keys(draft, l58, l60));
    }

    [Fact]
    public void A_withdrawn_amendment_is_not_put_to_the_vote()
    {
        var l58 = Votes.Amendment(58, Votes.Replace("OP1", "x")).Then(new DraftWithdrawn(Guid.Parse("0192f0a0-0000-7000-8000-000000000058"), 15, Given.On(2009, 11, 19)));
        var question = VotingOrder.Of(Votes.Introduced(), [l58])[0];
        Assert.Equal((QuestionState.Skipped, true), (question.State, question.Reason!.Contains("withdrawn")));
    }

    [Fact]
    public void An_adopted_no_action_motion_ends_the_consideration_of_the_draft()
    {
        var draft = Votes.Introduced(Motion(MotionKind.AdjournDebate));
        var (_, after, _) = Votes.Decide(draft, "motion:adjournDebate", 80, 70, 30);
        Assert.Equal(DraftStatus.NoAction, after.Status);
        Assert.Empty(Keys(after));
        Refused.Conflict("id", () => AdoptWithoutVoteEndpoint.Decide(after, Votes.Meeting), "no-action motion");
    }

    [Fact]
    public void A_rejected_no_action_motion_lets_the_vote_on_the_draft_proceed()
    {
        var (_, after, _) = Votes.Decide(Votes.Introduced(Motion(MotionKind.AdjournDebate)), "motion:adjournDebate", 70, 80, 30);
        Assert.Equal(DraftStatus.Voting, after.Status);
        Assert.Equal(["proposal"], Keys(after));
        var (vote, draft, _) = Votes.Decide(after, "proposal", 90, 60, 20);
        Assert.Equal((Outcome.Adopted, DraftStatus.Adopted), (vote.Outcome!.Value, draft.Status));
    }

    [Fact]
    public void A_division_objected_to_is_first_a_motion_and_if_it_fails_the_paragraph_is_not_voted_separately()
    {
        var draft = Votes.Introduced(Division("OP2", objectedBy: Canada));
        Assert.Equal(["division:OP2", "part:OP2", "proposal"], Keys(draft));
        var (_, after, _) = Votes.Decide(draft, "division:OP2", 30, 90, 40);
        var part = VotingOrder.Of(after, []).Single(q => q.Question.Key == "part:OP2");
        Assert.Equal(QuestionState.Skipped, part.State);
        Assert.Equal(["proposal"], Keys(after));
    }

    [Fact]
    public void Paragraphs_voted_separately_in_document_order_a_paragraph_not_retained_is_deleted()
    {
        var draft = Votes.Introduced(Division("OP1"), Division("PP2"));
        Assert.Equal(["part:PP2", "part:OP1", "proposal"], Keys(draft));
        var (vote, after, _) = Votes.Decide(draft, "part:PP2", 40, 60);
        Assert.Equal("Preambular paragraph 2 of draft resolution A/C.3/64/L.22 was not retained by 40 votes to 60, with no abstentions.", after.Decisions[^1].Record);
        Assert.Single(after.Preamble);
        Assert.Equal(Outcome.Rejected, vote.Outcome);
    }

    [Fact]
    public void When_all_operative_paragraphs_are_rejected_the_proposal_is_rejected_as_a_whole()
    {
        var draft = Votes.Introduced(Division("OP1"), Division("OP2"));
        var (_, first, _) = Votes.Decide(draft, "part:OP1", 40, 60);
        // OP2 moved up to OP1 when OP1 was deleted: the request follows it.
        Assert.Equal(["part:OP1", "proposal"], Keys(first));
        var (_, second, _) = Votes.Decide(first, "part:OP1", 40, 60);
        Assert.Equal(DraftStatus.Rejected, second.Status);
        Assert.Contains("all its operative paragraphs having been rejected (rule 129)", second.Action!.Decision);
        Assert.Empty(Keys(second));
    }

    [Fact]
    public void Once_voting_has_begun_nothing_but_the_vote_happens_on_the_draft()
    {
        var (vote, draft) = Votes.Open(Votes.Introduced(), "proposal");
        Assert.Equal(DraftStatus.Voting, draft.Status);
        Refused.Conflict("id", () => AdoptWithoutVoteEndpoint.Decide(draft, Votes.Meeting), "rule 128");
        Refused.Conflict("id", () => Votes.Open(draft, "proposal"), "in progress");
        Refused.Conflict("id", () => WithdrawDraftEndpoint.Decide(draft, Votes.Meeting), "rule 128");
        var (_, closed, _) = Votes.Close(vote.CastMany(0, 100, BallotChoice.Yes), draft);
        Assert.Equal(DraftStatus.Adopted, closed.Status);
    }

    [Fact]
    public void Adoption_without_a_vote_waits_for_the_questions_that_come_first()
    {
        var l58 = Votes.Amendment(58, Votes.Replace("OP1", "Urges all Member States to ratify the Protocol;"));
        Refused.Conflict("id", () => AdoptWithoutVoteEndpoint.Decide(Votes.Introduced(), Votes.Meeting, [l58]), "A/C.3/64/L.58", "comes first");
        var (_, draft, _) = Votes.Decide(Votes.Introduced(), "amendment:A/C.3/64/L.58", 80, 40, 0, [l58], l58);
        var adopted = Assert.IsType<AdoptedWithoutVote>(Assert.Single(AdoptWithoutVoteEndpoint.Decide(draft, Votes.Meeting, [l58])));
        Assert.True(adopted.AsAmended);
        Assert.Equal("adopted without a vote, as amended", draft.Then(adopted).Action!.Decision);
    }
}
