using System.Text;

namespace CertLint.Usage.Hashicorp;

internal enum HclTokenKind
{
    /// <summary>A bare word: an attribute or block name, true/false/null, a variable reference.</summary>
    Word,
    /// <summary>A quoted string or a heredoc, its escapes decoded.</summary>
    String,
    Number,
    /// <summary>One character of punctuation: { } [ ] ( ) = , : and any operator.</summary>
    Symbol,
}

/// <summary>
/// One HCL token and the line it starts on. <see cref="Interpolated"/>: a string holding a template sequence
/// (<c>${…}</c> or <c>%{…}</c>), whose value is the deployment's and names no file of the repository.
/// </summary>
internal sealed record HclToken(HclTokenKind Kind, string Text, int Line, bool Interpolated = false)
{
    public bool Is(char symbol) => Kind == HclTokenKind.Symbol && Text.Length == 1 && Text[0] == symbol;
}

/// <summary>
/// The tokens of the HCL subset HashiCorp's agent configurations use (hashicorp/hcl's scanners, v1 and v2): comments
/// (<c>#</c> and <c>//</c> to the end of the line, <c>/* … */</c>), bare words, numbers, quoted strings with escapes
/// and template sequences (a <c>"${x("y")}"</c> nests quotes), and heredocs (<c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>
/// that strips indentation). What HCL refuses (a string or comment left open, a newline inside a quoted string, a
/// heredoc without its end marker) is an error at the line it starts on; errors never carry the file's text. Bounded:
/// at most <see cref="MaxTokens"/> tokens, heredocs at most <see cref="MaxHeredocLines"/> lines.
/// </summary>
internal static class HclLexer
{
    /// <summary>A 1 MB file of one-character tokens is 500,000: real agent configurations have a few hundred.</summary>
    public const int MaxTokens = 200_000;

    public const int MaxHeredocLines = 10_000;

