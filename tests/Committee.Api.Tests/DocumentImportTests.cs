using System.Net;
using System.Text.Json.Nodes;

namespace Committee.Api.Tests;

/// <summary>The 2009 trafficking-in-persons draft imported from its text: an original (the Rev.1 text as a first
/// version would have read) then the real Rev.1, which revises the same stream.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class DocumentImportTests(CommitteeApp app)
{
    public static readonly string Rev1File = SharedFiles.Path("documents/trafficking-in-persons-64-rev1.txt");
    private static readonly string Rev1 = File.ReadAllText(Rev1File);

    /// <summary>An original for the example: not revised, two sponsors, without OP7 (a made-up first version: the real one is not in shared/data).</summary>
    public static readonly string Original = Rev1
        .Replace(": revised draft resolution", ": draft resolution")
        .Replace("Azerbaijan, Bahrain, Bangladesh, Belarus, Ecuador, Nicaragua, Philippines, Qatar, Russian Federation, Turkmenistan, United Arab Emirates, Uzbekistan and Zambia*", "Belarus and Russian Federation")
        .Replace("7. *Acknowledges* the important work on data collection and analysis conducted by the United Nations Office on Drugs and Crime under its Global Programme against Trafficking in Human Beings, by the International Organization for Migration through its global Counter-Trafficking Module database and by the International Labour Organization;\n\n", "")
        .Replace("8. *Takes note", "7. *Takes note").Replace("9. *Reiterates", "8. *Reiterates").Replace("10. *Requests", "9. *Requests").Replace("11. *Also requests", "10. *Also requests");

    private static int _next = 900;

    private Task<Reply> Import(string text, string? query = null, string contentType = "text/plain; charset=utf-8") =>
        app.Send(HttpMethod.Post, "/api/documents" + (query is null ? "" : "?" + query), text, app.Secretariat, contentType: contentType);

    [Fact]
    public async Task An_original_then_its_revision_are_imported_into_one_stream_with_the_sponsors_and_paragraphs_read()
    {
        var symbol = $"A/C.3/64/L.{Interlocked.Increment(ref _next)}";
        var original = (await Import(Original, $"symbol={symbol}")).ShouldBe(HttpStatusCode.Created).Json;
        Assert.Equal((symbol, 64, "104", "Crime prevention and criminal justice"),
            ((string)original["symbol"]!, (int)original["session"]!, (string)original["agendaItem"]!, (string)original["agendaItemTitle"]!));
        Assert.Equal("2009-11-10", (string?)original["date"]);
        Assert.Equal((20, 10), (original["preamble"]!.AsArray().Count, original["operative"]!.AsArray().Count));

        var revised = (await Import(Rev1, $"symbol={Uri.EscapeDataString(symbol + "/Rev.1")}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(original.Id(), revised.Id());
        Assert.Equal((symbol + "/Rev.1", 2L), ((string)revised["symbol"]!, revised.Version()));
        Assert.Equal((20, 11), (revised["preamble"]!.AsArray().Count, revised["operative"]!.AsArray().Count));
        Assert.StartsWith("Calls upon Governments to continue their efforts", (string)revised["operative"]![3]!);
        Assert.Contains("to investigate, prosecute, condemn and penalize traffickers", (string)revised["operative"]![3]!);
        var sponsors = revised["sponsors"]!.AsArray();
        Assert.Equal(13, sponsors.Count);
        Assert.Equal(("ZMB", "African Group", symbol + "/Rev.1"), ((string)sponsors[^1]!["iso3"]!, (string?)sponsors[^1]!["onBehalfOf"], (string?)sponsors[^1]!["printedOn"]));

        var again = await Import(Rev1, $"symbol={Uri.EscapeDataString(symbol + "/Rev.1")}");
        again.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("true", again.Headers["Idempotent-Replayed"].ToString());

        var diff = (await app.Get($"/api/drafts/{revised.Id()}/diff")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal((symbol, symbol + "/Rev.1"), ((string)diff["from"]!["label"]!, (string)diff["to"]!["label"]!));
        var added = diff["changes"]!["paragraphs"]!.AsArray().Single(p => (string?)p!["change"] == "added")!;
        Assert.Equal("OP7", (string?)added["to"]);
        Assert.Equal(4, (int)diff["changes"]!["summary"]!["renumbered"]!);
    }

    [Fact]
    public async Task A_preview_reads_the_document_with_its_notes_and_stores_nothing()
    {
        var read = (await Import(Rev1, "preview=true&symbol=A/C.3/64/L.999/Rev.1")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.True((bool)read["revised"]!);
        Assert.Equal(22, read["notes"]!.AsArray().Count);
        Assert.Equal("sponsors", (string?)read["notes"]![0]!["reference"]);
        Assert.Empty((await app.Get("/api/drafts?symbol=A/C.3/64/L.999/Rev.1")).Json.AsArray());
    }

    [Fact]
    public async Task A_document_that_cannot_be_used_is_refused_saying_what_is_missing_and_nothing_is_stored()
    {
        var before = (await app.Get("/api/drafts?session=64")).Json.AsArray().Count;

        var unreadable = (await Import(Rev1.Replace("10 November 2009", "").Replace("Third Committee", ""), "symbol=A/C.3/64/L.998/Rev.1")).ShouldBe(HttpStatusCode.UnprocessableEntity).Json;
        Assert.Equal(["date", "committee"], unreadable["missing"]!.AsArray().Select(m => (string)m!["field"]!));
        Assert.Contains("date of issue", (string)unreadable["reason"]!);

        (await Import(Rev1)).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "symbol", "?symbol=");
        (await Import(Rev1, "symbol=A/C.3/64/L.997")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "symbol", "revised");
        (await Import("A/C.3/64/L.996/Rev.1\n\n" + Rev1, "symbol=A/C.3/64/L.997/Rev.1")).ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "symbol", "carries the symbol A/C.3/64/L.996/Rev.1");
        (await Import(Rev1, "symbol=A/C.3/64/L.997/Rev.1", contentType: "application/json")).ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "Content-Type");
        (await app.Send(HttpMethod.Post, "/api/documents?symbol=A/C.3/64/L.997", Original, contentType: "text/plain")).ShouldBe(HttpStatusCode.Unauthorized);
        (await Import(Rev1.Replace("10 November 2009", "31 February 2009"), "symbol=A/C.3/64/L.998/Rev.1"))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "date", "\"31 February 2009\" is not a date: February 2009 has 28 days");
        // A mebibyte of "A and " as the sponsors is read at once; the long name it leaves is no State's.
        var sponsors = Rev1.Replace("Uzbekistan and Zambia*", string.Concat(Enumerable.Repeat("A and ", 170_000)) + "Zambia*");
        (await Import(sponsors.Replace(": revised draft resolution", ": draft resolution"), "symbol=A/C.3/64/L.998"))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "sponsors[11]");

        // Text PostgreSQL cannot store is refused with its place, before anything is written.
        var withNul = (await Import(Rev1.Replace("Acknowledges* the important work", "Acknowledges* the important\u0000 work"), "symbol=A/C.3/64/L.995/Rev.1"))
            .ShouldBe(HttpStatusCode.UnprocessableEntity).Json;
        Assert.Contains("U+0000", (string)withNul["reason"]!);

        Assert.Equal(before, (await app.Get("/api/drafts?session=64")).Json.AsArray().Count);
    }

    [Fact]
    public async Task Titles_and_paragraphs_are_found_by_their_words_ranked_with_symbol_and_paragraph()
    {
        var symbol = $"A/C.3/64/L.{Interlocked.Increment(ref _next)}";
        var draft = (await Import(Original, $"symbol={symbol}")).ShouldBe(HttpStatusCode.Created).Json;
        await app.ReadModelsCaughtUp();

        var hits = (await app.Get("/api/search?q=child%20pornography&session=64")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        var hit = hits.First(h => (string?)h!["draftId"] == draft.Id())!;
        Assert.Equal((symbol, "PP4"), ((string)hit["symbol"]!, (string)hit["paragraph"]!));
        Assert.Contains("«pornography»", (string)hit["snippet"]!);
        Assert.True((double)hit["rank"]! > 0);

        var titles = (await app.Get("/api/search?q=%22coordination%20of%20efforts%22&session=64&limit=200")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        Assert.Contains(titles, h => (string?)h!["draftId"] == draft.Id() && (string?)h["paragraph"] == "title");
        Assert.Empty((await app.Get("/api/search?q=child%20pornography&session=63")).Json.AsArray());
        (await app.Get("/api/search?q=")).ShouldBeProblem(HttpStatusCode.BadRequest, "q");
    }
}
