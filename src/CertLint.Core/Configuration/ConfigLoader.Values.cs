using CertLint.Rules.Fields;
using System.Text.RegularExpressions;
using CertLint.Configuration.Yaml;
using CertLint.Findings;
using CertLint.Inventory;
using YamlDotNet.RepresentationModel;

namespace CertLint.Configuration;

/// <summary>Single values of `.certlint.yml` (severities, roles, environment names, globs, dates), each checked where it is read.</summary>
public static partial class ConfigLoader
{
    /// <summary>A parameter value as the rule compiler expects it: long, double, bool, string or a list of strings.</summary>
    private static object? PlainValue(string file, YamlNode node, string key) => node switch
    {
        YamlScalarNode s => YamlValues.Typed(s),
        YamlSequenceNode => YamlValues.StringList(file, node, key),
        _ => throw YamlValues.Error(file, node, $"parameter {SafeText.Quote(key)} must be a value or a list, not {YamlValues.Describe(node)}", key),
    };

    private static Severity Severity(string file, YamlNode node, string key, string[] allowed)
    {
        var text = YamlValues.String(file, node, key);
        return allowed.Contains(text) && SeverityText.TryParse(text, out var s) ? s
            : throw YamlValues.Error(file, node, $"'{key}' must be one of {string.Join(", ", allowed)}, not {SafeText.Quote(text)}{Suggest.DidYouMean(text, allowed)}", key, Suggest.Closest(text, allowed));
    }

    private static CertificateRole Role(string file, YamlNode node)
    {
        var text = YamlValues.String(file, node, "roles");
        string[] roles = [.. Names.RoleNames.Select(r => r.Name)];
        return Names.RoleNames.FirstOrDefault(r => r.Name == text) is { Name: not null } known ? known.Role
            : throw YamlValues.Error(file, node, $"role {SafeText.Quote(text)} must be {string.Join(", ", roles[..^1])} or {roles[^1]}{Suggest.DidYouMean(text, roles)}", "roles", Suggest.Closest(text, roles));
    }

    private static string EnvName(string file, YamlNode node)
    {
        var name = YamlValues.String(file, node, "passwords");
        return EnvVariable().IsMatch(name) ? name
            : throw YamlValues.Error(file, node, "the value must be the name of an environment variable holding the password, never the password itself", "passwords");
    }

    private static string[]? Globs(string file, YamlMap map, string key)
    {
        var list = map.StringList(key);
        if (list is null) return null;
        var node = map.Get(key)!;
        for (var i = 0; i < list.Count; i++)
        {
            var at = node is YamlSequenceNode seq ? seq.Children[i] : node;
            try
            {
                GlobList.Check(list[i]);
            }
            catch (ArgumentException e)
            {
                throw YamlValues.Error(file, at, $"bad glob in '{key}': {e.Message}", key);
            }
        }
        return list.ToArray();
    }

    /// <summary>A mapping of glob to value (roles, hosts, passwords), kept in file order.</summary>
    private static T[]? GlobMap<T>(string file, YamlMap map, string key, Func<YamlNode, string, T> read)
    {
        if (map.Get(key) is not { } node) return null;
        return new YamlMap(file, node, $"'{key}'").Entries.Select(e =>
        {
            CheckGlob(file, e.KeyNode, e.Key, key);
            return read(e.Value, e.Key);
        }).ToArray();
    }

    internal static void CheckGlob(string file, YamlNode node, string glob, string key)
    {
        try
        {
            GlobCache.Get(glob);
        }
        catch (ArgumentException e)
        {
            throw YamlValues.Error(file, node, $"bad glob in '{key}': {e.Message}", key);
        }
    }

    internal static DateOnly? Date(string file, YamlNode node, string key)
    {
        var text = YamlValues.String(file, node, key);
        // A date-time counts by its UTC day: suppressions expire by the day.
        return DateSpec.TryParseDate(text) is { } d ? DateOnly.FromDateTime(d.UtcDateTime)
            : throw YamlValues.Error(file, node, $"'{key}' must be {DateSpec.DateExpected}, not {SafeText.Quote(text)}", key);
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex EnvVariable();
}
