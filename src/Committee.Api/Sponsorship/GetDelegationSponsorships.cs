using Committee.Delegations;
using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Sponsorship;

public static class GetDelegationSponsorshipsEndpoint
{
    /// <summary>A delegation's sponsorship activity in a session: what it sponsored (printed, or joined after issue, when,
    /// at which meeting and recorded by whom) and what it withdrew. Member States and observers (PSE, VAT). With
    /// ?atLeast=SEQ, answered once it reflects every event up to that sequence.</summary>
    [WolverineGet("/api/delegations/{iso3}/sponsorships", OperationId = "DelegationSponsorships"), Tags("Sponsorship")]
    [ProducesResponseType<DelegationSponsorships>(200)]
    public static async Task<IResult> Get(string iso3, int session, long? atLeast, MemberStates states, IQuerySession query, Freshness freshness,
        CancellationToken cancellation)
    {
        if (!states.IsDelegationCode(iso3))
            return Problems.NotFound("iso3", $"'{iso3}' is not the ISO3 code of a Member State or an observer");
        if (await freshness.AtLeastAsync(atLeast, nameof(DelegationSponsorshipsProjection), cancellation) is { } behind) return behind;
        var code = iso3.ToUpperInvariant();
        var rows = await query.Query<DelegationDraftSponsorship>().Where(r => r.Iso3 == code && r.Session == session).ToListAsync(cancellation);
        return Results.Json(DelegationSponsorships.Of(code, session, rows), Json.Options);
    }
}
