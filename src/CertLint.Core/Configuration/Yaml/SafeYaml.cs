using CertLint.Discovery;
using CertLint.Engine;
using CertLint.Findings;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CertLint.Configuration.Yaml;

/// <summary>
/// Loads one YAML document with bounds, because rule and config files may come from an untrusted pull request:
/// size, nesting depth and alias use are limited before the tree is built, so an alias bomb or a deeply nested
/// file is rejected with file:line:col instead of eating memory or the stack.
/// </summary>
public static class SafeYaml
{
    public const int MaxBytes = BoundedFile.ConfigMaxBytes;
    public const int MaxDepth = 64;
    public const int MaxAliases = 100;
    /// <summary>Nodes after expanding aliases: far above any real rule, far below a billion laughs.</summary>
    public const int MaxExpandedNodes = 100_000;

    private static readonly HashSet<string> CoreTags = new(StringComparer.Ordinal)
    {
        "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
    };

    /// <summary>
    /// Reads a file with <see cref="BoundedFile"/> (a regular file after symbolic links, at most <see cref="MaxBytes"/>)
    /// and loads its single document. Errors name the file, never quote its content.
    /// </summary>
    public static YamlNode LoadFile(string path, string displayName) => Load(displayName, ReadText(path, displayName));

    /// <summary>The text of a configuration-sized file, or a <see cref="ConfigurationException"/> at 1:1 saying why not.</summary>
    public static string ReadText(string path, string displayName)
    {
        var read = BoundedFile.Read(path, MaxBytes);
        return read.Ok ? BoundedFile.DecodeText(read.Bytes!) : throw new ConfigurationException(displayName, 1, 1, read.Problem!);
    }

    /// <summary>Loads YAML text; an empty document gives an empty mapping.</summary>
    public static YamlNode Load(string file, string text)
    {
        if (text.Length > MaxBytes)
            throw new ConfigurationException(file, 1, 1, $"file is {text.Length} characters; the limit is {MaxBytes}");
        var at = Mark.Empty; // where the parser last got to, for the errors YamlDotNet does not position
        try
        {
            Prescan(file, text, ref at);
            var stream = new YamlStream();
            stream.Load(new Parser(new StringReader(text)));
            if (stream.Documents.Count == 0) return new YamlMappingNode();
            if (stream.Documents.Count > 1)
            {
                var second = stream.Documents[1].RootNode.Start;
                throw new ConfigurationException(file, (int)second.Line, (int)second.Column, "only one YAML document is allowed per file");
            }
            var root = stream.Documents[0].RootNode;
            CheckExpansion(file, root);
            return root;
        }
        catch (YamlException e)
        {
            var message = e.InnerException?.Message ?? e.Message;
            var cut = message.IndexOf("): ", StringComparison.Ordinal);
            if (message.StartsWith('(') && cut > 0) message = message[(cut + 3)..];
            throw new ConfigurationException(file, (int)e.Start.Line, (int)e.Start.Column, $"invalid YAML: {message}");
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of a YamlException on some malformed input (found by fuzzing,
            // tests/fuzz-regressions/yaml): still a config error with a position, never an internal error.
            throw new ConfigurationException(file, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), "invalid YAML: the parser cannot read the document after this point");
        }
    }

    /// <summary>Walks parser events (no recursion) to bound depth and alias count before building any tree.</summary>
    private static void Prescan(string file, string text, ref Mark at)
    {
        var parser = new Parser(new StringReader(text));
        int depth = 0, aliases = 0;
        // Anchors of the collections still open: an alias to one of them makes a node that contains itself, whose
        // hash YamlDotNet computes by recursion (a stack overflow, which no catch can stop) when it is a mapping key.
        var open = new Stack<string?>();
        // Per open collection, whether it is a mapping whose next node is a key: an alias as a key is hashed by
        // YamlDotNet through everything it refers to (found by the CI fuzz smoke: a key referring to an anchor defined
        // after it overflowed the stack). Rule and config files never need one.
        var keys = new List<(bool Mapping, bool NextIsKey)>();
        var defined = new HashSet<string>(StringComparer.Ordinal);
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            at = ev.End;
            if (ev is NodeEvent { Tag: { IsEmpty: false, IsNonSpecific: false } tag } && !CoreTags.Contains(tag.Value))
                throw new ConfigurationException(file, (int)ev.Start.Line, (int)ev.Start.Column, $"YAML tag {SafeText.Quote(tag.Value)} is not allowed: rule and config files are plain data");
            var isKey = false;
            if (ev is NodeEvent or AnchorAlias && keys.Count > 0 && keys[^1] is { Mapping: true } frame)
            {
                isKey = frame.NextIsKey;
                keys[^1] = frame with { NextIsKey = !frame.NextIsKey };
            }
            if (ev is NodeEvent { Anchor.IsEmpty: false } anchored) defined.Add(anchored.Anchor.Value);
            switch (ev)
            {
                case MappingStart or SequenceStart:
                    if (++depth > MaxDepth)
                        throw new ConfigurationException(file, (int)ev.Start.Line, (int)ev.Start.Column, $"nesting deeper than {MaxDepth} levels");
                    open.Push(((NodeEvent)ev).Anchor.IsEmpty ? null : ((NodeEvent)ev).Anchor.Value);
                    keys.Add((ev is MappingStart, true));
                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    if (open.Count > 0) open.Pop();
                    if (keys.Count > 0) keys.RemoveAt(keys.Count - 1);
                    break;
                case AnchorAlias alias:
                    if (++aliases > MaxAliases)
                        throw new ConfigurationException(file, (int)ev.Start.Line, (int)ev.Start.Column, $"more than {MaxAliases} YAML aliases");
                    if (isKey)
                        throw new ConfigurationException(file, (int)ev.Start.Line, (int)ev.Start.Column, "a YAML alias cannot be a mapping key here");
                    if (!defined.Contains(alias.Value.Value))
                        throw new ConfigurationException(file, (int)ev.Start.Line, (int)ev.Start.Column, "a YAML alias refers to an anchor not defined before it");
                    if (open.Contains(alias.Value.Value))
                        throw new ConfigurationException(file, (int)ev.Start.Line, (int)ev.Start.Column, "a YAML alias refers to a collection that contains it (a recursive alias)");
                    break;
            }
        }
    }

    /// <summary>Counts nodes as if aliases were expanded (memoised per shared node) and rejects alias bombs.</summary>
    private static void CheckExpansion(string file, YamlNode root)
    {
        var sizes = new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance);
        var total = Size(root, sizes, 0);
        if (total > MaxExpandedNodes)
            throw new ConfigurationException(file, (int)root.Start.Line, (int)root.Start.Column,
                $"document expands to more than {MaxExpandedNodes} nodes through aliases (alias bomb?)");
    }

    private static long Size(YamlNode node, Dictionary<YamlNode, long> sizes, int depth)
    {
        if (sizes.TryGetValue(node, out var known)) return known;
        if (depth > MaxDepth * 2) return MaxExpandedNodes + 1; // a recursive alias: reject, do not loop
        sizes[node] = MaxExpandedNodes + 1; // guards against cycles while this node is open
        long size = 1;
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children) size += Size(k, sizes, depth + 1) + Size(v, sizes, depth + 1);
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children) size += Size(item, sizes, depth + 1);
                break;
        }
        size = Math.Min(size, MaxExpandedNodes + 1);
        sizes[node] = size;
        return size;
    }
}
