using System.Security.Claims;
using Committee.Infrastructure;

namespace Committee.History;

public static class DocumentImportFromFile
{
    /// <summary>The same service as POST /api/documents, through a request of its own, recorded as the command line's;
    /// prints the answer and tells whether it succeeded.</summary>
    public static async Task<bool> Run(DocumentImport import, IServiceProvider services, string file, string? symbol, bool preview)
    {
        var http = new DefaultHttpContext
        {
            RequestServices = services,
            User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(Tokens.NameClaim, "command-line")], "cli", Tokens.NameClaim, Tokens.RoleClaim)),
        };
        http.Request.Method = "POST";
        http.Request.Path = "/api/documents";
        http.Response.Body = new MemoryStream();
        var result = await import.ImportAsync(http, await File.ReadAllTextAsync(file), symbol, preview);
        await result.ExecuteAsync(http);
        http.Response.Body.Position = 0;
        Console.WriteLine(await new StreamReader(http.Response.Body).ReadToEndAsync());
        var ok = http.Response.StatusCode is >= 200 and < 300;
        if (!ok) Console.Error.WriteLine($"import failed ({http.Response.StatusCode})");
        return ok;
    }
}
