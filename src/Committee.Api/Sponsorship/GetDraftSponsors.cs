using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Sponsorship;

public static class GetDraftSponsorsEndpoint
{
    /// <summary>A draft's sponsorship: the list printed on each version, the additional sponsors who joined after issue
    /// (when, at which meeting, recorded by the Secretary, by the delegation itself, or in the committee report), the
    /// withdrawals, all of it as one timeline, the sponsors now, and for a sponsor acting on behalf of a regional group the
    /// group's members on the draft's date (a derived view: they are not sponsors). Imported sponsors known only from
    /// the committee report carry the issue date of the version they joined after: the record gives no closer time.</summary>
    [WolverineGet("/api/drafts/{id}/sponsors", OperationId = "DraftSponsors"), Tags("Sponsorship")]
    [ProducesResponseType<DraftSponsors>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(Guid id, IQuerySession query, MemberStates states, CancellationToken cancellation)
    {
        // The stored draft says whether the stream is a draft; its events hold every step of the sponsorship.
        var batch = query.CreateBatchQuery();
        var stored = batch.Load<Draft>(id);
        var events = batch.Events.FetchStream(id);
        await batch.Execute(cancellation);
        return await stored is null || AsOf.WithAllItsHistory<Draft>(await events) is not { } draft
            ? Problems.NotFound("id", $"there is no draft {id}")
            : Results.Json(DraftSponsors.Of(draft, states), Json.Options);
    }
}
