using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Drafts;

public sealed record HistoryEntry(long Sequence, long Version, string Type, DateTimeOffset Timestamp, string? RecordedBy, object Data);

public static class DraftHistoryEndpoint
{
    /// <summary>Every event on the draft's stream, in order, with who recorded it and when.</summary>
    [WolverineGet("/api/drafts/{id}/history", OperationId = "DraftHistory"), Tags("Drafts")]
    [ProducesResponseType<IReadOnlyList<HistoryEntry>>(200)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        if (events.Count == 0) return Problems.NotFound("id", $"there is no draft {id}");
        return Results.Json(events.Select(e => new HistoryEntry(e.Sequence, e.Version, e.Data.GetType().Name, e.Timestamp, e.UserName, e.Data)),
            Json.Options);
    }
}
