using System.Text.RegularExpressions;

namespace Committee.History;

/// <summary>A draft's text at one version: what a diff compares.</summary>
public sealed record DraftText(string Title, IReadOnlyList<string> Preamble, IReadOnlyList<string> Operative);

public enum SegmentKind { Same, Inserted, Deleted }

/// <summary>A run of words (with their spacing) that both texts share, or that one of them alone has.</summary>
public sealed record Segment(SegmentKind Kind, string Text);

public enum ParagraphDiffKind { Unchanged, Changed, Added, Removed }

/// <summary>One paragraph of either text: where it stood ("OP3") and where it stands ("OP4"), and its words.</summary>
public sealed record ParagraphDiff(
    ParagraphDiffKind Change, string? From, string? To, bool Renumbered, double Similarity, IReadOnlyList<Segment> Words);

public sealed record DiffSummary(int Unchanged, int Changed, int Added, int Removed, int Renumbered);

public sealed record TextComparison(ParagraphDiff Title, IReadOnlyList<ParagraphDiff> Paragraphs, DiffSummary Summary);

/// <summary>
/// Compares two versions of a draft paragraph by paragraph. Paragraphs are paired in order by how many words they
/// share (the longest common subsequence of their words), so that a paragraph inserted before OP3 shows OP3 as
/// renumbered OP4 rather than as rewritten; within a pair, the words inserted and deleted.
/// </summary>
public static partial class TextDiff
{
    /// <summary>Below this share of common words two paragraphs are different paragraphs, not versions of one.</summary>
    public const double SameParagraph = 0.5;

    public static TextComparison Compare(DraftText from, DraftText to)
    {
        var title = Pair(from.Title, to.Title, "title", "title");
        var paragraphs = Align(from.Preamble, to.Preamble, "PP").Concat(Align(from.Operative, to.Operative, "OP")).ToList();
        var summary = new DiffSummary(
            paragraphs.Count(p => p.Change == ParagraphDiffKind.Unchanged),
            paragraphs.Count(p => p.Change == ParagraphDiffKind.Changed),
            paragraphs.Count(p => p.Change == ParagraphDiffKind.Added),
            paragraphs.Count(p => p.Change == ParagraphDiffKind.Removed),
            paragraphs.Count(p => p.Renumbered));
        return new TextComparison(title, paragraphs, summary);
    }

    /// <summary>The order-keeping pairing of paragraphs with the greatest total similarity; the rest are added or removed.</summary>
    private static IEnumerable<ParagraphDiff> Align(IReadOnlyList<string> from, IReadOnlyList<string> to, string prefix)
    {
        var a = from.Select(Words).ToList();
        var b = to.Select(Words).ToList();
        var similarity = new double[a.Count, b.Count];
        for (var i = 0; i < a.Count; i++)
            for (var j = 0; j < b.Count; j++)
                similarity[i, j] = Similarity(a[i], b[j]);

        // best[i, j]: the greatest total similarity pairing from[i..] with to[j..].
        var best = new double[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
            {
                var paired = similarity[i, j] >= SameParagraph ? similarity[i, j] + best[i + 1, j + 1] : double.MinValue;
                best[i, j] = Math.Max(paired, Math.Max(best[i + 1, j], best[i, j + 1]));
            }

        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && similarity[x, y] >= SameParagraph && best[x, y] == similarity[x, y] + best[x + 1, y + 1])
            {
                yield return Pair(from[x], to[y], $"{prefix}{x + 1}", $"{prefix}{y + 1}", similarity[x, y]);
                x++; y++;
            }
            else if (x < a.Count && (y == b.Count || best[x, y] == best[x + 1, y]))
            {
                yield return new ParagraphDiff(ParagraphDiffKind.Removed, $"{prefix}{x + 1}", null, false, 0, [new Segment(SegmentKind.Deleted, from[x])]);
                x++;
            }
            else
            {
                yield return new ParagraphDiff(ParagraphDiffKind.Added, null, $"{prefix}{y + 1}", false, 0, [new Segment(SegmentKind.Inserted, to[y])]);
                y++;
            }
        }
    }

    private static ParagraphDiff Pair(string from, string to, string fromRef, string toRef, double? similarity = null)
    {
        var segments = WordChanges(from, to);
        var change = segments.All(s => s.Kind == SegmentKind.Same) ? ParagraphDiffKind.Unchanged : ParagraphDiffKind.Changed;
        return new ParagraphDiff(change, fromRef, toRef, fromRef != toRef, Math.Round(similarity ?? Similarity(Words(from), Words(to)), 3), segments);
    }

    /// <summary>The words of the new text in order, marking those inserted, and the old words deleted where they stood.</summary>
    public static IReadOnlyList<Segment> WordChanges(string from, string to)
    {
        var a = Words(from);
        var b = Words(to);
        var lcs = LcsTable(a, b);
        var segments = new List<Segment>();
        void Add(SegmentKind kind, string text)
        {
            if (segments.Count > 0 && segments[^1].Kind == kind) segments[^1] = segments[^1] with { Text = segments[^1].Text + text };
            else segments.Add(new Segment(kind, text));
        }
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            if (i < a.Count && j < b.Count && a[i].Word == b[j].Word) { Add(SegmentKind.Same, b[j].Text); i++; j++; }
            else if (i < a.Count && (j == b.Count || lcs[i + 1, j] >= lcs[i, j + 1])) { Add(SegmentKind.Deleted, a[i].Text); i++; }
            else { Add(SegmentKind.Inserted, b[j].Text); j++; }
        }
        return segments;
    }

    /// <summary>Twice the common words over all words: 1 for the same text, 0 for nothing in common.</summary>
    private static double Similarity(IReadOnlyList<Token> a, IReadOnlyList<Token> b) =>
        a.Count + b.Count == 0 ? 1 : 2.0 * LcsTable(a, b)[0, 0] / (a.Count + b.Count);

    /// <summary>lcs[i, j]: the length of the longest common subsequence of a[i..] and b[j..].</summary>
    private static int[,] LcsTable(IReadOnlyList<Token> a, IReadOnlyList<Token> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
            for (var j = b.Count - 1; j >= 0; j--)
                lcs[i, j] = a[i].Word == b[j].Word ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        return lcs;
    }

    /// <summary>A word or a punctuation mark, with the space before it, so that the segments read as the text.</summary>
    private sealed record Token(string Word, string Text);

    private static List<Token> Words(string text) =>
        TokenPattern().Matches(text).Select(m => new Token(m.Groups[2].Value, m.Value)).ToList();

    [GeneratedRegex(@"(\s*)([\w’'-]+|[^\w\s])")] private static partial Regex TokenPattern();
}
