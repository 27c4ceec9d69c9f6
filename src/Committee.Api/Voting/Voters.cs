using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;

namespace Committee.Voting;

/// <summary>Who may vote: one vote per Member State (rule 124), the Member States on the day of the vote.</summary>
public static class Voters
{
    public static MemberState Member(string? delegation, DateOnly date, MemberStates states, string field)
    {
        if (string.IsNullOrWhiteSpace(delegation)) throw Refusal.Invalid(field, "a delegation is required");
        var state = states.Find(delegation, date)
            ?? throw Refusal.Unprocessable(field, $"'{delegation}' is not a Member State of the United Nations: only Member States vote (observers such as the Holy See and the State of Palestine do not)");
        if (!state.IsMemberOn(date))
            throw Refusal.Unprocessable(field, $"{state.CurrentName} was not a Member State on {date:d MMMM yyyy} (admitted {state.AdmissionDate:d MMMM yyyy}) and has no vote");
        return state;
    }

    /// <summary>A Member State entitled to vote in this vote: not one listed as without a vote under Article 19.</summary>
    public static Ballot Eligible(Vote vote, string? delegation, BallotChoice choice, MemberStates states, string field)
    {
        var state = Member(delegation, vote.Date, states, field);
        if (vote.WithoutVote.Any(n => n.Iso3 == state.Iso3))
            throw Refusal.Unprocessable(field, $"{state.NameOn(vote.Date)} has no vote under Article 19 of the Charter (arrears), as recorded when the vote was opened");
        return new Ballot(state.Iso3, state.NameOn(vote.Date), choice);
    }

    /// <summary>The States entitled to vote that are in no list: Article 19 first, then those that did not vote.</summary>
    public static IReadOnlyList<NonVotingState> NonVoting(Vote vote, MemberStates states) =>
        vote.WithoutVote.Concat(states.All
                .Where(s => s.IsMemberOn(vote.Date) && vote.BallotOf(s.Iso3) is null && vote.WithoutVote.All(n => n.Iso3 != s.Iso3))
                .Select(s => new NonVotingState(s.Iso3, s.NameOn(vote.Date), NonVotingReason.DidNotVote)))
            .OrderBy(n => n.Delegation, Records.UnOrder).ToList();
}
