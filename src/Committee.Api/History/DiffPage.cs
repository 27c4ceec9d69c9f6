using System.Text;
using Committee.Infrastructure;
using Marten;
using Wolverine.Http;

namespace Committee.History;

public static class DiffPageEndpoint
{
    /// <summary>What changed between two texts of the draft, as a page: inserted words underlined, deleted words
    /// struck through, paragraphs added, removed and renumbered named; ?show=all for the unchanged paragraphs too
    /// (by default only the changes, with the unchanged ones counted).</summary>
    [WolverineGet("/drafts/{id}/diff", OperationId = "DiffPage"), Tags("History")]
    public static async Task<IResult> Get(Guid id, string? from, string? to, string? show, IQuerySession session, CancellationToken cancellation)
    {
        if (show is not (null or "changes" or "all")) return Problems.For(Refusal.Invalid("show", $"'{show}' is not a choice: use changes or all"));
        var changesOnly = show != "all";
        DraftComparison comparison;
        try { comparison = await DraftDiffEndpoint.Compare(id, from, to, session, cancellation); }
        catch (Refusal refusal) { return refusal.Status == 404 ? Html.NotFound(refusal.Reason) : Problems.For(refusal); }
        var versions = TextVersions.Of((await DraftHistoryEndpoint.Load(session, id, cancellation))!);
        var changes = comparison.Changes;
        var body = new StringBuilder();
        body.Append($"""
            <h1>Changes from {Html.E(comparison.From.Label)} to {Html.E(comparison.To.Label)}</h1>
            <nav><a href="/drafts/{id}/history">History</a><a href="/api/drafts/{id}/diff?from={Uri.EscapeDataString(Key(comparison.From))}&amp;to={Uri.EscapeDataString(Key(comparison.To))}">This comparison as JSON</a></nav>
            <form method="get">
              {Choice("from", "From", versions, Key(comparison.From))}
              {Choice("to", "To", versions, Key(comparison.To))}
              <label>Show <select name="show"><option value="changes"{(changesOnly ? " selected" : "")}>changes only</option><option value="all"{(changesOnly ? "" : " selected")}>the whole text</option></select></label>
              <button type="submit">Compare</button>
            </form>
            """);
        if (changes is null)
        {
            body.Append($"<p>{Html.E(char.ToUpperInvariant(comparison.NotRecorded![0]) + comparison.NotRecorded[1..])}.</p>");
            return Html.Page($"Changes to {comparison.To.Symbol}", body.ToString());
        }
        body.Append($"""
            <p>{changes.Summary.Changed} changed, {changes.Summary.Added} added, {changes.Summary.Removed} removed,
               {changes.Summary.Renumbered} renumbered, {changes.Summary.Unchanged} unchanged paragraphs.</p>
            """);
        foreach (var note in changes.Notes) body.Append($"""<p class="note">Compared coarsely: {Html.E(note)}.</p>""");
        if (!changesOnly || changes.Title.Change != ParagraphDiffKind.Unchanged) body.Append(Paragraph(changes.Title, "Title"));
        foreach (var paragraph in changes.Paragraphs.Where(p => !changesOnly || p.Change != ParagraphDiffKind.Unchanged || p.Renumbered))
            body.Append(Paragraph(paragraph, Name(paragraph)));
        if (changesOnly && changes.Summary.Unchanged > 0)
            body.Append($"""<p><a href="/drafts/{id}/diff?from={Uri.EscapeDataString(Key(comparison.From))}&amp;to={Uri.EscapeDataString(Key(comparison.To))}&amp;show=all">Show the whole text</a> ({changes.Summary.Unchanged} unchanged paragraphs not shown).</p>""");
        return Html.Page($"Changes to {comparison.To.Symbol}", body.ToString());
    }

    private static string Key(VersionListing v) => DraftDiffEndpoint.Key(v.Version, v.Symbol);

    private static string Choice(string name, string label, IReadOnlyList<TextVersion> versions, string selected) =>
        $"<label>{label} <select name=\"{name}\">" +
        string.Concat(versions.Select(v => (Key: DraftDiffEndpoint.Key(v.Version, v.Symbol), v.Label)).Select(v =>
            $"<option value=\"{Html.E(v.Key)}\"{(v.Key == selected ? " selected" : "")}>{Html.E(v.Label)}</option>")) +
        "</select></label>";

    private static string Name(ParagraphDiff p) => p.Change switch
    {
        ParagraphDiffKind.Added => $"{p.To} (added)",
        ParagraphDiffKind.Removed => $"{p.From} (removed)",
        _ when p.Renumbered => $"{p.From}, now {p.To}{(p.Change == ParagraphDiffKind.Changed ? " (changed)" : "")}",
        ParagraphDiffKind.Changed => $"{p.To} (changed)",
        _ => $"{p.To}",
    };

    private static string Paragraph(ParagraphDiff p, string name)
    {
        var words = string.Concat(p.Words.Select(s => s.Kind switch
        {
            SegmentKind.Inserted => $"<ins>{Html.E(s.Text)}</ins>",
            SegmentKind.Deleted => $"<del>{Html.E(s.Text)}</del>",
            _ => Html.E(s.Text),
        }));
        return $"""<section class="paragraph {p.Change.ToString().ToLowerInvariant()}"><h2>{Html.E(name)}</h2><p>{words}</p></section>""";
    }
}
