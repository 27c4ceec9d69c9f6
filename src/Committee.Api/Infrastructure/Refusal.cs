namespace Committee.Infrastructure;

/// <summary>An action that procedure, or the data, does not allow: answered as problem details naming the field.</summary>
public sealed class Refusal(int status, string field, string reason) : Exception(reason)
{
    public int Status { get; } = status;
    public string Field { get; } = field;
    public string Reason { get; } = reason;

    /// <summary>The action conflicts with the draft's state (it already happened, or the moment has passed): 409.</summary>
    public static Refusal Conflict(string field, string reason) => new(StatusCodes.Status409Conflict, field, reason);

    /// <summary>The bearer may not do this, whatever the draft's state: 403, with the reason.</summary>
    public static Refusal Forbidden(string field, string reason) => new(StatusCodes.Status403Forbidden, field, reason);

    /// <summary>The request is well formed but names something procedure does not accept: 422.</summary>
    public static Refusal Unprocessable(string field, string reason) => new(StatusCodes.Status422UnprocessableEntity, field, reason);

    /// <summary>A field is missing or malformed: 400.</summary>
    public static Refusal Invalid(string field, string reason) => new(StatusCodes.Status400BadRequest, field, reason);
}
