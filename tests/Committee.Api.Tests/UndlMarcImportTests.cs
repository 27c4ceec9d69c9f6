using System.Net;
using System.Text.Json.Nodes;
using Committee.Delegations;
using Committee.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace Committee.Api.Tests;

/// <summary>The library's MARCXML sample (five records of the 78th session) imported on an empty store, beside the CSV
/// rows of the same five documents imported on another: the same drafts, sponsors, notes and chains, plus the agenda
/// item's title only MARC carries; a second run writes nothing.</summary>
[Collection(nameof(RunsAlone))]
public sealed class UndlMarcImportTests(RevisionAloneTests.EmptyStore store) : IClassFixture<RevisionAloneTests.EmptyStore>
{
    private static readonly string[] Symbols = ["A/C.3/78/L.1", "A/C.3/78/L.1/Add.1", "A/C.3/78/L.49", "A/C.3/78/L.49/Rev.1", "A/C.3/78/L.58"];

    private static async Task<UndlImportReport> Import(CommitteeApp app, string path)
    {
        await using var scope = app.Host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UndlImport>().Run(path, null, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonNode?> Draft(CommitteeApp app, string symbol) =>
        (await app.Get($"/api/drafts?symbol={Uri.EscapeDataString(symbol)}")).ShouldBe(HttpStatusCode.OK).Json.AsArray().SingleOrDefault();

    /// <summary>What both imports must agree on: the chain, the sponsors in their layers, the notes, the status.</summary>
    private static string Recorded(JsonNode draft) => new JsonObject
    {
        ["symbols"] = draft["symbols"]!.DeepClone(), ["kind"] = draft["kind"]!.DeepClone(), ["date"] = draft["date"]!.DeepClone(),
        ["sponsors"] = draft["sponsors"]!.DeepClone(), ["printedLists"] = draft["printedLists"]!.DeepClone(), ["notes"] = draft["notes"]!.DeepClone(),
        ["status"] = draft["status"]!.DeepClone(), ["agendaItem"] = draft["agendaItem"]!.DeepClone(), ["version"] = draft["version"]!.DeepClone(),
    }.ToJsonString();

    [Fact]
    public async Task The_MARCXML_sample_records_what_the_CSV_rows_record_and_a_rerun_writes_nothing()
    {
        var marc = await Import(store.App, SharedFiles.Path("undl/session78-c3-sample.marcxml"));
        Assert.Equal((5, 4, 0), (marc.Documents, marc.Recorded, marc.AlreadyRecorded));
        // Its draft (L.7) is not in the sample.
        Assert.Equal("A/C.3/78/L.58", Assert.Single(marc.NotImported).Symbol);

        var rows = Csv.Read(File.ReadAllText(SharedFiles.Path("undl/session78-c3-drafts.csv"))).ToList();
        var csvFile = Path.Combine(Path.GetTempPath(), $"undl-five-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(csvFile, new[] { rows[0] }.Concat(rows.Where(r => Symbols.Contains(r[1]))).Select(r => string.Join(",", r.Select(f => $"\"{f.Replace("\"", "\"\"")}\""))), TestContext.Current.CancellationToken);
        var other = new CommitteeApp();
        await other.InitializeAsync();
        try
        {
            var csv = await Import(other, csvFile);
            Assert.Equal((5, 4, marc.Events), (csv.Documents, csv.Recorded, csv.Events));
            foreach (var symbol in Symbols[..4])
            {
                var (fromMarc, fromCsv) = (await Draft(store.App, symbol), await Draft(other, symbol));
                Assert.Equal(Recorded(fromCsv!), Recorded(fromMarc!));
            }
            Assert.StartsWith("title not in the library record", (string)(await Draft(other, "A/C.3/78/L.49"))!["agendaItemTitle"]!);
        }
        finally
        {
            await other.DisposeAsync();
            File.Delete(csvFile);
        }

        var l49 = (await Draft(store.App, "A/C.3/78/L.49/Rev.1"))!;
        Assert.StartsWith("Human rights questions, including alternative approaches", (string)l49["agendaItemTitle"]!);
        Assert.Equal(["A/C.3/78/L.49", "A/C.3/78/L.49/Rev.1"], l49["symbols"]!.AsArray().Select(s => (string)s!));

        var again = await Import(store.App, SharedFiles.Path("undl/session78-c3-sample.marcxml"));
        Assert.Equal((0, 4, 0), (again.Recorded, again.AlreadyRecorded, again.Events));
    }
}
