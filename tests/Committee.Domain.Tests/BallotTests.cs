using Committee.Domain.Tests.Support;
using Committee.Voting;

namespace Committee.Domain.Tests;

/// <summary>A recorded vote, live: who may vote (rule 124; Member States on the day; Article 19), changes until the
/// vote is closed, and what is recorded when it closes.</summary>
public class BallotTests
{
    private static Vote Opened(IReadOnlyList<string>? article19 = null) => Votes.Open(Votes.Introduced(), "proposal", article19: article19).Vote;

    [Fact]
    public void A_delegation_may_change_its_ballot_until_the_vote_is_closed_and_a_repeated_ballot_records_nothing()
    {
        var vote = Opened().Cast(("France", BallotChoice.Yes), ("BRA", BallotChoice.No));
        vote = vote.Cast(("FRA", BallotChoice.Abstain));
        Assert.Equal([("FRA", BallotChoice.Abstain), ("BRA", BallotChoice.No)], vote.Ballots.Select(b => (b.Iso3!, b.Vote)));
        Assert.Empty(CastBallotsEndpoint.Decide(vote, [new BoardBallot("FRA", BallotChoice.Abstain)], Votes.Meeting, SharedData.MemberStates, null));
    }

    [Theory]
    [InlineData("South Sudan", "not a Member State on 19 November 2009")]
    [InlineData("Holy See", "observers")]
    [InlineData("State of Palestine", "observers")]
    [InlineData("Atlantis", "not a Member State")]
    public void Only_the_Member_States_of_the_day_vote(string delegation, string reason) =>
        Refused.Unprocessable("ballots[0]", () => Opened().Cast((delegation, BallotChoice.Yes)), reason);

    [Fact]
    public void A_State_without_a_vote_under_Article_19_is_refused_and_recorded_as_such()
    {
        var vote = Opened(article19: ["Comoros", "SOM"]);
        Refused.Unprocessable("ballots[0]", () => vote.Cast(("COM", BallotChoice.Yes)), "Article 19");
        var (closed, _, _) = Votes.Close(vote.CastMany(0, 100, BallotChoice.Yes), Votes.Open(Votes.Introduced(), "proposal").Draft);
        Assert.Equal(NonVotingReason.Article19, closed.NonVoting.Single(n => n.Iso3 == "COM").Reason);
        Assert.Equal(NonVotingReason.Article19, closed.NonVoting.Single(n => n.Iso3 == "SOM").Reason);
    }

    [Fact]
    public void A_delegation_casts_only_its_own_ballot()
    {
        var refusal = Assert.Throws<Committee.Infrastructure.Refusal>(() =>
            CastBallotsEndpoint.Decide(Opened(), [new BoardBallot("FRA", BallotChoice.Yes)], Votes.Meeting, SharedData.MemberStates, "GBR", byDelegation: true));
        Assert.Equal((403, "delegation"), (refusal.Status, refusal.Field));
        Assert.Single(CastBallotsEndpoint.Decide(Opened(), [new BoardBallot("GBR", BallotChoice.Yes)], Votes.Meeting, SharedData.MemberStates, "GBR"));
    }

    [Fact]
    public void A_batch_from_the_board_is_refused_whole_naming_the_ballot()
    {
        Refused.Unprocessable("ballots[1]", () => Opened().Cast(("FRA", BallotChoice.Yes), ("FRA", BallotChoice.No)), "named twice");
        Refused.Unprocessable("ballots[2]", () => Opened().Cast(("FRA", BallotChoice.Yes), ("DEU", BallotChoice.No), ("SSD", BallotChoice.No)), "South Sudan");
    }

    [Fact]
    public void Closing_locks_the_ballots_counts_them_and_lists_the_others_as_not_voting()
    {
        var (vote, draft) = Votes.Open(Votes.Introduced(), "proposal");
        vote = vote.CastMany(0, 120, BallotChoice.Yes).CastMany(120, 10, BallotChoice.No).CastMany(130, 45, BallotChoice.Abstain);
        var (closed, after, _) = Votes.Close(vote, draft);
        Assert.Equal(new Tally(120, 10, 45), closed.Tally);
        Assert.Equal(Outcome.Adopted, closed.Outcome);
        Assert.Equal(192 - 175, closed.NonVoting.Count);
        Assert.DoesNotContain(closed.NonVoting, n => n.Iso3 == "SSD");
        Assert.Equal("Draft resolution A/C.3/64/L.22 was adopted by a recorded vote of 120 to 10, with 45 abstentions.", after.Decisions[^1].Record);
        Assert.Equal("adopted by a recorded vote of 120 to 10, with 45 abstentions", after.Action!.Decision);

        Refused.Conflict("voteId", () => closed.Cast(("FRA", BallotChoice.No)), "closed", "intentions");
        Refused.Conflict("voteId", () => Votes.Close(closed, after), "already closed");
    }

    [Fact]
    public void A_tie_rejects_the_proposal()
    {
        var (vote, draft) = Votes.Open(Votes.Introduced(), "proposal");
        var (closed, after, _) = Votes.Close(vote.CastMany(0, 60, BallotChoice.Yes).CastMany(60, 60, BallotChoice.No).CastMany(120, 50, BallotChoice.Abstain), draft);
        Assert.Equal(Outcome.Rejected, closed.Outcome);
        Assert.Equal(Committee.Domain.DraftStatus.Rejected, after.Status);
        Assert.Equal("Draft resolution A/C.3/64/L.22 was rejected by a recorded vote of 60 to 60, with 50 abstentions.", after.Decisions[^1].Record);
    }

    [Fact]
    public void A_non_recorded_vote_has_a_tally_and_no_ballots()
    {
        var (vote, draft) = Votes.Open(Votes.Introduced(), "proposal", VoteKind.NonRecorded);
        Refused.Conflict("voteId", () => vote.Cast(("FRA", BallotChoice.Yes)), "non-recorded");
        Refused.Invalid("tally", () => Votes.Close(vote, draft));
        Refused.Unprocessable("tally", () => Votes.Close(vote, draft, tally: new Tally(150, 40, 10)), "192");
        var (closed, _, _) = Votes.Close(vote, draft, tally: new Tally(95, 40, 12));
        Assert.Equal((new Tally(95, 40, 12), Outcome.Adopted), (closed.Tally, closed.Outcome!.Value));
        Assert.Empty(closed.Ballots);
    }

    [Fact]
    public void A_recorded_vote_takes_its_tally_from_its_ballots_only()
    {
        var (vote, draft) = Votes.Open(Votes.Introduced(), "proposal");
        Refused.Unprocessable("tally", () => Votes.Close(vote, draft, tally: new Tally(1, 0, 0)), "counted from its ballots");
    }
}
