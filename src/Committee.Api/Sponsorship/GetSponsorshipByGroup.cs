using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Sponsorship;

public sealed record GroupCount(string Group, int States);

public sealed record GroupTotal(string Group, int States, int Sponsorships);

public sealed record DraftGroupCounts(Guid DraftId, string Symbol, int States, IReadOnlyList<GroupCount> ByGroup);

public sealed record SponsorshipByGroup(int Session, int Drafts, int States, int Sponsorships, IReadOnlyList<GroupTotal> ByGroup,
    IReadOnlyList<DraftGroupCounts> PerDraft);

public static class GetSponsorshipByGroupEndpoint
{
    /// <summary>Current sponsorships by regional group: for each draft, how many States of each group sponsor it now;
    /// for the session, how many distinct States of each group sponsor at least one draft, and how many sponsorships
    /// (State and draft) that makes. A State counts once, in its first group (Türkiye in WEOG); a sponsorship on behalf
    /// of a group counts for the acting State only; the United States (an observer in WEOG) counts under "no regional group".</summary>
    [WolverineGet("/api/sessions/{session}/sponsorship-by-group", OperationId = "SponsorshipByGroup"), Tags("Sponsorship")]
    [ProducesResponseType<SponsorshipByGroup>(200), ProducesResponseType<ProblemDetails>(404)]
    public static async Task<IResult> Get(int session, long? atLeast, IQuerySession query, Freshness freshness, CancellationToken cancellation)
    {
        if (await freshness.AtLeastAsync(atLeast, nameof(SessionSponsorshipProjection), cancellation) is { } behind) return behind;
        var rows = await query.Query<DraftCountedSponsors>().Where(d => d.Session == session).ToListAsync(cancellation);
        if (rows.Count == 0) return Problems.NotFound("session", $"no draft has been recorded for the {English.Ordinal(session)} session");
        var view = new SessionSponsorship { Id = session, Drafts = rows.OrderBy(r => r.Id).ToList() };
        var all = view.Drafts.SelectMany(d => d.Sponsors).ToList();
        var totals = SessionSponsorship.GroupOrder
            .Select(g => new GroupTotal(g, all.Where(s => s.Group == g).Select(s => s.Iso3).Distinct().Count(), all.Count(s => s.Group == g)))
            .Where(t => t.Sponsorships > 0).ToList();
        var perDraft = view.Drafts.OrderBy(d => d.Symbol, StringComparer.Ordinal)
            .Select(d => new DraftGroupCounts(d.Id, d.Symbol, d.Sponsors.Count, SessionSponsorship.GroupOrder
                .Select(g => new GroupCount(g, d.Sponsors.Count(s => s.Group == g))).Where(c => c.States > 0).ToList()))
            .ToList();
        return Results.Json(new SponsorshipByGroup(session, view.Drafts.Count, all.Select(s => s.Iso3).Distinct().Count(), all.Count, totals, perDraft), Json.Options);
    }
}
