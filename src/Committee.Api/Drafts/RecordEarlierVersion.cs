using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

/// <summary>An earlier version of a draft recorded from a later one (its L document, or a revision before the one
/// recorded): its symbol, date, printed sponsors and text (TextKnown = false: from its metadata only).</summary>
public sealed record RecordEarlierVersion(
    long? ExpectedVersion, string Symbol, DateOnly Date, string Title, IReadOnlyList<SponsorRequest> Sponsors,
    IReadOnlyList<string> Preamble, IReadOnlyList<string> Operative, bool TextKnown = true);

public static class RecordEarlierVersionEndpoint
{
    /// <summary>Fills the place of a version known to exist but not recorded: the draft's versions stay in the order of
    /// issue, and the text in force stays the latest version's.</summary>
    [WolverinePost("/api/drafts/{id}/earlier-versions", OperationId = "RecordEarlierVersion"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, RecordEarlierVersion command, StreamCommands<FloorContext> commands, MemberStates states, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, command, context, states));

    public static IReadOnlyList<object> Decide(Draft draft, RecordEarlierVersion command, FloorContext context, MemberStates states)
    {
        var symbol = DraftRules.Required(command.Symbol, "symbol");
        if (draft.Symbols.Contains(symbol) && !draft.Unrecorded.Contains(symbol))
            throw Refusal.Conflict("symbol", $"{symbol} is already recorded on {draft.Symbol}");
        if (!draft.Unrecorded.Contains(symbol))
            throw Refusal.Unprocessable("symbol", draft.Unrecorded.Count == 0
                ? $"every version of {draft.Symbol} is recorded: {symbol} is not one of them"
                : $"{symbol} is not a version of {draft.Symbol} waiting to be recorded: those are {string.Join(", ", draft.Unrecorded)}");
        SessionCalendar.Check(draft.Session, command.Date, "date", symbol, mayPrecede: draft.Kind == DraftKind.Note);
        if (draft.PrintedLists.FirstOrDefault(p => VersionOrder.Compare(p.Symbol, symbol) > 0) is { } later && command.Date > later.Date)
            throw Refusal.Unprocessable("date", $"{symbol} was issued before {later.Symbol}, dated {later.Date:yyyy-MM-dd}: it cannot be dated {command.Date:yyyy-MM-dd}");
        var title = DraftRules.Title(command.Title);
        var (preamble, operative) = DraftRules.PrintedText(command.Preamble, command.Operative, command.TextKnown, draft.Kind);
        var sponsors = Sponsors.Resolve(command.Sponsors, SponsoredText.Of(draft.Session, command.Date, title, preamble, operative), states, "sponsors");
        return [new DraftSubmitted(draft.Id, symbol, title, draft.Session, draft.AgendaItem, draft.AgendaItemTitle, command.Date, sponsors,
            preamble, operative, Dated.On(command.Date, context.At), draft.Kind, draft.Concerns, command.TextKnown, Late: true)];
    }
}
