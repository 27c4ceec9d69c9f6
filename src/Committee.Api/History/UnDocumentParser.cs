using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Committee.Delegations;
using Committee.Domain;
using Committee.Infrastructure;

namespace Committee.History;

/// <summary>
/// Reads a UN draft from its plain text (as extracted from the PDF): the heading (symbol, date, session, committee,
/// agenda item, sponsors, title), then "The General Assembly," and the preambular and numbered operative paragraphs.
/// Text extracted from a PDF breaks paragraphs at page ends and puts the page's footnotes between the halves: a
/// fragment that starts in lower case, or follows a paragraph that has not reached its closing punctuation, continues
/// that paragraph. Footnotes become notes; their markers are taken out of the text. Reading takes time in proportion
/// to the text's length, whatever it holds.
/// </summary>
public static partial class UnDocumentParser
{
    /// <summary>The longest text read, in characters: the limit of a request's body (a UN draft runs to tens of kilobytes).</summary>
    public const int MaxLength = (int)Web.MaxBodyBytes;

    /// <param name="text">The document's text.</param>
    /// <param name="isStateName">Tells whether a name is a State's, to split "Antigua and Barbuda and Zambia"
    /// correctly; without it the first " and " of the last name separates the last two sponsors.</param>
    public static DocumentReading Parse(string text, Func<string, bool>? isStateName = null)
    {
        if (text.Length > MaxLength)
            return new DocumentReading(null, [new("text", $"the text has {text.Length:N0} characters, more than the {MaxLength:N0} a document may have")]);
        var blocks = Blocks(text);
        var missing = new List<MissingPart>();
        var notes = new List<DocumentNote>();
        var opening = blocks.FindIndex(b => Opening().IsMatch(b));
        if (opening < 0)
            missing.Add(new("text", "the line \"The General Assembly,\" that opens the resolution's text was not found"));
        var heading = opening < 0 ? blocks : blocks[..opening];
        var body = opening < 0 ? [] : blocks[(opening + 1)..];

        foreach (var block in blocks)
            if (Footnote().Match(block) is { Success: true } note)
                notes.Add(new DocumentNote(MarkerNumber(note.Groups[1].Value), Clean(note.Groups[2].Value), null));

        var header = ReadHeading(heading.Where(b => !Footnote().IsMatch(b)).ToList(), missing);
        var (preamble, operative) = ReadParagraphs(body, missing);

        var sponsors = header.Sponsors is null ? [] : SplitSponsors(header.Sponsors, isStateName ?? (_ => false));
        notes = Referenced(notes, preamble, operative, sponsors);
        var printed = sponsors.Select(s => new PrintedSponsor(s.Name,
            s.Marker is null ? null : OnBehalfOf(notes.FirstOrDefault(n => n.Marker == s.Marker)?.Text))).ToList();

        if (missing.Count > 0) return new DocumentReading(null, missing);
        return new DocumentReading(new ParsedDocument(
            header.Symbol, header.Date!.Value, header.Session!.Value, header.Committee!, header.AgendaItem!, header.AgendaItemTitle!,
            header.Revised, header.Kind, Clean(header.Title!), printed,
            preamble.Select(p => Clean(p.Text)).ToList(), operative.Select(p => Clean(p.Text)).ToList(), notes), []);
    }

    private sealed record Heading(
        string? Symbol, DateOnly? Date, int? Session, string? Committee, string? AgendaItem, string? AgendaItemTitle,
        string? Sponsors, bool Revised, DraftKind Kind, string? Title);

