using Committee.Delegations;
using Committee.Floor;
using Committee.Infrastructure;
using Committee.Sponsorship;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

public sealed record SubmitDraft(
    string Symbol, string Title, int Session, string AgendaItem, string AgendaItemTitle, DateOnly Date,
    IReadOnlyList<SponsorRequest> Sponsors, IReadOnlyList<string> Preamble, IReadOnlyList<string> Operative);

public static class SubmitDraftEndpoint
{
    /// <summary>Submits (tables) a draft: its L symbol, text and the sponsors printed on it.</summary>
    [WolverinePost("/api/drafts", OperationId = "SubmitDraft"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(SubmitDraft command, StreamCommands commands, MemberStates states, HttpContext http)
    {
        var id = Guid.CreateVersion7();
        return commands.Execute<Draft>(http, id, null, command,
            (_, context) => Decide(id, command, context, states),
            session: command.Session, mustExist: false, keyRequired: false,
            location: draft => $"/api/drafts/{draft.Id}",
            onConflict: () => Refusal.Conflict("symbol", $"a draft with the symbol {command.Symbol} already exists"));
    }

    public static IReadOnlyList<object> Decide(Guid draftId, SubmitDraft command, FloorContext context, MemberStates states)
    {
        var symbol = DraftRules.Required(command.Symbol, "symbol");
        if (command.Session is < 1 or > 999) throw Refusal.Invalid("session", "session must be a session number such as 64");
        Symbols.CheckOriginal(symbol, command.Session);
        var title = DraftRules.Required(command.Title, "title");
        var agendaItem = DraftRules.Required(command.AgendaItem, "agendaItem");
        var agendaItemTitle = DraftRules.Required(command.AgendaItemTitle, "agendaItemTitle");
        var operative = DraftRules.Paragraphs(command.Operative, "operative");
        if (operative.Count == 0) throw Refusal.Unprocessable("operative", "a draft needs at least one operative paragraph");
        var sponsors = Sponsors.Resolve(command.Sponsors, command.Date, states, "sponsors");
        return [new DraftSubmitted(draftId, symbol, title, command.Session, agendaItem, agendaItemTitle, command.Date,
            sponsors, DraftRules.Paragraphs(command.Preamble, "preamble"), operative, context.At)];
    }
}
