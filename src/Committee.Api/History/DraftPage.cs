using System.Text;
using Committee.Domain;
using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.History;

public static class DraftPageEndpoint
{
    /// <summary>The draft as a page: as it stands, or as it stood after its n-th event (?version=) or at a time (?asOf=).</summary>
    [WolverineGet("/drafts/{id}", OperationId = "DraftPage"), Tags("History")]
    public static async Task<IResult> Get(Guid id, string? asOf, string? version, IQuerySession session, CancellationToken cancellation)
    {
        Moment? moment;
        try { moment = Moment.From(asOf, version); }
        catch (Refusal refusal) { return Problems.For(refusal); }
        var draft = moment is null ? await session.LoadAsync<Draft>(id, cancellation) : await AsOf.Draft(session, id, moment, cancellation);
        if (draft is null) return Html.NotFound(moment is null ? $"There is no draft {id}." : $"Draft {id} did not exist at {moment}.");

        var sponsors = new StringBuilder();
        foreach (var s in draft.Sponsors)
            sponsors.Append($"<li>{Html.E(s.Delegation)}{(s.OnBehalfOf is { } group ? $", on behalf of the {Html.E(group)}" : "")}" +
                            $" ({(s.Layer == SponsorLayer.Original ? $"printed on {Html.E(s.PrintedOn)}" : $"joined{AuditSentences.At(s.JoinedAtMeeting)}")})" +
                            $"{(s.WithdrawnAt is null ? "" : $", withdrew{AuditSentences.At(s.WithdrawnAtMeeting)}")}</li>");
        string Part(IEnumerable<string> paragraphs, string prefix) =>
            string.Concat(paragraphs.Select((p, i) => $"<li value=\"{i + 1}\"><span class=\"ref\">{prefix}{i + 1}</span> {Html.E(p)}</li>"));
        var when = moment is null ? "as it stands" : $"as it stood at {moment}";
        return Html.Page($"{draft.Symbol} {when}", $"""
            <h1>{Html.E(draft.Symbol)}</h1>
            <p><strong>{Html.E(draft.Title)}</strong></p>
            <p>The draft {Html.E(when)}{(moment?.Version is null ? $" (version {draft.Version})" : "")}: {Html.E(draft.Status.ToString().ToLowerInvariant())}{(draft.Action is { } action ? $", {Html.E(action.Decision)}{AuditSentences.At(action.Meeting)}" : "")}.
               {English.Ordinal(draft.Session)} session, agenda item {Html.E(draft.AgendaItem)} ({Html.E(draft.AgendaItemTitle)}).</p>
            <nav><a href="/drafts/{id}/history">History</a><a href="/drafts/{id}/diff">Compare its texts</a><a href="/api/drafts/{id}{(moment?.Version is { } v ? $"?version={v}" : "")}">As JSON</a></nav>
            <h2>Sponsors</h2>
            <ul>{sponsors}</ul>
            <h2>Preamble</h2>
            <ol class="paragraphs">{Part(draft.Preamble, "PP")}</ol>
            <h2>Operative part</h2>
            <ol class="paragraphs">{Part(draft.Operative, "OP")}</ol>
            """);
    }
}
