using Microsoft.AspNetCore.Mvc;

namespace Committee.Infrastructure;

/// <summary>RFC 9457 problem details that name the field and the reason.</summary>
public static class Problems
{
    public static IResult For(int status, string field, string reason, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails();
        Fill(problem, status, field, reason);
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return Results.Problem(problem);
    }

    private static void Fill(ProblemDetails problem, int status, string field, string reason)
    {
        problem.Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}";
        problem.Status = status;
        problem.Title = status switch
        {
            400 => "The request is not valid",
            401 => "Not signed in",
            403 => "Not allowed",
            404 => "Not found",
            405 => "Method not allowed",
            406 => "Not acceptable",
            408 => "Request timeout",
            409 => "Conflict with the current state",
            413 => "Content too large",
            415 => "Unsupported media type",
            429 => "Too many requests",
            >= 500 and not 503 => "The server could not complete the request",
            503 => "Not available yet",
            _ => "The action cannot be recorded",
        };
        problem.Detail = reason;
        problem.Extensions["field"] = field;
        problem.Extensions["reason"] = reason;
    }

    /// <summary>Every problem the framework writes by itself (the status code pages' 401, 403, 404, 405, 406; a query
    /// value Wolverine cannot parse; the server's own failure) in the app's format: a field and a reason, never the
    /// framework's wording, which may name .NET types. The app's own problems already carry theirs.</summary>
    public static void Complete(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Extensions.ContainsKey("field")) return;
        var status = problem.Status ?? context.HttpContext.Response.StatusCode;
        var (field, reason) = problem.Extensions.TryGetValue("parameter", out var parameter) && parameter is string name
            ? (name, $"{name} must be {QueryValue(context.HttpContext, name)}")
            : status switch
            {
                401 => ("Authorization", "this needs a valid bearer token (Authorization: Bearer …): none was given, or it is not one of the Committee's, or it has expired"),
                403 => ("Authorization", "this token's holder may not do this"),
                404 => ("path", $"there is nothing at {context.HttpContext.Request.Path}"),
                405 => ("method", $"{context.HttpContext.Request.Method} is not allowed here"),
                406 => ("Accept", "the answer is JSON: accept application/json"),
                415 => ("Content-Type", "send the body as application/json"),
                >= 500 => ("request", "the error has been logged"),
                _ => ("body", "the request cannot be read"),
            };
        foreach (var key in problem.Extensions.Keys.Where(k => k != "traceId").ToList()) problem.Extensions.Remove(key);
        Fill(problem, status, field, reason);
    }

    /// <summary>What the endpoint's query parameter takes, read from the endpoint's own method.</summary>
    private static string QueryValue(HttpContext http, string name) =>
        http.GetEndpoint()?.Metadata.GetMetadata<Wolverine.Http.HttpChain>()?.Method.Method.GetParameters()
            .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) is { } parameter
            ? JsonTypes.Describe(parameter.ParameterType)
            : "a value of the kind the API reference gives";

    public static IResult For(Refusal refusal) => For(refusal.Status, refusal.Field, refusal.Reason);

    public static IResult NotFound(string field, string reason) => For(StatusCodes.Status404NotFound, field, reason);

    public static IResult StaleVersion(long expected, long current) =>
        For(StatusCodes.Status409Conflict, "expectedVersion",
            $"this record has changed since version {expected}: it is now at version {current}; reload it and try again",
            new Dictionary<string, object?> { ["currentVersion"] = current });

    /// <summary>A read model still behind the sequence a reader asked for: 503, to be asked again shortly.</summary>
    public static IResult Behind(string readModel, long atLeast, TimeSpan waited) =>
        RetryLater(StatusCodes.Status503ServiceUnavailable, "atLeast",
            $"the read model {readModel} has not yet reached event {atLeast} after {waited.TotalSeconds:0.#} s; ask again in a moment", TimeSpan.FromSeconds(1));

    /// <summary>Not now, but soon (503, 429): the problem with a Retry-After header.</summary>
    public static IResult RetryLater(int status, string field, string reason, TimeSpan after) => new Later(For(status, field, reason), after);

    private sealed class Later(IResult problem, TimeSpan after) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return problem.ExecuteAsync(http);
        }
    }
}
