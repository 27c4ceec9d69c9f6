using System.Buffers;
using System.Globalization;
using System.Text;

namespace Committee.Infrastructure;

/// <summary>What text the Committee stores: nothing PostgreSQL refuses (U+0000, which a <c>text</c> or <c>jsonb</c>
/// value cannot hold; an unpaired surrogate, which is no character at all) and nothing that misleads a reader:
/// control characters (a paragraph break is a new paragraph, never a character in one), the bidirectional
/// embedding, override and isolate controls that make "A/C.3/64/L.5" display as something else (U+202A–U+202E,
/// U+2066–U+2069), and the non-characters (U+FDD0–U+FDEF, U+xFFFE, U+xFFFF).</summary>
public static class Text
{
    /// <summary>Why the text cannot be stored, or null when it can.</summary>
    public static string? Problem(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var consumed) != OperationStatus.Done)
                return $"has an unpaired surrogate at position {i + 1}: it is not text";
            if (Refused(rune) is { } what) return $"contains {what} U+{rune.Value:X4} at position {i + 1}, which is not stored";
            i += consumed - 1;
        }
        return null;
    }

    private static string? Refused(Rune rune) => rune.Value switch
    {
        _ when Rune.GetUnicodeCategory(rune) == UnicodeCategory.Control => "the control character",
        >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069 => "the bidirectional control",
        >= 0xFDD0 and <= 0xFDEF => "the non-character",
        _ when (rune.Value & 0xFFFE) == 0xFFFE => "the non-character",
        _ => null,
    };
}
