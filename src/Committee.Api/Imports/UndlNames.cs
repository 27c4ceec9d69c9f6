using System.Text;
using System.Text.RegularExpressions;
using Committee.Delegations;

namespace Committee.Imports;

/// <summary>A name from a list, as the library wrote it, with the group it acted for ("[on behalf of …]").</summary>
public sealed record ListedName(string Name, string? OnBehalfOf);

/// <summary>A listed name read: the name Committee knows the State or observer by (null if none), and how it was
/// repaired when it was not written as Committee writes it.</summary>
public sealed record ReadName(string Listed, string? Known, string? Repair);

/// <summary>Reads the library's lists of States: repairs what is unambiguous (double-encoded UTF-8, case and spacing,
/// the short forms "United Kingdom" and "United States"), and leaves the rest unresolved rather than guess.</summary>
public sealed partial class UndlNames(MemberStates states)
{
    public const string Mojibake = "double-encoded UTF-8 repaired";
    public const string Spelling = "spelling (case, spacing, accents)";
    public const string ShortForm = "short form";

    private static readonly Encoding Cp1252 = CodePages();
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);

    /// <summary>Every name a State has carried, and each observer's, with what it stands for.</summary>
    private readonly IReadOnlyList<(string Name, string Folded, string Key)> _known =
        states.All.SelectMany(s => s.Names.Select(n => n.Name).Append(s.CurrentName).Select(n => (n, s.Iso3)))
            .Concat(Observers.All.SelectMany(o => o.Aliases.Append(o.Name).Select(n => (n, o.Code))))
            .Distinct()
            .Select(n => (n.Item1, Fold(n.Item1), n.Item2))
            .ToList();

    /// <summary>"A, B [on behalf of G], C and D": commas and the last "and" separate names, except inside brackets and
    /// inside names that contain "and" themselves (Trinidad and Tobago): the split chosen is the one whose parts are names.</summary>
    public IReadOnlyList<ListedName> Split(string list, DateOnly date)
    {
        var items = SplitOutside(list.Trim().TrimEnd('.'), ", ");
        if (items.Count == 0) return [];
        var last = items[^1];
        items.RemoveAt(items.Count - 1);
        items.AddRange(SplitLast(last, date));
        return items.Where(i => i.Length > 0).Select(Listed).ToList();
    }

    /// <summary>The name Committee knows, for a name as listed: as written, else repaired of double encoding, else
    /// matched ignoring case, spacing and accents, else the one name it is the beginning of ("United Kingdom").</summary>
    public ReadName Read(string listed, DateOnly date, bool shortForms = true)
    {
        var repaired = RepairMojibake(listed.Trim());
        var how = repaired != listed.Trim() ? Mojibake : null;
        if (Exact(repaired, date) is { } exact) return new ReadName(listed, exact, how ?? (exact != listed.Trim() ? Spelling : null));
        var folded = Fold(repaired);
        if (Only(_known.Where(k => SameLetters(k.Folded, folded, prefix: false))) is { } spelled)
            return new ReadName(listed, NameOn(spelled, date), how ?? Spelling);
        if (shortForms && folded.Length >= 4 && Only(_known.Where(k => SameLetters(k.Folded, folded, prefix: true))) is { } shortened)
            return new ReadName(listed, NameOn(shortened, date), how ?? ShortForm);
        return new ReadName(listed, null, how);
    }

    /// <summary>"the of the Organization of Islamic Cooperation" (sic) is the OIC: stray leading words are dropped.</summary>
    public static Delegations.Group? ReadGroup(string phrase) => Groups.Find(LeadingWords().Replace(phrase.Trim(), ""));

    /// <summary>Re-encodes as Windows-1252 and decodes as UTF-8, only when that is valid and changes the text
    /// ("TÃ¼rkiye" → "Türkiye"); correct text ("Türkiye") is not valid UTF-8 once re-encoded, and stays.</summary>
    public static string RepairMojibake(string text)
    {
        try
        {
            return StrictUtf8.GetString(Cp1252.GetBytes(text));
        }
        catch (Exception e) when (e is EncoderFallbackException or DecoderFallbackException)
        {
            return text;
        }
    }

    private List<string> SplitLast(string item, DateOnly date)
    {
        var ands = AndsOutsideBrackets(item);
        foreach (var strict in new[] { true, false })
        {
            var fits = ands.Where(i => Names(item[..i], date, strict) && Names(item[(i + 5)..], date, strict)).ToList();
            if (fits.Count == 1) return [item[..fits[0]], item[(fits[0] + 5)..]];
        }
        if (ands.Count == 0 || Names(item, date, strict: false)) return [item];
        return [item[..ands[^1]], item[(ands[^1] + 5)..]];
    }

    private bool Names(string item, DateOnly date, bool strict) => Read(Listed(item).Name, date, shortForms: !strict).Known is not null;

    private static ListedName Listed(string item)
    {
        var behalf = OnBehalfOf().Match(item);
        return behalf.Success ? new ListedName(item[..behalf.Index].Trim(), behalf.Groups[1].Value.Trim()) : new ListedName(item.Trim(), null);
    }

    private string? Exact(string name, DateOnly date) =>
        states.Find(name, date) is { } state ? state.NameOn(date) : Observers.Find(name)?.Name;

    private string NameOn(string key, DateOnly date) => states.ByIso3(key)?.NameOn(date) ?? Observers.Find(key)!.Name;

    /// <summary>The one State or observer the matches stand for, if they all stand for the same one.</summary>
    private static string? Only(IEnumerable<(string Name, string Folded, string Key)> matches)
    {
        var keys = matches.Select(m => m.Key).Distinct().ToList();
        return keys.Count == 1 ? keys[0] : null;
    }

    /// <summary>Letters only, lower case: "Ir eland" and "Ireland" fold alike.</summary>
    private static string Fold(string name) => new(name.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());

    /// <summary>Equal letters, where an accented letter matches any letter (this build has no Unicode decomposition to
    /// strip accents with): "cote" matches "côte".</summary>
    private static bool SameLetters(string known, string listed, bool prefix)
    {
        if (prefix ? known.Length <= listed.Length : known.Length != listed.Length) return false;
        for (var i = 0; i < listed.Length; i++)
            if (known[i] != listed[i] && known[i] < 128 && listed[i] < 128) return false;
        return true;
    }

    private static List<string> SplitOutside(string text, string separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (depth == 0 && string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(text[start..i].Trim());
                start = i + separator.Length;
            }
        }
        parts.Add(text[start..].Trim());
        return parts;
    }

    private static List<int> AndsOutsideBrackets(string text)
    {
        var positions = new List<int>();
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' or '[' => 1, ')' or ']' => -1, _ => 0 };
            if (depth == 0 && string.CompareOrdinal(text, i, " and ", 0, 5) == 0) positions.Add(i);
        }
        return positions;
    }

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    [GeneratedRegex(@"\s*\[on behalf of ([^\]]*)\]\s*$")] private static partial Regex OnBehalfOf();
    [GeneratedRegex(@"^(?:(?:the|of)\s+)+", RegexOptions.IgnoreCase)] private static partial Regex LeadingWords();
}
