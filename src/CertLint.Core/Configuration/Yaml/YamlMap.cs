using System.Globalization;
using CertLint.Engine;
using CertLint.Findings;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertLint.Configuration.Yaml;

/// <summary>
/// A YAML mapping read strictly: every key must be known (else an error with a suggestion), every value has the
/// expected type, and every error carries the file, line and column of the offending node.
/// </summary>
public sealed class YamlMap
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> _entries = new(StringComparer.Ordinal);

    public YamlMap(string file, YamlNode node, string what)
    {
        File = file;
        Node = node;
        if (node is not YamlMappingNode map) throw Error(node, $"{what} must be a mapping (key: value), not {Describe(node)}");
        foreach (var (k, v) in map.Children)
        {
            if (k is not YamlScalarNode ks || ks.Value is null) throw Error(k, "keys must be plain strings");
            _entries[ks.Value] = (ks, v);
        }
    }

    /// <summary>
    /// The top of a configuration or rule file. The file may be anything a symbolic link points at (a private key,
    /// /etc/passwd, a token), so until it has shown the expected shape (a mapping with at least one known key) an
    /// error says what is wrong with it without quoting any of its content, not even a key.
    /// (Inside a file of the expected shape, errors quote keys and short values, cut by <see cref="SafeText.Quote"/>.)
    /// </summary>
    public static YamlMap Root(string file, YamlNode node, string what, IReadOnlyCollection<string> knownKeys)
    {
        if (node is not YamlMappingNode map)
            throw YamlValues.Error(file, node, $"{what} must be a mapping (key: value), not {Kind(node)}; is this the right file? (its content is not shown)");
        if (map.Children.Count > 0 && !map.Children.Keys.Any(k => k is YamlScalarNode { Value: { } v } && knownKeys.Contains(v)))
        {
            // A near miss ('failon') keeps its place and suggestion; the file's own keys are still not shown.
            var nearMiss = map.Children.Keys.OfType<YamlScalarNode>()
                .Select(k => (Node: k, Suggestion: k.Value is { Length: <= 32 } v ? Suggest.Closest(v, knownKeys) : null))
                .FirstOrDefault(k => k.Suggestion is not null);
            var hint = nearMiss.Suggestion is null ? "; is this the right file?" : $" (did you mean '{nearMiss.Suggestion}'?)";
            throw YamlValues.Error(file, (YamlNode?)nearMiss.Node ?? node,
                $"{what} has none of the expected keys ({string.Join(", ", knownKeys.Take(6))}, ...){hint} (its content is not shown)", null, nearMiss.Suggestion);
        }
        return new YamlMap(file, node, what);
    }

    private static string Kind(YamlNode node) => node switch
    {
        YamlSequenceNode => "a list",
        YamlScalarNode s when YamlValues.Typed(s) is null => "empty",
        YamlScalarNode => "plain text",
        _ => "an unsupported node",
    };

    public string File { get; }
    public YamlNode Node { get; }
    public IEnumerable<string> Keys => _entries.Keys;
    public IEnumerable<(string Key, YamlScalarNode KeyNode, YamlNode Value)> Entries =>
        _entries.Select(e => (e.Key, e.Value.Key, e.Value.Value));
    public int Count => _entries.Count;

    public bool Has(string key) => _entries.ContainsKey(key);
    public YamlNode? Get(string key) => _entries.TryGetValue(key, out var e) ? e.Value : null;
    public YamlScalarNode? KeyNode(string key) => _entries.TryGetValue(key, out var e) ? e.Key : null;

    public YamlNode Require(string key) =>
        Get(key) ?? throw Error(Node, $"missing required key '{key}'", key);

    /// <summary>Unknown keys are errors, with the closest known key as a suggestion.</summary>
    public void RejectUnknown(IReadOnlyCollection<string> allowed, string what)
    {
        if (UnknownKeys(allowed, what).FirstOrDefault() is { } first) throw first;
    }

    /// <summary>One error per unknown key, each with the closest known key as a suggestion.</summary>
    public IEnumerable<ConfigurationException> UnknownKeys(IReadOnlyCollection<string> allowed, string what)
    {
        foreach (var (key, keyNode, _) in Entries)
        {
            if (allowed.Contains(key)) continue;
            var suggestion = Suggest.Closest(key, allowed);
            yield return Error(keyNode, $"unknown key {SafeText.Quote(key)} in {what}{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}", key, suggestion);
        }
    }

    public string? String(string key) => Get(key) is { } n ? YamlValues.String(File, n, key) : null;
    public string RequireString(string key) => YamlValues.String(File, Require(key), key);
    public bool? Bool(string key) => Get(key) is { } n ? YamlValues.Bool(File, n, key) : null;
    public double? Number(string key) => Get(key) is { } n ? YamlValues.Number(File, n, key) : null;
    public IReadOnlyList<string>? StringList(string key) => Get(key) is { } n ? YamlValues.StringList(File, n, key) : null;

    public ConfigurationException Error(YamlNode node, string message, string? key = null, string? suggestion = null) =>
        YamlValues.Error(File, node, message, key, suggestion);

    public static string Describe(YamlNode node) => YamlValues.Describe(node);
}

