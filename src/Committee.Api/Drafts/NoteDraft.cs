using Committee.Domain;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.Drafts;

/// <summary>A note for the record and where it comes from, e.g. "The amendment was rejected by the Committee
/// (A/78/481/Add.2)" from the library's record (MARC 515).</summary>
public sealed record NoteDraft(long ExpectedVersion, string Text, string? Source = null);

public static class NoteDraftEndpoint
{
    /// <summary>Records a note on the draft that no other action carries; it changes nothing else.</summary>
    [WolverinePost("/api/drafts/{id}/notes", OperationId = "NoteDraft"), Tags("Drafts")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static Task<IResult> Post(Guid id, NoteDraft command, StreamCommands<FloorContext> commands, HttpContext http) =>
        commands.Execute<Draft>(http, id, command.ExpectedVersion, command, (draft, context) => Decide(draft!, command, context));

    public static IReadOnlyList<object> Decide(Draft draft, NoteDraft command, FloorContext context) =>
        [new DraftNoted(draft.Id, DraftRules.Required(command.Text, "text", Limits.Paragraph),
            string.IsNullOrWhiteSpace(command.Source) ? null : DraftRules.Required(command.Source, "source"), context.At)];
}
