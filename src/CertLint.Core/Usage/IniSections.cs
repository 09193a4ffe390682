using CertLint.Model;

namespace CertLint.Usage;

/// <summary>One `key=value` of an INI file, with its line.</summary>
internal sealed record IniValue(string Value, SourceLocation At);

/// <summary>One `[name]` section of an INI file and its keys (case-insensitive; a later key wins).</summary>
internal sealed record IniSection(string Name, SourceLocation At, Dictionary<string, IniValue> Keys);

/// <summary>
/// INI files as IRIS's SSLDefs.ini and libpq's pg_service.conf are written: `[name]` sections, `key=value` lines,
/// ';' and '#' comment lines. A header without ']', a line without '=' and a key before the first section are parse
/// issues at the line.
/// </summary>
internal static class IniSections
{
    public static List<IniSection> Parse(ConfigSource source, ConfigReadResult result)
    {
        var sections = new List<IniSection>();
        IniSection? current = null;
        var lines = source.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith(';') || line.StartsWith('#')) continue;
            var at = source.At(i + 1);
            if (line.StartsWith('['))
            {
                if (!line.EndsWith(']')) result.Error(at, "section header is not closed with ']'");
                current = new IniSection(line.TrimStart('[').TrimEnd(']').Trim(), at, new(StringComparer.OrdinalIgnoreCase));
                sections.Add(current);
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0 || current is null)
            {
                result.Error(at, current is null ? "key=value before the first [section]" : "expected key=value");
                continue;
            }
            current.Keys[line[..eq].Trim()] = new IniValue(line[(eq + 1)..].Trim(), at);
        }
        return sections;
    }
}
