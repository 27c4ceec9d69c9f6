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
}
