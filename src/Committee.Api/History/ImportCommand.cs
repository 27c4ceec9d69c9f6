using System.Security.Claims;
using Committee.Infrastructure;
using JasperFx.CommandLine;

namespace Committee.History;

public sealed class ImportInput
{
    [Description("What to import: document")]
    public string Kind { get; set; } = "document";

    [Description("The text file of the document")]
    public string File { get; set; } = "";

    [Description("The document's symbol, when its text lacks it, e.g. A/C.3/64/L.22/Rev.1")]
    public string? SymbolFlag { get; set; }

    [Description("Only read the document and print what was read; store nothing")]
    public bool PreviewFlag { get; set; }
}

[Description("Imports a UN draft from its text: import document FILE, with --symbol when the text lacks it, --preview to only read it", Name = "import")]
public sealed class ImportCommand : JasperFxAsyncCommand<ImportInput>
{
    public ImportCommand()
    {
        Usage("A document from its text file").Arguments(x => x.Kind, x => x.File);
    }

    [InjectService] public DocumentImport Import { get; set; } = null!;

    [InjectService] public IServiceProvider Services { get; set; } = null!;

    public override async Task<bool> Execute(ImportInput input)
    {
        if (input.Kind != "document")
        {
            Console.Error.WriteLine("usage: import document FILE [--symbol SYMBOL] [--preview]");
            return false;
        }
        if (!File.Exists(input.File))
        {
            Console.Error.WriteLine($"{input.File}: no such file");
            return false;
        }
        // The same service as POST /api/documents, through a request of its own, recorded as the command line's.
        var http = new DefaultHttpContext
        {
            RequestServices = Services,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(Tokens.NameClaim, "command-line")], "cli", Tokens.NameClaim, Tokens.RoleClaim)),
        };
        http.Request.Method = "POST";
        http.Request.Path = "/api/documents";
        http.Response.Body = new MemoryStream();
        var result = await Import.ImportAsync(http, await File.ReadAllTextAsync(input.File), input.SymbolFlag, input.PreviewFlag);
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        Console.WriteLine(await new StreamReader(http.Response.Body).ReadToEndAsync());
        var ok = http.Response.StatusCode is >= 200 and < 300;
        if (!ok) Console.Error.WriteLine($"import failed ({http.Response.StatusCode})");
        return ok;
    }
}
