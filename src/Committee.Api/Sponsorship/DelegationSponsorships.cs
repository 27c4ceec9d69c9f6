using Committee.Domain;
using Committee.Infrastructure;
using Marten;

namespace Committee.Sponsorship;

public sealed record DelegationSponsorship(
    Guid DraftId, string Symbol, string Title, string? OnBehalfOf, SponsorLayer Layer, string? PrintedOn,
    DateTimeOffset JoinedAt, int? JoinedAtMeeting, SponsorshipSource? Source, string? RecordedIn,
    DateTimeOffset? WithdrawnAt, int? WithdrawnAtMeeting, SponsorshipSource? WithdrawalSource);

/// <summary>One delegation's sponsorships across a session: what it sponsored, when it joined, what it withdrew.</summary>
public sealed class DelegationSponsorships
{
    public string Id { get; set; } = "";
    public string Iso3 { get; set; } = "";
    public int Session { get; set; }
    public List<DelegationSponsorship> Sponsorships { get; set; } = [];

    public static string IdFor(string iso3, int session) => $"{iso3.ToUpperInvariant()}/{session}";

    /// <summary>The session's rows of one delegation, in draft order.</summary>
    public static DelegationSponsorships Of(string iso3, int session, IEnumerable<DelegationDraftSponsorship> rows) => new()
    {
        Id = IdFor(iso3, session), Iso3 = iso3.ToUpperInvariant(), Session = session,
        Sponsorships = rows.OrderBy(r => r.DraftId).SelectMany(r => r.Entries).ToList(),
    };
}

/// <summary>What one delegation did on one draft, as the stored draft keeps it (its sponsorship now, or its last
/// withdrawal; the draft's sponsorship timeline has every earlier step): the row a change of that delegation's
/// sponsorship rewrites.</summary>
public sealed class DelegationDraftSponsorship
{
    public string Id { get; set; } = "";
    public string Iso3 { get; set; } = "";
    public int Session { get; set; }
    public Guid DraftId { get; set; }
    public List<DelegationSponsorship> Entries { get; set; } = [];

    public static string IdFor(string iso3, Guid draftId) => $"{iso3}/{draftId}";
}

/// <summary>Rows by delegation and draft: a joining or a withdrawal rewrites the rows of the States it names; a new
/// version (symbol, title, printed list) rewrites the draft's rows.</summary>
public sealed class DelegationSponsorshipsProjection() : StateProjection<Draft, IDraftEvent>(typeof(DelegationDraftSponsorship))
{
    protected override bool Changes(object @event) => SponsorshipChanges.Changes(@event);

    protected override void Project(Draft draft, IReadOnlyList<object> events, IDocumentOperations operations)
    {
        var named = events.All(e => e is SponsorsJoined or SponsorshipWithdrawn)
            ? events.OfType<IConcernsDelegations>().SelectMany(e => e.Delegations).ToHashSet()
            : null;
        foreach (var entries in draft.Sponsors.GroupBy(s => s.Iso3).Where(g => named is null || named.Contains(g.Key)))
            operations.Store(new DelegationDraftSponsorship
            {
                Id = DelegationDraftSponsorship.IdFor(entries.Key, draft.Id), Iso3 = entries.Key, Session = draft.Session, DraftId = draft.Id,
                Entries = entries.Select(s => new DelegationSponsorship(
                    draft.Id, draft.Symbol, draft.Title, s.OnBehalfOf, s.Layer, s.PrintedOn,
                    s.JoinedAt, s.JoinedAtMeeting, s.Source, s.RecordedIn, s.WithdrawnAt, s.WithdrawnAtMeeting, s.WithdrawalSource)).ToList(),
            });
    }
}
