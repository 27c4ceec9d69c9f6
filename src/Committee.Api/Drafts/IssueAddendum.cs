using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

public sealed record IssueAddendum(long ExpectedVersion, string Symbol, DateOnly Date, string? Title = null);

public static class IssueAddendumEndpoint
{
    /// <summary>An addendum (…/Add.n) to a note, such as the Secretariat's note on the organization of work.</summary>
    [WolverinePost("/api/drafts/{id}/addenda", OperationId = "IssueAddendum"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, IssueAddendum command, StreamCommands<FloorContext> commands, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, command, context),
            onConflict: () => Refusal.Conflict("symbol", $"a document with the symbol {command.Symbol} already exists"));

    public static IReadOnlyList<object> Decide(Draft draft, IssueAddendum command, FloorContext context)
    {
        if (draft.Kind != DraftKind.Note)
            throw Refusal.Unprocessable("id",
                $"{draft.Symbol} is not a note: in a Main Committee, delegations that join a draft after issue are announced and recorded in the report, not in an addendum (join them with POST /api/drafts/{{id}}/sponsors)");
        var expected = Symbols.NextAddendum(draft);
        if (command.Symbol?.Trim() != expected)
            throw Refusal.Unprocessable("symbol", $"the next addendum to {draft.Symbols[0]} is {expected}, not {command.Symbol}");
        SessionCalendar.Check(draft.Session, command.Date, "date", expected, mayPrecede: true);
        if (command.Date < draft.Date)
            throw Refusal.Unprocessable("date", $"an addendum cannot be dated before the document it adds to ({draft.Date:yyyy-MM-dd})");
        return [new AddendumIssued(draft.Id, expected, command.Date, command.Title is null ? draft.Title : DraftRules.Title(command.Title), Dated.On(command.Date, context.At))];
    }
}
