using Committee.Domain.Tests.Support;
using Committee.Voting;

namespace Committee.Domain.Tests;

/// <summary>The official record: the UN's sentence, its lists in alphabetical order by the names of the day, and
/// statements after the vote that never change the tally (PROCEDURE §2.8, §3).</summary>
public class RecordTests
{
    private static readonly VoteQuestion Proposal = new("proposal", QuestionKind.Proposal, "draft resolution A/C.3/64/L.22");

    [Theory]
    [InlineData(120, 10, 45, "Draft resolution A/C.3/64/L.22 was adopted by a recorded vote of 120 to 10, with 45 abstentions.")]
    [InlineData(172, 0, 5, "Draft resolution A/C.3/64/L.22 was adopted by a recorded vote of 172 to none, with 5 abstentions.")]
    [InlineData(150, 3, 1, "Draft resolution A/C.3/64/L.22 was adopted by a recorded vote of 150 to 3, with 1 abstention.")]
    [InlineData(150, 3, 0, "Draft resolution A/C.3/64/L.22 was adopted by a recorded vote of 150 to 3, with no abstentions.")]
    [InlineData(10, 120, 45, "Draft resolution A/C.3/64/L.22 was rejected by a recorded vote of 10 to 120, with 45 abstentions.")]
    public void The_sentence_of_a_recorded_vote(int yes, int no, int abstain, string expected) =>
        Assert.Equal(expected, Records.Sentence(Proposal, Majorities.Decide(new Tally(yes, no, abstain), Majority.Simple), new Tally(yes, no, abstain), VoteKind.Recorded));

    [Fact]
    public void The_sentences_of_other_decisions()
    {
        Assert.Equal("Draft resolution A/C.3/64/L.22 was adopted by 95 votes to 40, with 12 abstentions.",
            Records.Sentence(Proposal, Outcome.Adopted, new Tally(95, 40, 12), VoteKind.NonRecorded));
        Assert.Equal("Draft resolution A/C.3/64/L.22, as orally revised, was adopted without a vote.",
            Records.Sentence(Proposal with { AsOrallyRevised = true }, Outcome.Adopted, null, null));
        Assert.Equal("The amendment contained in document A/C.3/64/L.58 was rejected by a recorded vote of 50 to 85, with 30 abstentions.",
            Records.Sentence(new VoteQuestion("amendment:A/C.3/64/L.58", QuestionKind.Amendment, "the amendment contained in document A/C.3/64/L.58"),
                Outcome.Rejected, new Tally(50, 85, 30), VoteKind.Recorded));
        Assert.Equal("Operative paragraph 3 of draft resolution A/C.3/64/L.22 was retained by a recorded vote of 100 to 20, with 30 abstentions.",
            Records.Sentence(new VoteQuestion("part:OP3", QuestionKind.Part, "operative paragraph 3 of draft resolution A/C.3/64/L.22", Paragraph: "OP3"),
                Outcome.Adopted, new Tally(100, 20, 30), VoteKind.Recorded));
    }

    [Fact]
    public void Lists_are_in_the_UNs_alphabetical_order_whatever_the_accents()
    {
        string[] names = ["Croatia", "Türkiye", "Cuba", "Côte d'Ivoire", "Turkmenistan", "Costa Rica", "Tunisia", "Tuvalu"];
        Assert.Equal(["Costa Rica", "Côte d'Ivoire", "Croatia", "Cuba", "Tunisia", "Türkiye", "Turkmenistan", "Tuvalu"], names.Order(Records.UnOrder));
    }

    [Fact]
    public void The_record_lists_States_by_the_names_in_use_on_the_day()
    {
        var (vote, draft) = Votes.Open(Votes.Introduced(), "proposal");
        vote = vote.Cast(("TUR", BallotChoice.Yes), ("SWZ", BallotChoice.Yes), ("CIV", BallotChoice.No), ("CZE", BallotChoice.Abstain));
        var record = GetVoteEndpoint.RecordOf(Votes.Close(vote, draft).Vote);
        Assert.Equal(["Swaziland", "Turkey"], record.InFavour);
        Assert.Equal(["Côte d'Ivoire"], record.Against);
        Assert.Equal(["Czech Republic"], record.Abstaining);
        Assert.Equal(188, record.NotVoting.Count);
    }

    private static (Vote Vote, Committee.Domain.Draft Draft) Closed()
    {
        var (vote, draft) = Votes.Open(Votes.Introduced(), "proposal");
        var (closed, after, _) = Votes.Close(vote.CastMany(0, 100, BallotChoice.Yes).CastMany(100, 10, BallotChoice.No).CastMany(110, 50, BallotChoice.Abstain), draft);
        return (closed, after);
    }

