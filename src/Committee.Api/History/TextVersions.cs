using Committee.Domain;

namespace Committee.History;

/// <summary>A text the draft has had: a document (L, Rev., Corr.) or the text after a change on the floor. Version is
/// the stream version that recorded it (null for a document known to exist and not recorded); Text is null when the
/// text is not recorded (such a document, or one recorded from its metadata only).</summary>
public sealed record TextVersion(long? Version, string Label, string Symbol, DateTimeOffset At, int? Meeting, DraftText? Text);

/// <summary>
/// The texts a draft has had, read from its history in the order things happened: each document issued (original,
/// revision, corrigendum) in the order of issue, whatever order they were recorded in, and the text after any other
/// event that changed it (oral revisions, amendments). Events are folded with <see cref="Draft.Fold"/>, so an event
/// type added later that changes the text makes a version by itself.
/// </summary>
public static class TextVersions
{
    public static IReadOnlyList<TextVersion> Of(IEnumerable<RecordedEvent> history)
    {
        var versions = new List<TextVersion>();
        Draft? draft = null;
        foreach (var e in Chronological(history))
        {
            var (documents, unrecorded) = (draft?.Symbols.ToList() ?? [], draft?.Unrecorded.ToList() ?? []);
            draft = Draft.Fold(draft, e.Data);
            var text = draft.TextKnown ? new DraftText(draft.Title, [.. draft.Preamble], [.. draft.Operative]) : null;
            var issued = draft.Symbols.Except(documents).Concat(unrecorded.Except(draft.Unrecorded)).ToList();
            foreach (var symbol in issued)
            {
                versions.RemoveAll(v => v.Version is null && v.Symbol == symbol);
                Place(versions, draft.Unrecorded.Contains(symbol)
                    ? new TextVersion(null, $"{symbol} (text not recorded)", symbol, e.Happened, null, null)
                    : new TextVersion(e.Version, symbol, symbol, e.Happened, e.Meeting, symbol == draft.Symbol || IsCorrection(symbol) ? text : TextOf(e.Data)));
            }
            if (issued.Count > 0 || versions.Count == 0 || Same(versions[^1].Text, text)) continue;
            versions.Add(new TextVersion(e.Version, $"{draft.Symbol} {Change(e)}", draft.Symbol, e.Happened, e.Meeting, text));
        }
        return versions;
    }

    /// <summary>The draft's events in the order they happened; events of one moment in the order recorded.</summary>
    public static IEnumerable<RecordedEvent> Chronological(IEnumerable<RecordedEvent> history) =>
        history.OrderBy(e => e.Happened).ThenBy(e => e.Version);

    /// <summary>A document goes before the first version issued after it; a floor change stays after its document.</summary>
    private static void Place(List<TextVersion> versions, TextVersion document)
    {
        var after = versions.FindIndex(v => VersionOrder.Compare(v.Symbol, document.Symbol) > 0);
        if (after < 0) versions.Add(document);
        else versions.Insert(after, document);
    }

    private static bool IsCorrection(string symbol) => VersionOrder.Of(symbol).Correction > 0;

    /// <summary>The text an earlier version recorded after a later one carries itself (the draft's text stays the later one's).</summary>
    private static DraftText? TextOf(object data) => data is DraftSubmitted { TextKnown: true } s ? new DraftText(s.Title, s.Preamble, s.Operative) : null;

    private static string Change(RecordedEvent e) => e.Data is DraftOrallyRevised
        ? $"as orally revised{AuditSentences.At(e.Meeting)}"
        : $"as amended{AuditSentences.At(e.Meeting)}";

    private static bool Same(DraftText? a, DraftText? b) =>
        a is null || b is null ? a == b : a.Title == b.Title && a.Preamble.SequenceEqual(b.Preamble) && a.Operative.SequenceEqual(b.Operative);
}
