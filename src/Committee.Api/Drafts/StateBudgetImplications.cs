using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

public sealed record StateBudgetImplications(long ExpectedVersion, bool HasImplications, string? Statement = null, string? DocumentSymbol = null);

public static class StateBudgetImplicationsEndpoint
{
    /// <summary>The Secretary states the programme budget implications (rule 153), orally or in an L document.</summary>
    [WolverinePost("/api/drafts/{id}/budget-implications", OperationId = "StateBudgetImplications"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, StateBudgetImplications command, StreamCommands<FloorContext> commands, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, command, context));

    public static IReadOnlyList<object> Decide(Draft draft, StateBudgetImplications command, FloorContext context)
    {
        DraftRules.ActionNotYetTaken(draft, "state programme budget implications");
        if (command.HasImplications && string.IsNullOrWhiteSpace(command.Statement) && string.IsNullOrWhiteSpace(command.DocumentSymbol))
            throw Refusal.Invalid("statement", "a draft with programme budget implications needs the statement or the symbol of the Secretary-General's statement");
        var statement = string.IsNullOrWhiteSpace(command.Statement) ? null : DraftRules.Required(command.Statement, "statement", Limits.Paragraph);
        var document = string.IsNullOrWhiteSpace(command.DocumentSymbol) ? null : Symbols.CheckDocument(command.DocumentSymbol.Trim(), "documentSymbol");
        return [new ProgrammeBudgetImplicationsStated(draft.Id, command.HasImplications, statement, document, context.MeetingInProgress, context.Happened)];
    }
}
