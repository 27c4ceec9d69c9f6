using System.Text;
using Committee.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Wolverine.Http;

namespace Committee.History;

public static class ImportDocumentEndpoint
{
    /// <summary>Imports a UN draft from its plain text (text/plain body): submits it, or revises the draft it is a
    /// revision of. ?symbol= gives the symbol when the text lacks it; ?preview=true only reads it and stores nothing.</summary>
    [WolverinePost("/api/documents", OperationId = "ImportDocument"), Tags("History")]
    [Authorize(Policy = Security.SecretariatPolicy)]
    public static async Task<IResult> Post(string? symbol, bool? preview, HttpContext http, DocumentImport import)
    {
        if (!(http.Request.ContentType ?? "").StartsWith("text/plain", StringComparison.OrdinalIgnoreCase))
            return Problems.For(StatusCodes.Status415UnsupportedMediaType, "Content-Type", "send the document's plain text with Content-Type: text/plain");
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return Problems.For(Refusal.Invalid("body", "the body is empty: send the document's text"));
        return await import.ImportAsync(http, text, symbol, preview ?? false);
    }
}
