using System.Net;
using Committee.Delegations;
using Committee.Voting.Unvotes;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace Committee.Api.Tests;

/// <summary>The unvotes import on a slice of the real file (the 64th session: 88 roll calls, 15,278 ballots), checked
/// against tallies computed here from the CSV itself. The whole history is imported by the benchmark, not here.</summary>
[Collection(nameof(CommitteeCollection))]
public sealed class UnvotesImportTests(CommitteeApp app)
{
    private static string Folder
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "shared", "data", "unvotes", "votes.csv")))
                    return Path.Combine(dir.FullName, "shared", "data", "unvotes");
            throw new InvalidOperationException($"shared/data/unvotes not found above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>yes, no, abstain and the ISO2 codes voting, per roll call of the session, read straight from the files.</summary>
    private static Dictionary<int, (int Yes, int No, int Abstain, HashSet<string> Codes)> Expected(int session)
    {
        var rollCalls = Csv.Read(File.ReadAllText(Path.Combine(Folder, "roll_calls.csv"))).Skip(1)
            .Where(r => r.Length > 1 && r[1] == session.ToString()).Select(r => int.Parse(r[0])).ToHashSet();
        var expected = rollCalls.ToDictionary(r => r, _ => (Yes: 0, No: 0, Abstain: 0, Codes: new HashSet<string>()));
        foreach (var line in File.ReadLines(Path.Combine(Folder, "votes.csv")).Skip(1))
        {
            var f = line.Split(',').Select(v => v.Trim('"')).ToArray();
            if (!expected.TryGetValue(int.Parse(f[0]), out var t)) continue;
            t.Codes.Add(f[2]);
            expected[int.Parse(f[0])] = f[3] switch
            {
                "yes" => (t.Yes + 1, t.No, t.Abstain, t.Codes),
                "no" => (t.Yes, t.No + 1, t.Abstain, t.Codes),
                _ => (t.Yes, t.No, t.Abstain + 1, t.Codes),
            };
        }
        return expected;
    }

    private async Task<long> EventCount()
    {
        await using var query = app.Store.QuerySession();
        return await query.Events.QueryAllRawEvents().CountAsync();
    }

    [Fact]
    public async Task A_session_imports_with_the_files_tallies_absent_States_as_not_voting_and_a_rerun_changes_nothing()
    {
        var importer = new UnvotesImporter(app.Store, app.Host.Services.GetRequiredService<MemberStates>(), TimeProvider.System);
        var report = await importer.ImportAsync(Folder, (_, session) => session == 64, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal((6203, 88, 0, 15_278L, 0), (report.RollCallsRead, report.RollCallsImported, report.RollCallsAlreadyPresent, report.BallotsImported, report.Malformed));

        var expected = Expected(64);
        Assert.Equal(88, expected.Count);
        foreach (var (rcid, t) in expected)
        {
            var vote = (await app.Get($"/api/votes/{UnvotesImporter.VoteIdFor(rcid)}")).ShouldBe(HttpStatusCode.OK).Json;
            Assert.Equal((t.Yes, t.No, t.Abstain), ((int)vote["yes"]!, (int)vote["no"]!, (int)vote["abstain"]!));
            Assert.Equal("unvotes", (string?)vote["source"]!["name"]);
            Assert.Equal($"rcid {rcid}", (string?)vote["source"]!["reference"]);
            // 192 Member States in the 64th session: whoever has no row in the file is recorded as not voting.
            Assert.Equal(192 - t.Codes.Count, (int)vote["nonVoting"]!);
        }

        // A roll call with absentees: a Member State with no row in the file is listed as not voting, by name
        // (Serbia votes in the file under "YU"; South Sudan was not yet a Member).
        var (withAbsentees, absent) = expected.OrderBy(e => e.Key)
            .Select(e => (e.Key, Absent: Seats.Iso3ByIso2.Where(c => !e.Value.Codes.Contains(c.Key) && c.Value is not ("SSD" or "SRB")).Select(c => c.Value).FirstOrDefault()))
            .First(e => e.Absent is not null);
        var record = (await app.Get($"/api/votes/{UnvotesImporter.VoteIdFor(withAbsentees)}/record")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Contains(record["notVoting"]!.AsArray(), n => (string?)n!["iso3"] == absent && (string?)n["reason"] == "didNotVote");
        Assert.Contains("was adopted by a recorded vote of", (string?)record["sentence"]);

        await app.ReadModelsCaughtUp();
        var usa = (await app.Get("/api/delegations/USA/votes?session=64&pageSize=5")).ShouldBe(HttpStatusCode.OK).Json;
        Assert.Equal(88, (int)usa["total"]!);
        Assert.Equal(5, usa["votes"]!.AsArray().Count);

        var events = await EventCount();
        var again = await importer.ImportAsync(Folder, (_, session) => session == 64, cancellation: TestContext.Current.CancellationToken);
        Assert.Equal((0, 88, 0L), (again.RollCallsImported, again.RollCallsAlreadyPresent, again.BallotsImported));
        Assert.Equal(events, await EventCount());
    }

    /// <summary>Made-up roll calls of a session of their own (999), apart from the real 64th.</summary>
    [Fact]
    public async Task A_malformed_row_is_reported_with_its_line_and_skipped_and_the_rest_is_imported()
    {
        var folder = Directory.CreateTempSubdirectory("unvotes-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder, "roll_calls.csv"), """
                "rcid","session","importantvote","date","unres","amend","para","short","descr"
                990001,999,0,2009-11-19,"R/64/999",0,0,"TEST, ONE","A roll call made up for the test"
                990002,999,0,2009-13-40,"R/64/998",0,0,"BAD DATE","a date that is no date"
                """, TestContext.Current.CancellationToken);
            await File.WriteAllTextAsync(Path.Combine(folder, "votes.csv"), """
                "rcid","country","country_code","vote"
                990001,"United States","US","yes"
                990001,"Namibia","NA","no"
                990001,"France","FR","maybe"
                990001,"Atlantis","XA","yes"
                990002,"Canada","CA","yes"
                990001,"Namibia","NA","yes"
                990001,"Cuba","CU"
                990001,"Brazil","BR","abstain"
                """, TestContext.Current.CancellationToken);
            var importer = new UnvotesImporter(app.Store, app.Host.Services.GetRequiredService<MemberStates>(), TimeProvider.System);
            var report = await importer.ImportAsync(folder, cancellation: TestContext.Current.CancellationToken);

            Assert.Equal((1, 1, 3L), (report.RollCallsRead, report.RollCallsImported, report.BallotsImported));
            Assert.Equal(6, report.Malformed);
            Assert.Equal(
                ["roll_calls.csv:3", "votes.csv:4", "votes.csv:6", "votes.csv:8", "votes.csv:5", "votes.csv:7"],
                report.MalformedExamples.Select(e => $"{e.File}:{e.Line}"));
            Assert.Contains(report.MalformedExamples, e => e.Reason.Contains("'maybe' is not yes, no or abstain"));
            Assert.Contains(report.MalformedExamples, e => e.Reason.Contains("'XA' (Atlantis) is not the ISO 3166-1 code of a Member State"));
            Assert.Contains(report.MalformedExamples, e => e.Reason.Contains("a second vote for the seat of Namibia"));

            var vote = (await app.Get($"/api/votes/{UnvotesImporter.VoteIdFor(990001)}")).ShouldBe(HttpStatusCode.OK).Json;
            Assert.Equal((1, 1, 1, 192 - 3), ((int)vote["yes"]!, (int)vote["no"]!, (int)vote["abstain"]!, (int)vote["nonVoting"]!));
            Assert.Contains(vote["ballots"]!.AsArray(), b => (string?)b!["iso3"] == "NAM" && (string?)b["vote"] == "no");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
