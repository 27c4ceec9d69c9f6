using JasperFx.CommandLine;

namespace Committee.Imports;

public sealed class ImportInput
{
    [Description("What the file holds: undl (the UN Digital Library's records of a session's L documents, shared/data/undl)")]
    public string Source { get; set; } = "";

    [Description("The file to import")]
    public string Path { get; set; } = "";
}

[Description("Imports a session's documents into drafts: import undl PATH. Progress goes to stderr, the report to stdout.", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public const string Undl = "undl";

    public ImportCommand()
    {
        Usage("The library's records of a session's L documents (CSV)").Arguments(x => x.Source, x => x.Path);
    }

    [InjectService] public UndlImport Import { get; set; } = null!;

    public override async Task<bool> Execute(ImportInput input)
    {
        if (!string.Equals(input.Source, Undl, StringComparison.OrdinalIgnoreCase))
        {
            await Console.Error.WriteLineAsync($"usage: import {Undl} PATH ('{input.Source}' is not a source Committee reads)");
            return false;
        }
        if (!File.Exists(input.Path))
        {
            await Console.Error.WriteLineAsync($"{input.Path}: no such file");
            return false;
        }
        // On a terminal the progress line rewrites itself; redirected, it is one line per document.
        var terminal = !Console.IsErrorRedirected;
        var report = await Import.Run(input.Path, line => Console.Error.Write(terminal ? $"\r{line,-60}" : line + Environment.NewLine), CancellationToken.None);
        if (terminal) await Console.Error.WriteLineAsync();
        Console.Write(report.Describe());
        return report.NotImported.Count == 0;
    }
}
