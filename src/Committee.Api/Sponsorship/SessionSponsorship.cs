using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;
using Marten;

namespace Committee.Sponsorship;

/// <summary>A State sponsoring a draft now, counted in one regional group: the group it belonged to on the draft's
/// date, the one it counts in for elections first (Türkiye in WEOG), so that the groups add up to the States.</summary>
public sealed record CountedSponsor(string Iso3, string Group);

/// <summary>A draft's current sponsors counted by group: the row a change of its sponsors rewrites (Id: the draft's).</summary>
public sealed record DraftCountedSponsors(Guid Id, int Session, string Symbol, DateOnly Date, IReadOnlyList<CountedSponsor> Sponsors);

/// <summary>Each draft's current sponsors in a session, by regional group: what the counts by group are made of.</summary>
public sealed class SessionSponsorship
{
    public const string NoGroup = "no regional group";
    public const string Observer = "observer";

    /// <summary>The order in which groups are reported.</summary>
    public static readonly IReadOnlyList<string> GroupOrder =
    [
        "African States", "Asia-Pacific States", "Eastern European States", "Latin American and Caribbean States",
        "Western European and other States", NoGroup, Observer,
    ];

    public required int Id { get; init; }
    public required IReadOnlyList<DraftCountedSponsors> Drafts { get; init; }

    /// <summary>A sponsorship on behalf of a group counts for the acting State alone: groups are never expanded.</summary>
    public static DraftCountedSponsors Count(Draft draft, MemberStates states) =>
        new(draft.Id, draft.Session, draft.Symbol, draft.Date, draft.CurrentSponsors()
            .Select(s => new CountedSponsor(s.Iso3, states.ByIso3(s.Iso3) is { } state
                ? state.GroupsOn(draft.Date).FirstOrDefault() ?? NoGroup
                : Observer))
            .ToList());
}

public sealed class SessionSponsorshipProjection(MemberStates states) : StateProjection<Draft, IDraftEvent>(typeof(DraftCountedSponsors))
{
    protected override bool Changes(object @event) => SponsorshipChanges.Changes(@event);

    protected override void Project(Draft draft, IReadOnlyList<object> events, IDocumentOperations operations) =>
        operations.Store(SessionSponsorship.Count(draft, states));
}
