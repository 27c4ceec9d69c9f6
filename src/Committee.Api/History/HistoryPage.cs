using System.Text;
using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.History;

public static class HistoryPageEndpoint
{
    /// <summary>The draft's audit trail as a page: each action in words, when, at which meeting, recorded by whom,
    /// with links to the draft as it stood after it and to what changed in its text.</summary>
    [WolverineGet("/drafts/{id}/history", OperationId = "HistoryPage"), Tags("History")]
    public static async Task<IResult> Get(Guid id, IQuerySession session, CancellationToken cancellation)
    {
        var history = await DraftHistoryEndpoint.Load(session, id, cancellation);
        if (history is null) return Html.NotFound($"There is no draft {id}.");
        var draft = history.Aggregate((Draft?)null, (d, e) => Draft.Fold(d, e.Data))!;
        var texts = TextVersions.Of(history).Select(v => v.Version).OfType<long>().ToHashSet();
        var rows = new StringBuilder();
        foreach (var e in TextVersions.Chronological(history))
        {
            var entry = DraftHistoryEndpoint.Entry(e);
            var diff = texts.Contains(e.Version) && e.Version != history[0].Version
                ? $"<a href=\"/drafts/{id}/diff?to={e.Version}\">text changes</a> · " : "";
            rows.Append($"""
                <tr>
                  <td><time datetime="{e.Happened:O}">{e.Happened:d MMM yyyy HH:mm}</time></td>
                  <td>{(entry.Meeting is { } m ? English.Ordinal(m) : "—")}</td>
                  <td>{Html.E(entry.Sentence)}</td>
                  <td>{Html.E(e.RecordedBy ?? "unknown")}, <time datetime="{e.Timestamp:O}">{e.Timestamp:d MMM yyyy HH:mm}</time></td>
                  <td>{diff}<a href="/drafts/{id}?version={e.Version}">the draft as it stood</a></td>
                </tr>
                """);
        }
        return Html.Page($"History of {draft.Symbol}", $"""
            <h1>History of {Html.E(draft.Symbol)}</h1>
            <p>{Html.E(draft.Title)}. {English.Ordinal(draft.Session)} session, agenda item {Html.E(draft.AgendaItem)}.
               Status: {Html.E(draft.Status.ToString().ToLowerInvariant())}.</p>
            <nav><a href="/drafts/{id}/diff">Compare its texts</a><a href="/api/drafts/{id}/history">This history as JSON</a><a href="/api/drafts/{id}">The draft as JSON</a></nav>
            <table>
              <caption>Every action recorded on the draft, in the order it happened (times in UTC)</caption>
              <thead><tr><th scope="col">When</th><th scope="col">Meeting</th><th scope="col">What happened</th><th scope="col">Recorded by, when</th><th scope="col">See</th></tr></thead>
              <tbody>
            {rows}
              </tbody>
            </table>
            """);
    }
}
