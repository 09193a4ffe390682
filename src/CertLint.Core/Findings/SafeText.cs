using System.Globalization;

namespace CertLint.Findings;

/// <summary>
/// The one sanitiser for text that came from a scanned or configuration file (names, paths, values) before it reaches
/// a terminal, a GitHub workflow command, Markdown or an error message: control characters (C0, DEL, C1), line and
/// paragraph separators, bidirectional marks, embeddings, overrides and isolates, and lone surrogates become '?',
/// so a hostile name cannot move the cursor, ring the bell, forge an annotation or reorder what a reviewer reads.
/// </summary>
public static class SafeText
{
    /// <summary>Values quoted in configuration errors are cut to this many characters.</summary>
    public const int QuoteLength = 40;

    public static bool IsUnsafe(char c) => c switch
    {
        < ' ' or (>= '\u007F' and <= '\u009F') => true,               // C0, DEL, C1
        '\u061C' or '\u200E' or '\u200F' => true,                      // ALM, LRM, RLM
        '\u2028' or '\u2029' => true,                                  // line and paragraph separators
        >= '\u202A' and <= '\u202E' => true,                           // LRE, RLE, PDF, LRO, RLO
        >= '\u2066' and <= '\u2069' => true,                           // LRI, RLI, FSI, PDI
        _ => false,
    };

    /// <summary>The text with every unsafe character and lone surrogate replaced by '?'.</summary>
    public static string Printable(string text)
    {
        var i = 0;
        for (; i < text.Length; i++)
        {
            if (IsUnsafe(text[i]) || char.IsSurrogate(text[i])) break;
        }
        if (i == text.Length) return text;
        var chars = text.ToCharArray();
        for (; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (IsUnsafe(chars[i]) || char.IsSurrogate(chars[i])) chars[i] = '?';
        }
        return new string(chars);
    }

    /// <summary>The most characters <see cref="Shorten"/> adds: "… (2,147,483,647 characters)".</summary>
    public const int ShortenMark = 28;

    /// <summary>
    /// The text whole when it has at most <paramref name="max"/> + <see cref="ShortenMark"/> characters, else its first
    /// <paramref name="max"/> (a surrogate pair is not split) and "… (N characters)", N the whole text's length: a
    /// scanned value (a name, a serial, a SAN) can be as long as the read limit allows, and reports repeat it per finding
    /// and per check, so a value that reaches a message or a label is cut where it enters. A text cut once is not cut
    /// again by a later bound of the same size, so N stays the original length.
    /// </summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max + ShortenMark) return text;
        var cut = char.IsHighSurrogate(text[max - 1]) ? max - 1 : max;
        return string.Concat(text.AsSpan(0, cut), "… (", text.Length.ToString("N0", CultureInfo.InvariantCulture), " characters)");
    }

    /// <summary>A value for an error message: printable, in single quotes, cut to <see cref="QuoteLength"/> characters.</summary>
    public static string Quote(string? value)
    {
        var text = value ?? "";
        if (text.Length > QuoteLength)
        {
            var cut = QuoteLength;
            if (char.IsHighSurrogate(text[cut - 1])) cut--;
            text = text[..cut] + "…";
        }
        return "'" + Printable(text) + "'";
    }
}