    /// <summary>The tokens, or null with the error's line and message.</summary>
    public static List<HclToken>? Tokens(string text, out (int Line, string Message)? error)
    {
        error = null;
        var tokens = new List<HclToken>();
        var line = 1;
        var pos = 0;
        while (pos < text.Length)
        {
            var c = text[pos];
            if (c == '\n')
            {
                line++;
                pos++;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                pos++;
                continue;
            }
            if (c == '#' || (c == '/' && At(text, pos + 1) == '/'))
            {
                while (pos < text.Length && text[pos] != '\n') pos++;
                continue;
            }
            if (c == '/' && At(text, pos + 1) == '*')
            {
                var end = text.IndexOf("*/", pos + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    error = (line, "unterminated /* comment: HCL refuses the file");
                    return null;
                }
                line += Lines(text, pos, end);
                pos = end + 2;
                continue;
            }
            if (tokens.Count >= MaxTokens)
            {
                error = (line, $"more than {MaxTokens} tokens: not read as a configuration");
                return null;
            }
            var start = line;
            if (c == '"')
            {
                var from = pos;
                var value = QuotedString(text, ref pos, out var interpolated);
                line += Lines(text, from, pos);   // a template sequence may span lines
                if (value is null)
                {
                    error = (start, "unterminated quoted string: HCL refuses the file");
                    return null;
                }
                tokens.Add(new HclToken(HclTokenKind.String, value, start, interpolated));
                continue;
            }
            if (c == '<' && At(text, pos + 1) == '<' && HeredocMarker(text, pos) is var (marker, indented, afterMarker) && marker.Length > 0)
            {
                pos = afterMarker;
                if (Heredoc(text, ref pos, ref line, marker, indented) is not { } body)
                {
                    error = (start, "heredoc is not closed by its marker line (or is longer than 10000 lines): HCL refuses the file");
                    return null;
                }
                tokens.Add(new HclToken(HclTokenKind.String, body, start, body.Contains("${", StringComparison.Ordinal) || body.Contains("%{", StringComparison.Ordinal)));
                continue;
            }
            if (char.IsAsciiDigit(c))
            {
                var from = pos;
                while (pos < text.Length && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] is '.' or '_')) pos++;
                tokens.Add(new HclToken(HclTokenKind.Number, text[from..pos], start));
                continue;
            }
            if (char.IsLetter(c) || c == '_')
            {
                var from = pos;
                while (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] is '_' or '-' or '.')) pos++;
                tokens.Add(new HclToken(HclTokenKind.Word, text[from..pos], start));
                continue;
            }
            tokens.Add(new HclToken(HclTokenKind.Symbol, c.ToString(), start));
            pos++;
        }
        return tokens;
    }

    private static char At(string text, int i) => i < text.Length ? text[i] : '\0';

    private static int Lines(string text, int from, int to)
    {
        var n = 0;
        for (var i = from; i < to; i++) if (text[i] == '\n') n++;
        return n;
    }

    /// <summary>
    /// A quoted string from the opening quote: escapes decoded (\n \t \r \" \\ \uNNNN \UNNNNNNNN), template sequences
    /// kept as written with the quotes nested in them; null at a newline outside a template or at the end of the text.
    /// </summary>
    private static string? QuotedString(string text, ref int pos, out bool interpolated)
    {
        interpolated = false;
        var sb = new StringBuilder();
        pos++;
        var depth = 0;   // braces open in a template sequence
        var inner = false;   // inside a string nested in a template sequence
        while (pos < text.Length)
        {
            var q = text[pos];
            if (q == '\n' && depth == 0) return null;
            if (depth > 0)
            {
                sb.Append(q);
                pos++;
                if (q == '\\' && pos < text.Length) sb.Append(text[pos++]);
                else if (q == '"') inner = !inner;
                else if (!inner && q == '{') depth++;
                else if (!inner && q == '}') depth--;
                continue;
            }
            if (q == '"')
            {
                pos++;
                return sb.ToString();
            }
            if (q is '$' or '%' && At(text, pos + 1) == '{')
            {
                // $${ and %%{ are literal; ${ and %{ open a template sequence.
                if (sb.Length > 0 && sb[^1] == q && At(text, pos - 1) == q)
                {
                    sb.Append('{');
                    pos += 2;
                    continue;
                }
                interpolated = true;
                depth = 1;
                sb.Append(q).Append('{');
                pos += 2;
                continue;
            }
            if (q == '\\' && pos + 1 < text.Length)
            {
                var e = text[pos + 1];
                pos += 2;
                switch (e)
                {
                    case 'n': sb.Append('\n'); break;
                    case 't': sb.Append('\t'); break;
                    case 'r': sb.Append('\r'); break;
                    case 'u' or 'U':
                        var digits = e == 'u' ? 4 : 8;
                        if (pos + digits <= text.Length && int.TryParse(text.AsSpan(pos, digits), System.Globalization.NumberStyles.HexNumber, null, out var code)
                            && code is >= 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF))
                        {
                            sb.Append(char.ConvertFromUtf32(code));
                            pos += digits;
                        }
                        else sb.Append('\\').Append(e);
                        break;
                    default: sb.Append(e); break;
                }
                continue;
            }
            sb.Append(q);
            pos++;
        }
        return null;
    }

    /// <summary>"&lt;&lt;EOF" or "&lt;&lt;-EOF" ending its line: the marker, whether indentation is stripped, where the line ends.</summary>
    private static (string Marker, bool Indented, int End) HeredocMarker(string text, int pos)
    {
        var i = pos + 2;
        var indented = At(text, i) == '-';
        if (indented) i++;
        var from = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_')) i++;
        var marker = text[from..i];
        var rest = i;
        while (rest < text.Length && text[rest] is ' ' or '\t' or '\r') rest++;
        return rest < text.Length && text[rest] != '\n' ? ("", false, pos) : (marker, indented, rest);
    }

    /// <summary>The heredoc's lines up to the one holding only the marker; null when none does within the bound.</summary>
    private static string? Heredoc(string text, ref int pos, ref int line, string marker, bool indented)
    {
        var lines = new List<string>();
        var scan = pos;   // at the newline ending the opening line, or the end of the text
        while (scan < text.Length && lines.Count <= MaxHeredocLines)
        {
            line++;
            var end = text.IndexOf('\n', scan + 1);
            var content = (end < 0 ? text[(scan + 1)..] : text[(scan + 1)..end]).TrimEnd('\r');
            if (content.Trim() == marker)
            {
                pos = end < 0 ? text.Length : end;
                if (indented)
                {
                    var strip = lines.Where(l => l.Trim().Length > 0).Select(l => l.Length - l.TrimStart().Length).DefaultIfEmpty(0).Min();
                    lines = [.. lines.Select(l => l.Length >= strip ? l[strip..] : l.TrimStart())];
                }
                return string.Concat(lines.Select(l => l + "\n"));
            }
            lines.Add(content);
            if (end < 0) break;
            scan = end;
        }
        return null;
    }
}
