using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Drafts;

public static class ListDraftsEndpoint
{
    /// <summary>Drafts by any of their symbols (original or revised), session, current sponsor (ISO3) or status.</summary>
    [WolverineGet("/api/drafts", OperationId = "ListDrafts"), Tags("Drafts")]
    [ProducesResponseType<IReadOnlyList<Draft>>(200)]
    public static async Task<IResult> Get(string? symbol, int? session, string? sponsor, string? status, IQuerySession query, CancellationToken cancellation)
    {
        DraftStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<DraftStatus>(status, ignoreCase: true, out var parsed) || int.TryParse(status, out _))
                return Problems.For(Refusal.Invalid("status", $"'{status}' is not a status: use one of {string.Join(", ", Enum.GetNames<DraftStatus>().Select(n => n.ToLowerInvariant()))}"));
            wanted = parsed;
        }
        IQueryable<Draft> drafts = query.Query<Draft>();
        if (symbol is not null)
        {
            var found = await query.LoadAsync<DraftSymbol>(symbol.Trim(), cancellation);
            if (found is null) return Results.Json(Array.Empty<Draft>(), Json.Options);
            drafts = drafts.Where(d => d.Id == found.DraftId);
        }
        if (session is not null) drafts = drafts.Where(d => d.Session == session);
        if (wanted is not null) drafts = drafts.Where(d => d.Status == wanted);
        var list = await drafts.OrderBy(d => d.Symbol).ToListAsync(cancellation);
        if (sponsor is not null) list = list.Where(d => d.CurrentSponsor(sponsor.Trim().ToUpperInvariant()) is not null).ToList();
        return Results.Json(list, Json.Options);
    }
}
