using System.Text;
using System.Text.RegularExpressions;

namespace CertLint.Configuration;

/// <summary>
/// CertLint's one glob dialect (docs/configuration.md, "Globs"), matched against paths relative to the repository
/// root with forward slashes, like .gitignore:
/// <list type="bullet">
/// <item>`*` and `?` stay within one folder name; `[abc]`, `[a-z]`, `[!a]` match one character of a set;</item>
/// <item>`**/` spans any number of folders, `/**` everything inside; `{a,b}` alternates (nesting allowed);</item>
/// <item>a glob with no slash, or only a trailing one, matches a name at any depth (`*.key` matches `a/b/c.key`);
/// a glob with a slash at the start or in the middle is anchored at the root (`/a.pem`, `certs/*.pem`);</item>
/// <item>a glob that names a folder matches everything under it (`certs` matches `certs/a/b.pem`).</item>
/// </list>
/// Negation (`!glob`) is a property of a list, see <see cref="GlobList"/>. Compiled once to a linear-time regex.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

    /// <exception cref="ArgumentException">The pattern is malformed; the message says why (for file:line errors).</exception>
    public PathGlob(string pattern)
    {
        Pattern = pattern;
        _regex = new Regex(ToRegex(pattern), RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);
    }

    public string Pattern { get; }

    public bool IsMatch(string relativePath) => _regex.IsMatch(relativePath.Replace('\\', '/').TrimStart('/'));

    public override string ToString() => Pattern;

    private static string ToRegex(string glob)
    {
        var g = glob.Replace('\\', '/');
        if (g.Length == 0) throw new ArgumentException("empty glob");
        if (g.StartsWith('!')) throw new ArgumentException("'!' (negation) is only allowed in include/exclude lists");
        while (g.StartsWith("./", StringComparison.Ordinal)) g = g[2..];
        var anchored = g.TrimEnd('/').Contains('/');
        g = g.Trim('/');
        if (g.Length == 0) throw new ArgumentException($"glob '{glob}' names no file or folder");
        if (g.Split('/').Any(s => s == ".."))
            throw new ArgumentException($"'..' is not allowed in glob '{glob}': globs are relative to the repository root");
        var sb = new StringBuilder("^");
        if (!anchored) sb.Append("(?:.*/)?");
        var braces = 0;
        for (var i = 0; i < g.Length; i++)
        {
            var c = g[i];
            if (c == '*' && i + 1 < g.Length && g[i + 1] == '*' && (i == 0 || g[i - 1] == '/') && (i + 2 == g.Length || g[i + 2] == '/'))
            {
                // `**` as a whole segment: `**/` is zero or more folders, a final `**` is everything below.
                var slashAfter = i + 2 < g.Length;
                sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
                while (i + 1 < g.Length && g[i + 1] == '*') i++; // `a**b` is `a*b`, as in .gitignore
            }
            else if (c == '?') sb.Append("[^/]");
            else if (c == '[') i = CharacterClass(g, i, sb, glob);
            else if (c == '{') { sb.Append("(?:"); braces++; }
            else if (c == '}' && braces > 0) { sb.Append(')'); braces--; }
            else if (c == ',' && braces > 0) sb.Append('|');
            else sb.Append(Regex.Escape(c.ToString()));
        }
        if (braces > 0) throw new ArgumentException($"unclosed '{{' in glob '{glob}'");
        // A glob naming a folder also matches everything under it.
        sb.Append("(?:/.*)?$");
        return sb.ToString();
    }

    /// <summary>`[...]` at <paramref name="start"/>: one character of the set, never a slash. Returns the index of `]`.</summary>
    private static int CharacterClass(string g, int start, StringBuilder sb, string glob)
    {
        var i = start + 1;
        var negate = i < g.Length && (g[i] == '!' || g[i] == '^');
        if (negate) i++;
        var set = new StringBuilder();
        var first = true;
        for (; i < g.Length && (g[i] != ']' || first); i++, first = false)
        {
            var c = g[i];
            if (c == '/') throw new ArgumentException($"'/' inside '[...]' in glob '{glob}'");
            if (c == '-' && !first && i + 1 < g.Length && g[i + 1] != ']')
            {
                if (g[i - 1] > g[i + 1]) throw new ArgumentException($"bad range '{g[i - 1]}-{g[i + 1]}' in glob '{glob}'");
                set.Append('-');
                continue;
            }
            set.Append(c is '\\' or ']' or '[' or '^' or '-' ? "\\" + c : c.ToString());
        }
        if (i >= g.Length) throw new ArgumentException($"unclosed '[' in glob '{glob}'");
        sb.Append(negate ? "[^/" : "[").Append(set).Append(']');
        return i;
    }
}
