using System.Text.RegularExpressions;
using Committee.Domain;
using Committee.Infrastructure;

namespace Committee.Drafts;

/// <summary>Document symbols of the Third Committee: A/C.3/64/L.22, then …/Rev.1, …/Rev.2, …/Corr.1, and a note's …/Add.1.</summary>
public static partial class Symbols
{
    /// <summary>Checks the symbol of a draft's first recorded document: its L symbol, or a revision's when the draft is
    /// recorded from a later version. Returns the versions before it (known to exist, not recorded).</summary>
    public static IReadOnlyList<string> CheckFirstRecorded(string symbol, int session)
    {
        var match = Original().Match(symbol);
        if (!match.Success)
            throw Refusal.Invalid("symbol", $"'{symbol}' is not a Third Committee draft symbol such as A/C.3/{session}/L.22");
        if (int.Parse(match.Groups[1].Value) != session)
            throw Refusal.Unprocessable("symbol", $"{symbol} belongs to the {English.Ordinal(int.Parse(match.Groups[1].Value))} session, not the {English.Ordinal(session)}");
        return VersionOrder.Earlier(symbol);
    }

    /// <summary>The symbol of an L document of the Committee, such as the Secretary-General's statement of programme
    /// budget implications (A/C.3/64/L.70), or of one of its revisions, corrigenda or addenda.</summary>
    public static string CheckDocument(string symbol, string field) =>
        Document().IsMatch(symbol) ? symbol
            : throw Refusal.Unprocessable(field, $"'{symbol}' is not the symbol of a Third Committee document such as A/C.3/64/L.70");

    /// <summary>The symbol the next revision must carry: the L symbol with /Rev.(n+1).</summary>
    public static string NextRevision(Draft draft)
    {
        var original = draft.Symbols[0];
        var revisions = draft.Symbols.Count(s => Revision().IsMatch(s));
        return $"{original}/Rev.{revisions + 1}";
    }

    /// <summary>The symbol the next corrigendum to the current version must carry.</summary>
    public static string NextCorrection(Draft draft)
    {
        var corrections = draft.Symbols.Count(s => s.StartsWith(draft.Symbol + "/Corr.", StringComparison.Ordinal));
        return $"{draft.Symbol}/Corr.{corrections + 1}";
    }

    /// <summary>The symbol the next addendum to the document must carry: the L symbol with /Add.(n+1).</summary>
    public static string NextAddendum(Draft draft)
    {
        var addenda = draft.Symbols.Count(s => s.StartsWith(draft.Symbols[0] + "/Add.", StringComparison.Ordinal));
        return $"{draft.Symbols[0]}/Add.{addenda + 1}";
    }

    [GeneratedRegex(@"^A/C\.3/([1-9][0-9]{0,2})/L\.[1-9][0-9]{0,3}(?:/Rev\.[1-9][0-9]?)?$")] private static partial Regex Original();
    [GeneratedRegex(@"^A/C\.3/[1-9][0-9]{0,2}/L\.[1-9][0-9]{0,3}(/(Rev|Corr|Add)\.[1-9][0-9]?)?$")] private static partial Regex Document();
    [GeneratedRegex(@"/Rev\.[0-9]+$")] private static partial Regex Revision();
}
