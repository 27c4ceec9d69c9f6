using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Voting;

public sealed record CastBallot(BallotChoice Vote);

public sealed record BoardBallot(string Delegation, BallotChoice Vote);

/// <summary>Ballots from the electronic board, all at once.</summary>
public sealed record CastBallots(IReadOnlyList<BoardBallot> Ballots);

public static class CastBallotsEndpoint
{
    /// <summary>A delegation's ballot (yes, no or abstain): by the Secretariat, or by the delegation itself for its own
    /// State. It may change its ballot until the vote is closed. Sending the same ballot again records nothing and
    /// answers the vote as it stands, so no Idempotency-Key is needed: the request states the ballot, it does not add one.</summary>
    [WolverinePut("/api/votes/{voteId}/ballots/{delegation}", OperationId = "CastBallot"), Tags("Voting")]
    [Authorize]
    [ProducesResponseType<Vote>(200)]
    public static Task<IResult> Put(Guid voteId, string delegation, CastBallot command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Vote>(http, voteId, null, command,
            (vote, context) => Decide(vote!, [new BoardBallot(delegation, command.Vote)], context, states, OwnState(http), byDelegation: true),
            keyRequired: false);

    /// <summary>The electronic board's ballots in one batch (Secretariat only); refused whole if any one is refused.</summary>
    [WolverinePost("/api/votes/{voteId}/ballots", OperationId = "CastBallots"), Tags("Voting")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    [ProducesResponseType<Vote>(200)]
    public static Task<IResult> Post(Guid voteId, CastBallots command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Vote>(http, voteId, null, command, (vote, context) => Decide(vote!, command.Ballots, context, states, null), keyRequired: false);

    /// <summary>A delegation's token casts only its own State's ballot; the Secretariat's casts any.</summary>
    private static string? OwnState(HttpContext http) =>
        http.User.IsInRole(Roles.Secretariat) ? null : http.User.FindFirst(Tokens.Iso3Claim)?.Value ?? "";

    /// <summary>OnlyFor: the State of a delegation's token (null for the Secretariat). ByDelegation: one ballot named in
    /// the path (refusals name the field "delegation"), rather than a batch ("ballots[i]").</summary>
    public static IReadOnlyList<object> Decide(Vote vote, IReadOnlyList<BoardBallot> ballots, FloorContext context, MemberStates states, string? onlyFor,
        bool byDelegation = false)
    {
        string Field(int i) => byDelegation ? "delegation" : $"ballots[{i}]";
        if (vote.Source.IsDataset)
            throw Refusal.Conflict("voteId", $"this is a roll call imported from {vote.Source.Name}: it takes no ballots");
        if (vote.Kind == VoteKind.NonRecorded)
            throw Refusal.Conflict("voteId", "a non-recorded vote takes no ballots: the Chair announces its tally when it is closed");
        if (!vote.IsOpen)
            throw Refusal.Conflict("voteId", $"the vote was closed at {vote.ClosedAt:yyyy-MM-dd HH:mm:ss} UTC: ballots are locked; a delegation that intended to vote otherwise may say so (POST /api/votes/{vote.Id}/intentions)");
        if (ballots.Count == 0) throw Refusal.Invalid("ballots", "no ballots given");
        var cast = new List<Ballot>();
        for (var i = 0; i < ballots.Count; i++)
        {
            var ballot = Voters.Eligible(vote, ballots[i].Delegation, ballots[i].Vote, states, Field(i));
            if (onlyFor is not null && !string.Equals(onlyFor, ballot.Iso3, StringComparison.OrdinalIgnoreCase))
                throw new Refusal(StatusCodes.Status403Forbidden, Field(i), $"a delegation casts only its own ballot, not {ballot.Delegation}'s");
            if (cast.Any(b => b.Iso3 == ballot.Iso3)) throw Refusal.Unprocessable(Field(i), $"{ballot.Delegation} is named twice");
            cast.Add(ballot);
        }
        var changed = cast.Where(b => vote.BallotOf(b.Iso3!)?.Vote != b.Vote).ToList();
        return changed.Count == 0 ? [] : [new BallotsCast(vote.Id, changed, Dated.On(vote.Date, context.At))];
    }
}
