using System.Text;

namespace CertLint.Usage;

/// <summary>
/// Splits one logical line of a line-oriented configuration (Apache httpd, HAProxy) into words: whitespace separates,
/// double or single quotes group, a backslash escapes the next character. With <c>inlineComments</c> an unquoted '#'
/// ends the line (HAProxy); without, only a line starting with '#' is a comment (Apache).
/// </summary>
internal static class ConfigWords
{
    /// <summary>The words of a line; empty for blank and comment lines; null with <paramref name="error"/> set on an unterminated quote.</summary>
    public static List<string>? Split(string line, bool inlineComments, out string? error)
    {
        error = null;
        var words = new List<string>();
        var trimmed = line.TrimStart();
        if (trimmed.Length == 0 || trimmed[0] == '#') return words;
        var sb = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (c is '"' or '\'')
            {
                var close = trimmed.IndexOf(c, i + 1);
                if (close < 0)
                {
                    error = "unterminated quoted string";
                    return null;
                }
                sb.Append(trimmed, i + 1, close - i - 1);
                inWord = true;
                i = close;
            }
            else if (c == '\\' && i + 1 < trimmed.Length)
            {
                sb.Append(trimmed[++i]);
                inWord = true;
            }
            else if (c == '#' && inlineComments && !inWord)
            {
                break;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(sb.ToString());
                sb.Clear();
                inWord = false;
            }
            else
            {
                sb.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(sb.ToString());
        return words;
    }

    /// <summary>A keyword for a message: short and printable, so an error never carries file content.</summary>
    public static string Safe(string word) =>
        word.Length is > 0 and <= 40 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.') ? word : "(unnamed)";
}
