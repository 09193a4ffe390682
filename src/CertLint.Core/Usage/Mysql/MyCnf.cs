using System.Text;
using CertLint.Model;

namespace CertLint.Usage.Mysql;

/// <summary>
/// One line of an option file that matters: a `[group]` header (<see cref="Name"/> null) or an option of that group.
/// Group and option names are normalised (lower case, '_' as '-', `loose-` dropped, `skip-X` / `disable-X` as X=0 and
/// `enable-X` as X=1); <see cref="Value"/> is null for an option written without `=`.
/// </summary>
internal sealed record MyOption(string Group, string? Name, string? Value, SourceLocation At);

/// <summary>
/// MySQL and MariaDB option files (my.cnf, my.ini, conf.d/*.cnf): `[group]` headers, `name` or `name = value` lines,
/// '#' and ';' comment lines, '#' also ending an unquoted value, values in single or double quotes, the escapes \b \t
/// \n \r \\ \s. `!include FILE` and `!includedir DIR` (its `.cnf` and `.ini` files, sorted, dot files skipped) are read
/// in place with the nginx bounds (<see cref="ConfigIncludes{T}"/>). An option before any group, an unclosed header and
/// an unknown `!` directive are parse issues at the line (mysqld refuses such a file), never the text.
/// </summary>
internal sealed class MyCnf(ConfigSource main, ConfigReadResult result)
{
    private readonly ConfigIncludes<MyOption> _includes = new(result);

    public List<MyOption> Parse() => _includes.Parse(main, 0, Parse);

    private List<MyOption> Parse(ConfigSource source, int depth)
    {
        var options = new List<MyOption>();
        string? group = null; // each file starts outside any group, as mysqld reads an included file
        var lines = source.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line[0] is '#' or ';') continue;
            var at = source.At(i + 1);
            if (line[0] == '!')
            {
                Directive(source, i + 1, line, depth, options);
                continue;
            }
            if (line[0] == '[')
            {
                var close = line.IndexOf(']');
                if (close < 0 || (line[(close + 1)..].Trim() is { Length: > 0 } rest && rest[0] is not ('#' or ';')))
                {
                    result.Error(at, "wrong group definition: a [group] header is not closed with ']'");
                    group = null;
                    continue;
                }
                group = Normalise(line[1..close].Trim());
                options.Add(new MyOption(group, null, null, at));
                continue;
            }
            if (group is null)
            {
                result.Error(at, "option without a preceding [group]");
                continue;
            }
            var eq = line.IndexOf('=');
            var name = (eq < 0 ? line : line[..eq]).Trim();
            if (name.Length == 0)
            {
                result.Error(at, "option without a name");
                continue;
            }
            var (normal, implied) = Option(name);
            options.Add(new MyOption(group, normal, eq < 0 ? implied : Value(line[(eq + 1)..]), at));
        }
        return options;
    }

    private void Directive(ConfigSource source, int line, string text, int depth, List<MyOption> into)
    {
        var space = text.IndexOfAny([' ', '\t']);
        var word = space < 0 ? text : text[..space];
        var path = space < 0 ? "" : text[(space + 1)..].Trim();
        if (word is not ("!include" or "!includedir") || path.Length == 0)
        {
            result.Error(source.At(line), "unknown '!' directive: !include FILE or !includedir DIR expected");
            return;
        }
        var dir = word == "!includedir";
        var full = UsagePaths.Locate(path, source, folder: dir);
        List<string> paths = full is null ? []
            : dir ? UsagePaths.Listing(full, "*", source.Root, ConfigIncludes<MyOption>.MaxFiles, IsOptionFileName)
            : [full];
        // A folder (Debian's !includedir /etc/mysql/conf.d/) may be empty or the deployment's: silent, as a glob.
        _includes.Expand(source, line, new IncludeLine(word, path, Silent: dir), paths, depth, into, Parse);
    }

    /// <summary>The files !includedir reads: `.cnf`, and `.ini` as on Windows.</summary>
    private static bool IsOptionFileName(string name) =>
        name.EndsWith(".cnf", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ini", StringComparison.OrdinalIgnoreCase);

    /// <summary>Lower case, '_' and '-' alike (ssl_cert = ssl-cert).</summary>
    internal static string Normalise(string name) => name.ToLowerInvariant().Replace('_', '-');

    /// <summary>A name and the value its prefix implies when written without '=' (ssl-verify-server-cert alone is on).</summary>
    private static (string Name, string? Implied) Option(string written)
    {
        var name = Normalise(written);
        if (name.StartsWith("loose-", StringComparison.Ordinal)) name = name["loose-".Length..];
        foreach (var (prefix, value) in Prefixes)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length) return (name[prefix.Length..], value);
        }
        return (name, null);
    }

    private static readonly (string Prefix, string Value)[] Prefixes = [("skip-", "0"), ("disable-", "0"), ("enable-", "1")];

    /// <summary>A value: quoted (the quotes dropped), or up to an unquoted '#'; escape sequences decoded.</summary>
    private static string Value(string text)
    {
        var v = text.Trim();
        if (v.Length >= 2 && v[0] is '"' or '\'' && v.IndexOf(v[0], 1) is var close and > 0)
            return Unescape(v[1..close]);
        var hash = v.IndexOf('#');
        return Unescape((hash < 0 ? v : v[..hash]).TrimEnd());
    }

    private static string Unescape(string v)
    {
        if (!v.Contains('\\')) return v;
        var sb = new StringBuilder(v.Length);
        for (var i = 0; i < v.Length; i++)
        {
            var c = v[i];
            if (c != '\\' || i + 1 == v.Length)
            {
                sb.Append(c);
                continue;
            }
            var next = v[++i];
            switch (next)
            {
                case 'b': sb.Append('\b'); break;
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 's': sb.Append(' '); break;
                case '\\': sb.Append('\\'); break;
                default: sb.Append('\\').Append(next); break; // a Windows path keeps its backslashes
            }
        }
        return sb.ToString();
    }
}
