using Committee.Infrastructure;
using Wolverine.Http;

namespace Committee.Delegations;

/// <summary>BoardName: the short form a voting board shows when the name does not fit (the name itself when it has none).</summary>
public sealed record DelegationListing(string Iso3, string Name, string BoardName, string CurrentName, DateOnly AdmissionDate, IReadOnlyList<string> Groups);

public static class ListDelegationsEndpoint
{
    /// <summary>The Member States on a date (today by default), by the names then in use, in alphabetical order.</summary>
    [WolverineGet("/api/delegations", OperationId = "ListDelegations"), Tags("Delegations")]
    [ProducesResponseType<IReadOnlyList<DelegationListing>>(200)]
    public static IResult Get(DateOnly? date, MemberStates states, TimeProvider clock)
    {
        var on = date ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return Results.Json(states.All.Where(s => s.IsMemberOn(on))
            .Select(s => new DelegationListing(s.Iso3, s.NameOn(on), BoardNames.Of(s.NameOn(on)), s.CurrentName, s.AdmissionDate, s.GroupsOn(on)))
            .OrderBy(s => s.Name, StringComparer.Ordinal).ToList(), Json.Options);
    }
}
