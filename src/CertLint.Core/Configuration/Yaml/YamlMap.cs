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
    // Up to this many keys a map is searched in order, without a dictionary: a rule file's maps have a handful of keys,
    // and loading and compiling every rule made several. A larger map (a big configuration, a hostile file) is indexed.
    private const int Scanned = 16;

    private readonly string[] _keys;
    private readonly int _count;
    private readonly Dictionary<string, int>? _index;
    // Read from a node: the key and value nodes by key index. Read from a source: null, the source builds them.
    private readonly YamlScalarNode[]? _keyNodes;
    private readonly YamlNode[]? _values;
    private readonly IYamlSource? _source;
    private YamlNode? _node;

    public YamlMap(string file, YamlNode node, string what)
    {
        File = file;
        _node = node;
        if (node is not YamlMappingNode map) throw Error(node, $"{what} must be a mapping (key: value), not {Describe(node)}");
        var children = map.Children;
        var n = children.Count;
        _keys = new string[n];
        _keyNodes = new YamlScalarNode[n];
        _values = new YamlNode[n];
        if (n > Scanned) _index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var c = 0; c < n; c++)
        {
            var (k, v) = children[c];
            if (k is not YamlScalarNode ks || ks.Value is null) throw Error(k, "keys must be plain strings");
            // A key written twice keeps its first place and its last value, as a dictionary assignment would.
            var i = IndexOf(ks.Value);
            if (i < 0)
            {
                i = _count++;
                _keys[i] = ks.Value;
                _index?.Add(ks.Value, i);
            }
            _keyNodes[i] = ks;
            _values[i] = v;
        }
    }

    /// <summary>A mapping read from a source: a node only for what is asked for as a node.</summary>
    private YamlMap(string file, IYamlSource source, string[] keys)
    {
        File = file;
        _source = source;
        _keys = keys;
        _count = keys.Length;
        if (_count > Scanned)
        {
            _index = new Dictionary<string, int>(_count, StringComparer.Ordinal);
            for (var i = 0; i < _count; i++) _index.Add(keys[i], i);
        }
    }

    /// <summary>A source's mapping, read lazily when its keys allow (else as its node, with the node's errors).</summary>
    internal static YamlMap Of(string file, IYamlSource source, string what) =>
        source is { IsMapping: true, Keys: { } keys } ? new YamlMap(file, source, keys) : new YamlMap(file, source.Node, what);

    /// <summary><see cref="Root(string, YamlNode, string, IReadOnlyCollection{string})"/> of a source: read lazily
    /// when it is a mapping with a known key, else as its node (so every error is the node's).</summary>
    internal static YamlMap Root(string file, IYamlSource source, string what, IReadOnlyCollection<string> knownKeys) =>
        source is { IsMapping: true, Keys: { } keys } && keys.Any(knownKeys.Contains) ? new YamlMap(file, source, keys)
            : Root(file, source.Node, what, knownKeys);

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
    public YamlNode Node => _node ??= _source!.Node;
    public IEnumerable<string> Keys => _keys.Take(_count);
    public IEnumerable<(string Key, YamlScalarNode KeyNode, YamlNode Value)> Entries
    {
        get
        {
            for (var i = 0; i < _count; i++) yield return (_keys[i], KeyNodeAt(i), ValueAt(i));
        }
    }
    public int Count => _count;

    public bool Has(string key) => IndexOf(key) >= 0;
    public YamlNode? Get(string key) => IndexOf(key) is var i and >= 0 ? ValueAt(i) : null;
    public YamlScalarNode? KeyNode(string key) => IndexOf(key) is var i and >= 0 ? KeyNodeAt(i) : null;

    public YamlNode Require(string key) =>
        Get(key) ?? throw Error(Node, $"missing required key '{key}'", key);

    /// <summary>A mapping value read as a map (lazily from a source); null when the key is absent, an error when the value
    /// is not a mapping.</summary>
    public YamlMap? Map(string key, string what) => IndexOf(key) is var i and >= 0
        ? _source is { } s ? Of(File, s.Child(i), what) : new YamlMap(File, _values![i], what)
        : null;

    /// <summary>Whether the key's value is a mapping (false when it is absent).</summary>
    public bool IsMapping(string key) => IndexOf(key) is var i and >= 0 && (_source?.Child(i).IsMapping ?? _values![i] is YamlMappingNode);

    /// <summary>How many items a list value has; null when the key is absent or its value is not a list.</summary>
    public int? ListLength(string key) => IndexOf(key) is var i and >= 0
        ? _source is { } s ? s.Child(i) is { IsSequence: true } list ? list.Length : null
            : _values![i] is YamlSequenceNode seq ? seq.Children.Count : null
        : null;

    /// <summary>Item <paramref name="index"/> of a list value (see <see cref="ListLength"/>) read as a map.</summary>
    public YamlMap ItemMap(string key, int index, string what)
    {
        var i = IndexOf(key);
        return _source is { } s ? Of(File, s.Child(i).Child(index), what) : new YamlMap(File, ((YamlSequenceNode)_values![i]).Children[index], what);
    }

    /// <summary>Unknown keys are errors, with the closest known key as a suggestion.</summary>
    public void RejectUnknown(IReadOnlyCollection<string> allowed, string what)
    {
        if (UnknownKeys(allowed, what).FirstOrDefault() is { } first) throw first;
    }

    /// <summary>One error per unknown key, each with the closest known key as a suggestion.</summary>
    public IEnumerable<ConfigurationException> UnknownKeys(IReadOnlyCollection<string> allowed, string what)
    {
        for (var i = 0; i < _count; i++)
        {
            var key = _keys[i];
            if (allowed.Contains(key)) continue;
            var suggestion = Suggest.Closest(key, allowed);
            yield return Error(KeyNodeAt(i), $"unknown key {SafeText.Quote(key)} in {what}{(suggestion is null ? "" : $" (did you mean '{suggestion}'?)")}", key, suggestion);
        }
    }

    // From a source, a plain value is read from its text: no node unless it is not the expected type (the error needs
    // the node's line and column).
    public string? String(string key) => IndexOf(key) is var i and >= 0
        ? ScalarAt(i) is (var value, var style) && YamlValues.Typed(value, style) is not null ? value! : YamlValues.String(File, ValueAt(i), key)
        : null;

    public string RequireString(string key) => String(key) ?? YamlValues.String(File, Require(key), key);

    public bool? Bool(string key) => IndexOf(key) is var i and >= 0
        ? ScalarAt(i) is (var value, var style) && YamlValues.Typed(value, style) is bool b ? b : YamlValues.Bool(File, ValueAt(i), key)
        : null;

    public double? Number(string key) => IndexOf(key) is var i and >= 0
        ? ScalarAt(i) is (var value, var style) && YamlValues.Typed(value, style) switch { long l => (double?)l, double d => d, _ => null } is { } n
            ? n : YamlValues.Number(File, ValueAt(i), key)
        : null;

    public IReadOnlyList<string>? StringList(string key)
    {
        var i = IndexOf(key);
        if (i < 0) return null;
        if (_source?.Child(i) is { IsSequence: true } list)
        {
            var items = new string[list.Length];
            for (var item = 0; item < items.Length; item++)
            {
                if (!list.TryScalar(item, out var value, out var style) || YamlValues.Typed(value, style) is null)
                    return YamlValues.StringList(File, list.Node, key);
                items[item] = value!;
            }
            return items;
        }
        return YamlValues.StringList(File, ValueAt(i), key);
    }

    private int IndexOf(string key)
    {
        if (_index is not null) return _index.TryGetValue(key, out var found) ? found : -1;
        for (var i = 0; i < _count; i++)
        {
            if (string.Equals(_keys[i], key, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    private YamlNode ValueAt(int i) => _source?.Child(i).Node ?? _values![i];

    private YamlScalarNode KeyNodeAt(int i) => _source?.KeyNode(i) ?? _keyNodes![i];

    /// <summary>The value's text and style when it is a scalar of a source (null otherwise: read the node).</summary>
    private (string? Value, ScalarStyle Style)? ScalarAt(int i) =>
        _source is { } s && s.TryScalar(i, out var value, out var style) ? (value, style) : null;

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
    public static object? Typed(YamlScalarNode s) => Typed(s.Value, s.Style);

    /// <summary><see cref="Typed(YamlScalarNode)"/> of a scalar's value and style.</summary>
    public static object? Typed(string? value, ScalarStyle style)
    {
        var v = value ?? "";
        if (style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded) return v;
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
