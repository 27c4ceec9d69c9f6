using Committee.Delegations;
using JasperFx.CommandLine;
using Marten;

namespace Committee.Voting.Unvotes;

public sealed class ImportInput : NetCoreInput
{
    [Description("What to import: unvotes")]
    public string Source { get; set; } = "";

    [Description("The folder holding roll_calls.csv, votes.csv and roll_call_issues.csv")]
    public string Path { get; set; } = "";

    [Description("Only the roll calls of this General Assembly session")]
    [FlagAlias("session")]
    public int? SessionFlag { get; set; }
}

[Description("Imports a voting dataset into the event store: import unvotes PATH [--session N]", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public ImportCommand() => Usage("Import the unvotes roll calls from a folder").Arguments(x => x.Source, x => x.Path);

    public override async Task<bool> Execute(ImportInput input)
    {
        if (!input.Source.Equals(UnvotesImporter.DatasetName, StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"unknown dataset '{input.Source}': the importer knows unvotes");
            return false;
        }
        if (!File.Exists(System.IO.Path.Combine(input.Path, "votes.csv")))
        {
            await Console.Error.WriteLineAsync($"{input.Path} holds no votes.csv");
            return false;
        }
        using var host = input.BuildHost();
        var store = host.Services.GetRequiredService<IDocumentStore>();
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var importer = new UnvotesImporter(store, host.Services.GetRequiredService<MemberStates>(), TimeProvider.System);
        var session = input.SessionFlag;
        var report = await importer.ImportAsync(input.Path, session is null ? null : (_, s) => s == session, new Progress<ImportProgress>(p =>
            Console.Error.Write($"\r[unvotes] {p.RollCallsDone:N0}/{p.RollCallsToImport:N0} roll calls, {p.BallotsDone:N0} ballots, {p.BallotsDone / Math.Max(p.Elapsed.TotalSeconds, 0.001):N0} ballots/s   ")));
        Console.Error.WriteLine();
        Console.WriteLine(UnvotesReport.Text(report));
        return true;
    }
}

public static class UnvotesReport
{
    public static string Text(ImportReport r)
    {
        var lines = new List<string>
        {
            $"roll calls read: {r.RollCallsRead:N0}; imported: {r.RollCallsImported:N0}; already present (unchanged): {r.RollCallsAlreadyPresent:N0}",
            $"ballots imported: {r.BallotsImported:N0}; Member States recorded as not voting: {r.NonVotingRecorded:N0}",
            $"elapsed: {r.Elapsed.TotalSeconds:N2} s ({r.BallotsPerSecond:N0} ballots/s, read models included)",
            $"malformed rows reported and skipped: {r.Malformed:N0}",
        };
        lines.AddRange(r.MalformedExamples.Select(e => $"  {e}"));
        if (r.FormerMemberBallots.Count > 0)
            lines.Add($"ballots of former Member States (kept under their own names): {string.Join(", ", r.FormerMemberBallots.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value:N0}"))}");
        lines.Add($"ballots dated before the State's admission in member-states.csv (kept as the dataset records them): {r.BallotsBeforeAdmission:N0}");
        lines.AddRange(r.BeforeAdmissionExamples.Select(e => $"  {e}"));
        return string.Join(Environment.NewLine, lines);
    }
}
