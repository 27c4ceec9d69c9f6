using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

public sealed record DeferAction(long ExpectedVersion, DateOnly? DeferredTo = null);

public static class DeferActionEndpoint
{
    /// <summary>The Committee defers action on the draft to a later meeting.</summary>
    [WolverinePost("/api/drafts/{id}/deferrals", OperationId = "DeferAction"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, DeferAction command, StreamCommands<FloorContext> commands, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, command, context));

    public static IReadOnlyList<object> Decide(Draft draft, DeferAction command, FloorContext context)
    {
        DraftRules.ActionNotYetTaken(draft, "defer action");
        var meeting = DraftRules.AtMeeting(context, draft, "defer action");
        if (command.DeferredTo is { } to && to < DateOnly.FromDateTime(context.At.UtcDateTime))
            throw Refusal.Unprocessable("deferredTo", $"action cannot be deferred to a date that has passed ({to:yyyy-MM-dd})");
        return [new ActionDeferred(draft.Id, meeting, command.DeferredTo, context.At)];
    }
}