    [Fact]
    public void An_intention_stated_after_the_vote_is_a_note_and_the_tally_stands()
    {
        var (vote, _) = Closed();
        var abstained = vote.Ballots.First(b => b.Vote == BallotChoice.Abstain);
        var stated = StatementsOnTheRecordEndpoints.DecideIntention(vote, new StateVoteIntention(abstained.Iso3!, BallotChoice.Yes), Votes.Meeting, SharedData.MemberStates);
        var after = stated.Aggregate(vote, Vote.Fold);
        Assert.Equal(new Tally(100, 10, 50), after.Tally);
        var record = GetVoteEndpoint.RecordOf(after);
        Assert.Contains(abstained.Delegation, record.Abstaining);
        Assert.Contains($"Subsequently, the delegation of {abstained.Delegation} informed the Committee that it had intended to vote in favour.", record.Notes);
        Refused.Conflict("voteId", () => StatementsOnTheRecordEndpoints.DecideIntention(Votes.Open(Votes.Introduced(), "proposal").Vote,
            new StateVoteIntention("FRA", BallotChoice.Yes), Votes.Meeting, SharedData.MemberStates), "still open");
    }

    [Fact]
    public void A_correction_of_the_record_moves_the_State_and_may_not_change_the_result()
    {
        var (vote, _) = Closed();
        var abstained = vote.Ballots.First(b => b.Vote == BallotChoice.Abstain);
        var corrected = StatementsOnTheRecordEndpoints.DecideCorrection(vote, new CorrectRecordedVote(abstained.Iso3!, BallotChoice.Yes, "A/C.3/64/SR.45"),
            Votes.Meeting, SharedData.MemberStates).Aggregate(vote, Vote.Fold);
        Assert.Equal(new Tally(101, 10, 49), corrected.Tally);
        Assert.Contains(GetVoteEndpoint.RecordOf(corrected).Notes, n => n.Contains("A/C.3/64/SR.45"));
        Refused.Invalid("authority", () => StatementsOnTheRecordEndpoints.DecideCorrection(vote, new CorrectRecordedVote("FRA", BallotChoice.No, " "), Votes.Meeting, SharedData.MemberStates));

        var (tight, draft) = Votes.Open(Votes.Introduced(), "proposal");
        var (close, _, _) = Votes.Close(tight.CastMany(0, 11, BallotChoice.Yes).CastMany(11, 10, BallotChoice.No), draft);
        var yes = close.Ballots.First(b => b.Vote == BallotChoice.Yes);
        Refused.Conflict("vote", () => StatementsOnTheRecordEndpoints.DecideCorrection(close, new CorrectRecordedVote(yes.Iso3!, BallotChoice.No, "Chair"),
            Votes.Meeting, SharedData.MemberStates), "rule 123");
    }

    [Fact]
    public void The_csv_export_has_one_row_per_State()
    {
        var (vote, _) = Closed();
        var lines = GetVoteEndpoint.Csv(vote).TrimEnd('\n').Split('\n');
        Assert.Equal("vote_id,date,question,source,delegation,iso3,vote,reason", lines[0]);
        Assert.Equal(1 + 192, lines.Length);
        Assert.Equal(50, lines.Count(l => l.EndsWith(",abstain,")));
    }

    [Fact]
    public void An_imported_roll_call_keeps_its_source_and_an_official_tally_stands_beside_it()
    {
        var id = Committee.Voting.Unvotes.UnvotesImporter.VoteIdFor(4979);
        var imported = Vote.Fold(null, new RollCallImported(id, new VoteSource("unvotes", "rcid 4979"), 64, new DateOnly(2009, 10, 28),
            "CUBA, UNITED STATES (R/64/6)", null, "R/64/6", ["ec"], true, false, false,
            new SeatLists(["CUB", "FRA", "TUR"], ["USA"], ["SWZ"], ["YUG"]), Given.On(2026, 1, 1)));
        Assert.Equal((new Tally(3, 1, 1), Outcome.Adopted), (imported.Tally, imported.Outcome!.Value));
        var official = StatementsOnTheRecordEndpoints.DecideOfficialTally(imported, new RecordOfficialTally(187, 3, 2, "A/64/PV.29"), Votes.Meeting, SharedData.MemberStates)
            .Aggregate(imported, Vote.Fold);
        var record = GetVoteEndpoint.RecordOf(Committee.Voting.Unvotes.Seats.Expand(official, SharedData.MemberStates));
        Assert.Equal(["Cuba", "France", "Turkey"], record.InFavour);
        Assert.Equal(["Swaziland"], record.Abstaining);
        Assert.Equal("Yugoslavia", record.NotVoting.Single().Delegation);
        Assert.Contains(record.Notes, n => n.Contains("unvotes (rcid 4979)"));
        Assert.Contains(record.Notes, n => n.Contains("The official tally (A/64/PV.29) is 187 in favour, 3 against, 2 abstentions; the dataset's is 3 in favour"));
        Refused.Conflict("voteId", () => StatementsOnTheRecordEndpoints.DecideCorrection(official, new CorrectRecordedVote("FRA", BallotChoice.No, "Chair"),
            Votes.Meeting, SharedData.MemberStates), "official tally");
        Refused.Conflict("voteId", () => StatementsOnTheRecordEndpoints.DecideOfficialTally(Closed().Vote, new RecordOfficialTally(1, 0, 0, "x"), Votes.Meeting, SharedData.MemberStates),
            "official one");
    }
}
