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
        var meetings = (await MeetingDates.OfAsync(session, draft.Session, cancellation)).ToDictionary(m => m.Number, m => m.Date);
        var rows = new StringBuilder();
        foreach (var e in TextVersions.Chronological(history))
        {
            var entry = DraftHistoryEndpoint.Entry(e);
            var diff = texts.Contains(e.Version) && e.Version != history[0].Version
                ? $"<a href=\"/drafts/{id}/diff?to={e.Version}\">text changes</a> · " : "";
            rows.Append($"""
                <tr>
                  <td>{When(entry.Meeting, e, meetings)}</td>
                  <td>{(entry.Meeting is { } m ? English.Ordinal(m) : "—")}</td>
                  <td>{Html.E(entry.Sentence)}</td>
                  <td>{Html.E(e.RecordedBy ?? "unknown")}</td>
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
              <caption>Every action recorded on the draft, oldest first: when it happened (the meeting's date, or the date the document bears), and when it was recorded (UTC)</caption>
              <thead><tr><th scope="col">When</th><th scope="col">Meeting</th><th scope="col">What happened</th><th scope="col">Recorded by</th><th scope="col">See</th></tr></thead>
              <tbody>
            {rows}
              </tbody>
            </table>
            """);
    }

    /// <summary>The meeting's date (an action at a meeting), else the date the event bears (an import carries the
    /// document's issue date); the moment it was typed in beside it when that differs.</summary>
    private static string When(int? meeting, RecordedEvent e, IReadOnlyDictionary<int, DateOnly> meetings)
    {
        var recorded = $"<time datetime=\"{e.Timestamp:O}\">{e.Timestamp.ToString("d MMMM yyyy HH:mm", Invariant)}</time>";
        var day = meeting is { } m && meetings.TryGetValue(m, out var date) ? date : DateOnly.FromDateTime(e.Happened.UtcDateTime);
        if (day == DateOnly.FromDateTime(e.Timestamp.UtcDateTime)) return recorded;
        return $"<time datetime=\"{day:yyyy-MM-dd}\">{day.ToString("d MMMM yyyy", Invariant)}</time><br><small>recorded {recorded}</small>";
    }

    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;
}