/// <summary>Typed reading of scalar nodes (YAML 1.2 core schema for plain scalars; quoted scalars are strings).</summary>
public static class YamlValues
{
    public static ConfigurationException Error(string file, YamlNode node, string message, string? key = null, string? suggestion = null) =>
        new(file, (int)node.Start.Line, (int)node.Start.Column, message) { Key = key, Suggestion = suggestion };

    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode s => Typed(s) switch
        {
            null => "null",
            bool => $"a boolean ({SafeText.Quote(s.Value)[1..^1]})",
            long or double => $"a number ({SafeText.Quote(s.Value)[1..^1]})",
            _ => $"a string ({SafeText.Quote(s.Value)})",
        },
        _ => "an unsupported node",
    };

    /// <summary>The scalar's value: null, bool, long, double or string (quoted scalars are always strings).</summary>
    public static object? Typed(YamlScalarNode s)
    {
        var v = s.Value ?? "";
        if (s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded) return v;
        switch (v)
        {
            case "" or "~" or "null" or "Null" or "NULL": return null;
            case "true" or "True" or "TRUE": return true;
            case "false" or "False" or "FALSE": return false;
        }
        if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l)) return l;
        if (v.Length > 0 && (char.IsDigit(v[0]) || v[0] is '-' or '+' or '.') &&
            double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return v;
    }

    public static string String(string file, YamlNode node, string key)
    {
        if (node is YamlScalarNode s && Typed(s) is not null) return s.Value!;
        throw Error(file, node, $"'{key}' must be a string, not {Describe(node)}", key);
    }

    public static bool Bool(string file, YamlNode node, string key) =>
        node is YamlScalarNode s && Typed(s) is bool b ? b : throw Error(file, node, $"'{key}' must be true or false, not {Describe(node)}", key);

    public static double Number(string file, YamlNode node, string key) => node is YamlScalarNode s && Typed(s) switch
    {
        long l => (double?)l,
        double d => d,
        _ => null,
    } is { } n ? n : throw Error(file, node, $"'{key}' must be a number, not {Describe(node)}", key);

    public static long Integer(string file, YamlNode node, string key) =>
        node is YamlScalarNode s && Typed(s) is long l ? l : throw Error(file, node, $"'{key}' must be an integer, not {Describe(node)}", key);

    /// <summary>A list of strings; a single string is accepted as a list of one.</summary>
    public static IReadOnlyList<string> StringList(string file, YamlNode node, string key)
    {
        if (node is YamlScalarNode) return [String(file, node, key)];
        if (node is not YamlSequenceNode seq) throw Error(file, node, $"'{key}' must be a list of strings, not {Describe(node)}", key);
        return seq.Children.Select(c => String(file, c, key)).ToArray();
    }
}
