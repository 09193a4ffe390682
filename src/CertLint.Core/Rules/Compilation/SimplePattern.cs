using System.Buffers;

namespace CertLint.Rules.Compilation;

/// <summary>
/// Answers the two shapes most rule patterns have without a regex engine: an alternation of literals, each optionally
/// anchored (`_`, `^http://`, `(?i)\.onion$`, `^$|^\.|\.\.|\.$`), and one character class, either searched (`[^\x00-\x7F]`)
/// or covering the whole value (`^[a-zA-Z0-9 ]+$`). With every pack on these run about 400,000 times per 10,000
/// certificates, and the interpreter (the only engine Native AOT has) spent up to microseconds a call on them
/// (`^$|^\.|\.\.|\.$` took 2 to 7 µs). Anything else, or anything this parser is not sure of, returns null and goes to
/// the regex. The answers equal the regex's with <c>RegexOptions.CultureInvariant</c>: `$` also matches before a final
/// "\n", as .NET's does; `(?i)` is only taken for ASCII literals, and a value with a non-ASCII character then goes to the
/// regex (whose case table pairs, for example, K with the Kelvin sign).
/// </summary>
internal sealed class SimplePattern
{
    private readonly Branch[]? _branches;
    /// <summary>The characters a class lists; the class is their complement when <see cref="_negated"/> (`[^...]`): a
    /// negated class kept as its listed characters, not the 65,000 others, costs no 64 KB table to build.</summary>
    private readonly SearchValues<char>? _set;
    private readonly bool _negated;
    private readonly ClassShape _shape;

    /// <summary>Whether the pattern ignores case: a value with a non-ASCII character is left to the regex.</summary>
    public bool IgnoreCase { get; }

    private SimplePattern(Branch[] branches, bool ignoreCase)
    {
        _branches = branches;
        IgnoreCase = ignoreCase;
    }

    private SimplePattern(SearchValues<char> set, bool negated, ClassShape shape)
    {
        _set = set;
        _negated = negated;
        _shape = shape;
    }

    private enum ClassShape { Anywhere, AllOneOrMore, AllZeroOrMore }

    private readonly record struct Branch(string Literal, bool Start, bool End);

    /// <summary>Whether the pattern matches; null when the value is one this form leaves to the regex.</summary>
    public bool? TryMatch(string value)
    {
        if (_set is not null) return MatchClass(value);
        if (IgnoreCase && !System.Text.Ascii.IsValid(value)) return null;
        var comparison = IgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        foreach (var b in _branches!)
        {
            var hit = (b.Start, b.End) switch
            {
                (true, true) => Whole(value, b.Literal, comparison),
                (true, false) => value.StartsWith(b.Literal, comparison),
                (false, true) => value.EndsWith(b.Literal, comparison) || EndsBeforeNewline(value, b.Literal, comparison),
                _ => value.Contains(b.Literal, comparison),
            };
            if (hit) return true;
        }
        return false;
    }

    private bool MatchClass(string value)
    {
        var span = value.AsSpan();
        if (_shape == ClassShape.Anywhere) return _negated ? span.ContainsAnyExcept(_set!) : span.ContainsAny(_set!);
        // `$` matches at the end or before a final "\n": the class must cover the value, or all of it but that "\n".
        if (CoversAll(span)) return true;
        return span.Length > 0 && span[^1] == '\n' && CoversAll(span[..^1]);
    }

    private bool CoversAll(ReadOnlySpan<char> span) =>
        (_shape == ClassShape.AllZeroOrMore || span.Length > 0) && !(_negated ? span.ContainsAny(_set!) : span.ContainsAnyExcept(_set!));

    private static bool Whole(string value, string literal, StringComparison comparison) =>
        value.Equals(literal, comparison) ||
        value.Length == literal.Length + 1 && value[^1] == '\n' && value.AsSpan(0, literal.Length).Equals(literal, comparison);

    private static bool EndsBeforeNewline(string value, string literal, StringComparison comparison) =>
        value.Length > literal.Length && value[^1] == '\n' && value.AsSpan(0, value.Length - 1).EndsWith(literal, comparison);

    /// <summary>The pattern in one of the two shapes, or null.</summary>
    public static SimplePattern? TryParse(string pattern)
    {
        var ignoreCase = pattern.StartsWith("(?i)", StringComparison.Ordinal);
        var body = ignoreCase ? pattern[4..] : pattern;
        if (!ignoreCase && ParseClass(body) is { } cls) return cls;
        var branches = new List<Branch>();
        foreach (var part in body.Split('|'))
        {
            if (ParseBranch(part, ignoreCase) is not { } branch) return null;
            branches.Add(branch);
        }
        return new SimplePattern([.. branches], ignoreCase);
    }

