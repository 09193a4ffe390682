using CertLint.Model;

namespace CertLint.Usage.Postgres;

/// <summary>One postgresql.conf setting: name (lower-cased: PostgreSQL's names are case-insensitive), value, where.</summary>
internal sealed record PgSetting(string Name, string Value, SourceLocation At);

/// <summary>
/// postgresql.conf's syntax: one `name [=] value` per line, '#' starts a comment, a value is a single-quoted string
/// ('' or \' inside for a quote) or an unquoted word. `include`, `include_if_exists` and `include_dir` (its `.conf`
/// files, dot files skipped, sorted) are read in place, relative to the including file's folder, bounded like nginx
/// includes (<see cref="ConfigIncludes{T}"/>, the run's <see cref="IncludeBudget"/>). A later setting wins. Errors are
/// parse issues at the line, never the text.
/// </summary>
internal sealed class PostgresConf(ConfigSource main, ConfigReadResult result)
{
    private readonly ConfigIncludes<PgSetting> _includes = new(result);

    public List<PgSetting> Parse() => _includes.Parse(main, 0, Parse);

    private List<PgSetting> Parse(ConfigSource source, int depth)
    {
        var settings = new List<PgSetting>();
        var lines = source.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = i + 1;
            if (Line(lines[i].TrimEnd('\r'), out var error) is not { } setting)
            {
                if (error is not null) result.Error(source.At(line), error);
                continue;
            }
            var (name, value) = setting;
            if (PgIncludes.IsInclude(name))
            {
                var (written, paths) = PgIncludes.Resolve(source, line, name, value, result);
                _includes.Expand(source, line, written, paths, depth, settings, Parse);
                continue;
            }
            settings.Add(new PgSetting(name, value, source.At(line)));
        }
        return settings;
    }

    /// <summary>One line: (name, value); null for blank and comment lines (error null) or a syntax error (error set).</summary>
    internal static (string Name, string Value)? Line(string text, out string? error)
    {
        error = null;
        var i = Skip(text, 0);
        if (i >= text.Length || text[i] == '#') return null;
        var start = i;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '.' or '-')) i++;
        if (i == start || !char.IsAsciiLetter(text[start]) && text[start] != '_')
        {
            error = "syntax error: a setting name is expected";
            return null;
        }
        var name = text[start..i].ToLowerInvariant();
        i = Skip(text, i);
        if (i < text.Length && text[i] == '=') i = Skip(text, i + 1);
        if (i >= text.Length || text[i] == '#')
        {
            error = $"syntax error: '{ConfigWords.Safe(name)}' has no value";
            return null;
        }
        string value;
        if (text[i] == '\'')
        {
            var sb = new System.Text.StringBuilder();
            i++;
            while (true)
            {
                if (i >= text.Length)
                {
                    error = $"syntax error: unterminated quoted value of '{ConfigWords.Safe(name)}'";
                    return null;
                }
                if (text[i] == '\\' && i + 1 < text.Length) sb.Append(text[++i]);
                else if (text[i] == '\'' && i + 1 < text.Length && text[i + 1] == '\'') sb.Append(text[++i]);
                else if (text[i] == '\'') break;
                else sb.Append(text[i]);
                i++;
            }
            value = sb.ToString();
            i++;
        }
        else
        {
            start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not '#' and not '\'') i++;
            value = text[start..i];
        }
        i = Skip(text, i);
        if (i < text.Length && text[i] != '#')
        {
            error = $"syntax error after the value of '{ConfigWords.Safe(name)}'";
            return null;
        }
        return (name, value);
    }

    private static int Skip(string text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
        return i;
    }
}
