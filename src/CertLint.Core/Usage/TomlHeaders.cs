using System.Globalization;
using System.Text;

namespace CertLint.Usage;

/// <summary>
/// The table headers of a TOML file, read from the text between the parser's events. Tomlyn's event parser keeps the
/// tables of the header it last read open and reports nothing for a header naming one of them again (<c>[a]</c> twice,
/// or <c>[a]</c> after <c>[a.b]</c>), so a table defined twice cannot be told from its events. Every key, string, array
/// and inline table is an event with its span (each <c>[</c> of an array value too), so in the text between events a
/// <c>[</c> first on its line opens a header and a <c>#</c> a comment. The text is scanned once, front to back.
/// </summary>
internal sealed class TomlHeaders(string text)
{
    /// <summary>A header: its line, its key path (null for a key form not decoded here: it is then not checked), and whether it is <c>[[...]]</c>.</summary>
    public readonly record struct Header(int Line, string[]? Path, bool IsArray);

    private int _scanned;
    private int _counted; // the line breaks before _counted are counted in _line
    private int _line = 1;

    /// <summary>The next header starting before <paramref name="end"/> in the text not yet scanned, or null.</summary>
    public Header? Next(int end)
    {
        end = Math.Min(end, text.Length);
        for (var i = _scanned; i < end; i++)
        {
            if (text[i] == '#') i = LineEnd(i);
            else if (text[i] == '[' && FirstOnLine(i))
            {
                // A header holds its line: a '[' or '#' in its quoted keys is not another header or a comment.
                _scanned = LineEnd(i);
                var path = Path(i, out var isArray);
                return new Header(LineOf(i), path, isArray);
            }
        }
        _scanned = Math.Max(_scanned, end);
        return null;
    }

    /// <summary>The text before <paramref name="to"/> belongs to an event: it holds no header.</summary>
    public void Skip(int to) => _scanned = Math.Max(_scanned, Math.Min(to, text.Length));

    private int LineEnd(int i)
    {
        var end = text.IndexOf('\n', i);
        return end < 0 ? text.Length : end;
    }

    private bool FirstOnLine(int i)
    {
        while (i > 0 && text[i - 1] is ' ' or '\t') i--;
        return i == 0 || text[i - 1] == '\n';
    }

    private int LineOf(int offset)
    {
        for (; _counted < offset; _counted++)
            if (text[_counted] == '\n') _line++;
        return _line;
    }

    private string[]? Path(int i, out bool isArray)
    {
        i++;
        isArray = i < text.Length && text[i] == '[';
        if (isArray) i++;
        var parts = new List<string>();
        while (true)
        {
            i = SkipBlanks(i);
            if (Key(ref i) is not { } key) return null;
            parts.Add(key);
            i = SkipBlanks(i);
            if (i >= text.Length) return null;
            if (text[i] == ']') return [.. parts];
            if (text[i] != '.') return null;
            i++;
        }
    }

    private int SkipBlanks(int i)
    {
        while (i < text.Length && text[i] is ' ' or '\t') i++;
        return i;
    }

    /// <summary>A bare, literal or basic key, decoded as Tomlyn decodes it, so it names the node the events built.</summary>
    private string? Key(ref int i)
    {
        if (i >= text.Length) return null;
        var start = i;
        if (text[i] == '\'')
        {
            var close = text.IndexOfAny(['\'', '\n'], i + 1);
            if (close < 0 || text[close] != '\'') return null;
            i = close + 1;
            return text[(start + 1)..close];
        }
        if (text[i] == '"') return Basic(ref i);
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-')) i++;
        return i > start ? text[start..i] : null;
    }

    private string? Basic(ref int i)
    {
        var key = new StringBuilder();
        for (i++; i < text.Length && text[i] != '\n'; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                i++;
                return key.ToString();
            }
            if (c != '\\')
            {
                key.Append(c);
                continue;
            }
            if (++i >= text.Length) return null;
            switch (text[i])
            {
                case 'b': key.Append('\b'); break;
                case 't': key.Append('\t'); break;
                case 'n': key.Append('\n'); break;
                case 'f': key.Append('\f'); break;
                case 'r': key.Append('\r'); break;
                case 'e': key.Append('\u001b'); break;
                case '"': key.Append('"'); break;
                case '\\': key.Append('\\'); break;
                case 'x' when Hex(i + 1, 2) is { } x: key.Append((char)x); i += 2; break;
                case 'u' when Hex(i + 1, 4) is { } u && !char.IsSurrogate((char)u): key.Append((char)u); i += 4; break;
                case 'U' when Hex(i + 1, 8) is { } v && v <= 0x10FFFF && v is < 0xD800 or > 0xDFFF: key.Append(char.ConvertFromUtf32(v)); i += 8; break;
                default: return null;
            }
        }
        return null;
    }

    private int? Hex(int start, int length) =>
        start + length <= text.Length && int.TryParse(text.AsSpan(start, length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : null;
}
