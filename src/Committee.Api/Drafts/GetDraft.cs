using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Drafts;

public static class GetDraftEndpoint
{
    /// <summary>The draft as it stands: text, sponsors in their layers, status and version.</summary>
    [WolverineGet("/api/drafts/{id}", OperationId = "GetDraft"), Tags("Drafts")]
    [ProducesResponseType<Draft>(200)]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Draft>(id, cancellation) is { } draft
            ? Results.Json(draft, Json.Options)
            : Problems.NotFound("id", $"there is no draft {id}");
}
