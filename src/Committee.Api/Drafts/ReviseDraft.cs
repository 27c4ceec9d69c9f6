using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

/// <summary>The revised document; TextKnown = false records it from its metadata only (no paragraphs).</summary>
public sealed record ReviseDraft(
    long ExpectedVersion, string Symbol, DateOnly Date, IReadOnlyList<SponsorRequest> Sponsors,
    IReadOnlyList<string> Preamble, IReadOnlyList<string> Operative, string? Title = null, bool TextKnown = true);

public static class ReviseDraftEndpoint
{
    /// <summary>A revised draft (…/Rev.n) replaces the current version: new symbol, text and printed sponsors.</summary>
    [WolverinePost("/api/drafts/{id}/revisions", OperationId = "ReviseDraft"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, ReviseDraft command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, command, context, states),
            onConflict: () => Refusal.Conflict("symbol", $"a draft with the symbol {command.Symbol} already exists"));

    public static IReadOnlyList<object> Decide(Draft draft, ReviseDraft command, FloorContext context, MemberStates states)
    {
        DraftRules.VotingNotBegun(draft, "revise the draft");
        var expected = Symbols.NextRevision(draft);
        if (command.Symbol?.Trim() != expected)
            throw Refusal.Unprocessable("symbol", $"the next revision of {draft.Symbols[0]} is {expected}, not {command.Symbol}");
        SessionCalendar.Check(draft.Session, command.Date, "date", expected);
        if (command.Date < draft.Date)
            throw Refusal.Unprocessable("date", $"a revision cannot be dated before the version it replaces ({draft.Date:yyyy-MM-dd})");
        var (preamble, operative) = DraftRules.PrintedText(command.Preamble, command.Operative, command.TextKnown, draft.Kind);
        var title = command.Title is null ? draft.Title : DraftRules.Title(command.Title);
        var sponsors = Sponsors.Resolve(command.Sponsors, SponsoredText.Of(draft.Session, command.Date, title, preamble, operative), states, "sponsors");
        return [new DraftRevised(draft.Id, expected, draft.Symbol, command.Date, title, sponsors, preamble, operative, Dated.On(command.Date, context.At), command.TextKnown)];
    }
}
