using Committee.Domain;

namespace Committee.History;

/// <summary>A text the draft has had: a document (L, Rev., Corr.) or the text after a change on the floor.</summary>
public sealed record TextVersion(long Version, string Label, string Symbol, DateTimeOffset At, int? Meeting, DraftText Text);

/// <summary>
/// The texts a draft has had, read from its history: each document issued (original, revision, corrigendum), and the
/// text after any other event that changed it (oral revisions, and amendments when those are recorded). Events are
/// folded with <see cref="Draft.Fold"/>, so an event type added later that changes the text makes a version by itself.
/// </summary>
public static class TextVersions
{
    public static IReadOnlyList<TextVersion> Of(IEnumerable<RecordedEvent> history)
    {
        var versions = new List<TextVersion>();
        Draft? draft = null;
        foreach (var e in history)
        {
            var documents = draft?.Symbols.Count ?? 0;
            draft = Draft.Fold(draft, e.Data);
            var text = new DraftText(draft.Title, [.. draft.Preamble], [.. draft.Operative]);
            var issued = draft.Symbols.Count > documents;
            if (!issued && (versions.Count == 0 || Same(versions[^1].Text, text))) continue;
            var label = issued ? draft.Symbols[^1] : $"{draft.Symbol} {Change(e)}";
            versions.Add(new TextVersion(e.Version, label, draft.Symbol, e.Timestamp, e.Meeting, text));
        }
        return versions;
    }

    private static string Change(RecordedEvent e) => e.Data is DraftOrallyRevised
        ? $"as orally revised{AuditSentences.At(e.Meeting)}"
        : $"as amended{AuditSentences.At(e.Meeting)}";

    private static bool Same(DraftText a, DraftText b) =>
        a.Title == b.Title && a.Preamble.SequenceEqual(b.Preamble) && a.Operative.SequenceEqual(b.Operative);
}
