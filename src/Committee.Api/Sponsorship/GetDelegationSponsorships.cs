using Committee.Delegations;
using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Sponsorship;

public static class GetDelegationSponsorshipsEndpoint
{
    /// <summary>A delegation's sponsorship activity in a session: what it sponsored (printed, or joined after issue, when,
    /// at which meeting and recorded by whom) and what it withdrew. Member States and observers (PSE, VAT).</summary>
    [WolverineGet("/api/delegations/{iso3}/sponsorships", OperationId = "DelegationSponsorships"), Tags("Sponsorship")]
    [ProducesResponseType<DelegationSponsorships>(200)]
    public static async Task<IResult> Get(string iso3, int session, MemberStates states, IQuerySession query, CancellationToken cancellation)
    {
        if (states.ByIso3(iso3) is null && Observers.Find(iso3) is null)
            return Problems.NotFound("iso3", $"'{iso3}' is not the ISO3 code of a Member State or an observer");
        var view = await query.LoadAsync<DelegationSponsorships>(DelegationSponsorships.IdFor(iso3, session), cancellation)
                   ?? new DelegationSponsorships { Id = DelegationSponsorships.IdFor(iso3, session), Iso3 = iso3.ToUpperInvariant(), Session = session };
        return Results.Json(view, Json.Options);
    }
}
