using Committee.Domain.Tests.Support;
using Committee.History;

namespace Committee.Domain.Tests;

/// <summary>The 2009 trafficking-in-persons draft (Rev.1 of 10 November 2009), paragraph by paragraph as read by hand.</summary>
public class DocumentParserTests
{
    private static readonly string Example = SharedData.DocumentText("trafficking-in-persons-64-rev1.txt");

    private static bool IsStateName(string name) => SharedData.MemberStates.Find(name, new DateOnly(2009, 11, 10)) is not null;

    private static ParsedDocument Read(string text)
    {
        var reading = UnDocumentParser.Parse(text, IsStateName);
        Assert.Empty(reading.Missing);
        return reading.Document!;
    }

    [Fact]
    public void The_heading_gives_date_session_committee_agenda_item_kind_and_title()
    {
        var document = Read(Example);
        Assert.Null(document.Symbol);
        Assert.Equal(new DateOnly(2009, 11, 10), document.Date);
        Assert.Equal(64, document.Session);
        Assert.Equal("Third Committee", document.Committee);
        Assert.Equal(("104", "Crime prevention and criminal justice"), (document.AgendaItem, document.AgendaItemTitle));
        Assert.True(document.Revised);
        Assert.Equal(DraftKind.DraftResolution, document.Kind);
        Assert.Equal("Improving the coordination of efforts against trafficking in persons", document.Title);
    }

    [Fact]
    public void Thirteen_sponsors_with_Zambia_acting_for_the_African_Group_by_its_footnote()
    {
        var sponsors = Read(Example).Sponsors;
        Assert.Equal(["Azerbaijan", "Bahrain", "Bangladesh", "Belarus", "Ecuador", "Nicaragua", "Philippines", "Qatar",
            "Russian Federation", "Turkmenistan", "United Arab Emirates", "Uzbekistan", "Zambia"], sponsors.Select(s => s.Name));
        Assert.Equal("African Group", sponsors[^1].OnBehalfOf);
        Assert.All(sponsors.SkipLast(1), s => Assert.Null(s.OnBehalfOf));
    }

    // First and last words of each preambular paragraph, and for those split by a page break, the words around the join.
    public static TheoryData<int, string, string, string?> PreambularParagraphs => new()
    {
        { 1, "Recalling its resolution 63/194 of 18 December 2008", "other contemporary forms of slavery,", null },
        { 2, "Recalling also Economic and Social Council resolution 2008/33", "previous Council resolutions on trafficking in persons,", null },
        { 3, "Welcoming the Human Rights Council resolution of 12 June 2009", "especially women and children,", null },
        { 4, "Recalling the United Nations Convention against Transnational Organized Crime and the Protocol", "Institutions and Practices Similar to Slavery,", "child prostitution and child pornography and the Supplementary Convention" },
        { 5, "Recognizing that, in accordance with article 32", "administrative measures to implement the Convention,", null },
        { 6, "Taking note of the decisions of the eleventh summit of the African Union Assembly", "trafficking in persons at the international level,", null },
        { 7, "Recognizing the importance of bilateral, subregional", "trafficking in persons, especially women and children,", null },
        { 8, "Recognizing also that broad international cooperation", "trafficking in persons and other contemporary forms of slavery,", null },
        { 9, "Recognizing further the important role of the United Nations entities", "in the global fight against human trafficking,", "the International Organization for Migration and other intergovernmental organizations in ensuring" },
        { 10, "Recognizing the need to continue fostering a global partnership", "other contemporary forms of slavery,", null },
        { 11, "Recognizing also that trafficking in persons impairs the enjoyment of human rights", "requires a concerted international response,", null },
        { 12, "Taking note with appreciation of the United Nations efforts", "supplementing the United Nations Convention against Organized Crime,", null },
        { 13, "Recognizing that the current global economic crises", "further aggravate the problem of trafficking in persons,", null },
        { 14, "Aware of the need to raise public awareness", "for the purpose of sexual exploitation and forced labour,", null },
        { 15, "Reaffirming the commitment made by world leaders at the Millennium Summit and the 2005 World Summit to devise", "the demand for trafficked victims and to protect the victims,", null },
        { 16, "Welcoming the report of the Special Rapporteur on trafficking in persons, especially women and children, and the Global Report", "of the United Nations Office on Drugs and Crime,", null },
        { 17, "Welcoming also the report of the Secretary-General", "the background paper submitted by the Secretary-General to the General Assembly,", null },
        { 18, "Taking note of the outcomes of the Conference of the Parties", "Trafficking in Persons during its meeting, held in Vienna on 14 and 15 April 2009,", "to combat trafficking in persons, and in this regard, taking note also of the progress" },
        { 19, "Taking note also of the interactive thematic dialogue of the General Assembly", "held on 13 May 2009,", null },
        { 20, "Welcoming the accession in 2008-2009 by a number of Member States to the United Nations Convention", "supplementing the United Nations Convention against Transnational Organized Crime,", null },
    };

