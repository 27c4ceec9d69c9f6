using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Voting;

public sealed record MoveMotion(long ExpectedVersion, MotionKind Motion, string Delegation);

public sealed record RequestDivision(long ExpectedVersion, string Paragraph, string Delegation, string? ObjectedBy = null);

/// <summary>The amendments by symbol, the one furthest removed in substance from the proposal first.</summary>
public sealed record OrderAmendments(long ExpectedVersion, IReadOnlyList<string> FurthestFirst);

public static class FloorMotionsEndpoints
{
    /// <summary>A delegation moves a procedural motion on the draft: suspend or adjourn the meeting, adjourn the debate
    /// (a "no-action motion"), close the debate. It is put to the vote before the draft, in the order of rule 119.</summary>
    [WolverinePost("/api/drafts/{id}/motions", OperationId = "MoveMotion"), Tags("Voting")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    [ProducesResponseType<Draft>(200)]
    public static Task<IResult> Motion(Guid id, MoveMotion command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => DecideMotion(draft!, command, context, states));

    /// <summary>A delegation asks for a separate vote on a paragraph (rule 129); ObjectedBy names a delegation that
    /// objects, and the motion for division is then voted first.</summary>
    [WolverinePost("/api/drafts/{id}/division-requests", OperationId = "RequestDivision"), Tags("Voting")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    [ProducesResponseType<Draft>(200)]
    public static Task<IResult> Division(Guid id, RequestDivision command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => DecideDivision(draft!, command, context, states));

    /// <summary>The Chair orders the amendments to the draft, the one furthest removed in substance first (rule 130).</summary>
    [WolverinePost("/api/drafts/{id}/amendment-order", OperationId = "OrderAmendments"), Tags("Voting")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    [ProducesResponseType<Draft>(200)]
    public static async Task<IResult> Order(Guid id, OrderAmendments command, StreamCommands<FloorContext> commands, IQuerySession query, HttpContext http)
    {
        var amendments = await VotingOrder.AmendmentsTo(query, id, http.RequestAborted);
        return await commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => DecideOrder(draft!, amendments, command, context));
    }

    /// <summary>The questions on the draft in the order they are put to the vote, each pending, decided or not put (and why).</summary>
    [WolverineGet("/api/drafts/{id}/voting-order", OperationId = "VotingOrder"), Tags("Voting")]
    [ProducesResponseType<IReadOnlyList<OrderedQuestion>>(200)]
    public static async Task<IResult> VotingOrderOf(Guid id, IQuerySession query, CancellationToken cancellation)
    {
        if (await query.LoadAsync<Draft>(id, cancellation) is not { } draft) return Problems.NotFound("id", $"there is no draft {id}");
        return Results.Json(VotingOrder.Of(draft, await VotingOrder.AmendmentsTo(query, id, cancellation)), Json.Options);
    }

    public static IReadOnlyList<object> DecideMotion(Draft draft, MoveMotion command, FloorContext context, MemberStates states)
    {
        DraftRules.ActionNotYetTaken(draft, "move a motion");
        var meeting = DraftRules.AtMeeting(context, draft, "move a motion");
        if (draft.Motions.FirstOrDefault(m => m.Kind == command.Motion && m.Outcome is null) is { } pending)
            throw Refusal.Conflict("motion", $"{pending.MovedBy} has already moved that motion; it is still to be put to the vote");
        var by = Sponsors.Resolve(new SponsorRequest(command.Delegation), new SponsoredText(draft.Session, context.Day, ""), states, "delegation");
        return [new MotionMoved(draft.Id, command.Motion, by, meeting, context.Happened)];
    }

    public static IReadOnlyList<object> DecideDivision(Draft draft, RequestDivision command, FloorContext context, MemberStates states)
    {
        DraftRules.ActionNotYetTaken(draft, "request a separate vote");
        var meeting = DraftRules.AtMeeting(context, draft, "request a separate vote");
        var paragraph = Paragraphs.Normalize(command.Paragraph ?? "")
            ?? throw Refusal.Invalid("paragraph", $"'{command.Paragraph}' is not a paragraph reference: use PP<n> or OP<n>");
        if (Paragraphs.Problem(draft, new ParagraphChange(paragraph, ParagraphChangeKind.Deleted, null)) is { } problem)
            throw Refusal.Unprocessable("paragraph", problem);
        if (draft.DivisionRequests.Any(d => d.Paragraph == paragraph && d.PartOutcome is null && d.MotionOutcome != Outcome.Rejected))
            throw Refusal.Conflict("paragraph", $"a separate vote on {paragraph} has already been requested");
        var by = Sponsors.Resolve(new SponsorRequest(command.Delegation), new SponsoredText(draft.Session, context.Day, ""), states, "delegation");
        var objector = command.ObjectedBy is null ? null : Sponsors.Resolve(new SponsorRequest(command.ObjectedBy), new SponsoredText(draft.Session, context.Day, ""), states, "objectedBy");
        if (objector?.Iso3 == by.Iso3) throw Refusal.Unprocessable("objectedBy", $"{by.Delegation} cannot object to its own request");
        return [new DivisionRequested(draft.Id, paragraph, by, objector, meeting, context.Happened)];
    }

    public static IReadOnlyList<object> DecideOrder(Draft draft, IReadOnlyList<Draft> amendments, OrderAmendments command, FloorContext context)
    {
        DraftRules.ActionNotYetTaken(draft, "order the amendments");
        if (command.FurthestFirst.Count == 0) throw Refusal.Invalid("furthestFirst", "name the amendments, furthest removed in substance first");
        var symbols = new List<string>();
        for (var i = 0; i < command.FurthestFirst.Count; i++)
        {
            var symbol = command.FurthestFirst[i]?.Trim() ?? "";
            var amendment = amendments.FirstOrDefault(a => a.Symbols.Contains(symbol))
                ?? throw Refusal.Unprocessable($"furthestFirst[{i}]", $"{symbol} is not an amendment to {draft.Symbol}");
            if (symbols.Contains(amendment.Symbol)) throw Refusal.Unprocessable($"furthestFirst[{i}]", $"{symbol} is named twice");
            if (draft.Decisions.Any(d => d.Question == VotingOrder.AmendmentKey(amendment)))
                throw Refusal.Conflict($"furthestFirst[{i}]", $"{symbol} has already been decided");
            symbols.Add(amendment.Symbol);
        }
        return [new AmendmentsOrdered(draft.Id, symbols, context.MeetingInProgress, context.Happened)];
    }
}
