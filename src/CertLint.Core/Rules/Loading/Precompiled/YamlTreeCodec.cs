using System.Runtime.CompilerServices;
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
/// This file is compiled into CertLint.Core (reading) and into the precompiler (writing): it needs YamlDotNet only.
/// </summary>
internal static class YamlTreeCodec
{
    /// <summary>The embedded resource holding the pack (see CertLint.Core.csproj).</summary>
    public const string Resource = "rules/precompiled.bin";

    private const string Magic = "CLRP3";

    private enum Kind : byte { Scalar, Mapping, Sequence, Alias }

    /// <summary>
    /// Writes each (resource name, YAML text) as its node tree. A file YamlDotNet cannot load, or that is not exactly
    /// one document, is left out and passed to <paramref name="skipped"/>: CertLint parses such a file from its text
    /// and reports its error at file:line:column, exactly as without this form.
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
        var bodies = new List<(int Name, byte[] Tree)>();
        foreach (var (name, yaml) in files)
        {
            try
            {
                var stream = new YamlStream();
                stream.Load(new Parser(new StringReader(yaml)));
                if (stream.Documents.Count != 1) throw new InvalidDataException($"{name}: {stream.Documents.Count} YAML documents, not one");
                using var body = new MemoryStream();
                using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
                    WriteNode(w, stream.Documents[0].RootNode, Intern, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
                bodies.Add((Intern(name), body.ToArray()));
            }
            catch (Exception e) when (e is YamlException or InvalidDataException)
            {
                skipped?.Invoke(name, e);
            }
        }
        using var o = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        o.Write(Magic);
        o.Write7BitEncodedInt(table.Count);
        foreach (var s in table)
        {
            var bytes = Encoding.UTF8.GetBytes(s);
            o.Write7BitEncodedInt(bytes.Length);
            o.Write(bytes);
        }
        o.Write7BitEncodedInt(bodies.Count);
        foreach (var (name, tree) in bodies)
        {
            o.Write7BitEncodedInt(name);
            o.Write7BitEncodedInt(tree.Length);
            o.Write(tree);
        }
    }

    private static void WriteNode(BinaryWriter w, YamlNode node, Func<string, int> intern, HashSet<YamlNode> seen)
    {
        // The loader gives an alias the very node its anchor named: written once, referred to by its anchor after.
        if (!seen.Add(node))
        {
            if (node.Anchor.IsEmpty) throw new InvalidDataException("a node reached twice without an anchor");
            w.Write((byte)Kind.Alias);
            w.Write7BitEncodedInt(intern(node.Anchor.Value));
            return;
        }
        void Optional(string? s) => w.Write7BitEncodedInt(s is null ? 0 : intern(s) + 1);
        w.Write((byte)(node switch
        {
            YamlScalarNode => Kind.Scalar,
            YamlMappingNode => Kind.Mapping,
            YamlSequenceNode => Kind.Sequence,
            _ => throw new InvalidDataException($"unexpected YAML node {node.GetType().Name}"),
        }));
        foreach (var m in new[] { node.Start, node.End })
        {
            w.Write7BitEncodedInt64(m.Index);
            w.Write7BitEncodedInt64(m.Line);
            w.Write7BitEncodedInt64(m.Column);
        }
        Optional(node.Anchor.IsEmpty ? null : node.Anchor.Value);
        Optional(node.Tag.IsEmpty ? null : node.Tag.Value);
        switch (node)
        {
            case YamlScalarNode s:
                Optional(s.Value);
                w.Write((byte)s.Style);
                break;
            case YamlMappingNode m:
                w.Write((byte)m.Style);
                w.Write7BitEncodedInt(m.Children.Count);
                foreach (var (key, value) in m.Children)
                {
                    WriteNode(w, key, intern, seen);
                    WriteNode(w, value, intern, seen);
                }
                break;
            case YamlSequenceNode q:
                w.Write((byte)q.Style);
                w.Write7BitEncodedInt(q.Children.Count);
                foreach (var item in q.Children) WriteNode(w, item, intern, seen);
                break;
        }
    }

    /// <summary>A written pack, opened for reading: its string table and where each file's tree is.</summary>
    public sealed class Pack
    {
        private readonly byte[] _data;
        private readonly (int Offset, int Length)[] _stringAt;
        private readonly string?[] _strings;
        private readonly Dictionary<string, (int Offset, int Length)> _files = new(StringComparer.Ordinal);

