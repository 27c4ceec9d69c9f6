using System.Text;
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

/// <summary>The title and the paragraphs compared, counted; and the notes: where a limit on the work made the
/// comparison coarser than word by word, what it concerned and how it was shown instead.</summary>
public sealed record TextComparison(ParagraphDiff Title, IReadOnlyList<ParagraphDiff> Paragraphs, DiffSummary Summary, IReadOnlyList<string> Notes);

/// <summary>
/// Compares two versions of a draft paragraph by paragraph, by Myers' diff (<see cref="MyersDiff"/>). The paragraphs
/// that stay word for word the same are kept in order, as many as can be; between two of them, the paragraphs
/// removed and added are paired, in order, by how many words they share (the longest common subsequence of their
/// words), so that a paragraph inserted before OP3 shows OP3 as renumbered OP4 rather than as rewritten; within a
/// pair, the words inserted and deleted. The work is bounded, and each bound reached is named in the notes.
/// </summary>
public static partial class TextDiff
{
    /// <summary>Below this share of common words two paragraphs are different paragraphs, not versions of one.</summary>
    public const double SameParagraph = 0.5;

    /// <summary>Two texts further apart than this many words inserted and deleted are not compared word by word: two
    /// paragraphs are then different paragraphs, and a title is shown replaced whole.</summary>
    public const int MaxWordEdits = 1000;

    /// <summary>Past this many paragraphs added and removed, a part's paragraphs are paired in order.</summary>
    public const int MaxParagraphEdits = 1000;

    /// <summary>Paragraphs removed and added between two unchanged ones are paired by likeness when that takes at
    /// most this many comparisons (50 removed against 50 added); more are paired in order.</summary>
    public const int MaxPairsCompared = 2500;

    public static TextComparison Compare(DraftText from, DraftText to)
    {
        var vocabulary = new Dictionary<string, int>();
        var notes = new List<string>();
        var title = Title(Tokenize(from.Title, vocabulary), Tokenize(to.Title, vocabulary), notes);
        var paragraphs = Align(from.Preamble, to.Preamble, "PP", "the preamble", vocabulary, notes)
            .Concat(Align(from.Operative, to.Operative, "OP", "the operative part", vocabulary, notes)).ToList();
        var summary = new DiffSummary(
            paragraphs.Count(p => p.Change == ParagraphDiffKind.Unchanged),
            paragraphs.Count(p => p.Change == ParagraphDiffKind.Changed),
            paragraphs.Count(p => p.Change == ParagraphDiffKind.Added),
            paragraphs.Count(p => p.Change == ParagraphDiffKind.Removed),
            paragraphs.Count(p => p.Renumbered));
        return new TextComparison(title, paragraphs, summary, notes);
    }

    /// <summary>The words of the new text in order, marking those inserted, and the old words deleted where they stood.</summary>
    public static IReadOnlyList<Segment> WordChanges(string from, string to)
    {
        var vocabulary = new Dictionary<string, int>();
        var (a, b) = (Tokenize(from, vocabulary), Tokenize(to, vocabulary));
        return MyersDiff.Compare(a.Ids, b.Ids, MaxWordEdits) is { } script ? Segments(a, b, script) : ReplacedWhole(a, b);
    }

    private static ParagraphDiff Title(Tokens from, Tokens to, List<string> notes)
    {
        if (MyersDiff.Compare(from.Ids, to.Ids, MaxWordEdits) is { } script) return Pair(from, to, "title", "title", script);
        notes.Add($"the title: more than {MaxWordEdits} words differ, so it is shown replaced whole rather than word by word");
        return new ParagraphDiff(ParagraphDiffKind.Changed, "title", "title", false, 0, ReplacedWhole(from, to));
    }

