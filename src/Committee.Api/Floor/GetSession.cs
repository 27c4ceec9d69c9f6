using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.Floor;

public sealed record AgendaItemDrafts(string AgendaItem, string AgendaItemTitle, IReadOnlyList<SessionDraft> Drafts);

public sealed record SessionOverview(int Session, int MeetingsHeld, MeetingInProgress? Meeting, OnTheFloor? Floor,
    IReadOnlyList<AgendaItemDrafts> AgendaItems, IReadOnlyDictionary<string, int> DraftsByStatus);

public static class GetSessionEndpoint
{
    /// <summary>A session: the meeting in progress, what is on the floor, and its drafts by agenda item and status;
    /// with ?asOf=, as it stood at that time; with ?atLeast=SEQ, once its drafts reflect every event up to that sequence.</summary>
    [WolverineGet("/api/sessions/{session}", OperationId = "GetSession"), Tags("Floor")]
    [ProducesResponseType<SessionOverview>(200)]
    public static async Task<IResult> Get(int session, string? asOf, long? atLeast, IQuerySession query, Freshness freshness, CancellationToken cancellation)
    {
        Moment? moment;
        try { moment = Moment.From(asOf, null); }
        catch (Refusal refusal) { return Problems.For(refusal); }
        if (await freshness.AtLeastAsync(atLeast, nameof(SessionDraftsProjection), cancellation) is { } behind) return behind;
        var view = moment is null ? await NowAsync(session, query, cancellation) : await AsOfAsync(session, moment, query, cancellation);
        if (view is null)
            return Problems.NotFound(moment is null ? "session" : "asOf",
                $"nothing had been recorded for the {English.Ordinal(session)} session{(moment is null ? "" : $" at {moment}")}");
        return Results.Json(Overview(view), Json.Options);
    }

    private static async Task<SessionView?> NowAsync(int session, IQuerySession query, CancellationToken cancellation)
    {
        var batch = query.CreateBatchQuery();
        var floorRead = batch.Load<SessionFloor>(SessionFloor.StreamId(session));
        var draftsRead = batch.Query<SessionDraft>().Where(d => d.Session == session).ToList();
        await batch.Execute(cancellation);
        var (floor, drafts) = (await floorRead, await draftsRead);
        if (floor is null && drafts.Count == 0) return null;
        var view = new SessionView { Id = session, Drafts = [.. drafts] };
        return floor is null ? view : view.With(floor);
    }

    /// <summary>The view as of a moment, projected by the same functions as the live one from the session's
    /// stream and each of its drafts as they stood then.</summary>
    private static async Task<SessionView?> AsOfAsync(int session, Moment moment, IQuerySession query, CancellationToken cancellation)
    {
        var view = new SessionView { Id = session };
        var floor = await AsOf.Stream<SessionFloor>(query, SessionFloor.StreamId(session), moment, cancellation);
        if (floor is not null) view.With(floor);
        var ids = await query.Query<Draft>().Where(d => d.Session == session).Select(d => d.Id).ToListAsync(cancellation);
        foreach (var id in ids)
            if (await AsOf.Draft(query, id, moment, cancellation) is { } draft) view.With(draft);
        return floor is null && view.Drafts.Count == 0 ? null : view;
    }

    private static SessionOverview Overview(SessionView view)
    {
        var items = view.Drafts.GroupBy(d => (d.AgendaItem, d.AgendaItemTitle))
            .OrderBy(g => g.Key.AgendaItem, StringComparer.Ordinal)
            .Select(g => new AgendaItemDrafts(g.Key.AgendaItem, g.Key.AgendaItemTitle, g.OrderBy(d => d.Symbol, StringComparer.Ordinal).ToList()))
            .ToList();
        var byStatus = view.Drafts.GroupBy(d => d.Status).ToDictionary(g => g.Key.ToString().ToLowerInvariant(), g => g.Count());
        return new SessionOverview(view.Id, view.MeetingsHeld, view.Meeting, view.Floor, items, byStatus);
    }
}
