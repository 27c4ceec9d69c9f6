using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.History;

/// <summary>One event of the draft's stream; Sentence tells it in words, Meeting is where it happened, if at one,
/// Happened when (the document's date, the moment of the action), Timestamp when it was recorded (provenance).</summary>
public sealed record HistoryEntry(long Sequence, long Version, string Type, DateTimeOffset Happened, DateTimeOffset Timestamp, string? RecordedBy, object Data,
    string Sentence, int? Meeting);

public static class DraftHistoryEndpoint
{
    /// <summary>Every event on the draft's stream in the order things happened, with when, who recorded it and when, told in words.</summary>
    [WolverineGet("/api/drafts/{id}/history", OperationId = "DraftHistory"), Tags("Drafts")]
    [ProducesResponseType<IReadOnlyList<HistoryEntry>>(200)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation) =>
        await Load(session, id, cancellation) is { } history
            ? Results.Json(TextVersions.Chronological(history).Select(Entry), Json.Options)
            : Problems.NotFound("id", $"there is no draft {id}");

    /// <summary>The draft's stream as recorded, or null when there is no such draft.</summary>
    public static async Task<IReadOnlyList<RecordedEvent>?> Load(IQuerySession session, Guid id, CancellationToken cancellation)
    {
        var events = await session.Events.FetchStreamAsync(id, token: cancellation);
        return events.Count == 0 ? null : events.Select(RecordedEvent.From).ToList();
    }

    public static HistoryEntry Entry(RecordedEvent e) =>
        new(e.Sequence, e.Version, e.Type, e.Happened, e.Timestamp, e.RecordedBy, e.Data, AuditSentences.For(e), e.Meeting);
}
