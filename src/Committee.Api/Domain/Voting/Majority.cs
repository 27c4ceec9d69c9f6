namespace Committee.Domain;

/// <summary>The result of a vote from its tally, and nothing else.</summary>
public static class Majorities
{
    /// <summary>Rules 125–126 and 133 (83, 86 and 95 in plenary). Only members present and voting count, that is yes
    /// and no: abstentions and States not voting never weigh. A simple majority needs more yes than no, so a tie
    /// rejects (rule 133). Two thirds needs yes ≥ ⅔ of yes + no, i.e. 3·yes ≥ 2·(yes + no), i.e. yes ≥ 2·no: exactly
    /// two thirds passes ("a two-thirds majority of the members present and voting"), so 2 to 1 adopts. With nobody
    /// present and voting (all abstain) there is no majority in favour, and the proposal is rejected.</summary>
    public static Outcome Decide(Tally tally, Majority majority)
    {
        if (tally.Yes < 0 || tally.No < 0 || tally.Abstain < 0) throw new ArgumentOutOfRangeException(nameof(tally), "counts cannot be negative");
        var adopted = majority switch
        {
            Majority.Simple => tally.Yes > tally.No,
            Majority.TwoThirds => tally.Yes > 0 && tally.Yes >= 2 * tally.No,
            _ => throw new ArgumentOutOfRangeException(nameof(majority)),
        };
        return adopted ? Outcome.Adopted : Outcome.Rejected;
    }

    /// <summary>A tally a person gives (the Chair's announcement, an official record): no count below zero, and no
    /// more votes than the Member States that could vote. Summed as long integers, so that no sum can wrap around.</summary>
    public static Tally Checked(Tally tally, int couldVote, DateOnly date)
    {
        if (tally.Yes < 0 || tally.No < 0 || tally.Abstain < 0) throw Infrastructure.Refusal.Invalid("tally", "counts cannot be negative");
        var votes = (long)tally.Yes + tally.No + tally.Abstain;
        if (votes > couldVote)
            throw Infrastructure.Refusal.Unprocessable("tally", $"{votes:N0} votes, but only {couldVote} Member States could vote on {date:d MMMM yyyy}");
        return tally;
    }

    public static Tally Count(IEnumerable<Ballot> ballots)
    {
        int yes = 0, no = 0, abstain = 0;
        foreach (var ballot in ballots)
            switch (ballot.Vote)
            {
                case BallotChoice.Yes: yes++; break;
                case BallotChoice.No: no++; break;
                case BallotChoice.Abstain: abstain++; break;
            }
        return new Tally(yes, no, abstain);
    }
}