    [Theory, MemberData(nameof(PreambularParagraphs))]
    public void Each_preambular_paragraph_is_whole(int number, string first, string last, string? join) =>
        AssertParagraph(Read(Example).Preamble, number, first, last, join);

    public static TheoryData<int, string, string, string?> OperativeParagraphs => new()
    {
        { 1, "Urges Member States that have not yet done so to consider taking measures to ratify", "to implement fully all aspects of those instruments;", null },
        { 2, "Also urges Member States that have not yet done so", "Convention on the Elimination of All Forms of Discrimination against Women and the Supplementary Convention", null },
        { 3, "Welcomes the steps taken by human rights treaty bodies", "to share their knowledge and best practices as widely as possible;", null },
        { 4, "Calls upon Governments to continue their efforts to criminalize trafficking in persons", "that are actively involved in victim protection;", "and to investigate, prosecute, condemn and penalize traffickers and intermediaries" },
        { 5, "Encourages all stakeholders, including the private sector", "bilateral initiatives that promote cooperation and collaboration;", null },
        { 6, "Recognizes the importance of comparable data disaggregated", "non-governmental organizations and other relevant bodies;", null },
        { 7, "Acknowledges the important work on data collection and analysis", "and by the International Labour Organization;", null },
        { 8, "Takes note with appreciation of the decision of the President of the sixty-third session", "taking into account all the views expressed by Member States;", null },
        { 9, "Reiterates its request to the Secretary-General", "providing assistance to Member States upon request;", null },
        { 10, "Requests the Secretary-General to invite as appropriate regional organizations", "coordinating efforts to prevent and combat trafficking in persons;", null },
        { 11, "Also requests the Secretary-General to submit to the Conference of the Parties", "a report on the implementation of the present resolution.", null },
    };

    [Theory, MemberData(nameof(OperativeParagraphs))]
    public void Each_operative_paragraph_is_whole_without_its_number(int number, string first, string last, string? join) =>
        AssertParagraph(Read(Example).Operative, number, first, last, join ?? last);

    private static void AssertParagraph(IReadOnlyList<string> part, int number, string first, string contains, string? join)
    {
        var paragraph = part[number - 1];
        Assert.StartsWith(first, paragraph);
        Assert.Contains(contains, paragraph);
        if (join is not null) Assert.Contains(join, paragraph);
    }

    [Fact]
    public void Twenty_preambular_and_eleven_operative_paragraphs_with_no_footnote_in_their_text()
    {
        var document = Read(Example);
        Assert.Equal(20, document.Preamble.Count);
        Assert.Equal(11, document.Operative.Count);
        Assert.All(document.Preamble, p => Assert.EndsWith(",", p));
        Assert.All(document.Operative.SkipLast(1), p => Assert.EndsWith(";", p));
        Assert.EndsWith(".", document.Operative[^1]);
        foreach (var paragraph in document.Preamble.Concat(document.Operative))
        {
            Assert.DoesNotMatch("[*¹²³⁴⁵⁶⁷⁸⁹⁰]", paragraph);
            Assert.DoesNotContain("Ibid.", paragraph);
            Assert.DoesNotContain("On behalf of", paragraph);
            Assert.DoesNotContain("  ", paragraph);
        }
    }

    [Fact]
    public void Footnotes_are_notes_that_know_the_paragraph_citing_them()
    {
        var notes = Read(Example).Notes;
        Assert.Equal(["*", .. Enumerable.Range(1, 21).Select(n => n.ToString())], notes.Select(n => n.Marker));
        var where = notes.ToDictionary(n => n.Marker, n => n.Reference);
        Assert.Equal("sponsors", where["*"]);
        Assert.Equal(["PP1", "PP2", "PP3", "PP4", "PP4", "PP4", "PP4", "PP6", "PP6", "PP6", "PP12", "PP15", "PP15", "PP16", "PP16", "PP17", "PP17", "PP18", "PP18", "PP20", "OP2"],
            Enumerable.Range(1, 21).Select(n => where[n.ToString()]));
        Assert.Equal("On behalf of the States Members of the United Nations that are members of the African Group.", notes[0].Text);
        Assert.Equal("United Nations, Treaty Series, vol. 2225, No. 39574.", notes.Single(n => n.Marker == "4").Text);
        Assert.StartsWith("For example, the Regional Ministerial Conference on People Smuggling", notes.Single(n => n.Marker == "10").Text);
        Assert.Equal("CTOC/COP/WG.4/2009/2.", notes.Single(n => n.Marker == "19").Text);
    }

    [Fact]
    public void A_symbol_in_the_heading_is_read_and_page_furniture_is_ignored()
    {
        var text = "A/C.3/64/L.22/Rev.1\n\n" + Example.Replace("pornography⁶", "\f09-60515\n\n2\n\nA/C.3/64/L.22/Rev.1\n\npornography⁶");
        var document = Read(text);
        Assert.Equal("A/C.3/64/L.22/Rev.1", document.Symbol);
        Assert.Equal(20, document.Preamble.Count);
        Assert.Contains("child prostitution and child pornography and the Supplementary", document.Preamble[3]);
    }

