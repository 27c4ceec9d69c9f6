using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Floor;

public sealed record TakeUpDraft(Guid DraftId, long? ExpectedVersion = null);

public static class TakeUpDraftEndpoint
{
    /// <summary>The Committee turns to a draft (and its agenda item) at the meeting in progress.</summary>
    [WolverinePost("/api/sessions/{session}/floor/draft", OperationId = "TakeUpDraft"), Tags("Floor")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static async Task<IResult> Post(int session, TakeUpDraft command, StreamCommands<FloorContext> commands, IQuerySession query, HttpContext http)
    {
        var draft = await query.LoadAsync<Draft>(command.DraftId, http.RequestAborted);
        return await commands.Execute<SessionFloor>(http, SessionFloor.StreamId(session), command.ExpectedVersion, command,
            (floor, context) => Decide(floor!, draft, command, context), keyRequired: false);
    }

    public static IReadOnlyList<object> Decide(SessionFloor floor, Draft? draft, TakeUpDraft command, FloorContext context)
    {
        var meeting = floor.Meeting?.Number ?? throw Refusal.Conflict("meeting", "no meeting is in progress");
        if (draft is null || draft.Session != floor.Session)
            throw Refusal.Unprocessable("draftId", $"there is no draft {command.DraftId} in the {English.Ordinal(floor.Session)} session");
        DraftRules.ActionNotYetTaken(draft, "take up the draft");
        return [new DraftTakenUp(floor.Session, meeting, draft.Id, draft.Symbol, draft.AgendaItem, draft.AgendaItemTitle, context.Happened)];
    }
}
