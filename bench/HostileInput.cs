#:project ../src/Committee.Api/Committee.Api.csproj
#:property Configuration=Release
// The text diff and the document parser on hostile input: time and bytes allocated, one case per run.
//   dotnet run bench/HostileInput.cs -- CASE [SIZE]
// CASE: draft-200kb | paragraphs-6000 | draft-2000 | repetitive | parse-and SIZE | parse-stars SIZE (SIZE in KiB, default 1024).
// Results: docs/performance.md, "Diff and parser on hostile input".
using System.Diagnostics;
using System.Text;
using Committee.History;

var which = args.ElementAtOrDefault(0) ?? "draft-200kb";
var kib = int.Parse(args.ElementAtOrDefault(1) ?? "1024");
var random = new Random(2009);
var vocabulary = File.ReadAllText(Path.Combine(Repository(), "..", "shared", "data", "documents", "trafficking-in-persons-64-rev1.txt"))
    .Split((char[])[' ', '\n', '\r', '\f'], StringSplitOptions.RemoveEmptyEntries).Distinct().ToArray();

string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)]));

// A revision as a negotiation makes one: every 7th paragraph with a few words changed, a paragraph inserted every 150, one removed every 200.
List<string> Revise(IReadOnlyList<string> paragraphs)
{
    var revised = new List<string>();
    for (var i = 0; i < paragraphs.Count; i++)
    {
        if (i % 200 == 199) continue;
        if (i % 150 == 0) revised.Add(Words(30));
        var words = paragraphs[i].Split(' ');
        if (i % 7 == 3) for (var w = 0; w < words.Length; w += 9) words[w] = vocabulary[random.Next(vocabulary.Length)];
        revised.Add(string.Join(' ', words));
    }
    return revised;
}

// Twice: the first run includes compiling the code (JIT) and building the patterns, the second is a warm server's.
void Measure(string name, Func<string> run)
{
    foreach (var round in new[] { "first", "second" }) MeasureOnce($"{name} ({round} run)", run);
}

void MeasureOnce(string name, Func<string> run)
{
    var allocated = GC.GetTotalAllocatedBytes(precise: true);
    var clock = Stopwatch.StartNew();
    var outcome = run();
    clock.Stop();
    var bytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
    Console.WriteLine($"{name}: {clock.Elapsed.TotalMilliseconds:0} ms, {bytes / 1048576.0:0.0} MiB allocated; {outcome}");
}

string Diff(DraftText from, DraftText to)
{
    var summary = TextDiff.Compare(from, to).Summary;
    return $"{summary.Unchanged} unchanged, {summary.Changed} changed, {summary.Added} added, {summary.Removed} removed";
}

string Parse(string text)
{
    var reading = UnDocumentParser.Parse(text, _ => false);
    return reading.Document is { } d ? $"read: {d.Sponsors.Count} sponsors, {d.Preamble.Count} + {d.Operative.Count} paragraphs"
        : "refused: " + string.Join("; ", reading.Missing.Select(m => $"{m.Field}: {Shorten(m.Reason)}"));
}

string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;

var example = File.ReadAllText(Path.Combine(Repository(), "..", "shared", "data", "documents", "trafficking-in-persons-64-rev1.txt"));
string Repeat(string unit, int bytes) => new StringBuilder(bytes + unit.Length).Insert(0, unit, bytes / unit.Length).ToString();

switch (which)
{
    case "draft-200kb":
    {
        var paragraphs = Enumerable.Range(0, 1000).Select(_ => Words(30)).ToList(); // about 200 characters each
        var old = new DraftText("A draft of 200 KB", [], paragraphs);
        var revised = old with { Operative = Revise(paragraphs) };
        Measure($"draft of {paragraphs.Sum(p => p.Length) / 1024} KB, 1,000 paragraphs", () => Diff(old, revised));
        break;
    }
    case "draft-2000":
    {
        var paragraphs = Enumerable.Range(0, 2000).Select(_ => Words(15)).ToList();
        var old = new DraftText("A draft of 2,000 paragraphs", [], paragraphs);
        var revised = old with { Operative = Revise(paragraphs) };
        Measure($"draft of 2,000 paragraphs ({paragraphs.Sum(p => p.Length) / 1024} KB)", () => Diff(old, revised));
        break;
    }
    case "paragraphs-6000":
    {
        var old = new DraftText("Two paragraphs", [], [Words(6000)]);
        var unrelated = old with { Operative = [Words(6000)] };
        Measure("two unrelated paragraphs of 6,000 words", () => Diff(old, unrelated));
        var own = old.Operative[0].Split(' ');
        for (var w = 0; w < own.Length; w += 20) own[w] = "changed";
        Measure("a 6,000-word paragraph with every 20th word changed", () => Diff(old, old with { Operative = [string.Join(' ', own)] }));
        break;
    }
    case "repetitive":
    {
        // The diff's worst case: long runs of one word on both sides, so that every diagonal has a long snake.
        var old = new DraftText("Repetition", [], [Repeat("a ", 500 * 1024).Trim()]);
        Measure("a paragraph of 256 Ki words \"a\" against 128 Ki \"a b\"", () => Diff(old, old with { Operative = [Repeat("a b ", 500 * 1024).Trim()] }));
        break;
    }
    case "parse-and":
        Measure($"parser, {kib} KiB of \"A and \" as the sponsors", () => Parse(example.Replace("Uzbekistan and Zambia*", Repeat("A and ", kib * 1024) + "A")));
        break;
    case "parse-stars":
        Measure($"parser, {kib} KiB of * after a sponsor", () => Parse(example.Replace("Zambia*", "Zambia" + Repeat("*", kib * 1024) + "x")));
        Measure($"parser, {kib} KiB of * in a paragraph", () => Parse(example.Replace("Recalling its resolution", "Recalling " + Repeat("*", kib * 1024) + "x its resolution")));
        Measure($"parser, {kib} KiB of * as the whole text", () => Parse(Repeat("*", kib * 1024)));
        break;
    default:
        throw new ArgumentException($"unknown case {which}");
}

static string Repository([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(Path.GetDirectoryName(path))!;
