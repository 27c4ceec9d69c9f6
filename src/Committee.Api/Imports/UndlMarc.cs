using System.Xml.Linq;

namespace Committee.Imports;

/// <summary>
/// The UN Digital Library's MARCXML export (MARC 21 slim), read into the same fields as its CSV
/// (shared/data/undl/session78-c3-drafts.csv), so that one reading (<see cref="UndlDocument.Read"/>) serves both:
/// 001 the record, 191$a the symbol, 269$a the date, 245$a $b the title and $c the printed sponsors, 710 the sponsors
/// counted, 515$a the notes, 991$a $b the agenda and its item, 993 the resolution (ind1 1), the committee report
/// (ind1 3) and other related documents, 856$u the English PDF. What only MARC carries is added: the agenda item's
/// title (991$c).
/// </summary>
public static class UndlMarc
{
    private static readonly XNamespace Marc = "http://www.loc.gov/MARC21/slim";

    public const string AgendaTitle = "agenda_title";

    /// <summary>Whether the text is MARCXML rather than CSV: it is XML, whatever the file is called.</summary>
    public static bool IsMarcXml(string text) => text.AsSpan().TrimStart().StartsWith("<");

    public static IEnumerable<IReadOnlyDictionary<string, string>> Records(string xml) =>
        XDocument.Parse(xml).Descendants(Marc + "record").Select(Fields);

    private static IReadOnlyDictionary<string, string> Fields(XElement record)
    {
        IEnumerable<XElement> Data(string tag) => record.Elements(Marc + "datafield").Where(d => (string?)d.Attribute("tag") == tag);
        IEnumerable<string> Sub(IEnumerable<XElement> fields, string code) =>
            fields.SelectMany(f => f.Elements(Marc + "subfield").Where(s => (string?)s.Attribute("code") == code)).Select(s => s.Value.Trim());
        string First(string tag, string code) => Sub(Data(tag), code).FirstOrDefault() ?? "";
        string Related(string? indicator) => string.Join(";", Sub(Data("993").Where(d =>
            indicator is null ? (string?)d.Attribute("ind1") is not ("1" or "3") : (string?)d.Attribute("ind1") == indicator), "a"));

        return new Dictionary<string, string>
        {
            ["undl_id"] = record.Elements(Marc + "controlfield").FirstOrDefault(c => (string?)c.Attribute("tag") == "001")?.Value.Trim() ?? "",
            ["symbol"] = First("191", "a"),
            ["date"] = First("269", "a"),
            ["title"] = string.Join(" ", new[] { First("245", "a"), First("245", "b") }.Where(p => p.Length > 0)),
            ["sponsors_245c"] = First("245", "c"),
            ["sponsor_count_710"] = Data("710").Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["additional_sponsors_515"] = string.Join(" - ", Sub(Data("515"), "a")),
            ["agenda_symbol"] = string.Join(";", Sub(Data("991"), "a")),
            ["agenda_item"] = string.Join(";", Sub(Data("991"), "b")),
            [AgendaTitle] = string.Join("; ", Sub(Data("991"), "c").Distinct()),
            ["resolution"] = Related("1"),
            ["committee_report"] = Related("3"),
            ["other_993"] = Related(null),
            ["pdf_en"] = Data("856").Where(f => Sub([f], "y").Contains("English")).SelectMany(f => Sub([f], "u")).FirstOrDefault() ?? "",
        };
    }
}