        /// <summary>Opens <paramref name="data"/>; a pack in another format (or none) holds no file.</summary>
        public Pack(byte[] data)
        {
            _data = data;
            if (data.Length < Magic.Length + 1 || data[0] != Magic.Length || !data.AsSpan(1, Magic.Length).SequenceEqual(Encoding.ASCII.GetBytes(Magic)))
            {
                _stringAt = [];
                _strings = [];
                return;
            }
            var at = 1 + Magic.Length;
            _stringAt = new (int, int)[ReadInt(data, ref at)];
            for (var i = 0; i < _stringAt.Length; i++)
            {
                var length = ReadInt(data, ref at);
                _stringAt[i] = (at, length);
                at += length;
            }
            _strings = new string?[_stringAt.Length];
            var count = ReadInt(data, ref at);
            for (var i = 0; i < count; i++)
            {
                var name = String(ReadInt(data, ref at));
                var length = ReadInt(data, ref at);
                _files[name] = (at, length);
                at += length;
            }
        }

        /// <summary>The resource names (rules/NAME.yml, rules/PACK/NAME.yml) it holds.</summary>
        public IEnumerable<string> Files => _files.Keys;

        /// <summary>A file's root node, a fresh tree for every call (callers keep nodes); null when not held.</summary>
        public YamlNode? Root(string name)
        {
            if (!_files.TryGetValue(name, out var file)) return null;
            return new TreeReader(this, file.Offset).Read();
        }

        /// <summary>String <paramref name="id"/> of the table, made the first time any file needs it. Threads
        /// reading files at once may both make it: equal strings, either kept.</summary>
        private string String(int id)
        {
            if (_strings[id] is { } known) return known;
            var (offset, length) = _stringAt[id];
            return _strings[id] = Encoding.UTF8.GetString(_data, offset, length);
        }

        private static int ReadInt(byte[] data, ref int at) => (int)ReadLong(data, ref at);

        private static long ReadLong(byte[] data, ref int at)
        {
            long value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = data[at++];
                value |= (long)(b & 0x7F) << shift;
                if (b < 0x80) return value;
            }
            throw new InvalidDataException("malformed precompiled rule pack");
        }

        /// <summary>Builds one file's tree, depth first, as the writer wrote it.</summary>
        private sealed class TreeReader(Pack pack, int at)
        {
            private readonly byte[] _data = pack._data;
            private int _at = at;
            private Dictionary<string, YamlNode>? _anchors;

            public YamlNode Read()
            {
                var kind = (Kind)_data[_at++];
                if (kind == Kind.Alias) return _anchors![pack.String(Int())];
                var start = ReadMark();
                var end = ReadMark();
                var anchor = Optional();
                var tag = Optional();
                YamlNode node = kind switch
                {
                    Kind.Scalar => new YamlScalarNode(Optional()) { Style = (ScalarStyle)_data[_at++] },
                    Kind.Mapping => new YamlMappingNode { Style = (YamlDotNet.Core.Events.MappingStyle)_data[_at++] },
                    Kind.Sequence => new YamlSequenceNode { Style = (YamlDotNet.Core.Events.SequenceStyle)_data[_at++] },
                    _ => throw new InvalidDataException($"unknown precompiled YAML node kind {kind}"),
                };
                SetStart(node, start);
                SetEnd(node, end);
                if (tag is not null) node.Tag = new TagName(tag);
                if (anchor is not null)
                {
                    node.Anchor = new AnchorName(anchor);
                    (_anchors ??= new(StringComparer.Ordinal))[anchor] = node;
                }
                switch (node)
                {
                    case YamlMappingNode m:
                        for (var n = Int(); n > 0; n--)
                        {
                            var key = Read();
                            m.Children.Add(key, Read());
                        }
                        break;
                    case YamlSequenceNode q:
                        for (var n = Int(); n > 0; n--) q.Children.Add(Read());
                        break;
                }
                return node;
            }

            private int Int() => ReadInt(_data, ref _at);

            private Mark ReadMark() => new(ReadLong(_data, ref _at), ReadLong(_data, ref _at), ReadLong(_data, ref _at));

            private string? Optional() => Int() is var id and > 0 ? pack.String(id - 1) : null;
        }
    }

    // A loaded node's marks have private setters (YamlDotNet sets them while loading events). Setting them directly is
    // what lets a tree be built without an event object per node; bound at compile time (no reflection, AOT-safe),
    // and the tests compare every built-in tree's marks with the parsed text's, so a YamlDotNet change shows at once.
    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Start")]
    private static extern void SetStart(YamlNode node, Mark value);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_End")]
    private static extern void SetEnd(YamlNode node, Mark value);
}
