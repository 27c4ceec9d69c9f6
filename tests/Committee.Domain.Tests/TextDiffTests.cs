using Committee.Domain.Tests.Support;
using Committee.History;

namespace Committee.Domain.Tests;

public class TextDiffTests
{
    private static readonly DraftText Original = new("Improving the coordination of efforts against trafficking in persons",
        ["Recalling its resolution 63/194 of 18 December 2008,", "Welcoming the Human Rights Council resolution of 12 June 2009,"],
        ["Urges Member States to ratify the Convention;", "Calls upon Governments to criminalize trafficking in persons;", "Requests the Secretary-General to submit a report."]);

    private static string Read(IEnumerable<Segment> words, SegmentKind skipped) => string.Concat(words.Where(s => s.Kind != skipped).Select(s => s.Text));

    [Fact]
    public void The_same_text_is_unchanged_throughout()
    {
        var comparison = TextDiff.Compare(Original, Original);
        Assert.Equal(new DiffSummary(5, 0, 0, 0, 0), comparison.Summary);
        Assert.Equal(ParagraphDiffKind.Unchanged, comparison.Title.Change);
    }

    [Fact]
    public void Words_inserted_and_deleted_within_a_paragraph_rebuild_both_texts()
    {
        const string before = "Calls upon Governments to criminalize trafficking in persons;";
        const string after = "Calls upon all Governments to continue their efforts to criminalize trafficking in persons in all its forms;";
        var words = TextDiff.WordChanges(before, after);
        Assert.Equal(before, Read(words, SegmentKind.Inserted));
        Assert.Equal(after, Read(words, SegmentKind.Deleted));
        Assert.DoesNotContain(words, w => w.Kind == SegmentKind.Deleted);
        Assert.Equal(3, words.Count(w => w.Kind == SegmentKind.Inserted));
        Assert.Equal(9, words.Where(w => w.Kind == SegmentKind.Inserted).Sum(w => w.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length));
    }

    [Fact]
    public void A_paragraph_inserted_before_OP2_renumbers_the_paragraphs_after_it()
    {
        var revised = Original with { Operative = [Original.Operative[0], "Invites Member States to share best practices;", .. Original.Operative.Skip(1)] };
        var comparison = TextDiff.Compare(Original, revised);
        var operative = comparison.Paragraphs.Where(p => (p.From ?? p.To)!.StartsWith("OP")).ToList();
        Assert.Equal([("OP1", "OP1", ParagraphDiffKind.Unchanged), (null, "OP2", ParagraphDiffKind.Added), ("OP2", "OP3", ParagraphDiffKind.Unchanged), ("OP3", "OP4", ParagraphDiffKind.Unchanged)],
            operative.Select(p => (p.From, p.To, p.Change)));
        Assert.Equal(2, comparison.Summary.Renumbered);
        Assert.True(operative[2].Renumbered);
    }

    [Fact]
    public void A_deleted_paragraph_is_removed_and_a_rewritten_one_changed()
    {
        var revised = Original with
        {
            Preamble = [Original.Preamble[1]],
            Operative = ["Urges Member States that have not yet done so to ratify the Convention;", .. Original.Operative.Skip(1)],
        };
        var comparison = TextDiff.Compare(Original, revised);
        Assert.Equal(("PP1", (string?)null, ParagraphDiffKind.Removed), (comparison.Paragraphs[0].From, comparison.Paragraphs[0].To, comparison.Paragraphs[0].Change));
        Assert.Equal(("PP2", "PP1", ParagraphDiffKind.Unchanged), (comparison.Paragraphs[1].From, comparison.Paragraphs[1].To, comparison.Paragraphs[1].Change));
        var op1 = comparison.Paragraphs.Single(p => p.To == "OP1");
        Assert.Equal(ParagraphDiffKind.Changed, op1.Change);
        Assert.Equal(" that have not yet done so", string.Concat(op1.Words.Where(w => w.Kind == SegmentKind.Inserted).Select(w => w.Text)));
        Assert.Equal(new DiffSummary(3, 1, 0, 1, 1), comparison.Summary);
    }

    [Fact]
    public void A_paragraph_replaced_by_a_different_one_is_removed_and_added_not_paired()
    {
        var revised = Original with { Operative = [Original.Operative[0], "Decides to remain seized of the matter.", Original.Operative[2]] };
        var comparison = TextDiff.Compare(Original, revised);
        Assert.Contains(comparison.Paragraphs, p => p is { Change: ParagraphDiffKind.Removed, From: "OP2" });
        Assert.Contains(comparison.Paragraphs, p => p is { Change: ParagraphDiffKind.Added, To: "OP2" });
    }