    /// <summary>The unchanged paragraphs kept in order (as many as can be); the others paired in each gap between them.</summary>
    private static List<ParagraphDiff> Align(
        IReadOnlyList<string> from, IReadOnlyList<string> to, string prefix, string part, Dictionary<string, int> vocabulary, List<string> notes)
    {
        var a = from.Select(p => Tokenize(p, vocabulary)).ToList();
        var b = to.Select(p => Tokenize(p, vocabulary)).ToList();
        var texts = new Dictionary<string, int>();
        int Id(string paragraph) => texts.TryGetValue(paragraph, out var id) ? id : texts[paragraph] = texts.Count;
        var script = MyersDiff.Compare(from.Select(Id).ToArray(), to.Select(Id).ToArray(), MaxParagraphEdits);
        var gaps = new Gaps(a, b, prefix, notes);
        if (script is null)
        {
            notes.Add($"{part}: more than {MaxParagraphEdits} paragraphs added and removed, so its paragraphs are paired in order");
            return gaps.ByPosition(0, a.Count, 0, b.Count).ToList();
        }
        return gaps.Between(script).ToList();
    }

    private sealed class Gaps(List<Tokens> a, List<Tokens> b, string prefix, List<string> notes)
    {
        public IEnumerable<ParagraphDiff> Between(EditScript unchanged)
        {
            int x = 0, y = 0;
            while (x < a.Count || y < b.Count)
            {
                int x0 = x, y0 = y;
                while (x < a.Count && unchanged.Deleted[x]) x++;
                while (y < b.Count && unchanged.Inserted[y]) y++;
                if (x > x0 || y > y0)
                {
                    foreach (var paragraph in Gap(x0, x, y0, y)) yield return paragraph;
                    continue;
                }
                yield return Pair(a[x], b[y], Ref(prefix, x), Ref(prefix, y), Likeness(a[x], b[y])!);
                x++; y++;
            }
        }

        private IEnumerable<ParagraphDiff> Gap(int aStart, int aEnd, int bStart, int bEnd)
        {
            if ((long)(aEnd - aStart) * (bEnd - bStart) <= MaxPairsCompared) return ByLikeness(aStart, aEnd, bStart, bEnd);
            notes.Add($"{Ref(prefix, aStart)}–{Ref(prefix, aEnd - 1)} against {Ref(prefix, bStart)}–{Ref(prefix, bEnd - 1)}: " +
                      $"{aEnd - aStart} paragraphs removed and {bEnd - bStart} added together, more than {MaxPairsCompared} pairs to weigh, so paired in order");
            return ByPosition(aStart, aEnd, bStart, bEnd);
        }

        /// <summary>The order-keeping pairing with the greatest total similarity; the rest are added or removed.</summary>
        private IEnumerable<ParagraphDiff> ByLikeness(int aStart, int aEnd, int bStart, int bEnd)
        {
            int n = aEnd - aStart, m = bEnd - bStart;
            var scripts = new EditScript?[n, m];
            var similarity = new double[n, m];
            for (var i = 0; i < n; i++)
                for (var j = 0; j < m; j++)
                    if ((scripts[i, j] = Likeness(a[aStart + i], b[bStart + j])) is { } script)
                        similarity[i, j] = Similarity(a[aStart + i], b[bStart + j], script);

            // best[i, j]: the greatest total similarity pairing from[i..] with to[j..].
            var best = new double[n + 1, m + 1];
            for (var i = n - 1; i >= 0; i--)
                for (var j = m - 1; j >= 0; j--)
                {
                    var paired = scripts[i, j] is null ? double.MinValue : similarity[i, j] + best[i + 1, j + 1];
                    best[i, j] = Math.Max(paired, Math.Max(best[i + 1, j], best[i, j + 1]));
                }

            int x = 0, y = 0;
            while (x < n || y < m)
            {
                if (x < n && y < m && scripts[x, y] is { } script && best[x, y] == similarity[x, y] + best[x + 1, y + 1])
                {
                    yield return Pair(a[aStart + x], b[bStart + y], Ref(prefix, aStart + x), Ref(prefix, bStart + y), script);
                    x++; y++;
                }
                else if (x < n && (y == m || best[x, y] == best[x + 1, y])) yield return Removed(aStart + x++);
                else yield return Added(bStart + y++);
            }
        }

        /// <summary>The first removed with the first added, and so on: a pair alike enough is changed, else removed and added.</summary>
        public IEnumerable<ParagraphDiff> ByPosition(int aStart, int aEnd, int bStart, int bEnd)
        {
            for (int x = aStart, y = bStart; x < aEnd || y < bEnd; x++, y++)
            {
                if (x < aEnd && y < bEnd && Likeness(a[x], b[y]) is { } script) yield return Pair(a[x], b[y], Ref(prefix, x), Ref(prefix, y), script);
                else
                {
                    if (x < aEnd) yield return Removed(x);
                    if (y < bEnd) yield return Added(y);
                }
            }
        }

