using Committee.Drafts;
using Committee.Infrastructure;

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
}

public sealed class DelegationSponsorshipsReadModel : IFeedReadModel
{
    public IReadOnlyList<Type> Documents { get; } = [typeof(DelegationSponsorships)];

    public async Task Project(Draft draft, IReadModelDocuments documents)
    {
        foreach (var entries in draft.Sponsors.GroupBy(s => s.Iso3))
        {
            var id = DelegationSponsorships.IdFor(entries.Key, draft.Session);
            var view = await documents.Load<DelegationSponsorships>(id)
                       ?? new DelegationSponsorships { Id = id, Iso3 = entries.Key, Session = draft.Session };
            view.Sponsorships.RemoveAll(s => s.DraftId == draft.Id);
            // Entries stay in draft order whatever the order of updates, so that a rebuilt view equals the live one.
            var at = view.Sponsorships.FindIndex(s => s.DraftId.CompareTo(draft.Id) > 0);
            view.Sponsorships.InsertRange(at < 0 ? view.Sponsorships.Count : at, entries.Select(s => new DelegationSponsorship(
                draft.Id, draft.Symbol, draft.Title, s.OnBehalfOf, s.Layer, s.PrintedOn,
                s.JoinedAt, s.JoinedAtMeeting, s.Source, s.RecordedIn, s.WithdrawnAt, s.WithdrawnAtMeeting, s.WithdrawalSource)));
            documents.Store(view);
        }
    }
}
