using Committee.Delegations;
using Committee.History;
using Committee.Voting.Unvotes;
using Marten;
using JasperFx.CommandLine;
using Spectre.Console;

namespace Committee.Imports;

public sealed class ImportInput
{
    [Description("What the file holds: undl (the UN Digital Library's records of a session's L documents, CSV or MARCXML), document (a UN draft's text), unvotes (the folder of the unvotes roll calls)")]
    public string Source { get; set; } = "";

    [Description("The file to import")]
    public string Path { get; set; } = "";

    [Description("document: the symbol, when its text lacks it, e.g. A/C.3/64/L.22/Rev.1")]
    public string? SymbolFlag { get; set; }

    [Description("document: only read it and print what was read; store nothing")]
    public bool PreviewFlag { get; set; }

    [Description("unvotes: only the roll calls of this General Assembly session")]
    [FlagAlias("session")]
    public int? SessionFlag { get; set; }
}

[Description("Imports into the event store: import undl PATH | import document FILE, optionally --symbol S and --preview | import unvotes FOLDER, optionally --session N. Progress goes to stderr, the report to stdout.", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public const string Undl = "undl";
    public const string Document = "document";
    public const string Unvotes = "unvotes";

    public ImportCommand()
    {
        Usage("A source and its file").Arguments(x => x.Source, x => x.Path);
    }

    [InjectService] public UndlImport UndlImport { get; set; } = null!;

    [InjectService] public DocumentImport DocumentImport { get; set; } = null!;

    [InjectService] public IServiceProvider Services { get; set; } = null!;

    [InjectService] public IDocumentStore Store { get; set; } = null!;

    [InjectService] public MemberStates States { get; set; } = null!;

    public override async Task<bool> Execute(ImportInput input)
    {
        if (!File.Exists(input.Path) && !Directory.Exists(input.Path))
        {
            await Console.Error.WriteLineAsync($"{input.Path}: no such file");
            return false;
        }
        switch (input.Source.ToLowerInvariant())
        {
            case Undl:
                // On a terminal the progress line rewrites itself; redirected, it is one line per document.
                var terminal = !Console.IsErrorRedirected;
                var report = await UndlImport.Run(input.Path, line => Console.Error.Write(terminal ? $"\r{line,-60}" : line + Environment.NewLine), CancellationToken.None);
                if (terminal) await Console.Error.WriteLineAsync();
                Console.Write(report.Describe());
                return report.NotImported.Count == 0;
            case Document:
                return await DocumentImportFromFile.Run(DocumentImport, Services, input.Path, input.SymbolFlag, input.PreviewFlag);
            case Unvotes:
                return await ImportUnvotes(input.Path, input.SessionFlag);
            default:
                await Console.Error.WriteLineAsync($"usage: import {Undl}|{Document}|{Unvotes} PATH ('{input.Source}' is not a source Committee reads)");
                return false;
        }
    }

    private async Task<bool> ImportUnvotes(string folder, int? session)
    {
        if (!File.Exists(System.IO.Path.Combine(folder, "votes.csv")))
        {
            await Console.Error.WriteLineAsync($"{folder} holds no votes.csv");
            return false;
        }
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        var importer = new UnvotesImporter(Store, States, TimeProvider.System);
        // The progress bar (Spectre's, through JasperFx's console) goes to stderr: stdout keeps only the report.
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        ImportReport report = null!;
        await terminal.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(Markup.Escape("[unvotes] reading the roll calls"), maxValue: 1);
                report = await importer.ImportAsync(folder, session is null ? null : (_, s) => s == session, new Progress<ImportProgress>(p =>
                {
                    task.MaxValue = Math.Max(p.RollCallsToImport, 1);
                    task.Value = p.RollCallsDone;
                    task.Description = Markup.Escape($"[unvotes] {p.RollCallsDone:N0}/{p.RollCallsToImport:N0} roll calls, {p.BallotsDone:N0} ballots, {p.BallotsDone / Math.Max(p.Elapsed.TotalSeconds, 0.001):N0} ballots/s");
                }));
                task.Value = task.MaxValue;
            });
        Console.WriteLine(UnvotesReport.Text(report));
        return true;
    }
}
