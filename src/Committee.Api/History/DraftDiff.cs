using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.History;

public sealed record DraftComparison(Guid DraftId, VersionListing From, VersionListing To, TextComparison Changes);

public static class DraftDiffEndpoint
{
    /// <summary>What changed between two texts of the draft (?from= and ?to= are versions from /versions; by
    /// default the latest text against the one before it): paragraphs paired, renumbered, added and removed, and
    /// the words inserted and deleted in each. Very different texts are compared more coarsely, as the notes say
    /// (a title shown replaced whole, paragraphs paired in order).</summary>
    [WolverineGet("/api/drafts/{id}/diff", OperationId = "DraftDiff"), Tags("History")]
    [ProducesResponseType<DraftComparison>(200)]
    public static async Task<IResult> Get(Guid id, string? from, string? to, IQuerySession session, CancellationToken cancellation)
    {
        try
        {
            return Results.Json(await Compare(id, from, to, session, cancellation), Json.Options);
        }
        catch (Refusal refusal) { return Problems.For(refusal); }
    }

    public static async Task<DraftComparison> Compare(Guid id, string? from, string? to, IQuerySession session, CancellationToken cancellation)
    {
        var history = await DraftHistoryEndpoint.Load(session, id, cancellation)
                      ?? throw new Refusal(StatusCodes.Status404NotFound, "id", $"there is no draft {id}");
        var versions = TextVersions.Of(history);
        var after = to is null ? versions[^1] : Find(versions, to, "to");
        var before = from is null ? versions.LastOrDefault(v => v.Version < after.Version) ?? after : Find(versions, from, "from");
        return new DraftComparison(id, DraftVersionsEndpoint.Listing(before), DraftVersionsEndpoint.Listing(after), TextDiff.Compare(before.Text, after.Text));
    }

    private static TextVersion Find(IReadOnlyList<TextVersion> versions, string wanted, string field)
    {
        if (!long.TryParse(wanted, out var number))
            throw Refusal.Invalid(field, $"'{wanted}' is not a version number: take one from /versions");
        return versions.FirstOrDefault(v => v.Version == number)
               ?? throw new Refusal(StatusCodes.Status404NotFound, field,
                   $"version {number} is not a text of this draft: its texts are versions {string.Join(", ", versions.Select(v => v.Version))}");
    }
}
