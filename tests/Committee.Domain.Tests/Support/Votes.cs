using Committee.Voting;

namespace Committee.Domain.Tests.Support;

/// <summary>Votes on L.22 (and its amendments) at the 15th meeting on 19 November 2009, built by the commands' own
/// decisions and folded into the vote and the drafts.</summary>
internal static class Votes
{
    public static readonly FloorContext Meeting = Given.DuringMeeting(15);

    public static Draft Introduced(params IEnumerable<object> later) => Given.SubmittedDraft([Given.Introduced(), .. later]);

    /// <summary>An amendment to L.22 with its own L symbol and changes to L.22's text.</summary>
    public static Draft Amendment(int number, params ParagraphChange[] changes) =>
        Given.Draft(Given.Submitted(symbol: $"A/C.3/64/L.{number}", sponsors: [new Sponsor("RUS", "Russian Federation")],
            id: Guid.Parse($"0192f0a0-0000-7000-8000-0000000000{number:D2}")) with
        {
            Kind = DraftKind.Amendment, Concerns = new Concerned(Given.DraftId, Given.Symbol), Changes = changes,
        });

    public static ParagraphChange Replace(string paragraph, string text) => new(paragraph, ParagraphChangeKind.Replaced, text);

    public static (Vote Vote, Draft Draft) Open(Draft draft, string question, VoteKind kind = VoteKind.Recorded, Majority majority = Majority.Simple,
        IReadOnlyList<Draft>? amendments = null, IReadOnlyList<string>? article19 = null)
    {
        var decided = OpenVoteEndpoint.Decide(Guid.CreateVersion7(), draft, amendments ?? [], new OpenVote(question, kind, majority, null, article19),
            Meeting, SharedData.MemberStates);
        var vote = decided.Events.Aggregate((Vote?)null, Vote.Fold)!;
        return (vote, draft.Then(decided.Companions![draft.Id]));
    }

    public static Vote Cast(this Vote vote, params (string Delegation, BallotChoice Vote)[] ballots) =>
        CastBallotsEndpoint.Decide(vote, ballots.Select(b => new BoardBallot(b.Delegation, b.Vote)).ToList(), Meeting, SharedData.MemberStates, null)
            .Aggregate(vote, Vote.Fold);

    /// <summary>Ballots for the first n Member States of 2009 in alphabetical order (by ISO3), all with the same vote.</summary>
    public static Vote CastMany(this Vote vote, int skip, int count, BallotChoice choice) =>
        vote.Cast(SharedData.MemberStates.All.Where(s => s.IsMemberOn(vote.Date) && vote.WithoutVote.All(n => n.Iso3 != s.Iso3)).OrderBy(s => s.Iso3, StringComparer.Ordinal)
            .Skip(skip).Take(count).Select(s => (s.Iso3, choice)).ToArray());

    public static (Vote Vote, Draft Draft, Draft? Amendment) Close(Vote vote, Draft draft, Draft? amendment = null, Tally? tally = null)
    {
        var drafts = new Dictionary<Guid, Draft> { [draft.Id] = draft };
        if (amendment is not null) drafts[amendment.Id] = amendment;
        var decided = CloseVoteEndpoint.Decide(vote, drafts, new CloseVote(tally), Meeting, SharedData.MemberStates);
        var closed = decided.Events.Aggregate(vote, Vote.Fold);
        var after = draft.Then(decided.Companions![draft.Id]);
        var amended = amendment is not null && decided.Companions.TryGetValue(amendment.Id, out var onAmendment) ? amendment.Then(onAmendment) : amendment;
        return (closed, after, amended);
    }

    /// <summary>Opens a non-recorded vote on the next question and closes it with the tally given.</summary>
    public static (Vote Vote, Draft Draft, Draft? Amendment) Decide(Draft draft, string question, int yes, int no, int abstain = 0,
        IReadOnlyList<Draft>? amendments = null, Draft? amendment = null)
    {
        var (vote, opened) = Open(draft, question, VoteKind.NonRecorded, amendments: amendments);
        return Close(vote, opened, amendment, new Tally(yes, no, abstain));
    }
}