    /// <summary>`^`? literal `$`?; an empty literal only as `^$` (an empty branch elsewhere matches everything).</summary>
    private static Branch? ParseBranch(string part, bool ignoreCase)
    {
        var start = part.StartsWith('^');
        var end = part.Length > (start ? 1 : 0) && part.EndsWith('$') && !EscapedAt(part, part.Length - 1);
        var inner = part[(start ? 1 : 0)..(end ? part.Length - 1 : part.Length)];
        var literal = new System.Text.StringBuilder();
        for (var i = 0; i < inner.Length; i++)
        {
            var c = inner[i];
            if (c == '\\')
            {
                // An escaped ASCII punctuation character is itself; `\d`, `\x41`, `\b` and the like are not literals.
                if (i + 1 >= inner.Length || !IsPunctuation(inner[i + 1])) return null;
                literal.Append(inner[++i]);
                continue;
            }
            if (c > '\x7e' || c < ' ' || ".$^{}[]()|*+?\\#".Contains(c)) return null;
            if (ignoreCase && !char.IsAsciiLetterOrDigit(c) && !IsPunctuation(c)) return null;
            literal.Append(c);
        }
        if (literal.Length == 0 && !(start && end)) return null;
        return new Branch(literal.ToString(), start, end);
    }

    /// <summary>Printable ASCII that is neither a letter nor a digit: escaped, it stands for itself.</summary>
    private static bool IsPunctuation(char c) => c is > ' ' and < '\x7f' && !char.IsAsciiLetterOrDigit(c);

    private static bool EscapedAt(string s, int index)
    {
        var backslashes = 0;
        for (var i = index - 1; i >= 0 && s[i] == '\\'; i--) backslashes++;
        return backslashes % 2 == 1;
    }

    /// <summary>`[class]`, `^[class]+$` or `^[class]*$`.</summary>
    private static SimplePattern? ParseClass(string body)
    {
        ClassShape shape;
        string inner;
        if (body.StartsWith("^[", StringComparison.Ordinal) && (body.EndsWith("]+$", StringComparison.Ordinal) || body.EndsWith("]*$", StringComparison.Ordinal)))
        {
            shape = body[^2] == '+' ? ClassShape.AllOneOrMore : ClassShape.AllZeroOrMore;
            inner = body[2..^3];
        }
        else if (body.StartsWith('[') && body.EndsWith(']'))
        {
            shape = ClassShape.Anywhere;
            inner = body[1..^1];
        }
        else return null;
        if (ParseSet(inner, out var negated) is not { } chars) return null;
        return new SimplePattern(SearchValues.Create(chars), negated, shape);
    }

    /// <summary>
    /// The characters a class body lists: literals, escaped punctuation, `\xHH`, `\uHHHH` and ranges, after an optional
    /// leading `^` (<paramref name="negated"/>). Anything else (`\d`, nested classes, subtraction, a `]` or `[` inside) is
    /// not taken.
    /// </summary>
    private static char[]? ParseSet(string inner, out bool negated)
    {
        negated = inner.StartsWith('^');
        if (negated) inner = inner[1..];
        if (inner.Length == 0) return null;
        var items = new List<char>();
        var i = 0;
        while (i < inner.Length)
        {
            if (ReadChar(inner, ref i) is not { } from) return null;
            var to = from;
            if (i + 1 < inner.Length && inner[i] == '-')
            {
                i++;
                if (ReadChar(inner, ref i) is not { } end || end < from) return null;
                to = end;
            }
            for (var c = (int)from; c <= to; c++) items.Add((char)c);
        }
        return [.. items];
    }

    private static char? ReadChar(string s, ref int i)
    {
        var c = s[i];
        if (c is '[' or ']') return null;
        if (c != '\\')
        {
            i++;
            return c;
        }
        if (i + 1 >= s.Length) return null;
        var e = s[i + 1];
        if (e is 'x' or 'u')
        {
            var digits = e == 'x' ? 2 : 4;
            if (i + 2 + digits > s.Length || !ushort.TryParse(s.AsSpan(i + 2, digits), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var code))
                return null;
            i += 2 + digits;
            return (char)code;
        }
        if (!IsPunctuation(e)) return null;
        i += 2;
        return e;
    }
}