    [Fact]
    public void An_original_draft_is_not_revised()
    {
        var document = Read(Example.Replace(": revised draft resolution", ": draft resolution"));
        Assert.False(document.Revised);
    }

    [Fact]
    public void A_text_that_cannot_be_read_lists_everything_missing()
    {
        var reading = UnDocumentParser.Parse("General Assembly\n\nSomething else entirely\n\n1. Decides to remain seized of the matter.");
        Assert.Null(reading.Document);
        Assert.Equal(["text", "date", "session", "committee", "agendaItem", "sponsors"], reading.Missing.Select(m => m.Field));
        Assert.All(reading.Missing, m => Assert.False(string.IsNullOrWhiteSpace(m.Reason)));
    }

    [Fact]
    public void Operative_paragraphs_out_of_order_are_reported()
    {
        var reading = UnDocumentParser.Parse(Example.Replace("5. *Encourages*", "6. *Encourages*"), IsStateName);
        Assert.Equal("operative", Assert.Single(reading.Missing).Field);
        Assert.Contains("operative paragraph 5", reading.Missing[0].Reason);
    }

    [Theory]
    [InlineData("Sixty-fourth", 64)]
    [InlineData("Seventy-eighth", 78)]
    [InlineData("Fiftieth", 50)]
    [InlineData("Third", 3)]
    [InlineData("64th", 64)]
    public void Sessions_written_in_words_are_numbers(string words, int session) =>
        Assert.Equal(session, UnDocumentParser.SessionNumber(words));

    [Theory]
    [InlineData("Belarus and Antigua and Barbuda*", new[] { "Belarus", "Antigua and Barbuda" })]
    [InlineData("Antigua and Barbuda and Zambia*", new[] { "Antigua and Barbuda", "Zambia" })]
    [InlineData("Trinidad and Tobago", new[] { "Trinidad and Tobago" })]
    public void Names_with_and_in_them_stay_whole(string last, string[] expected)
    {
        var document = Read(Example.Replace("Uzbekistan and Zambia*", last));
        Assert.Equal(expected, document.Sponsors.Skip(11).Select(s => s.Name));
    }

    [Fact]
    public void A_day_the_calendar_does_not_have_is_refused_with_the_reason()
    {
        var reading = UnDocumentParser.Parse(Example.Replace("10 November 2009", "31 February 2009"), IsStateName);
        Assert.Equal(("date", "\"31 February 2009\" is not a date: February 2009 has 28 days"), (Assert.Single(reading.Missing).Field, reading.Missing[0].Reason));
        Assert.Equal("\"12 May 0000\" is not a date: the calendar has no year 0000",
            Assert.Single(UnDocumentParser.Parse(Example.Replace("10 November 2009", "12 May 0000"), IsStateName).Missing).Reason);
    }

    [Fact]
    public void Digits_other_than_ASCII_are_not_read_as_numbers()
    {
        var reading = UnDocumentParser.Parse(Example.Replace("10 November 2009", "١٠ November ٢٠٠٩").Replace("11. *Also requests*", "١١. *Also requests*"), IsStateName);
        Assert.Equal("date", Assert.Single(reading.Missing).Field);
        Assert.Null(UnDocumentParser.SessionNumber("٦٤th"));
    }

    [Fact]
    public void A_mebibyte_of_A_and_A_as_the_sponsors_is_read_in_one_pass()
    {
        var andAnd = string.Concat(Enumerable.Repeat("A and ", 170_000));
        var sponsors = Read(Example.Replace("Uzbekistan and Zambia*", andAnd + "Zambia*")).Sponsors;
        Assert.Equal(13, sponsors.Count);
        Assert.Equal("A", sponsors[11].Name);
        Assert.Equal((andAnd[6..] + "Zambia").Length, sponsors[12].Name.Length);
        Assert.Equal("African Group", sponsors[12].OnBehalfOf);
    }

    [Fact]
    public void A_mebibyte_of_stars_is_read_in_one_pass_wherever_it_stands()
    {
        var stars = new string('*', 1_000_000);
        var marked = Read(Example.Replace("Zambia*", "Zambia" + stars)).Sponsors[^1];
        Assert.Equal(("Zambia", null), (marked.Name, marked.OnBehalfOf));

        var paragraph = Read(Example.Replace("Recalling its resolution 63/194", "Recalling " + stars + "x its resolution 63/194")).Preamble[0];
        Assert.StartsWith("Recalling " + new string('*', 500_000) + "x its resolution", paragraph);

        var unreadable = UnDocumentParser.Parse(stars[..500_000] + "\n\n" + stars[..500_000] + " x");
        Assert.Equal(["text", "date", "session", "committee", "agendaItem", "sponsors"], unreadable.Missing.Select(m => m.Field));
    }

    [Fact]
    public void A_text_longer_than_a_request_body_is_not_read()
    {
        var reading = UnDocumentParser.Parse(Example + new string(' ', UnDocumentParser.MaxLength));
        Assert.Equal("text", Assert.Single(reading.Missing).Field);
        Assert.Contains("more than the 1,048,576 a document may have", reading.Missing[0].Reason);
    }
}
