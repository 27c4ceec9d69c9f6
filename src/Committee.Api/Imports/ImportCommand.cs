using Committee.History;
using JasperFx.CommandLine;

namespace Committee.Imports;

public sealed class ImportInput
{
    [Description("What the file holds: undl (the UN Digital Library's records of a session's L documents), document (a UN draft's text)")]
    public string Source { get; set; } = "";

    [Description("The file to import")]
    public string Path { get; set; } = "";

    [Description("document: the symbol, when its text lacks it, e.g. A/C.3/64/L.22/Rev.1")]
    public string? SymbolFlag { get; set; }

    [Description("document: only read it and print what was read; store nothing")]
    public bool PreviewFlag { get; set; }
}

[Description("Imports into the event store: import undl PATH | import document FILE [--symbol S] [--preview]. Progress goes to stderr, the report to stdout.", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public const string Undl = "undl";
    public const string Document = "document";

    public ImportCommand()
    {
        Usage("A source and its file").Arguments(x => x.Source, x => x.Path);
    }

    [InjectService] public UndlImport UndlImport { get; set; } = null!;

    [InjectService] public DocumentImport DocumentImport { get; set; } = null!;

    [InjectService] public IServiceProvider Services { get; set; } = null!;

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
            default:
                await Console.Error.WriteLineAsync($"usage: import {Undl}|{Document} PATH ('{input.Source}' is not a source Committee reads)");
                return false;
        }
    }
}
