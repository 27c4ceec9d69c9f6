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
        // Today as recorded, not a past meeting's date: a deferral is to a day still to come.
        var today = DateOnly.FromDateTime(context.At.UtcDateTime);
        if (command.DeferredTo is { } to && to < today)
            throw Refusal.Unprocessable("deferredTo", $"action cannot be deferred to a date that has passed ({to:yyyy-MM-dd})");
        // A session lasts a year: a deferral further off is no deferral but a new proposal in a later session.
        if (command.DeferredTo is { } far && far > today.AddYears(1))
            throw Refusal.Unprocessable("deferredTo", $"action can be deferred by a year at most (to {today.AddYears(1):yyyy-MM-dd}), not to {far:yyyy-MM-dd}");
        return [new ActionDeferred(draft.Id, meeting, command.DeferredTo, context.Happened)];
    }
}
