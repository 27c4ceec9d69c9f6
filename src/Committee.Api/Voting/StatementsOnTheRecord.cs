using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Voting;

/// <summary>"Subsequently, the delegation of X informed the Committee that it had intended to vote in favour."</summary>
public sealed record StateVoteIntention(string Delegation, BallotChoice Intended);

/// <summary>The record itself amended for one State, on an authority (the Chair's ruling, a corrigendum to the record).</summary>
public sealed record CorrectRecordedVote(string Delegation, BallotChoice Vote, string Authority);

/// <summary>The official tally (committee report, verbatim record) of an imported roll call, set beside the dataset's.</summary>
public sealed record RecordOfficialTally(int Yes, int No, int Abstain, string Authority);

public static class StatementsOnTheRecordEndpoints
{
    /// <summary>A delegation states after the vote how it intended to vote: recorded as a statement; the tally, the
    /// lists and the result do not change (PROCEDURE §2.8).</summary>
    [WolverinePost("/api/votes/{voteId}/intentions", OperationId = "StateVoteIntention"), Tags("Voting")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    [ProducesResponseType<Vote>(200)]
    public static Task<IResult> Intention(Guid voteId, StateVoteIntention command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Vote>(http, voteId, null, command, (vote, context) => DecideIntention(vote!, command, context, states));

    /// <summary>Amends the recorded vote of one State, when the Chair or the record does so; refused if it would change the result.</summary>
    [WolverinePost("/api/votes/{voteId}/corrections", OperationId = "CorrectRecordedVote"), Tags("Voting")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    [ProducesResponseType<Vote>(200)]
    public static Task<IResult> Correction(Guid voteId, CorrectRecordedVote command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Vote>(http, voteId, null, command, (vote, context) => DecideCorrection(vote!, command, context, states));

    /// <summary>Sets the official tally beside an imported roll call's; the dataset's lists stay as they came.</summary>
    [WolverinePost("/api/votes/{voteId}/official-tally", OperationId = "RecordOfficialTally"), Tags("Voting")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    [ProducesResponseType<Vote>(200)]
    public static Task<IResult> OfficialTally(Guid voteId, RecordOfficialTally command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Vote>(http, voteId, null, command, (vote, context) => DecideOfficialTally(vote!, command, context, states));

    public static IReadOnlyList<object> DecideIntention(Vote vote, StateVoteIntention command, FloorContext context, MemberStates states)
    {
        Recorded(vote, "state an intention");
        if (vote.Source.IsDataset)
            throw Refusal.Conflict("voteId", $"this roll call is {vote.Source.Name}'s record: statements are recorded on the Committee's own votes");
        var state = Voters.Member(command.Delegation, vote.Date, states, "delegation");
        var recorded = vote.BallotOf(state.Iso3)?.Vote;
        if (recorded == command.Intended)
            throw Refusal.Unprocessable("intended", $"{state.NameOn(vote.Date)} is recorded as voting {Word(command.Intended)}, as it intended");
        return [new VoteIntentionStated(vote.Id, state.Iso3, state.NameOn(vote.Date), command.Intended, recorded, context.At)];
    }

    public static IReadOnlyList<object> DecideCorrection(Vote vote, CorrectRecordedVote command, FloorContext context, MemberStates states)
    {
        Recorded(vote, "correct the record");
        if (vote.Source.IsDataset)
            throw Refusal.Conflict("voteId", $"this roll call is {vote.Source.Name}'s record and stays as it came: record the official tally beside it (POST /api/votes/{vote.Id}/official-tally)");
        var authority = DraftRules.Required(command.Authority, "authority");
        var ballot = Voters.Eligible(vote, command.Delegation, command.Vote, states, "delegation");
        var from = vote.BallotOf(ballot.Iso3!)?.Vote;
        if (from == command.Vote)
            throw Refusal.Unprocessable("vote", $"{ballot.Delegation} is already recorded as voting {Word(command.Vote)}");
        var corrected = Majorities.Count(vote.Ballots.Where(b => b.Iso3 != ballot.Iso3).Append(ballot));
        if (Majorities.Decide(corrected, vote.Majority) != vote.Outcome)
            throw Refusal.Conflict("vote", "the correction would change the result of the vote: that takes a reconsideration of the question (rule 123), not a correction of the record");
        return [new RecordedVoteCorrected(vote.Id, ballot.Iso3!, ballot.Delegation, from, command.Vote, authority, context.At)];
    }

    public static IReadOnlyList<object> DecideOfficialTally(Vote vote, RecordOfficialTally command, FloorContext context, MemberStates states)
    {
        if (!vote.Source.IsDataset)
            throw Refusal.Conflict("voteId", "this vote was recorded on the floor: its record is the official one");
        var tally = Majorities.Checked(new Tally(command.Yes, command.No, command.Abstain), states.All.Count(s => s.IsMemberOn(vote.Date)), vote.Date);
        return [new OfficialTallyRecorded(vote.Id, tally, DraftRules.Required(command.Authority, "authority"), context.At)];
    }

    private static void Recorded(Vote vote, string attempted)
    {
        if (vote.IsOpen)
            throw Refusal.Conflict("voteId", $"cannot {attempted}: the vote is still open and a delegation may still change its ballot");
        if (vote.Kind == VoteKind.NonRecorded)
            throw Refusal.Conflict("voteId", $"cannot {attempted}: a non-recorded vote has no per-country record");
    }

    public static string Word(BallotChoice choice) => choice switch
    {
        BallotChoice.Yes => "in favour",
        BallotChoice.No => "against",
        _ => "to abstain",
    };
}
