using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Loading.Precompiled;

/// <summary>
/// The built-in rule packs, pre-parsed at build time: each rule file's YAML node tree (kinds, values, styles, tags,
/// anchors and start/end marks) in a compact binary form, every distinct string stored once for the whole pack.
/// Reading builds the very tree YamlDotNet's loader builds from the text, node by node, without scanning 240 KB of
/// YAML, without one parser event object per node and without a string per repeated key or value (each distinct
/// string is made once per process): the trees were most of what a one-file run allocates before this form.
/// The YAML files stay the only source: `CertLint.RulePrecompiler` writes this form from them on every build that
/// changes one, and tests check that every built-in file's tree read here equals its tree parsed from the text.
/// Layout: the magic; the string table (count, each string's offset as 4 bytes little-endian from the end of these
/// offsets, then each UTF-8 string with its length: a reader finds string N without reading the N before it); the
/// files' directory (count, then each name's string id, its <see cref="FileState"/> and its tree's length; a file left
/// out has an empty tree, and is listed so that the loader finds every built-in file here); then the trees, in the
/// directory's order. The names are the table's first strings and the directory is in one place, so opening the form
/// reads a few pages of it, not a page of every tree. A tree is
/// its nodes depth first: kind, the length of the rest of the node (so a reader steps over a node and its children
/// without reading them), start and end marks, anchor and tag (string id + 1, 0 for none), then a scalar's value and
/// style, or a collection's style, child count and children; an alias is its kind and its anchor's string id.
/// <see cref="PrecompiledRules"/> reads it.
/// This file is compiled into CertLint.Core and into the precompiler (writing): it needs YamlDotNet only.
/// </summary>
internal static class YamlTreeCodec
{
    /// <summary>The embedded resource holding the pack (see CertLint.Core.csproj).</summary>
    public const string Resource = "rules/precompiled.bin";

    /// <summary>The format's mark (a length-prefixed ASCII string) at the start of the pack.</summary>
    internal const string Magic = "CLRP6";

    internal enum Kind : byte { Scalar, Mapping, Sequence, Alias }

    /// <summary>A file's entry: its tree has anchors or aliases (read whole), has none (read lazily), or was left out.</summary>
    internal enum FileState : byte { Anchored, Plain, LeftOut }

    /// <summary>
    /// Writes each (resource name, YAML text) as its node tree. A file YamlDotNet cannot load, or that is not exactly
    /// one document, is listed without a tree and passed to <paramref name="skipped"/>: CertLint parses such a file
    /// from its text and reports its error at file:line:column, exactly as without this form.
    /// </summary>
    public static void Write(Stream output, IEnumerable<(string Name, string Yaml)> files, Action<string, Exception>? skipped = null)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var table = new List<string>();
        int Intern(string s)
        {
            if (!ids.TryGetValue(s, out var id))
            {
                ids.Add(s, id = table.Count);
                table.Add(s);
            }
            return id;
        }
        var all = files.ToList();
        foreach (var (name, _) in all) Intern(name);
        var bodies = new List<(int Name, FileState State, byte[] Tree)>();
        foreach (var (name, yaml) in all)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new Parser(new StringReader(yaml)));
                if (stream.Documents.Count != 1) throw new InvalidDataException($"{name}: {stream.Documents.Count} YAML documents, not one");
                var plain = true;
                var tree = WriteNode(stream.Documents[0].RootNode, Intern, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance), ref plain);
                bodies.Add((Intern(name), plain ? FileState.Plain : FileState.Anchored, tree));
            }
            catch (Exception e) when (e is YamlException or InvalidDataException)
            {
                bodies.Add((Intern(name), FileState.LeftOut, []));
                skipped?.Invoke(name, e);
            }
        }
        using var o = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        o.Write(Magic);
        o.Write7BitEncodedInt(table.Count);
        using var strings = new MemoryStream();
        using (var w = new BinaryWriter(strings, Encoding.UTF8, leaveOpen: true))
        {
            foreach (var s in table)
            {
                o.Write(checked((int)strings.Position)); // BinaryWriter writes little-endian on every platform
                var bytes = Encoding.UTF8.GetBytes(s);
                w.Write7BitEncodedInt(bytes.Length);
                w.Write(bytes);
            }
        }
        o.Write(strings.GetBuffer(), 0, (int)strings.Length);
        o.Write7BitEncodedInt(bodies.Count);
        foreach (var (name, state, tree) in bodies)
        {
            o.Write7BitEncodedInt(name);
            o.Write((byte)state);
            o.Write7BitEncodedInt(tree.Length);
        }
        foreach (var (_, _, tree) in bodies) o.Write(tree);
    }

    /// <summary>One node and its children; <paramref name="plain"/> turns false at an anchor or an alias.</summary>
    private static byte[] WriteNode(YamlNode node, Func<string, int> intern, HashSet<YamlNode> seen, ref bool plain)
    {
        using var output = new MemoryStream();
        using var w = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        // The loader gives an alias the very node its anchor named: written once, referred to by its anchor after.
        if (!seen.Add(node))
        {
            if (node.Anchor.IsEmpty) throw new InvalidDataException("a node reached twice without an anchor");
            plain = false;
            w.Write((byte)Kind.Alias);
            w.Write7BitEncodedInt(intern(node.Anchor.Value));
            w.Flush();
            return output.ToArray();
        }
        using var rest = new MemoryStream();
        using var r = new BinaryWriter(rest, Encoding.UTF8, leaveOpen: true);
        void Optional(string? s) => r.Write7BitEncodedInt(s is null ? 0 : intern(s) + 1);
        foreach (var m in new[] { node.Start, node.End })
        {
            r.Write7BitEncodedInt64(m.Index);
            r.Write7BitEncodedInt64(m.Line);
            r.Write7BitEncodedInt64(m.Column);
        }
        if (!node.Anchor.IsEmpty) plain = false;
        Optional(node.Anchor.IsEmpty ? null : node.Anchor.Value);
        Optional(node.Tag.IsEmpty ? null : node.Tag.Value);
        switch (node)
        {
            case YamlScalarNode s:
                Optional(s.Value);
                r.Write((byte)s.Style);
                break;
            case YamlMappingNode m:
                r.Write((byte)m.Style);
                r.Write7BitEncodedInt(m.Children.Count);
                foreach (var (key, value) in m.Children)
                {
                    r.Write(WriteNode(key, intern, seen, ref plain));
                    r.Write(WriteNode(value, intern, seen, ref plain));
                }
                break;
            case YamlSequenceNode q:
                r.Write((byte)q.Style);
                r.Write7BitEncodedInt(q.Children.Count);
                foreach (var item in q.Children) r.Write(WriteNode(item, intern, seen, ref plain));
                break;
        }
        r.Flush();
        w.Write((byte)(node switch
        {
            YamlScalarNode => Kind.Scalar,
            YamlMappingNode => Kind.Mapping,
            YamlSequenceNode => Kind.Sequence,
            _ => throw new InvalidDataException($"unexpected YAML node {node.GetType().Name}"),
        }));
        w.Write7BitEncodedInt(checked((int)rest.Length));
        w.Write(rest.GetBuffer(), 0, (int)rest.Length);
        w.Flush();
        return output.ToArray();
    }
}