    private static Heading ReadHeading(List<string> blocks, List<MissingPart> missing)
    {
        string? symbol = null, committee = null, agendaItem = null, agendaTitle = null, sponsors = null, title = null;
        DateOnly? date = null;
        int? session = null;
        var revised = false;
        var kind = DraftKind.DraftResolution;
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            var next = i + 1 < blocks.Count ? blocks[i + 1] : null;
            if (symbol is null && Symbol().IsMatch(block)) symbol = block.TrimEnd('*');
            // The date often shares its block with "Distr.: General" (no blank line between them).
            else if (date is null && !missing.Any(m => m.Field == "date") && DateLine().Match(block) is { Success: true } d)
            {
                date = DateOnly.TryParseExact(d.Groups[1].Value, "d MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
                if (date is null) missing.Add(new("date", NotADate(d.Groups[1].Value)));
            }
            else if (session is null && SessionLine().Match(block) is { Success: true } s)
            {
                session = SessionNumber(s.Groups[1].Value);
                if (session is null) missing.Add(new("session", $"\"{block}\" does not name a session number"));
            }
            else if (committee is null && CommitteeLine().IsMatch(block)) committee = block;
            else if (agendaItem is null && AgendaLine().Match(block) is { Success: true } a)
            {
                agendaItem = a.Groups[1].Value.Trim();
                if (next is not null && !SponsorLine().IsMatch(next)) agendaTitle = next;
            }
            else if (sponsors is null && SponsorLine().Match(block) is { Success: true } line)
            {
                sponsors = line.Groups["sponsors"].Value;
                revised = line.Groups["revised"].Success;
                kind = line.Groups["kind"].Value.Equals("decision", StringComparison.OrdinalIgnoreCase) ? DraftKind.DraftDecision : DraftKind.DraftResolution;
                title = next;
            }
        }
        if (date is null && !missing.Any(m => m.Field == "date"))
            missing.Add(new("date", "the date of issue (e.g. \"10 November 2009\") was not found"));
        if (session is null && !missing.Any(m => m.Field == "session"))
            missing.Add(new("session", "the session (e.g. \"Sixty-fourth session\") was not found"));
        if (committee is null) missing.Add(new("committee", "the committee (e.g. \"Third Committee\") was not found"));
        if (agendaItem is null) missing.Add(new("agendaItem", "the agenda item (e.g. \"Agenda item 104\") was not found"));
        else if (agendaTitle is null) missing.Add(new("agendaItemTitle", $"the title of agenda item {agendaItem} was not found on the line after it"));
        if (sponsors is null)
            missing.Add(new("sponsors", "the line naming the sponsors (\"Belarus, …: draft resolution\") was not found"));
        else if (title is null) missing.Add(new("title", "the title was not found on the line after the sponsors"));
        return new Heading(symbol, date, session, committee, agendaItem, agendaTitle, sponsors, revised, kind, title);
    }

