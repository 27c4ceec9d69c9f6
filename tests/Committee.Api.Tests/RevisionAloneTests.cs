using System.Net;
using System.Text.Json.Nodes;
using Committee.History;
using Committee.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace Committee.Api.Tests;

/// <summary>The README's command on an empty store: the example Rev.1 imported alone, then an original written for
/// the test (dated 2 November 2009, two sponsors, without OP7) imported after it. The versions, the history and the
/// as-of reads follow the order of issue, not the order of import. Its server runs alone (no other test class in
/// parallel), so that the process-wide metrics other tests read are not disturbed.</summary>
[Collection(nameof(RunsAlone))]
public sealed class RevisionAloneTests(RevisionAloneTests.EmptyStore app) : IClassFixture<RevisionAloneTests.EmptyStore>
{
    /// <summary>A server on a schema of its own, so that the store is empty when the command runs.</summary>
    public sealed class EmptyStore : IAsyncLifetime
    {
        public CommitteeApp App { get; } = new();
        public ValueTask InitializeAsync() => App.InitializeAsync();
        public ValueTask DisposeAsync() => App.DisposeAsync();
    }

    private const string L22 = "A/C.3/64/L.22";
    private const string Rev1 = "A/C.3/64/L.22/Rev.1";
    private static readonly string Rev1File = DocumentImportTests.Rev1File;

    /// <summary>The original written for the document import's tests, issued a week before the revision.</summary>
    private static readonly string Original = DocumentImportTests.Original.Replace("10 November 2009", "2 November 2009");

    private CommitteeApp App => app.App;

    [Fact]
    public async Task The_readme_command_records_a_revision_alone_and_its_original_takes_its_place_afterwards()
    {
        // scripts/committee import document ../shared/data/documents/trafficking-in-persons-64-rev1.txt --symbol A/C.3/64/L.22/Rev.1
        await using (var scope = App.Host.Services.CreateAsyncScope())
        {
            var command = new ImportCommand { DocumentImport = scope.ServiceProvider.GetRequiredService<DocumentImport>(), Services = scope.ServiceProvider };
            Assert.True(await command.Execute(new ImportInput { Source = ImportCommand.Document, Path = Rev1File, SymbolFlag = Rev1 }));
        }
        var draft = Assert.Single((await App.Get($"/api/drafts?symbol={Uri.EscapeDataString(Rev1)}")).ShouldBe(HttpStatusCode.OK).Json.AsArray())!;
        var id = draft.Id();
        var alone = (await App.Get($"/api/drafts/{id}")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal([L22, Rev1], Strings(alone["symbols"]));
        Assert.Equal([L22], Strings(alone["unrecorded"]));
        Assert.Equal((13, 20, 11), (alone["sponsors"]!.AsArray().Count, alone["preamble"]!.AsArray().Count, alone["operative"]!.AsArray().Count));
        Assert.Equal("2009-11-10T00:00:00+00:00", (string?)alone["printedLists"]![0]!["recordedAt"]);

        var versions = (await App.Get($"/api/drafts/{id}/versions")).ShouldBe(HttpStatusCode.OK).Json.AsArray();
        Assert.Equal([$"{L22} (text not recorded)", Rev1], versions.Select(v => (string)v!["label"]!));
        Assert.Equal([false, true], versions.Select(v => (bool)v!["textKnown"]!));
        Assert.Null(versions[0]!["version"]);
        var nothing = (await App.Get($"/api/drafts/{id}/diff")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Null(nothing["changes"]);
        Assert.Contains($"text of {L22} is not recorded", (string)nothing["notRecorded"]!);
        Assert.Contains("is not recorded", (await App.Page($"/drafts/{id}/diff?from={Uri.EscapeDataString(L22)}&to=1")).Text);
        var trail = (await App.Get($"/api/drafts/{id}/history")).Json.AsArray();
        Assert.Contains($"it revises {L22}, not recorded (text unknown)", (string)trail[0]!["sentence"]!);
        Assert.Equal("2009-11-10T00:00:00+00:00", (string?)trail[0]!["happened"]);

        // The original, imported afterwards, fills its place.
        var filled = (await App.Send(HttpMethod.Post, $"/api/documents?symbol={Uri.EscapeDataString(L22)}", Original, App.Secretariat, contentType: "text/plain"))
            .ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal((id, Rev1, 2L), (filled.Id(), (string)filled["symbol"]!, filled.Version()));
        Assert.Empty(filled["unrecorded"]!.AsArray());
        Assert.Equal(11, filled["operative"]!.AsArray().Count);
        Assert.Equal(L22, (string?)filled["sponsors"]!.AsArray().Single(s => (string)s!["iso3"]! == "BLR")!["printedOn"]);
        Assert.Equal(Rev1, (string?)filled["sponsors"]!.AsArray().Single(s => (string)s!["iso3"]! == "AZE")!["printedOn"]);

        versions = (await App.Get($"/api/drafts/{id}/versions")).Json.AsArray();
        Assert.Equal([L22, Rev1], versions.Select(v => (string)v!["label"]!));
        Assert.Equal([2, 1], versions.Select(v => (int)v!["version"]!));
        var diff = (await App.Get($"/api/drafts/{id}/diff")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal((L22, Rev1), ((string)diff["from"]!["label"]!, (string)diff["to"]!["label"]!));
        Assert.Equal("OP7", (string?)diff["changes"]!["paragraphs"]!.AsArray().Single(p => (string?)p!["change"] == "added")!["to"]);

        trail = (await App.Get($"/api/drafts/{id}/history")).Json.AsArray();
        Assert.Equal([2, 1], trail.Select(e => (int)e!["version"]!));
        Assert.StartsWith($"Issued as {L22}, dated 2 November 2009, by Belarus and Russian Federation", (string)trail[0]!["sentence"]!);
        Assert.True(DateTimeOffset.Parse((string)trail[0]!["timestamp"]!) > DateTimeOffset.Parse((string)trail[1]!["timestamp"]!));

        var between = (await App.Get($"/api/drafts/{id}?asOf=2009-11-05T12:00:00Z")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal((L22, 10, 2), ((string)between["symbol"]!, between["operative"]!.AsArray().Count, between["sponsors"]!.AsArray().Count));
        var after = (await App.Get($"/api/drafts/{id}?asOf=2009-11-11T00:00:00Z")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal((Rev1, 11), ((string)after["symbol"]!, after["operative"]!.AsArray().Count));
        (await App.Get($"/api/drafts/{id}?asOf=2009-11-01T00:00:00Z")).ShouldBeProblem(HttpStatusCode.NotFound, "asOf");

        // Imported again: nothing more is written.
        (await App.Send(HttpMethod.Post, $"/api/documents?symbol={Uri.EscapeDataString(L22)}", Original, App.Secretariat, contentType: "text/plain")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2L, (await App.Get($"/api/drafts/{id}")).Json.Version());
    }

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(s => (string)s!).ToList();
}

[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
