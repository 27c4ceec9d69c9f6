using Committee.Delegations;
using Committee.Floor;
using Committee.Infrastructure;
using Committee.Sponsorship;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

public sealed record ReviseDraft(
    long ExpectedVersion, string Symbol, DateOnly Date, IReadOnlyList<SponsorRequest> Sponsors,
    IReadOnlyList<string> Preamble, IReadOnlyList<string> Operative, string? Title = null);

public static class ReviseDraftEndpoint
{
    /// <summary>A revised draft (…/Rev.n) replaces the current version: new symbol, text and printed sponsors.</summary>
    [WolverinePost("/api/drafts/{id}/revisions", OperationId = "ReviseDraft"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, ReviseDraft command, StreamCommands commands, MemberStates states, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, command, context, states),
            onConflict: () => Refusal.Conflict("symbol", $"a draft with the symbol {command.Symbol} already exists"));

    public static IReadOnlyList<object> Decide(Draft draft, ReviseDraft command, FloorContext context, MemberStates states)
    {
        DraftRules.VotingNotBegun(draft, "revise the draft");
        var expected = Symbols.NextRevision(draft);
        if (command.Symbol?.Trim() != expected)
            throw Refusal.Unprocessable("symbol", $"the next revision of {draft.Symbols[0]} is {expected}, not {command.Symbol}");
        if (command.Date < draft.Date)
            throw Refusal.Unprocessable("date", $"a revision cannot be dated before the version it replaces ({draft.Date:yyyy-MM-dd})");
        var operative = DraftRules.Paragraphs(command.Operative, "operative");
        if (operative.Count == 0) throw Refusal.Unprocessable("operative", "a draft needs at least one operative paragraph");
        var sponsors = Sponsors.Resolve(command.Sponsors, command.Date, states, "sponsors");
        var title = command.Title is null ? draft.Title : DraftRules.Required(command.Title, "title");
        return [new DraftRevised(draft.Id, expected, draft.Symbol, command.Date, title, sponsors,
            DraftRules.Paragraphs(command.Preamble, "preamble"), operative, context.At)];
    }
}
