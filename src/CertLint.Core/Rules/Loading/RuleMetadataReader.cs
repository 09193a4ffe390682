using CertLint.Configuration;
using System.Text.RegularExpressions;
using CertLint.Configuration.Yaml;
using CertLint.Findings;
using CertLint.Rules.Compilation;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Loading;

/// <summary>The keys of rule language v2 that describe a rule rather than check: pack, equivalents, effective, citation.</summary>
internal static partial class RuleMetadataReader
{
    public const string CorePack = "core";
    public const string CustomPack = "custom";

    /// <summary>
    /// The rule's pack. A built-in rule's folder decides (rules/*.yml: core; rules/PACK/*.yml: PACK) and the key, when
    /// written, must agree; a custom rule is in `custom` unless it says otherwise.
    /// </summary>
    public static string Pack(YamlMap map, string? folderPack)
    {
        var written = map.String("pack");
        if (written is not null && !PackName().IsMatch(written))
            throw map.Error(map.Get("pack")!, $"pack '{written}' must be lower-case letters, digits and '-'", "pack");
        if (folderPack is null) return written ?? CustomPack;
        if (written is null)
        {
            if (folderPack == CorePack) return CorePack;
            throw map.Error(map.Node, $"a rule in rules/{folderPack}/ needs 'pack: {folderPack}'", "pack");
        }
        if (written != folderPack)
            throw map.Error(map.Get("pack")!, $"pack '{written}' does not match the rule's folder (pack '{folderPack}')", "pack", folderPack);
        return written;
    }

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Equivalents(YamlMap rule)
    {
        var result = new SortedDictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (!rule.Has("equivalents")) return result;
        if (!rule.IsMapping("equivalents"))
            throw rule.Error(rule.Get("equivalents")!, "'equivalents' maps a linter to lint names, e.g. { zlint: [e_ext_san_missing] }", "equivalents");
        var map = rule.Map("equivalents", "'equivalents'")!;
        foreach (var linter in map.Keys)
        {
            if (!PackName().IsMatch(linter)) throw map.Error(map.KeyNode(linter)!, $"linter '{linter}' must be lower-case letters, digits and '-'", linter);
            var names = map.StringList(linter)!;
            if (names.Count == 0) throw map.Error(map.Get(linter)!, $"'{linter}' lists no lint name", linter);
            // Most linters list one to three names: those are compared with the ones before them, no set per linter per
            // rule; a long list (a custom rule's) gets a set.
            var seen = names.Count > 8 ? new HashSet<string>(StringComparer.OrdinalIgnoreCase) : null;
            for (var i = 0; i < names.Count; i++)
            {
                var n = names[i];
                if (!LintName().IsMatch(n)) throw map.Error(map.Get(linter)!, $"'{n}' is not a lint name (letters, digits, '_', '.', ':', '-', single spaces between words)", linter);
                if (seen is null ? ListedBefore(names, i) : !seen.Add(n))
                    throw map.Error(map.Get(linter)!, $"'{n}' is listed twice", linter);
            }
            result[linter] = names;
        }
        return result;
    }

    private static bool ListedBefore(IReadOnlyList<string> names, int index)
    {
        for (var j = 0; j < index; j++)
        {
            if (names[j].Equals(names[index], StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary>`effective: DATE` or `effective: { from: DATE, until: DATE }`: fixed dates (no `now`).</summary>
    public static (DateTimeOffset? From, DateTimeOffset? Until) Effective(YamlMap rule)
    {
        if (rule.Get("effective") is not { } node) return (null, null);
        if (node is YamlScalarNode) return (FixedDate(rule, node, "effective"), null);
        var map = new YamlMap(rule.File, node, "'effective'");
        map.RejectUnknown(["from", "until"], "'effective'");
        if (map.Count == 0) throw map.Error(node, "'effective' needs 'from' and/or 'until'", "effective");
        var from = map.Get("from") is { } f ? FixedDate(rule, f, "from") : (DateTimeOffset?)null;
        var until = map.Get("until") is { } u ? FixedDate(rule, u, "until") : (DateTimeOffset?)null;
        if (from >= until) throw map.Error(node, "'effective.from' must be before 'effective.until'", "effective");
        return (from, until);
    }

    private static DateTimeOffset FixedDate(YamlMap rule, YamlNode node, string key)
    {
        var text = YamlValues.String(rule.File, node, key);
        return DateSpec.TryParseDate(text) ?? throw rule.Error(node, $"'{key}' must be {DateSpec.DateExpected}, not {SafeText.Quote(text)}", key);
    }

    public static RuleCitation? Citation(YamlMap rule)
    {
        if (rule.Map("citation", "'citation'") is not { } map) return null;
        map.RejectUnknown(["source", "section", "text", "url"], "'citation'");
        var url = map.String("url");
        if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _)) throw map.Error(map.Get("url")!, $"'{url}' is not an absolute URL", "url");
        return new RuleCitation(map.RequireString("source"), map.String("section"),
            map.RequireString("text").Trim(), url);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex PackName();

    // Words joined by single spaces: zlint registers one lint with a space in its name ("e_excessively backdated"),
    // and a rule must be able to name a lint exactly as its linter does.
    [GeneratedRegex("^[A-Za-z0-9_.:-]+( [A-Za-z0-9_.:-]+)*$")]
    private static partial Regex LintName();
}
