using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Committee.Infrastructure;

/// <summary>The one place a request is read before an endpoint sees it: its query and route values must be text that
/// can be stored, and a JSON body must be sent as <c>application/json</c> and have the shape of the endpoint's request
/// type (checked against the serializer's own contract, so that reading it cannot fail), with no duplicate key, no
/// null where none is allowed, and only text that can be stored. Every refusal is the app's problem details, naming
/// the field: a client never sees a .NET type name.</summary>
public static class RequestChecks
{
    public const string JsonMediaType = "application/json";

    private static readonly JsonDocumentOptions Strict = new() { AllowDuplicateProperties = false, MaxDepth = 32 };

    public static WebApplication UseRequestChecks(this WebApplication app)
    {
        app.Use(Check);
        return app;
    }

    private static async Task Check(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint() is not { } endpoint) { await next(http); return; }
        var refusal = InQueryOrRoute(http);
        if (refusal is null && endpoint.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } type } accepts
            && accepts.ContentTypes.Contains(JsonMediaType))
            refusal = await InJsonBody(http, type);
        if (refusal is not null) await Problems.For(refusal).ExecuteAsync(http);
        else await next(http);
    }

    private static Refusal? InQueryOrRoute(HttpContext http)
    {
        foreach (var (name, values) in http.Request.Query)
        {
            if (Text.Problem(name) is { } inName) return Refusal.Invalid("query", $"a query parameter's name {inName}");
            foreach (var value in values)
                if (Text.Problem(value ?? "") is { } problem) return Refusal.Invalid(name, $"the value of {name} {problem}");
        }
        foreach (var (name, value) in http.Request.RouteValues)
            if (value is string text && Text.Problem(text) is { } problem)
                return Refusal.Invalid(name, $"the path segment {problem}");
        return null;
    }

    private static async Task<Refusal?> InJsonBody(HttpContext http, Type type)
    {
        if (!IsJson(http.Request.ContentType))
            return new Refusal(StatusCodes.Status415UnsupportedMediaType, "Content-Type",
                $"send the body as {JsonMediaType} (UTF-8){(string.IsNullOrEmpty(http.Request.ContentType) ? "" : $", not {http.Request.ContentType}")}");
        var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body, http.RequestAborted);
        body.Position = 0;
        http.Request.Body = body;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body.GetBuffer().AsMemory(0, (int)body.Length), Strict);
        }
        catch (JsonException e)
        {
            return Refusal.Invalid("body", $"the body is not valid JSON: {Unlocated(e.Message)} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
        }
        using (document)
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? Shape(document.RootElement, Json.Options.GetTypeInfo(type), "")
                : Refusal.Invalid("body", "the body must be a JSON object");
    }

    /// <summary>JSON is sent as application/json, in UTF-8: not "+json" variants with other semantics (merge-patch),
    /// and not without a content type.</summary>
    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals(JsonMediaType, StringComparison.OrdinalIgnoreCase)
        && (!media.Charset.HasValue || media.Charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));

    /// <summary>The reader's own words, without the path and position it appends (given separately).</summary>
    private static string Unlocated(string message) => message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');

    /// <summary>Why the value does not fit the contract of the type the endpoint reads, or null when it does.</summary>
    private static Refusal? Shape(JsonElement value, JsonTypeInfo contract, string field)
    {
        switch (contract.Kind)
        {
            case JsonTypeInfoKind.Object when value.ValueKind == JsonValueKind.Object:
                return Members(value, contract, field);
            case JsonTypeInfoKind.Enumerable when value.ValueKind == JsonValueKind.Array:
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    var item = $"{field}[{index++}]";
                    if (element.ValueKind == JsonValueKind.Null) return Refusal.Invalid(item, $"{item} is null: a list holds no nulls");
                    if (Shape(element, contract.Options.GetTypeInfo(contract.ElementType!), item) is { } refusal) return refusal;
                }
                return null;
            case JsonTypeInfoKind.None:
                return Scalar(value, contract, field);
            default:
                return Refusal.Invalid(Named(field), $"{Named(field)} must be {JsonTypes.Describe(contract.Type)}");
        }
    }

    private static Refusal? Members(JsonElement value, JsonTypeInfo contract, string field)
    {
        var given = new HashSet<JsonPropertyInfo>();
        foreach (var property in value.EnumerateObject())
        {
            var path = field.Length == 0 ? property.Name : $"{field}.{property.Name}";
            var member = contract.Properties.FirstOrDefault(p => p.Name.Equals(property.Name, StringComparison.OrdinalIgnoreCase));
            if (member is null || member.Set is null && member.AssociatedParameter is null)
                return Refusal.Invalid(path, $"'{property.Name}' is not a field of this request{Expected(contract)}");
            if (!given.Add(member)) return Refusal.Invalid(path, $"{member.Name} is given twice");
            path = field.Length == 0 ? member.Name : $"{field}.{member.Name}";
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                if (!(member.AssociatedParameter?.IsNullable ?? member.IsSetNullable))
                    return Refusal.Invalid(path, $"{path} cannot be null");
                continue;
            }
            if (Shape(property.Value, contract.Options.GetTypeInfo(member.PropertyType), path) is { } refusal) return refusal;
        }
        var missing = contract.Properties.FirstOrDefault(p =>
            !given.Contains(p) && (p.IsRequired || p.AssociatedParameter is { HasDefaultValue: false }));
        return missing is null ? null
            : Refusal.Invalid(field.Length == 0 ? missing.Name : $"{field}.{missing.Name}", $"{missing.Name} is required");
    }

    private static Refusal? Scalar(JsonElement value, JsonTypeInfo contract, string field)
    {
        if (TextIn(value, field) is { } refusal) return refusal;
        try
        {
            JsonSerializer.Deserialize(value, contract);
            return null;
        }
        catch (JsonException e)
        {
            // A converter of ours explains itself in words meant for the client; the serializer's own name types.
            var reason = contract.Converter.GetType().Assembly == typeof(RequestChecks).Assembly
                ? e.Message
                : $"must be {JsonTypes.Describe(contract.Type)}";
            return Refusal.Invalid(Named(field), $"{Named(field)} {reason}");
        }
    }

    /// <summary>Every string in the value, at any depth, is text that can be stored.</summary>
    private static Refusal? TextIn(JsonElement value, string field)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return TextProblem(value) is { } problem
                    ? Refusal.Unprocessable(Named(field), $"{Named(field)} {problem}")
                    : null;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var element in value.EnumerateArray())
                    if (TextIn(element, $"{field}[{index++}]") is { } refusal) return refusal;
                return null;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                    if (TextIn(property.Value, $"{field}.{property.Name}") is { } refusal) return refusal;
                return null;
            default:
                return null;
        }
    }

    private static string? TextProblem(JsonElement value)
    {
        try { return Text.Problem(value.GetString()!); }
        // JSON can escape a lone surrogate ("\ud800"), which is no text.
        catch (InvalidOperationException) { return "has an unpaired surrogate: it is not text"; }
    }

    private static string Named(string field) => field.Length == 0 ? "body" : field;

    private static string Expected(JsonTypeInfo contract) =>
        $": it has {string.Join(", ", contract.Properties.Where(p => p.Set is not null || p.AssociatedParameter is not null).Select(p => p.Name))}";
}
