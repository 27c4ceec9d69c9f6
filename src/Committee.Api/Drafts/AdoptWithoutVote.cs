using Committee.Floor;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

public sealed record AdoptWithoutVote(long ExpectedVersion);

public static class AdoptWithoutVoteEndpoint
{
    /// <summary>"May I take it that the Committee wishes to adopt the draft? It was so decided."</summary>
    [WolverinePost("/api/drafts/{id}/adoption-without-vote", OperationId = "AdoptWithoutVote"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, AdoptWithoutVote command, StreamCommands commands, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, context));

    public static IReadOnlyList<object> Decide(Draft draft, FloorContext context)
    {
        DraftRules.ActionNotYetTaken(draft, "adopt the draft");
        var meeting = DraftRules.AtMeeting(context, draft, "adopt the draft");
        if (draft.Introduction is null)
            throw Refusal.Unprocessable("id", $"{draft.Symbol} has not been introduced: a sponsor introduces it before the Committee takes action");
        return [new AdoptedWithoutVote(draft.Id, meeting, draft.OrallyRevised, context.At)];
    }
}
