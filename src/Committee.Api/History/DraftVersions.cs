using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.History;

/// <summary>A text version as listed: its stream version (what ?from= and ?to= take; a document known to exist and not
/// recorded has none and is named by its symbol), label, when, and whether its text is recorded.</summary>
public sealed record VersionListing(long? Version, string Label, string Symbol, DateTimeOffset At, int? Meeting, bool TextKnown,
    int PreambularParagraphs, int OperativeParagraphs);

public static class DraftVersionsEndpoint
{
    /// <summary>The texts the draft has had: original, revisions, corrigenda, and the text after oral revisions.</summary>
    [WolverineGet("/api/drafts/{id}/versions", OperationId = "DraftVersions"), Tags("History")]
    [ProducesResponseType<IReadOnlyList<VersionListing>>(200)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation) =>
        await DraftHistoryEndpoint.Load(session, id, cancellation) is { } history
            ? Results.Json(TextVersions.Of(history).Select(Listing), Json.Options)
            : Problems.NotFound("id", $"there is no draft {id}");

    public static VersionListing Listing(TextVersion v) =>
        new(v.Version, v.Label, v.Symbol, v.At, v.Meeting, v.Text is not null, v.Text?.Preamble.Count ?? 0, v.Text?.Operative.Count ?? 0);
}
