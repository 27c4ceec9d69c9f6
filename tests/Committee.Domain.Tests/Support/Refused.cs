using Committee.Infrastructure;

namespace Committee.Domain.Tests.Support;

internal static class Refused
{
    /// <summary>Asserts that the decision is refused with that status and field, and that the reason mentions each word given.</summary>
    public static Refusal With(int status, string field, Func<object?> decide, params string[] mentions)
    {
        var refusal = Assert.Throws<Refusal>(() => decide());
        Assert.Equal(status, refusal.Status);
        Assert.Equal(field, refusal.Field);
        foreach (var mention in mentions)
            Assert.Contains(mention, refusal.Reason, StringComparison.OrdinalIgnoreCase);
        return refusal;
    }

    public static Refusal Invalid(string field, Func<object?> decide, params string[] mentions) => With(400, field, decide, mentions);

    public static Refusal Conflict(string field, Func<object?> decide, params string[] mentions) => With(409, field, decide, mentions);

    public static Refusal Unprocessable(string field, Func<object?> decide, params string[] mentions) => With(422, field, decide, mentions);
}
