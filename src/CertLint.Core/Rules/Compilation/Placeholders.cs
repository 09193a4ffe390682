namespace CertLint.Rules.Compilation;

/// <summary>
/// Finds a message's `{{NAME}}`, `{{#NAME}}`, `{{^NAME}}` and `{{/NAME}}` placeholders as the pattern
/// <c>\{\{\s*([#^/]?)\s*([A-Za-z0-9_.-]+)\s*\}\}</c> does, written out: every built-in rule's message is read in a
/// one-file run, and the regex made a match, its groups and their strings per placeholder (some 160 KB of fresh heap).
/// The pattern cannot backtrack into another answer (a sigil is not a name character, a name character is neither
/// space nor a brace), so the first `{{` from which the rest reads is the match. <c>PlaceholdersTests</c> compares the
/// two on every built-in message and on random text.
/// </summary>
internal static class Placeholders
{
    /// <summary>A placeholder: where it starts, its length, its sigil ("", "#", "^" or "/") and its name.</summary>
    internal readonly record struct Match(int Index, int Length, string Sigil, string Name);

    /// <summary>The first placeholder at or after <paramref name="from"/>, or null.</summary>
    public static Match? Next(string text, int from)
    {
        for (var start = text.IndexOf("{{", from, StringComparison.Ordinal); start >= 0; start = text.IndexOf("{{", start + 1, StringComparison.Ordinal))
        {
            var i = SkipSpace(text, start + 2);
            var sigil = i < text.Length ? text[i] switch { '#' => "#", '^' => "^", '/' => "/", _ => "" } : "";
            i = SkipSpace(text, i + sigil.Length);
            var nameAt = i;
            while (i < text.Length && IsNameChar(text[i])) i++;
            if (i == nameAt) continue;
            var name = text[nameAt..i];
            i = SkipSpace(text, i);
            if (i + 1 < text.Length && text[i] == '}' && text[i + 1] == '}') return new Match(start, i + 2 - start, sigil, name);
        }
        return null;
    }

    // .NET's \s is char.IsWhiteSpace: the separators (Zs, Zl, Zp) and \t \n \v \f \r \x85.
    private static int SkipSpace(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';
}
