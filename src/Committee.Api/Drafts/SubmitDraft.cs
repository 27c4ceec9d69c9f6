using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

/// <summary>A document to table. Kind defaults to a draft resolution; an amendment or a budget statement names the
/// symbol of the draft it concerns; an amendment gives its changes to that draft's text (made if it is adopted).
/// TextKnown = false records a document known from its metadata only (no paragraphs). A revision's symbol
/// ("…/L.22/Rev.1") records the draft from that version: the versions before it are known to exist, not recorded.</summary>
public sealed record SubmitDraft(
    string Symbol, string Title, int Session, string AgendaItem, string AgendaItemTitle, DateOnly Date,
    IReadOnlyList<SponsorRequest> Sponsors, IReadOnlyList<string> Preamble, IReadOnlyList<string> Operative,
    DraftKind Kind = DraftKind.DraftResolution, string? Concerns = null, bool TextKnown = true,
    IReadOnlyList<ParagraphChange>? Changes = null);

public static class SubmitDraftEndpoint
{
    /// <summary>Submits (tables) a draft: its L symbol, text and the sponsors printed on it.</summary>
    [WolverinePost("/api/drafts", OperationId = "SubmitDraft"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static async Task<IResult> Post(SubmitDraft command, StreamCommands<FloorContext> commands, MemberStates states, IQuerySession query, HttpContext http)
    {
        var id = Guid.CreateVersion7();
        var concerned = command.Concerns is { Length: > 0 } symbol ? await query.LoadAsync<DraftSymbol>(symbol.Trim(), http.RequestAborted) : null;
        var target = concerned is null ? null : await query.LoadAsync<Draft>(concerned.DraftId, http.RequestAborted);
        return await commands.Execute<Draft>(http, id, null, command,
            (_, context) => Decide(id, command, context, states, concerned, target),
            session: command.Session, mustExist: false, keyRequired: false,
            location: draft => $"/api/drafts/{draft.Id}",
            onConflict: () => Refusal.Conflict("symbol", $"a draft with the symbol {command.Symbol} (or one of its earlier versions) already exists"));
    }

    public static IReadOnlyList<object> Decide(
        Guid draftId, SubmitDraft command, FloorContext context, MemberStates states, DraftSymbol? concerned = null, Draft? target = null)
    {
        var symbol = DraftRules.Required(command.Symbol, "symbol");
        DraftRules.SessionNumber(command.Session, "session");
        var earlier = Symbols.CheckFirstRecorded(symbol, command.Session);
        SessionCalendar.Check(command.Session, command.Date, "date", symbol, mayPrecede: command.Kind == DraftKind.Note);
        var title = DraftRules.Title(command.Title);
        var agendaItem = DraftRules.Required(command.AgendaItem, "agendaItem");
        var agendaItemTitle = DraftRules.Title(command.AgendaItemTitle, "agendaItemTitle");
        var (preamble, operative) = DraftRules.PrintedText(command.Preamble, command.Operative, command.TextKnown, command.Kind);
        var needsTarget = command.Kind is DraftKind.Amendment or DraftKind.BudgetStatement;
        if (needsTarget && string.IsNullOrWhiteSpace(command.Concerns))
            throw Refusal.Invalid("concerns", $"an {(command.Kind == DraftKind.Amendment ? "amendment" : "budget statement")} names the symbol of the draft it concerns");
        if (!needsTarget && command.Concerns is not null)
            throw Refusal.Invalid("concerns", "only an amendment or a budget statement concerns another draft");
        if (needsTarget && concerned is null)
            throw Refusal.Unprocessable("concerns", $"there is no draft {command.Concerns}");
        var changes = AmendmentChanges(command, target);
        var sponsors = Sponsors.Resolve(command.Sponsors, SponsoredText.Of(command.Session, command.Date, title, preamble, operative), states, "sponsors");
        return [new DraftSubmitted(draftId, symbol, title, command.Session, agendaItem, agendaItemTitle, command.Date,
            sponsors, preamble, operative, Dated.On(command.Date, context.At),
            command.Kind, concerned is null ? null : new Concerned(concerned.DraftId, concerned.Id), command.TextKnown, changes,
            earlier.Count > 0 ? earlier : null)];
    }

    /// <summary>An amendment's changes must apply, in order, to the text it amends as that text now stands.</summary>
    private static IReadOnlyList<ParagraphChange>? AmendmentChanges(SubmitDraft command, Draft? target)
    {
        if (command.Changes is not { Count: > 0 } changes) return null;
        if (command.Kind != DraftKind.Amendment || target is null)
            throw Refusal.Invalid("changes", "only an amendment carries changes to the draft it concerns");
        var text = new Draft { Preamble = [.. target.Preamble], Operative = [.. target.Operative] };
        for (var i = 0; i < changes.Count; i++)
        {
            if (Paragraphs.Problem(text, changes[i]) is { } problem) throw Refusal.Unprocessable($"changes[{i}]", $"{problem} ({target.Symbol})");
            Paragraphs.Apply(text, changes[i]);
        }
        return changes.Select(c => c with { Paragraph = Paragraphs.Normalize(c.Paragraph)! }).ToList();
    }
}
