using Committee.Delegations;
using Committee.Domain.Tests.Support;
using Committee.Imports;

namespace Committee.Domain.Tests;

/// <summary>Reading the library's rows of the 78th session (shared/data/undl/session78-c3-drafts.csv), checked against
/// the file by hand.</summary>
public class UndlDocumentTests
{
    private static readonly Lazy<IReadOnlyDictionary<string, UndlDocument>> Documents = new(() =>
    {
        var rows = Csv.Read(File.ReadAllText(SharedData.UndlSession78Csv)).ToList();
        return rows.Skip(1).Select(r => UndlDocument.Read(rows[0].Zip(r).ToDictionary(c => c.First, c => c.Second))).ToDictionary(d => d.Symbol);
    });

    private static UndlDocument Document(string symbol) => Documents.Value[symbol];

    [Fact]
    public void The_five_MARCXML_records_read_as_the_CSV_rows_of_the_same_documents_plus_the_agenda_item_title()
    {
        var marc = UndlMarc.Records(File.ReadAllText(SharedData.UndlSession78Sample)).Select(UndlDocument.Read).ToList();
        Assert.Equal(["A/C.3/78/L.49/Rev.1", "A/C.3/78/L.58", "A/C.3/78/L.1", "A/C.3/78/L.49", "A/C.3/78/L.1/Add.1"], marc.Select(d => d.Symbol));
        foreach (var document in marc)
        {
            var csv = Document(document.Symbol);
            Assert.Equal(System.Text.Json.JsonSerializer.Serialize(csv), System.Text.Json.JsonSerializer.Serialize(document with { AgendaItemTitle = null }));
        }
        Assert.StartsWith("Human rights questions, including alternative approaches", marc[0].AgendaItemTitle);
        Assert.Equal("Elimination of racism, racial discrimination, xenophobia and related intolerance.", marc[1].AgendaItemTitle);
        Assert.Null(marc[2].AgendaItemTitle);
        Assert.True(UndlMarc.IsMarcXml(File.ReadAllText(SharedData.UndlSession78Sample)));
        Assert.False(UndlMarc.IsMarcXml(File.ReadAllText(SharedData.UndlSession78Csv)));
    }

    [Fact]
    public void Every_one_of_the_94_rows_reads_as_an_L_document_of_a_known_type()
    {
        Assert.Equal(94, Documents.Value.Count);
        Assert.Equal(73, Documents.Value.Values.Count(d => d.Place == ChainPlace.Original));
        Assert.Equal(20, Documents.Value.Values.Count(d => d.Place == ChainPlace.Revision));
        Assert.Equal(["A/C.3/78/L.1/Add.1"], Documents.Value.Values.Where(d => d.Place == ChainPlace.Addendum).Select(d => d.Symbol));
    }

    [Fact]
    public void A_revision_belongs_to_its_original_and_its_additional_sponsors_to_the_report_that_records_them()
    {
        var rev = Document("A/C.3/78/L.12/Rev.1");
        Assert.Equal((ChainPlace.Revision, "A/C.3/78/L.12", 12, 1, DraftKind.DraftResolution, 78, new DateOnly(2023, 11, 2)),
            (rev.Place, rev.Original, rev.Number, rev.Revision, rev.Kind, rev.Session, rev.Date));
        Assert.Equal("Improving the coordination of efforts against trafficking in persons", rev.Title);
        Assert.StartsWith("Antigua and Barbuda, Armenia,", rev.PrintedSponsors);
        Assert.StartsWith("Algeria, Bahamas,", rev.AdditionalSponsors);
        Assert.EndsWith("Thailand and Turkmenistan", rev.AdditionalSponsors);
        Assert.Equal(("A/78/482", "A/RES/78/228", "A/78/482", "107"), (rev.AdditionalRecordedIn, rev.Resolution, rev.CommitteeReport, rev.AgendaItem));
    }

