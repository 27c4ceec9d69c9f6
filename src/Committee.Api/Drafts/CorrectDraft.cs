using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

/// <summary>The corrected text: each part given replaces the current one; a part left out stands.</summary>
public sealed record CorrectDraft(
    long ExpectedVersion, string Symbol, DateOnly Date, string? Title = null,
    IReadOnlyList<string>? Preamble = null, IReadOnlyList<string>? Operative = null);

public static class CorrectDraftEndpoint
{
    /// <summary>A corrigendum (…/Corr.n) corrects the issued text of the current version.</summary>
    [WolverinePost("/api/drafts/{id}/corrections", OperationId = "CorrectDraft"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, CorrectDraft command, StreamCommands<FloorContext> commands, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, command, context),
            onConflict: () => Refusal.Conflict("symbol", $"a draft with the symbol {command.Symbol} already exists"));

    public static IReadOnlyList<object> Decide(Draft draft, CorrectDraft command, FloorContext context)
    {
        DraftRules.VotingNotBegun(draft, "correct the draft");
        var expected = Symbols.NextCorrection(draft);
        if (command.Symbol?.Trim() != expected)
            throw Refusal.Unprocessable("symbol", $"the next corrigendum to {draft.Symbol} is {expected}, not {command.Symbol}");
        SessionCalendar.Check(draft.Session, command.Date, "date", expected);
        if (command.Title is null && command.Preamble is null && command.Operative is null)
            throw Refusal.Invalid("title", "a corrigendum must correct the title, the preamble or the operative part");
        var preamble = command.Preamble is null ? draft.Preamble : DraftRules.Paragraphs(command.Preamble, "preamble");
        var operative = command.Operative is null ? draft.Operative : DraftRules.Paragraphs(command.Operative, "operative");
        DraftRules.TextAsKnown(draft.TextKnown, DraftRules.IsProposal(draft.Kind), preamble, operative);
        return [new DraftCorrected(draft.Id, expected, command.Date,
            command.Title is null ? draft.Title : DraftRules.Title(command.Title), preamble, operative, Dated.On(command.Date, context.At))];
    }
}
