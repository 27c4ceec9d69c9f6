using System.Security.Claims;
using Committee.Delegations;
using Committee.Infrastructure;

namespace Committee.Domain;

/// <summary>Who puts a State's name down or takes it off: the Secretariat for any delegation; a delegation for its own
/// State only, through e-sponsorship; or a committee report recording it after the fact (an import).</summary>
public sealed record Signatory(SponsorshipSource Source, string? OwnState = null, string? Document = null)
{
    public const string OwnStateOnly = "a delegation may only sign on or withdraw for its own State";

    public static readonly Signatory Secretariat = new(SponsorshipSource.Secretariat);

    public static Signatory Delegation(string iso3) => new(SponsorshipSource.ESponsorship, iso3.ToUpperInvariant());

    public static Signatory Report(string? symbol) => new(SponsorshipSource.Report, Document: symbol);

    /// <summary>The bearer of the request's token (the sponsorship policy admits only these two roles).</summary>
    public static Signatory Of(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Secretariat) ? Secretariat
        : user.FindFirst(Tokens.Iso3Claim)?.Value is { Length: > 0 } iso3 ? Delegation(iso3)
        : throw Refusal.Forbidden("Authorization", "a delegation's token must name its State (claim iso3)");

    /// <summary>A delegation acts for its own State only, and on behalf of a group only where Committee can see that
    /// the State belongs to it (a regional group, already checked by date when the sponsor was resolved). Committee
    /// holds no member list of a political group (the Group of 77, the Arab Group …): its chair's sponsorship on the
    /// group's behalf is announced to the Secretariat, which records it.</summary>
    public void MayActFor(IReadOnlyList<Sponsor> sponsors, string field)
    {
        if (OwnState is null) return;
        for (var i = 0; i < sponsors.Count; i++)
        {
            if (sponsors[i].Iso3 != OwnState)
                throw Refusal.Forbidden($"{field}[{i}]", $"{OwnStateOnly}: this token is {OwnState}'s, not {sponsors[i].Delegation}'s");
            if (sponsors[i].OnBehalfOf is { } name && Groups.Find(name) is { HasMemberList: false } group)
                throw Refusal.Forbidden($"{field}[{i}].onBehalfOf",
                    $"sponsorship on behalf of the {group.Name} is recorded by the Secretariat, on the group's announcement; a delegation signs on for its own State, or for the regional group it belongs to");
        }
    }
}
