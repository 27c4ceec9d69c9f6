namespace Committee.Domain;

/// <summary>How much a record holds, chosen from the Third Committee's own documents with ample headroom (README,
/// "Limits"): enough for any real draft, and a clear refusal (422) instead of a record no one can read or index.</summary>
public static class Limits
{
    /// <summary>A symbol, an agenda item, a question, an authority or a source: the longest State name has 52
    /// characters, a document symbol about 30.</summary>
    public const int Name = 200;

    /// <summary>A draft's title or an agenda item's: the longest in the 78th session's library records has 325.</summary>
    public const int Title = 1_000;

    /// <summary>A paragraph, a note or a statement: the longest paragraph of the sample draft has 927 characters; the
    /// longest in the Committee's omnibus resolutions stay under 5,000.</summary>
    public const int Paragraph = 20_000;

    /// <summary>Paragraphs in each part of a draft (preamble, operative): omnibus resolutions have about 150 in all.</summary>
    public const int Paragraphs = 500;

    /// <summary>The text, trimmed, if it is no longer than the limit.</summary>
    public static string Within(string text, int limit, string field) =>
        text.Length <= limit ? text
            : throw Infrastructure.Refusal.Unprocessable(field, $"{field} has {text.Length:N0} characters: at most {limit:N0} are taken");
}
