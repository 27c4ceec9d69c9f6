namespace Committee.Domain.Tests;

/// <summary>Rules 125, 126 and 133: present and voting is yes + no; abstentions never count; a tie rejects.</summary>
public class MajorityTests
{
    [Theory]
    [InlineData(120, 10, 45, Outcome.Adopted)]
    [InlineData(50, 50, 0, Outcome.Rejected)]
    [InlineData(50, 50, 90, Outcome.Rejected)]
    [InlineData(10, 9, 150, Outcome.Adopted)]
    [InlineData(9, 10, 150, Outcome.Rejected)]
    [InlineData(1, 0, 180, Outcome.Adopted)]
    [InlineData(0, 0, 180, Outcome.Rejected)]
    [InlineData(0, 0, 0, Outcome.Rejected)]
    public void A_simple_majority_needs_more_yes_than_no_whatever_the_abstentions(int yes, int no, int abstain, Outcome expected) =>
        Assert.Equal(expected, Majorities.Decide(new Tally(yes, no, abstain), Majority.Simple));

    [Theory]
    [InlineData(2, 1, 0, Outcome.Adopted)]
    [InlineData(100, 50, 40, Outcome.Adopted)]
    [InlineData(100, 40, 50, Outcome.Adopted)]
    [InlineData(100, 51, 0, Outcome.Rejected)]
    [InlineData(1, 1, 0, Outcome.Rejected)]
    [InlineData(0, 0, 12, Outcome.Rejected)]
    public void Two_thirds_of_those_present_and_voting_and_exactly_two_thirds_passes(int yes, int no, int abstain, Outcome expected) =>
        Assert.Equal(expected, Majorities.Decide(new Tally(yes, no, abstain), Majority.TwoThirds));

    [Fact]
    public void The_worked_example_of_the_procedure_notes()
    {
        // 100 to 51: 66.2 % of those present and voting; adopted by a simple majority, not by two thirds.
        Assert.Equal(Outcome.Adopted, Majorities.Decide(new Tally(100, 51, 0), Majority.Simple));
        Assert.Equal(Outcome.Rejected, Majorities.Decide(new Tally(100, 51, 0), Majority.TwoThirds));
        Assert.Equal(140, new Tally(100, 40, 50).PresentAndVoting);
    }

    [Fact]
    public void Counting_ballots_keeps_the_three_lists_apart() =>
        Assert.Equal(new Tally(2, 1, 1), Majorities.Count([
            new Ballot("FRA", "France", BallotChoice.Yes), new Ballot("BRA", "Brazil", BallotChoice.Yes),
            new Ballot("CUB", "Cuba", BallotChoice.No), new Ballot("IND", "India", BallotChoice.Abstain)]));
}
