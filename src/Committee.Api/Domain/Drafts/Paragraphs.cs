using System.Text.RegularExpressions;

namespace Committee.Domain;

/// <summary>Paragraph references as secretaries read them out: "PP3" (preambular) and "OP4" (operative), from 1.</summary>
public static partial class Paragraphs
{
    public static (List<string> Part, int Index)? Locate(Draft draft, string reference)
    {
        var match = Reference().Match(reference.Trim());
        if (!match.Success) return null;
        var part = match.Groups[1].Value.ToUpperInvariant() == "PP" ? draft.Preamble : draft.Operative;
        return (part, int.Parse(match.Groups[2].Value) - 1);
    }

    /// <summary>Why a change cannot be applied to the draft as it stands, or null when it can.</summary>
    public static string? Problem(Draft draft, ParagraphChange change)
    {
        if (!draft.TextKnown)
            return $"the text of {draft.Symbol} is not recorded (known from its metadata only): its paragraphs cannot be referred to";
        if (Locate(draft, change.Paragraph) is not var (part, index))
            return $"'{change.Paragraph}' is not a paragraph reference: use PP<n> for preambular and OP<n> for operative paragraphs";
        var upper = change.Kind == ParagraphChangeKind.Inserted ? part.Count : part.Count - 1;
        if (index < 0 || index > upper)
            return $"the draft has no paragraph {change.Paragraph.ToUpperInvariant()}";
        if (change.Kind != ParagraphChangeKind.Deleted && string.IsNullOrWhiteSpace(change.Text))
            return $"the new text of {change.Paragraph.ToUpperInvariant()} is missing";
        if (change.Text?.Length > Limits.Paragraph)
            return $"the new text of {change.Paragraph.ToUpperInvariant()} has {change.Text.Length:N0} characters: at most {Limits.Paragraph:N0} are taken";
        if (change.Kind == ParagraphChangeKind.Inserted && part.Count >= Limits.Paragraphs)
            return $"the draft would have more than {Limits.Paragraphs:N0} paragraphs in that part";
        return null;
    }

    public static void Apply(Draft draft, ParagraphChange change)
    {
        var (part, index) = Locate(draft, change.Paragraph)!.Value;
        switch (change.Kind)
        {
            case ParagraphChangeKind.Replaced: part[index] = change.Text!; break;
            case ParagraphChangeKind.Inserted: part.Insert(index, change.Text!); break;
            case ParagraphChangeKind.Deleted: part.RemoveAt(index); break;
        }
    }

    /// <summary>The reference a paragraph takes when an earlier one of the same part is deleted (OP4 after OP2 is
    /// deleted becomes OP3), or null when the deletion does not move it.</summary>
    public static string? After(string reference, string deleted)
    {
        var (a, b) = (Reference().Match(reference.Trim()), Reference().Match(deleted.Trim()));
        if (!a.Success || !b.Success || !a.Groups[1].Value.Equals(b.Groups[1].Value, StringComparison.OrdinalIgnoreCase)) return null;
        var number = int.Parse(a.Groups[2].Value);
        return number > int.Parse(b.Groups[2].Value) ? $"{a.Groups[1].Value.ToUpperInvariant()}{number - 1}" : null;
    }

    /// <summary>"OP3" as the record reads it: "operative paragraph 3"; "PP2": "preambular paragraph 2".</summary>
    public static string Describe(string reference)
    {
        var match = Reference().Match(reference.Trim());
        if (!match.Success) return reference;
        return $"{(match.Groups[1].Value.Equals("PP", StringComparison.OrdinalIgnoreCase) ? "preambular" : "operative")} paragraph {int.Parse(match.Groups[2].Value)}";
    }

    /// <summary>"op3" and "OP 3" are both OP3; null when it is no paragraph reference.</summary>
    public static string? Normalize(string reference)
    {
        var match = Reference().Match(reference.Trim());
        return match.Success ? $"{match.Groups[1].Value.ToUpperInvariant()}{int.Parse(match.Groups[2].Value)}" : null;
    }

    /// <summary>Document order: preambular paragraphs before operative ones, then by number.</summary>
    public static (int Part, int Number) Position(string reference)
    {
        var match = Reference().Match(reference.Trim());
        return match.Success ? (match.Groups[1].Value.Equals("PP", StringComparison.OrdinalIgnoreCase) ? 0 : 1, int.Parse(match.Groups[2].Value)) : (2, 0);
    }

    [GeneratedRegex(@"^(PP|OP)\s*([0-9]{1,3})$", RegexOptions.IgnoreCase)] private static partial Regex Reference();
}
