using Committee.Delegations;
using Committee.Drafts;
using Committee.Infrastructure;
using Marten;

namespace Committee.Sponsorship;

/// <summary>A State sponsoring a draft now, counted in one regional group: the group it belonged to on the draft's
/// date, the one it counts in for elections first (Türkiye in WEOG), so that the groups add up to the States.</summary>
public sealed record CountedSponsor(string Iso3, string Group);

public sealed record DraftCountedSponsors(Guid DraftId, string Symbol, DateOnly Date, IReadOnlyList<CountedSponsor> Sponsors);

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

    public int Id { get; set; }
    public List<DraftCountedSponsors> Drafts { get; set; } = [];

    /// <summary>A sponsorship on behalf of a group counts for the acting State alone: groups are never expanded.</summary>
    public static DraftCountedSponsors Count(Draft draft, MemberStates states) =>
        new(draft.Id, draft.Symbol, draft.Date, draft.CurrentSponsors()
            .Select(s => new CountedSponsor(s.Iso3, states.ByIso3(s.Iso3) is { } state
                ? state.GroupsOn(draft.Date).FirstOrDefault() ?? NoGroup
                : Observer))
            .ToList());
}

public sealed class SessionSponsorshipReadModel(MemberStates states) : IFeedReadModel
{
    public IReadOnlyList<Type> Documents { get; } = [typeof(SessionSponsorship)];

    public async Task Project(Draft draft, IReadModelDocuments documents)
    {
        var view = await documents.Load<SessionSponsorship>(draft.Session) ?? new SessionSponsorship { Id = draft.Session };
        view.Drafts.RemoveAll(d => d.DraftId == draft.Id);
        // Drafts stay in id order whatever the order of updates, so that a rebuilt view equals the live one.
        var at = view.Drafts.FindIndex(d => d.DraftId.CompareTo(draft.Id) > 0);
        view.Drafts.Insert(at < 0 ? view.Drafts.Count : at, SessionSponsorship.Count(draft, states));
        documents.Store(view);
    }
}
