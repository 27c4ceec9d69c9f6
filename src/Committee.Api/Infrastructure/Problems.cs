using Microsoft.AspNetCore.Mvc;

namespace Committee.Infrastructure;

/// <summary>RFC 9457 problem details that name the field and the reason.</summary>
public static class Problems
{
    public static IResult For(int status, string field, string reason, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Type = $"https://www.rfc-editor.org/rfc/rfc9110#status.{status}",
            Status = status,
            Title = status switch
            {
                400 => "The request is not valid",
                403 => "Not allowed",
                404 => "Not found",
                409 => "Conflict with the current state",
                415 => "Unsupported media type",
                429 => "Too many requests",
                503 => "Not available yet",
                _ => "The action cannot be recorded",
            },
            Detail = reason,
        };
        problem.Extensions["field"] = field;
        problem.Extensions["reason"] = reason;
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>()) problem.Extensions[key] = value;
        return Results.Problem(problem);
    }

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
