using System.Globalization;
using System.Text.RegularExpressions;
using Committee.Domain;

namespace Committee.Imports;

/// <summary>Where a document stands in its draft's chain: the L document itself, a revision replacing it, or an
/// addendum to a note.</summary>
public enum ChainPlace { Original, Revision, Addendum }

/// <summary>One row of the UN Digital Library's metadata for an A/C.3/…/L. document (shared/data/undl, PROCEDURE §6.1),
/// read as Committee needs it. Lists of names stay as the library wrote them: <see cref="UndlNames"/> reads them.</summary>
public sealed partial record UndlDocument(
    string UndlId, string Symbol, string Original, ChainPlace Place, int Number, int Revision, DraftKind Kind, string? Concerns,
    int Session, DateOnly Date, string Title,
    string? PrintedSponsors, string? SubmittedBy,
    string? AdditionalSponsors, string? AdditionalRecordedIn, string? OriginalSponsorsNoted, string? RemovedFromSponsors, string? RemovedRecordedIn,
    IReadOnlyList<string> LibraryNotes, string AgendaItem, string AgendaSymbol, string? Resolution, string? CommitteeReport,
    string? AgendaItemTitle = null, IReadOnlyList<string>? Related = null)
{
    /// <summary>Reads a row by the file's column names (a MARCXML record read into the same names by <see cref="UndlMarc"/>); a row that is not a Third Committee L document of a known
    /// type is refused with the reason (the importer reports it and goes on).</summary>
    public static UndlDocument Read(IReadOnlyDictionary<string, string> row)
    {
        string Column(string name) => row.TryGetValue(name, out var value) ? value.Trim() : throw new FormatException($"the file has no column '{name}'");
        var symbol = Column("symbol");
        var parts = SymbolPattern().Match(symbol);
        if (!parts.Success) throw new FormatException($"'{symbol}' is not a Third Committee L document symbol");
        var place = parts.Groups["form"].Value switch { "Rev" => ChainPlace.Revision, "Add" => ChainPlace.Addendum, _ => ChainPlace.Original };
        if (!DateOnly.TryParseExact(Column("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            throw new FormatException($"'{Column("date")}' is not a date (yyyy-MM-dd)");

        var title = TitlePattern().Match(Column("title"));
        if (!title.Success) throw new FormatException($"the title does not end in a document type Committee knows: '{Column("title")}'");
        var type = title.Groups["type"].Value;
        var kind = type switch
        {
            _ when type.StartsWith("amendment", StringComparison.Ordinal) => DraftKind.Amendment,
            _ when type.StartsWith("programme budget implications", StringComparison.Ordinal) => DraftKind.BudgetStatement,
            "draft decision" => DraftKind.DraftDecision,
            "note" or "note : addendum" => DraftKind.Note,
            _ => DraftKind.DraftResolution,
        };
        var expected = type switch { "revised draft resolution" => ChainPlace.Revision, "note : addendum" => ChainPlace.Addendum, _ => ChainPlace.Original };
        if (expected != place) throw new FormatException($"the symbol {symbol} does not fit the document type '{type}'");

        var sponsors = Column("sponsors_245c");
        var submittedBy = sponsors.StartsWith("by ", StringComparison.Ordinal) || sponsors.StartsWith("submitted by ", StringComparison.Ordinal);
        var field515 = Read515(Column("additional_sponsors_515"), Column("committee_report"));
        return new UndlDocument(
            Column("undl_id"), symbol, parts.Groups["original"].Value, place, int.Parse(parts.Groups["number"].Value, CultureInfo.InvariantCulture),
            parts.Groups["n"].Success ? int.Parse(parts.Groups["n"].Value, CultureInfo.InvariantCulture) : 0,
            kind, title.Groups["target"].Success ? title.Groups["target"].Value : null,
            int.Parse(parts.Groups["session"].Value, CultureInfo.InvariantCulture), date, title.Groups["title"].Value.Trim(),
            submittedBy || sponsors.Length == 0 ? null : sponsors, submittedBy ? sponsors : null,
            field515.Additional, field515.RecordedIn, field515.Original, field515.Removed, field515.RemovedIn, field515.Notes,
            AgendaItems(Column("agenda_item")), string.Join(", ", Column("agenda_symbol").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct()),
            NullIfEmpty(Column("resolution")), NullIfEmpty(Column("committee_report")),
            // The agenda item's title is in MARC's 991$c only; other related documents (993) in either, when there are any.
            row.TryGetValue(UndlMarc.AgendaTitle, out var agendaTitle) ? NullIfEmpty(agendaTitle.Trim()) : null,
            row.TryGetValue("other_993", out var related) ? related.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : []);
    }

    private sealed record Field515(string? Additional, string? RecordedIn, string? Original, string? Removed, string? RemovedIn, IReadOnlyList<string> Notes);

    /// <summary>MARC 515 joins statements with " - ": "Additional sponsors: A, B and C (A/78/482)", "X and Y are original
    /// sponsors of the draft resolution (…)", "X was removed from the list of sponsors …", or an outcome such as "The
    /// amendment was rejected by the Committee (…)". Each statement other than the list is kept as a note.</summary>
    private static Field515 Read515(string text, string committeeReport)
    {
        string? additional = null, recordedIn = null, original = null, removed = null, removedIn = null;
        var notes = new List<string>();
        var lastDocument = Documents().Matches(text).LastOrDefault()?.Groups[1].Value;
        foreach (var statement in text.Split(" - ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (statement.StartsWith("Additional sponsors:", StringComparison.Ordinal))
            {
                var list = TrailingDocument().Match(statement["Additional sponsors:".Length..]);
                additional = list.Groups["list"].Value.Trim().TrimEnd('.');
                // The list's own reference, else the note's, else the committee report the record links to.
                recordedIn = list.Groups["doc"].Success ? list.Groups["doc"].Value : lastDocument ?? NullIfEmpty(committeeReport);
                continue;
            }
            notes.Add(statement);
            if (OriginalSponsors().Match(statement) is { Success: true } named) original = named.Groups["names"].Value;
            else if (Removed().Match(statement) is { Success: true } gone)
                (removed, removedIn) = (gone.Groups["names"].Value, Documents().Matches(statement).LastOrDefault()?.Groups[1].Value);
        }
        return new Field515(additional, recordedIn, original, removed, removedIn, notes);
    }

    /// <summary>"71b[31]" is item 71 (b) (the bracket numbers a sub-topic); "71b;71b[31]" is one item twice; "[900]" is
    /// no item.</summary>
    private static string AgendaItems(string field) =>
        string.Join(", ", field.Split(';', StringSplitOptions.TrimEntries)
            .Select(i => AgendaCode().Match(i))
            .Where(m => m.Success)
            .Select(m => m.Groups[2].Length > 0 ? $"{m.Groups[1].Value} ({m.Groups[2].Value})" : m.Groups[1].Value)
            .Distinct());

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    [GeneratedRegex(@"^(?<original>A/C\.3/(?<session>[1-9][0-9]{0,2})/L\.(?<number>[1-9][0-9]{0,3}))(?:/(?<form>Rev|Add)\.(?<n>[1-9][0-9]?))?$")]
    private static partial Regex SymbolPattern();

    [GeneratedRegex(@"^(?<title>.+?) : (?<type>draft resolution|revised draft resolution|draft decision|note|note : addendum|amendment to (?:revised )?draft resolution (?<target>A/C\.3/[0-9]+/L\.[0-9]+(?:/Rev\.[0-9]+)?)|programme budget implications of (?:revised )?draft resolution (?<target>A/C\.3/[0-9]+/L\.[0-9]+(?:/Rev\.[0-9]+)?) : statement) /$")]
    private static partial Regex TitlePattern();

    [GeneratedRegex(@"^(?<list>.*?)(?:\s*\((?<doc>A/[0-9]+/[0-9]+(?:/Add\.[0-9]+)?)\))?\.?$")]
    private static partial Regex TrailingDocument();

    [GeneratedRegex(@"\((A/[0-9]+/[0-9]+(?:/Add\.[0-9]+)?)\)")]
    private static partial Regex Documents();

    [GeneratedRegex(@"^(?<names>.+?) (?:is an|are) original sponsors? of the (?:revised )?draft resolution\b")]
    private static partial Regex OriginalSponsors();

    [GeneratedRegex(@"^(?<names>.+?) (?:was|were) removed from the list of sponsors\b")]
    private static partial Regex Removed();

    [GeneratedRegex(@"^([0-9]+)([a-z]?)(?:\[[0-9]+\])?$")]
    private static partial Regex AgendaCode();
}