    [Theory]
    [InlineData("A/C.3/78/L.32", "71 (b)")]        // 71b;71b[31]
    [InlineData("A/C.3/78/L.70", "134, 71 (c)")]   // 134;71c;71c[9]
    [InlineData("A/C.3/78/L.1", "7")]              // 7[3]
    [InlineData("A/C.3/78/L.1/Add.1", "7")]        // 7[3];[900]
    [InlineData("A/C.3/78/L.21", "25 (a)")]
    public void Agenda_items_are_read_from_the_library_codes(string symbol, string item) => Assert.Equal(item, Document(symbol).AgendaItem);

    [Fact]
    public void An_amendment_concerns_its_draft_and_its_outcome_stays_a_note()
    {
        var l58 = Document("A/C.3/78/L.58");
        Assert.Equal((DraftKind.Amendment, "A/C.3/78/L.7"), (l58.Kind, l58.Concerns));
        Assert.Equal("Micronesia (Federated States of), New Zealand, Ukraine, United Kingdom and United States", l58.AdditionalSponsors);
        Assert.Equal("A/78/478", l58.AdditionalRecordedIn); // given only after the outcome note
        Assert.Equal(["The amendment was adopted by the Committee (A/78/478)."], l58.LibraryNotes);
        Assert.Equal("A/C.3/78/L.31/Rev.1", Document("A/C.3/78/L.63").Concerns);
        Assert.Equal(["The amendment was rejected by the Committee (A/78/481/Add.2)."], Document("A/C.3/78/L.63").LibraryNotes);
    }

    [Fact]
    public void A_budget_statement_concerns_its_draft_and_names_no_sponsor()
    {
        var l71 = Document("A/C.3/78/L.71");
        Assert.Equal((DraftKind.BudgetStatement, "A/C.3/78/L.60/Rev.1", null), (l71.Kind, l71.Concerns, l71.PrintedSponsors));
        Assert.StartsWith("submitted by the Secretary-General in accordance with rule 153", l71.SubmittedBy);
    }

    [Fact]
    public void The_Chairs_draft_decision_and_the_Secretariats_note_have_no_State_sponsors()
    {
        Assert.Equal((DraftKind.DraftDecision, "submitted by the Chair of the Committee"), (Document("A/C.3/78/L.72").Kind, Document("A/C.3/78/L.72").SubmittedBy));
        Assert.Equal((DraftKind.Note, "by the Secretariat", null), (Document("A/C.3/78/L.1").Kind, Document("A/C.3/78/L.1").SubmittedBy, Document("A/C.3/78/L.1").PrintedSponsors));
    }

    [Fact]
    public void The_reports_corrections_to_a_sponsor_list_are_read_out_of_515()
    {
        Assert.Equal("Bolivia (Plurinational State of) and Malaysia", Document("A/C.3/78/L.29").OriginalSponsorsNoted);
        var l64 = Document("A/C.3/78/L.64");
        Assert.Equal(("Sudan", "A/78/475", "Bolivia (Plurinational State of) and Ecuador"), (l64.RemovedFromSponsors, l64.RemovedRecordedIn, l64.AdditionalSponsors));
    }

    [Theory]
    [InlineData("A/78/L.1", "draft resolution")]
    [InlineData("A/C.3/78/L.5/Corr.1", "draft resolution")]
    [InlineData("A/C.3/78/L.5", "report of the Secretary-General")]
    [InlineData("A/C.3/78/L.5/Rev.1", "draft resolution")]
    public void A_row_that_is_no_Third_Committee_L_document_of_a_known_type_is_refused(string symbol, string type) =>
        Assert.Throws<FormatException>(() => UndlDocument.Read(new Dictionary<string, string>
        {
            ["undl_id"] = "1", ["symbol"] = symbol, ["date"] = "2023-09-19", ["title"] = $"Something : {type} /", ["sponsors_245c"] = "Peru",
            ["additional_sponsors_515"] = "", ["agenda_symbol"] = "A/78/251", ["agenda_item"] = "107", ["resolution"] = "", ["committee_report"] = "",
        }));
}
