using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

public sealed record AdoptWithoutVote(long ExpectedVersion);

public static class AdoptWithoutVoteEndpoint
{
    /// <summary>"May I take it that the Committee wishes to adopt the draft? It was so decided." Only once every question
    /// that comes before the proposal (motions, amendments, separate votes) has been decided.</summary>
    [WolverinePost("/api/drafts/{id}/adoption-without-vote", OperationId = "AdoptWithoutVote"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static async Task<IResult> Post(Guid id, AdoptWithoutVote command, StreamCommands<FloorContext> commands, IQuerySession query, HttpContext http)
    {
        var amendments = await VotingOrder.AmendmentsTo(query, id, http.RequestAborted);
        return await commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, context, amendments));
    }

    public static IReadOnlyList<object> Decide(Draft draft, FloorContext context, IReadOnlyList<Draft>? amendments = null)
    {
        DraftRules.ActionNotYetTaken(draft, "adopt the draft");
        var meeting = DraftRules.AtMeeting(context, draft, "adopt the draft");
        if (draft.Introduction is null)
            throw Refusal.Unprocessable("id", $"{draft.Symbol} has not been introduced: a sponsor introduces it before the Committee takes action");
        if (VotingOrder.Next(VotingOrder.Of(draft, amendments ?? [])) is { } next && next.Question.Key != VotingOrder.ProposalKey)
            throw Refusal.Conflict("id", $"cannot adopt {draft.Symbol} yet: {next.Question.Subject} comes first in the voting order (rules 119, 129, 130)");
        return [new AdoptedWithoutVote(draft.Id, meeting, draft.OrallyRevised, context.Happened, draft.Amended)];
    }
}
