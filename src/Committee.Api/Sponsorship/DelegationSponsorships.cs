using Committee.Drafts;
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
}

public static class DelegationSponsorshipsHandler
{
    public static async Task Handle(DraftChanged message, IDocumentSession session)
    {
        var draft = await session.LoadAsync<Draft>(message.DraftId);
        if (draft is null) return;
        var sponsors = draft.Sponsors.GroupBy(s => s.Iso3).ToList();
        // One round trip for every sponsor's view: a draft can have a hundred sponsors.
        var views = (await session.LoadManyAsync<DelegationSponsorships>(sponsors.Select(e => DelegationSponsorships.IdFor(e.Key, draft.Session))))
            .ToDictionary(v => v.Id);
        foreach (var entries in sponsors)
        {
            var id = DelegationSponsorships.IdFor(entries.Key, draft.Session);
            var view = views.GetValueOrDefault(id) ?? new DelegationSponsorships { Id = id, Iso3 = entries.Key, Session = draft.Session };
            view.Sponsorships.RemoveAll(s => s.DraftId == draft.Id);
            view.Sponsorships.AddRange(entries.Select(s => new DelegationSponsorship(
                draft.Id, draft.Symbol, draft.Title, s.OnBehalfOf, s.Layer, s.PrintedOn,
                s.JoinedAt, s.JoinedAtMeeting, s.Source, s.RecordedIn, s.WithdrawnAt, s.WithdrawnAtMeeting, s.WithdrawalSource)));
            session.Store(view);
        }
    }
}
