using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Floor;

public sealed record AgendaItemDrafts(string AgendaItem, string AgendaItemTitle, IReadOnlyList<SessionDraft> Drafts);

public sealed record SessionOverview(int Session, int MeetingsHeld, MeetingInProgress? Meeting, OnTheFloor? Floor,
    IReadOnlyList<AgendaItemDrafts> AgendaItems, IReadOnlyDictionary<string, int> DraftsByStatus);

public static class GetSessionEndpoint
{
    /// <summary>A session: the meeting in progress, what is on the floor, and its drafts by agenda item and status.</summary>
    [WolverineGet("/api/sessions/{session}", OperationId = "GetSession"), Tags("Floor")]
    [ProducesResponseType<SessionOverview>(200)]
    public static async Task<IResult> Get(int session, IQuerySession query, CancellationToken cancellation)
    {
        var view = await query.LoadAsync<SessionView>(session, cancellation);
        if (view is null) return Problems.NotFound("session", $"nothing has been recorded for the {Drafts.DraftRules.Ordinal(session)} session");
        var items = view.Drafts.GroupBy(d => (d.AgendaItem, d.AgendaItemTitle))
            .OrderBy(g => g.Key.AgendaItem, StringComparer.Ordinal)
            .Select(g => new AgendaItemDrafts(g.Key.AgendaItem, g.Key.AgendaItemTitle, g.OrderBy(d => d.Symbol, StringComparer.Ordinal).ToList()))
            .ToList();
        var byStatus = view.Drafts.GroupBy(d => d.Status).ToDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.Count());
        return Results.Json(new SessionOverview(view.Id, view.MeetingsHeld, view.Meeting, view.Floor, items, byStatus), Json.Options);
    }
}