    /// <summary>"31 February 2009": why the calendar has no such day.</summary>
    private static string NotADate(string written)
    {
        var monthAndYear = written[(written.IndexOf(' ') + 1)..];
        return DateOnly.TryParseExact(monthAndYear, "MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? $"\"{written}\" is not a date: {monthAndYear} has {DateTime.DaysInMonth(month.Year, month.Month)} days"
            : $"\"{written}\" is not a date: the calendar has no year {monthAndYear[^4..]}";
    }

    /// <summary>A paragraph as its blocks come, joined once at the end (joining at each block would copy the text again each time).</summary>
    private sealed class Paragraph(string first, int? number)
    {
        private readonly StringBuilder _text = new(first);
        public int? Number { get; } = number;
        public bool Complete { get; private set; } = Closes(first) ?? false;

        public void Continue(string block)
        {
            _text.Append(' ').Append(block);
            Complete = Closes(block) ?? Complete;
        }

        public string Text => _text.ToString();
    }

    private static (List<Paragraph> Preamble, List<Paragraph> Operative) ReadParagraphs(List<string> body, List<MissingPart> missing)
    {
        var preamble = new List<Paragraph>();
        var operative = new List<Paragraph>();
        Paragraph? current = null;
        foreach (var block in body)
        {
            if (Footnote().IsMatch(block) || PageFurniture().IsMatch(block) || Symbol().IsMatch(block)) continue;
            var numbered = Numbered().Match(block);
            // In the operative part an unnumbered block (a page's second half, a subparagraph "(a) …") belongs to the paragraph.
            var continues = current is not null && !numbered.Success
                && (operative.Count > 0 || char.IsLower(block[0]) || !current.Complete);
            if (continues) { current!.Continue(block); continue; }
            current = numbered.Success ? new Paragraph(numbered.Groups[2].Value, int.Parse(numbered.Groups[1].Value)) : new Paragraph(block, null);
            (numbered.Success ? operative : preamble).Add(current);
        }
        if (body.Count > 0 && operative.Count == 0)
            missing.Add(new("operative", "no numbered operative paragraph (\"1. …\") was found"));
        for (var i = 0; i < operative.Count; i++)
            if (operative[i].Number != i + 1)
            {
                missing.Add(new("operative", $"operative paragraph {i + 1} was not found: paragraph {operative[i].Number} follows {i}"));
                break;
            }
        return (preamble, operative);
    }

    /// <summary>Whether a block closes its paragraph: a preambular paragraph closes with a comma (a semicolon or colon
    /// when it lists), before any footnote markers, stars, quotes and brackets; null for a block of footnote markers alone.</summary>
    private static bool? Closes(string block)
    {
        var end = block.Length;
        while (end > 0 && (char.IsWhiteSpace(block[end - 1]) || SuperscriptDigits.Contains(block[end - 1]))) end--;
        if (end == 0) return null;
        while (end > 0 && (SuperscriptDigits.Contains(block[end - 1]) || block[end - 1] is '*' or '”' or '"' or ')')) end--;
        return end > 0 && block[end - 1] is ',' or ';' or ':' or '.';
    }

    private sealed record NamedSponsor(string Name, string? Marker);

    private static List<NamedSponsor> SplitSponsors(string line, Func<string, bool> isStateName)
    {
        var parts = line.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        var last = parts[^1];
        parts.RemoveAt(parts.Count - 1);
        parts.AddRange(SplitLastPair(last, isStateName));
        return parts.Select(p => Marked(p) is (var name, { } marker) ? new NamedSponsor(name.Trim(), MarkerNumber(marker)) : new NamedSponsor(p, null)).ToList();
    }

    /// <summary>"Zambia*" is Zambia marked "*", "Zambia¹" Zambia marked "¹" (the trailing run of either).</summary>
    private static (string Name, string? Marker) Marked(string sponsor)
    {
        var name = sponsor.TrimEnd('*');
        if (name.Length == sponsor.Length) name = sponsor.TrimEnd(SuperscriptDigits.ToCharArray());
        return (name, name.Length == sponsor.Length ? null : sponsor[name.Length..]);
    }

    /// <summary>No State's name is longer (the longest, "United Kingdom of Great Britain and Northern Ireland", has 52
    /// characters): a longer part of a sponsor list is not looked up as a pair of names.</summary>
    private const int LongestStateName = 100;

    /// <summary>"Uzbekistan and Zambia*", but "Trinidad and Tobago" alone, and "Antigua and Barbuda and Zambia".</summary>
    private static IEnumerable<string> SplitLastPair(string last, Func<string, bool> isStateName)
    {
        var first = last.IndexOf(" and ", StringComparison.Ordinal);
        if (first < 0 || isStateName(Marked(last).Name.Trim())) return [last];
        var known = AllIndexesOf(last, " and ")
            .Where(i => i <= LongestStateName && last.Length - i - 5 <= LongestStateName)
            .Select(i => (Left: last[..i].Trim(), Right: last[(i + 5)..].Trim()))
            .FirstOrDefault(s => isStateName(s.Left) && isStateName(Marked(s.Right).Name.Trim()));
        return known.Left is null ? [last[..first].Trim(), last[(first + 5)..].Trim()] : [known.Left, known.Right];
    }

    private static IEnumerable<int> AllIndexesOf(string text, string value)
    {
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + 1, StringComparison.Ordinal))
            yield return i;
    }

    /// <summary>"On behalf of the States Members … of the African Group." names the group the sponsor acts for.</summary>
    private static string? OnBehalfOf(string? note)
    {
        if (note is null || OnBehalf().Match(note) is not { Success: true } m) return null;
        var phrase = m.Groups[1].Value.TrimEnd('.').Trim();
        return Groups.Find(phrase)?.Name ?? phrase;
    }

    /// <summary>Each note learns where its marker stands: in a paragraph ("PP4", "OP2") or on the sponsor list.</summary>
    private static List<DocumentNote> Referenced(List<DocumentNote> notes, List<Paragraph> preamble, List<Paragraph> operative, List<NamedSponsor> sponsors)
    {
        var where = new Dictionary<string, string>();
        foreach (var s in sponsors.Where(s => s.Marker is not null)) where.TryAdd(s.Marker!, "sponsors");
        void Scan(List<Paragraph> part, string prefix)
        {
            for (var i = 0; i < part.Count; i++)
                foreach (Match m in Superscripts().Matches(part[i].Text)) where.TryAdd(MarkerNumber(m.Value), $"{prefix}{i + 1}");
        }
        Scan(preamble, "PP");
        Scan(operative, "OP");
        return notes.Select(n => n with { Reference = where.GetValueOrDefault(n.Marker) }).ToList();
    }

    /// <summary>The paragraph as it reads: footnote markers and italic marks removed, spaces single.</summary>
    private static string Clean(string text) =>
        Spaces().Replace(Italics().Replace(Superscripts().Replace(text, ""), "$1"), " ").Trim();

    private static string MarkerNumber(string marker) =>
        marker.All(c => c == '*') ? marker : new string(marker.Select(c => (char)('0' + SuperscriptDigits.IndexOf(c))).ToArray());

    private const string SuperscriptDigits = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>Blocks of text between blank lines (a page break, form feed, counts as one), lines joined.</summary>
    private static List<string> Blocks(string text) =>
        BlankLines().Split(text.Replace("\r\n", "\n").Replace('\r', '\n').Replace('\f', '\n'))
            .Select(b => Spaces().Replace(b.Replace('\n', ' '), " ").Trim())
            .Where(b => b.Length > 0).ToList();

    /// <summary>"Sixty-fourth" is 64; "64th" too.</summary>
    public static int? SessionNumber(string words)
    {
        var w = words.Trim().ToLowerInvariant();
        if (OrdinalDigits().Match(w) is { Success: true } d) return int.Parse(d.Groups[1].Value);
        var parts = w.Split(['-', ' '], StringSplitOptions.RemoveEmptyEntries);
        return parts switch
        {
            [var one] => Ordinals.TryGetValue(one, out var n) ? n : null,
            [var tens, var unit] when Tens.TryGetValue(tens, out var t) && Ordinals.TryGetValue(unit, out var u) && u < 10 => t + u,
            _ => null,
        };
    }

    private static readonly Dictionary<string, int> Ordinals = new()
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["thirteenth"] = 13,
        ["fourteenth"] = 14, ["fifteenth"] = 15, ["sixteenth"] = 16, ["seventeenth"] = 17, ["eighteenth"] = 18,
        ["nineteenth"] = 19, ["twentieth"] = 20, ["thirtieth"] = 30, ["fortieth"] = 40, ["fiftieth"] = 50,
        ["sixtieth"] = 60, ["seventieth"] = 70, ["eightieth"] = 80, ["ninetieth"] = 90, ["hundredth"] = 100,
    };

    private static readonly Dictionary<string, int> Tens = new()
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
    };

    [GeneratedRegex(@"\n[ \t]*\n\s*")] private static partial Regex BlankLines();
    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    [GeneratedRegex(@"^The General Assembly\s*,?$")] private static partial Regex Opening();
    [GeneratedRegex(@"^A/(C\.[0-9]/)?[0-9]{1,3}/L\.[0-9]{1,4}(/Rev\.[0-9]{1,2})?(/Corr\.[0-9]{1,2})?\*?$")] private static partial Regex Symbol();
    [GeneratedRegex(@"(?:^|\s)([0-9]{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) [0-9]{4})$")] private static partial Regex DateLine();
    [GeneratedRegex(@"^(.+?) session$", RegexOptions.IgnoreCase)] private static partial Regex SessionLine();
    [GeneratedRegex(@"^([0-9]{1,3})(st|nd|rd|th)$")] private static partial Regex OrdinalDigits();
    [GeneratedRegex(@"^(First|Second|Third|Fourth|Fifth|Sixth) Committee$")] private static partial Regex CommitteeLine();
    [GeneratedRegex(@"^Agenda items? (.+)$")] private static partial Regex AgendaLine();
    [GeneratedRegex(@"^(?<sponsors>.+?):\s*(?<revised>revised )?draft (?<kind>resolution|decision)$", RegexOptions.IgnoreCase)] private static partial Regex SponsorLine();
    [GeneratedRegex(@"^([¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*+)\s+(.+)$")] private static partial Regex Footnote();
    [GeneratedRegex(@"^([0-9]{1,3})\.\s+(.+)$")] private static partial Regex Numbered();
    [GeneratedRegex(@"^(\d{1,3}|\d{1,3}/\d{1,3}|\d{2}-\d{5}.*)$")] private static partial Regex PageFurniture();
    [GeneratedRegex(@"[¹²³⁴⁵⁶⁷⁸⁹⁰]+")] private static partial Regex Superscripts();
    [GeneratedRegex(@"\*(\S(?:[^*]*\S)?)\*")] private static partial Regex Italics();
    [GeneratedRegex(@"^On behalf of (.+)$", RegexOptions.IgnoreCase)] private static partial Regex OnBehalf();
}
