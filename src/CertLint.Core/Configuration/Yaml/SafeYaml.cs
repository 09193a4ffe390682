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
            Prescan(file, text, ref at, plainData: true, maxDocuments: int.MaxValue);
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
            throw new ConfigurationException(file, (int)e.Start.Line, (int)e.Start.Column, ParserProblem(e));
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet throws these instead of a YamlException on some malformed input (found by fuzzing,
            // tests/fuzz-regressions/yaml): still a config error with a position, never an internal error.
            throw new ConfigurationException(file, Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), "invalid YAML: the parser cannot read the document after this point");
        }
    }

    /// <summary>
    /// Walks parser events (no recursion) to bound depth, alias count and documents before building any tree, and
    /// refuses the aliases YamlDotNet's tree cannot survive. <paramref name="plainData"/> also refuses non-core tags
    /// (rule and config files); manifests (<see cref="Usage.ManifestYaml"/>) keep theirs. Throws ConfigurationException.
    /// </summary>
    internal static void Prescan(string file, string text, ref Mark at, bool plainData, int maxDocuments)
    {
        var documents = 0;
        var parser = new Parser(new StringReader(text));
        var aliases = 0;
        // The collections still open (their count is the depth), each with its anchor and, for a mapping, whether its
        // next node is a key. An alias to an open collection makes a node that contains itself, and an alias as a key
        // is hashed by YamlDotNet through everything it refers to: either overflowed the stack (found by the CI fuzz
        // smoke), which no catch can stop. Rule and config files need neither.
        var open = new List<(string? Anchor, bool Mapping, bool NextIsKey)>();
        var defined = new HashSet<string>(StringComparer.Ordinal);
        while (parser.MoveNext())
        {
            var ev = parser.Current!;
            at = ev.End;
            if (ev is DocumentStart && ++documents > maxDocuments) throw Error(ev, $"more than {maxDocuments} documents");
            if (plainData && ev is NodeEvent { Tag: { IsEmpty: false, IsNonSpecific: false } tag } && !CoreTags.Contains(tag.Value))
                // Not quoted: the file's shape is not known yet, and a config symlinked to a secret must not echo it.
                throw Error(ev, "a YAML tag is not allowed here (its text is not shown): rule and config files are plain data");
            var isKey = false;
            if (ev is NodeEvent or AnchorAlias && open.Count > 0 && open[^1] is { Mapping: true } parent)
            {
                isKey = parent.NextIsKey;
                open[^1] = parent with { NextIsKey = !parent.NextIsKey };
            }
            var anchor = ev is NodeEvent { Anchor.IsEmpty: false } anchored ? anchored.Anchor.Value : null;
            if (anchor is not null) defined.Add(anchor);
            switch (ev)
            {
                case MappingStart or SequenceStart:
                    if (open.Count >= MaxDepth) throw Error(ev, $"nesting deeper than {MaxDepth} levels");
                    open.Add((anchor, ev is MappingStart, true));
                    break;
                case MappingEnd or SequenceEnd:
                    if (open.Count > 0) open.RemoveAt(open.Count - 1);
                    break;
                case AnchorAlias alias:
                    if (++aliases > MaxAliases) throw Error(ev, $"more than {MaxAliases} YAML aliases");
                    if (isKey) throw Error(ev, "a YAML alias cannot be a mapping key here");
                    if (!defined.Contains(alias.Value.Value)) throw Error(ev, "a YAML alias refers to an anchor not defined before it");
                    if (open.Exists(c => c.Anchor == alias.Value.Value))
                        throw Error(ev, "a YAML alias refers to a collection that contains it (a recursive alias)");
                    break;
            }
        }

        ConfigurationException Error(ParsingEvent ev, string problem) => new(file, (int)ev.Start.Line, (int)ev.Start.Column, problem);
    }

    /// <summary>
    /// YamlDotNet's message for a syntax error, without its position prefix and never quoting the document: the
    /// representation model's "Duplicate key X" names the key, which may be a secret when the file is not what its name
    /// says (a symlink to a credentials file). The scanner and parser messages are fixed sentences; any other message
    /// that quotes something (an apostrophe, an alias's $, "got X") is replaced by a generic one.
    /// </summary>
    internal static string ParserProblem(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith('(') && cut > 0) message = message[(cut + 3)..];
        if (message.StartsWith("Duplicate key", StringComparison.Ordinal)) return "invalid YAML: a mapping key appears twice (the key is not shown)";
        if (message.IndexOfAny(['\'', '$', '"']) >= 0 || message.Contains(" got ", StringComparison.Ordinal))
            return "invalid YAML: the parser cannot read the document at this point";
        return $"invalid YAML: {message}";
    }

    /// <summary>Counts nodes as if aliases were expanded (memoised per shared node) and rejects alias bombs.</summary>
    private static void CheckExpansion(string file, YamlNode root)
    {
        if (ExpandedSize(root, MaxExpandedNodes) > MaxExpandedNodes)
            throw new ConfigurationException(file, (int)root.Start.Line, (int)root.Start.Column,
                $"document expands to more than {MaxExpandedNodes} nodes through aliases (alias bomb?)");
    }

    /// <summary>Nodes of the tree with every alias expanded, counted up to <paramref name="max"/> + 1 (linear: memoised per node).</summary>
    internal static long ExpandedSize(YamlNode root, long max) => Size(root, new Dictionary<YamlNode, long>(ReferenceEqualityComparer.Instance), 0, max);

    private static long Size(YamlNode node, Dictionary<YamlNode, long> sizes, int depth, long max)
    {
        if (sizes.TryGetValue(node, out var known)) return known;
        if (depth > MaxDepth * 2) return max + 1; // a recursive alias: reject, do not loop
        sizes[node] = max + 1; // guards against cycles while this node is open
        long size = 1;
        switch (node)
        {
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children) size += Size(k, sizes, depth + 1, max) + Size(v, sizes, depth + 1, max);
                break;
            case YamlSequenceNode seq:
                foreach (var item in seq.Children) size += Size(item, sizes, depth + 1, max);
                break;
        }
        size = Math.Min(size, max + 1);
        sizes[node] = size;
        return size;
    }
}
