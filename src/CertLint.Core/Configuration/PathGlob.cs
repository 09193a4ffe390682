using System.Text;
using System.Text.RegularExpressions;

namespace CertLint.Configuration;

/// <summary>
/// A path glob matched against paths relative to the scan root, with forward slashes: `**` spans directories,
/// `*` and `?` stay within one segment, `{a,b}` alternates. A glob without a slash matches the file name in any
/// folder (like .gitignore), so `*.key` matches `certs/a/b.key`. Compiled once to a linear-time regex.
/// </summary>
public sealed class PathGlob
{
    private readonly Regex _regex;

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
        if (g.StartsWith("./", StringComparison.Ordinal)) g = g[2..];
        g = g.TrimStart('/');
        var sb = new StringBuilder("^");
        if (!g.Contains('/')) sb.Append("(?:.*/)?");
        var inBraces = false;
        for (var i = 0; i < g.Length; i++)
        {
            var c = g[i];
            if (c == '*' && i + 1 < g.Length && g[i + 1] == '*')
            {
                var slashAfter = i + 2 < g.Length && g[i + 2] == '/';
                sb.Append(slashAfter ? "(?:.*/)?" : ".*");
                i += slashAfter ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else if (c == '{') { sb.Append("(?:"); inBraces = true; }
            else if (c == '}' && inBraces) { sb.Append(')'); inBraces = false; }
            else if (c == ',' && inBraces) sb.Append('|');
            else sb.Append(Regex.Escape(c.ToString()));
        }
        if (inBraces) throw new ArgumentException($"unclosed '{{' in glob '{glob}'");
        // A glob naming a folder also matches everything under it.
        sb.Append("(?:/.*)?$");
        return sb.ToString();
    }
}
