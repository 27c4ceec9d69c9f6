using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

public sealed record WithdrawDraft(long ExpectedVersion);

public static class WithdrawDraftEndpoint
{
    /// <summary>The sponsors withdraw their draft before voting on it has begun (rule 122).</summary>
    [WolverinePost("/api/drafts/{id}/withdrawal", OperationId = "WithdrawDraft"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, WithdrawDraft command, StreamCommands<FloorContext> commands, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, context));

    public static IReadOnlyList<object> Decide(Draft draft, FloorContext context)
    {
        DraftRules.VotingNotBegun(draft, "withdraw the draft");
        return [new DraftWithdrawn(draft.Id, context.MeetingInProgress, context.Happened)];
    }
}
