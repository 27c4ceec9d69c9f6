using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Voting;

/// <summary>Closes the vote. A non-recorded vote gives the tally the Chair announces; a recorded vote counts its ballots.</summary>
public sealed record CloseVote(Tally? Tally = null);

public static class CloseVoteEndpoint
{
    /// <summary>The vote is closed and locked, the result computed, and the decision recorded on the draft in the same transaction.</summary>
    [WolverinePost("/api/votes/{voteId}/close", OperationId = "CloseVote"), Tags("Voting")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    [ProducesResponseType<Vote>(200)]
    public static Task<IResult> Post(Guid voteId, CloseVote command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Vote, Draft>(http, voteId, null, command,
            vote => vote is { DraftId: { } draft } ? [draft, .. vote.Question.AmendmentId is { } amendment ? new[] { amendment } : []] : [],
            (vote, drafts, context) => Decide(vote!, drafts, command, context, states), keyRequired: false,
            onConflict: () => Refusal.Conflict("voteId", "the vote was closed, or its draft changed, at the same moment: reload the vote"));

    public static Decided Decide(Vote vote, IReadOnlyDictionary<Guid, Draft> drafts, CloseVote command, FloorContext context, MemberStates states)
    {
        if (!vote.IsOpen || vote.DraftId is not { } draftId)
            throw Refusal.Conflict("voteId", vote.Source.IsDataset
                ? $"this is a roll call imported from {vote.Source.Name}: it was recorded closed"
                : $"the vote was already closed at {vote.ClosedAt:yyyy-MM-dd HH:mm:ss} UTC ({vote.Outcome?.ToString().ToLowerInvariant()})");
        Tally tally;
        IReadOnlyList<NonVotingState> nonVoting;
        if (vote.Kind == VoteKind.Recorded)
        {
            if (command.Tally is not null)
                throw Refusal.Unprocessable("tally", "a recorded vote is counted from its ballots: give no tally");
            tally = Majorities.Count(vote.Ballots);
            nonVoting = Voters.NonVoting(vote, states);
        }
        else
        {
            var announced = command.Tally ?? throw Refusal.Invalid("tally", "a non-recorded vote needs the tally the Chair announces: {yes, no, abstain}");
            tally = Majorities.Checked(announced, states.All.Count(s => s.IsMemberOn(vote.Date)) - vote.WithoutVote.Count, vote.Date);
            nonVoting = [];
        }
        var outcome = Majorities.Decide(tally, vote.Majority);
        var draft = drafts[draftId];
        var amendment = vote.Question.AmendmentId is { } amendmentId ? drafts[amendmentId] : null;
        var meeting = vote.Meeting ?? DraftRules.AtMeeting(context, draft, "close the vote");
        var happened = Dated.On(vote.Date, context.At);   // on the vote's day, its meeting's
        return new Decided(
            [new VoteClosed(vote.Id, tally, outcome, nonVoting, happened)],
            Consequences.Of(draft, amendment, vote.Question, outcome, tally, vote.Kind, vote.Id, meeting, happened));
    }
}
