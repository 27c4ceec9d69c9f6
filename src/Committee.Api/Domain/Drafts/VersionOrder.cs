using System.Text.RegularExpressions;

namespace Committee.Domain;

/// <summary>The order of a draft's documents by their symbols: the L document, then …/Rev.1, …/Rev.2; a corrigendum
/// right after the version it corrects; a note's addenda after it. Versions are issued in this order, so it is also
/// the order of their dates, whatever order they are recorded in.</summary>
public static partial class VersionOrder
{
    public static (int Revision, int Correction, int Addendum) Of(string symbol)
    {
        var match = Parts().Match(symbol);
        int Number(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value) : 0;
        return (Number("rev"), Number("corr"), Number("add"));
    }

    public static int Compare(string a, string b) => Of(a).CompareTo(Of(b));

    public static void Sort(List<string> symbols) => symbols.Sort(Compare);

    /// <summary>The symbols of the versions before a revision: A/C.3/64/L.22/Rev.2 comes after L.22 and L.22/Rev.1.</summary>
    public static IReadOnlyList<string> Earlier(string symbol)
    {
        var match = Parts().Match(symbol);
        if (!match.Groups["rev"].Success || match.Groups["corr"].Success || match.Groups["add"].Success) return [];
        var original = match.Groups["original"].Value;
        return [original, .. Enumerable.Range(1, int.Parse(match.Groups["rev"].Value) - 1).Select(n => $"{original}/Rev.{n}")];
    }

    [GeneratedRegex(@"^(?<original>.*?/L\.[0-9]+)(?:/Rev\.(?<rev>[0-9]+))?(?:/Corr\.(?<corr>[0-9]+))?(?:/Add\.(?<add>[0-9]+))?$")]
    private static partial Regex Parts();
}