    [Fact]
    public void The_2009_revision_against_an_earlier_text_of_it()
    {
        var rev1 = UnDocumentParser.Parse(SharedData.DocumentText("trafficking-in-persons-64-rev1.txt")).Document!;
        var text = new DraftText(rev1.Title, rev1.Preamble, rev1.Operative);
        // An earlier text as an original might have read: without OP7, and OP4 without its second half.
        var earlier = text with
        {
            Operative = [.. rev1.Operative.Take(3), rev1.Operative[3][..rev1.Operative[3].IndexOf(", while providing", StringComparison.Ordinal)] + ";", .. rev1.Operative.Skip(4).Take(2), .. rev1.Operative.Skip(7)],
        };
        var comparison = TextDiff.Compare(earlier, text);
        Assert.Equal(new DiffSummary(29, 1, 1, 0, 4), comparison.Summary);
        Assert.Equal("OP7", comparison.Paragraphs.Single(p => p.Change == ParagraphDiffKind.Added).To);
        var op4 = comparison.Paragraphs.Single(p => p.Change == ParagraphDiffKind.Changed);
        Assert.Equal(("OP4", "OP4"), (op4.From, op4.To));
        Assert.StartsWith(", while providing protection", string.Concat(op4.Words.Where(w => w.Kind == SegmentKind.Inserted).Select(w => w.Text)));
        Assert.Equal(["OP7", "OP8", "OP9", "OP10"], comparison.Paragraphs.Where(p => p.Renumbered).Select(p => p.From));
    }

    /// <summary>The reference: the fewest edits by the textbook dynamic programme, N + M - 2 LCS.</summary>
    private static int FewestEdits(int[] a, int[] b)
    {
        var lcs = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
            for (var j = b.Length - 1; j >= 0; j--)
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
        return a.Length + b.Length - 2 * lcs[0, 0];
    }

    [Fact]
    public void Myers_finds_the_fewest_edits_and_a_script_that_keeps_the_common_elements_in_order()
    {
        var random = new Random(1986);
        for (var run = 0; run < 3000; run++)
        {
            var alphabet = random.Next(1, 6);
            var a = Enumerable.Range(0, random.Next(0, 25)).Select(_ => random.Next(alphabet)).ToArray();
            var b = Enumerable.Range(0, random.Next(0, 25)).Select(_ => random.Next(alphabet)).ToArray();
            var fewest = FewestEdits(a, b);
            var script = MyersDiff.Compare(a, b, maxEdits: 100)!;
            var case_ = $"a = [{string.Join(",", a)}], b = [{string.Join(",", b)}]";
            Assert.True(fewest == script.Edits, $"{case_}: {script.Edits} edits, fewest {fewest}");
            Assert.True(a.Where((_, i) => !script.Deleted[i]).SequenceEqual(b.Where((_, j) => !script.Inserted[j])), case_);
            Assert.Null(MyersDiff.Compare(a, b, maxEdits: fewest - 1));
            Assert.Equal(fewest, MyersDiff.Compare(a, b, maxEdits: fewest)!.Edits);
        }
    }

    [Fact]
    public void Random_word_changes_rebuild_both_texts()
    {
        var random = new Random(2009);
        string[] words = ["the", "General", "Assembly", ",", "urges", "States", "to", "ratify", ";", "persons"];
        string Text() => string.Join(" ", Enumerable.Range(0, random.Next(0, 30)).Select(_ => words[random.Next(words.Length)]));
        for (var run = 0; run < 500; run++)
        {
            var (before, after) = (Text(), Text());
            var changes = TextDiff.WordChanges(before, after);
            // Common words carry the new text's spacing: the old text reads back word for word, not space for space.
            Assert.Equal(before.Replace(" ", ""), Read(changes, SegmentKind.Inserted).Replace(" ", ""));
            Assert.Equal(after, Read(changes, SegmentKind.Deleted));
            Assert.All(changes.Zip(changes.Skip(1)), pair => Assert.NotEqual(pair.First.Kind, pair.Second.Kind));
        }
    }

    private static readonly Random Words = new(64);
    private static readonly string[] Vocabulary = Original.Preamble.Concat(Original.Operative).SelectMany(p => p.Split(' ')).Distinct().ToArray();
    private static string Paragraph(int words) => string.Join(" ", Enumerable.Range(0, words).Select(_ => Vocabulary[Words.Next(Vocabulary.Length)]));

