using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Drafts;

public static class GetDraftEndpoint
{
    /// <summary>The draft as it stands: text, sponsors in their layers, status and version; or as it stood after
    /// its n-th event (?version=n) or at a time (?asOf=2009-11-19T15:00:00Z).</summary>
    [WolverineGet("/api/drafts/{id}", OperationId = "GetDraft"), Tags("Drafts")]
    [ProducesResponseType<Draft>(200)]
    public static async Task<IResult> Get(Guid id, string? asOf, string? version, IQuerySession session, CancellationToken cancellation)
    {
        Moment? moment;
        try { moment = Moment.From(asOf, version); }
        catch (Refusal refusal) { return Problems.For(refusal); }
        if (moment is null)
            return await session.LoadAsync<Draft>(id, cancellation) is { } draft
                ? Results.Json(draft, Json.Options)
                : Problems.NotFound("id", $"there is no draft {id}");
        return await AsOf.Draft(session, id, moment, cancellation) is { } then
            ? Results.Json(then, Json.Options)
            : Problems.NotFound(moment.Version is null ? "asOf" : "version", $"draft {id} did not exist at {moment}");
    }
}
