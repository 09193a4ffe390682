using System.Text;

namespace CertLint.Usage.Caddy;

/// <summary>
/// One Caddyfile token: its text, the file and line it starts on, whether it was quoted (a quoted "{" is a word, not a
/// block) and whether it is the first token of its line (a directive starts there; its arguments follow on the line).
/// </summary>
internal sealed record CaddyToken(string Text, ConfigSource Source, int Line, bool Quoted, bool StartsLine)
{
    /// <summary>An unquoted token that is exactly <paramref name="text"/>: "{", "}", "import".</summary>
    public bool Is(string text) => !Quoted && Text == text;
}

/// <summary>
/// Caddy's lexer (caddyconfig/caddyfile/lexer.go): tokens are separated by whitespace; '#' starting a token comments
/// out the rest of the line; a token starting with '"' runs to the next unescaped '"' (\" is a quote), one starting
/// with '`' to the next '`', both across lines; a heredoc (&lt;&lt;MARKER at the end of a line) runs to a line holding
/// MARKER. Braces are ordinary tokens here: the parser gives "{" and "}" their meaning. Errors carry the line, never text.
/// </summary>
internal static class CaddyfileLexer
{
    /// <summary>The tokens of <paramref name="source"/>; on an unterminated quote or heredoc, null with the error's line.</summary>
    public static List<CaddyToken>? Tokens(ConfigSource source, out (int Line, string Message)? error)
    {
        error = null;
        var text = source.Text;
        var tokens = new List<CaddyToken>();
        var line = 1;
        var lastLine = 0;
        var pos = 0;
        var sb = new StringBuilder();
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
            if (c == '#')
            {
                while (pos < text.Length && text[pos] != '\n') pos++;
                continue;
            }
            var start = line;
            sb.Clear();
            var quoted = false;
            if (c is '"' or '`')
            {
                quoted = true;
                pos++;
                var closed = false;
                while (pos < text.Length)
                {
                    var q = text[pos];
                    if (c == '"' && q == '\\' && pos + 1 < text.Length && text[pos + 1] == '"')
                    {
                        sb.Append('"');
                        pos += 2;
                        continue;
                    }
                    pos++;
                    if (q == c)
                    {
                        closed = true;
                        break;
                    }
                    if (q == '\n') line++;
                    sb.Append(q);
                }
                if (!closed)
                {
                    error = (start, "unterminated quoted string: Caddy refuses the configuration");
                    return null;
                }
            }
            else
            {
                while (pos < text.Length && !char.IsWhiteSpace(text[pos])) sb.Append(text[pos++]);
                if (Heredoc(sb) is { } marker && (pos >= text.Length || text[pos] is '\n' or '\r'))
                {
                    if (ReadHeredoc(text, ref pos, ref line, marker) is not { } body)
                    {
                        error = (start, "heredoc is not closed: Caddy refuses the configuration");
                        return null;
                    }
                    sb.Clear().Append(body);
                    quoted = true;
                }
            }
            tokens.Add(new CaddyToken(sb.ToString(), source, start, quoted, start != lastLine));
            lastLine = line;
        }
        return tokens;
    }

    /// <summary>The marker of a heredoc opening ("&lt;&lt;EOF"): letters, digits, '-' and '_' after "&lt;&lt;"; null for any other token.</summary>
    private static string? Heredoc(StringBuilder token)
    {
        if (token.Length < 3 || token[0] != '<' || token[1] != '<') return null;
        for (var i = 2; i < token.Length; i++)
        {
            if (!char.IsAsciiLetterOrDigit(token[i]) && token[i] is not ('-' or '_')) return null;
        }
        return token.ToString(2, token.Length - 2);
    }

    /// <summary>The heredoc's lines up to the one holding only the marker (its indentation is Caddy's to strip); null when none does.</summary>
    private static string? ReadHeredoc(string text, ref int pos, ref int line, string marker)
    {
        var body = new StringBuilder();
        var scan = text.IndexOf('\n', pos);
        while (scan >= 0)
        {
            line++;
            var end = text.IndexOf('\n', scan + 1);
            var content = (end < 0 ? text.AsSpan(scan + 1) : text.AsSpan(scan + 1, end - scan - 1)).TrimEnd('\r');
            if (content.Trim().SequenceEqual(marker))
            {
                pos = end < 0 ? text.Length : end;
                return body.ToString();
            }
            body.Append(content).Append('\n');
            scan = end;
        }
        return null;
    }
}