    [Fact]
    public void Two_unrelated_paragraphs_of_6000_words_are_one_removed_and_one_added()
    {
        var before = Original with { Operative = [string.Join(" ", Enumerable.Range(0, 6000).Select(i => $"w{i}"))] };
        var after = Original with { Operative = [string.Join(" ", Enumerable.Range(0, 6000).Select(i => $"v{i}"))] };
        var comparison = TextDiff.Compare(before, after);
        Assert.Equal([ParagraphDiffKind.Removed, ParagraphDiffKind.Added], comparison.Paragraphs.Skip(2).Select(p => p.Change));
        Assert.Equal(after.Operative[0], comparison.Paragraphs[^1].Words.Single().Text);
    }

    [Fact]
    public void A_6000_word_paragraph_with_every_20th_word_changed_is_compared_word_by_word()
    {
        var before = Paragraph(6000);
        var words = before.Split(' ');
        for (var w = 0; w < words.Length; w += 20) words[w] = "changed";
        var after = string.Join(" ", words);
        var op1 = TextDiff.Compare(Original with { Operative = [before] }, Original with { Operative = [after] }).Paragraphs[^1];
        Assert.Equal(ParagraphDiffKind.Changed, op1.Change);
        Assert.Equal(before, Read(op1.Words, SegmentKind.Inserted));
        Assert.Equal(after, Read(op1.Words, SegmentKind.Deleted));
        Assert.InRange(op1.Similarity, 0.9, 0.96);
    }

    [Fact]
    public void A_revision_of_a_2000_paragraph_draft_pairs_each_paragraph()
    {
        var paragraphs = Enumerable.Range(0, 2000).Select(_ => Paragraph(15)).ToList();
        var revised = new List<string>();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i % 100 == 50) revised.Add("Decides to remain seized of the matter.");  // 20 added
            if (i % 100 == 99) continue;                                                // 20 removed
            revised.Add(i % 10 == 3 ? paragraphs[i] + " and welcomes it" : paragraphs[i]); // 200 changed
        }
        var comparison = TextDiff.Compare(Original with { Operative = paragraphs }, Original with { Operative = revised });
        Assert.Equal((200, 20, 20), (comparison.Summary.Changed, comparison.Summary.Added, comparison.Summary.Removed));
        Assert.Equal(2 + 2000 - 20 - 200, comparison.Summary.Unchanged);
        Assert.Empty(comparison.Notes);
        Assert.Equal(("OP1994", "OP1995"), comparison.Paragraphs.Where(p => p.Change == ParagraphDiffKind.Changed).Select(p => (p.From, p.To)).Last());
    }

    [Fact]
    public void Past_the_limits_paragraphs_are_paired_in_order_and_a_title_replaced_whole_and_the_notes_say_so()
    {
        var many = Enumerable.Range(0, 60).Select(_ => Paragraph(12)).ToList();
        var everyOneChanged = TextDiff.Compare(Original with { Operative = many }, Original with { Operative = many.Select(p => "Also " + p).ToList() });
        Assert.Equal(60, everyOneChanged.Summary.Changed);
        Assert.Equal("OP1–OP60 against OP1–OP60: 60 paragraphs removed and 60 added together, more than 2500 pairs to weigh, so paired in order",
            Assert.Single(everyOneChanged.Notes));

        var thousands = Enumerable.Range(0, 1200).Select(i => $"Paragraph {i} as first written.").ToList();
        var rewritten = TextDiff.Compare(Original with { Preamble = thousands }, Original with { Preamble = thousands.Select(p => p.Replace("first", "last")).ToList() });
        Assert.Equal(1200, rewritten.Summary.Changed);
        Assert.Contains("the preamble: more than 1000 paragraphs added and removed, so its paragraphs are paired in order", rewritten.Notes);

        var longTitle = TextDiff.Compare(Original with { Title = string.Join(" ", Enumerable.Range(0, 600).Select(i => $"w{i}")) },
            Original with { Title = string.Join(" ", Enumerable.Range(0, 600).Select(i => $"v{i}")) });
        Assert.Equal([SegmentKind.Deleted, SegmentKind.Inserted], longTitle.Title.Words.Select(w => w.Kind));
        Assert.Equal("the title: more than 1000 words differ, so it is shown replaced whole rather than word by word", Assert.Single(longTitle.Notes));
    }
}