        private ParagraphDiff Removed(int x) =>
            new(ParagraphDiffKind.Removed, Ref(prefix, x), null, false, 0, [new Segment(SegmentKind.Deleted, a[x].Text)]);

        private ParagraphDiff Added(int y) =>
            new(ParagraphDiffKind.Added, null, Ref(prefix, y), false, 0, [new Segment(SegmentKind.Inserted, b[y].Text)]);
    }

    private static string Ref(string prefix, int index) => $"{prefix}{index + 1}";

    /// <summary>The word changes between two paragraphs when they are versions of one another (at least half their
    /// words common, and at most <see cref="MaxWordEdits"/> edits); otherwise null.</summary>
    private static EditScript? Likeness(Tokens a, Tokens b) =>
        MyersDiff.Compare(a.Ids, b.Ids, Math.Min(MaxWordEdits, (int)((1 - SameParagraph) * (a.Ids.Length + b.Ids.Length))));

    private static ParagraphDiff Pair(Tokens from, Tokens to, string fromRef, string toRef, EditScript script) =>
        new(script.Edits == 0 ? ParagraphDiffKind.Unchanged : ParagraphDiffKind.Changed, fromRef, toRef, fromRef != toRef,
            Math.Round(Similarity(from, to, script), 3), Segments(from, to, script));

    /// <summary>Twice the common words over all words: 1 for the same text, 0 for nothing in common.</summary>
    private static double Similarity(Tokens a, Tokens b, EditScript script)
    {
        var words = a.Ids.Length + b.Ids.Length;
        return words == 0 ? 1 : (double)(words - script.Edits) / words;
    }

    private static List<Segment> Segments(Tokens a, Tokens b, EditScript script)
    {
        var segments = new List<Segment>();
        var run = new StringBuilder();
        var kind = SegmentKind.Same;
        void Add(SegmentKind next, string text)
        {
            if (next != kind && run.Length > 0) { segments.Add(new Segment(kind, run.ToString())); run.Clear(); }
            kind = next;
            run.Append(text);
        }
        int i = 0, j = 0;
        while (i < a.Ids.Length || j < b.Ids.Length)
        {
            if (i < a.Ids.Length && script.Deleted[i]) Add(SegmentKind.Deleted, a.Spans[i++]);
            else if (j < b.Ids.Length && script.Inserted[j]) Add(SegmentKind.Inserted, b.Spans[j++]);
            else { Add(SegmentKind.Same, b.Spans[j++]); i++; }
        }
        if (run.Length > 0) segments.Add(new Segment(kind, run.ToString()));
        return segments;
    }

    private static List<Segment> ReplacedWhole(Tokens from, Tokens to) =>
        [.. new[] { new Segment(SegmentKind.Deleted, from.Text), new Segment(SegmentKind.Inserted, to.Text) }.Where(s => s.Text.Length > 0)];

    /// <summary>A text's words and punctuation marks, each as a number shared by equal words (for the diff) and
    /// with the space before it (so that the segments read as the text).</summary>
    private sealed record Tokens(string Text, int[] Ids, string[] Spans);

    private static Tokens Tokenize(string text, Dictionary<string, int> vocabulary)
    {
        var ids = new List<int>();
        var spans = new List<string>();
        // Trimmed: no token holds the spaces at the end, and the pattern would scan them again from each of their positions.
        foreach (var match in TokenPattern().EnumerateMatches(text.AsSpan().TrimEnd()))
        {
            var span = text.Substring(match.Index, match.Length);
            var word = span.TrimStart();
            ids.Add(vocabulary.TryGetValue(word, out var id) ? id : vocabulary[word] = vocabulary.Count);
            spans.Add(span);
        }
        return new Tokens(text, [.. ids], [.. spans]);
    }

    [GeneratedRegex(@"\s*(?:[\w’'-]+|[^\w\s])")] private static partial Regex TokenPattern();
}
