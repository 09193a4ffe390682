using CertLint.Configuration.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Loading.Precompiled;

internal sealed partial class PrecompiledRules
{
    /// <summary>
    /// A built-in rule file read lazily (<see cref="IYamlSource"/>): values as text straight from the form, nodes only
    /// when asked for. Null when the file is not recorded or uses anchors or aliases (an alias may name a node of
    /// another part of the file: such a file is read whole, by <see cref="Root"/>).
    /// </summary>
    public IYamlSource? Source(string resource) =>
        _files.TryGetValue(resource, out var file) && file.State == YamlTreeCodec.FileState.Plain ? new SourceNode(this, file.Offset) : null;

    /// <summary>Moves past one node and its children: the node's length is written after its kind.</summary>
    private void Skip(ref int at)
    {
        var data = _data.Span;
        var kind = (YamlTreeCodec.Kind)data[at++];
        var length = ReadInt(data, ref at);
        if (kind != YamlTreeCodec.Kind.Alias) at += length; // an alias's "length" is its anchor
    }

    /// <summary>A node's fields as <see cref="YamlTreeCodec"/> wrote them, up to its children.</summary>
    private readonly record struct Header(YamlTreeCodec.Kind Kind, Mark Start, Mark End, int Anchor, int Tag, int Value, byte Style, int Count)
    {
        /// <param name="marks">False when the caller needs no marks (the lazy reader asks for kinds, values and counts
        /// of nodes it does not build): the six numbers are stepped over, not decoded.</param>
        public static Header Read(PrecompiledRules pack, ref int at, bool marks = true)
        {
            var data = pack._data.Span;
            var kind = (YamlTreeCodec.Kind)data[at++];
            if (kind == YamlTreeCodec.Kind.Alias) return new Header(kind, default, default, ReadInt(data, ref at) + 1, 0, 0, 0, 0);
            SkipNumbers(data, ref at, 1); // the node's length, for Skip
            Mark start = default, end = default;
            if (marks)
            {
                start = new Mark(ReadLong(data, ref at), ReadLong(data, ref at), ReadLong(data, ref at));
                end = new Mark(ReadLong(data, ref at), ReadLong(data, ref at), ReadLong(data, ref at));
            }
            else
            {
                SkipNumbers(data, ref at, 6);
            }
            var anchor = ReadInt(data, ref at);
            var tag = ReadInt(data, ref at);
            var value = kind == YamlTreeCodec.Kind.Scalar ? ReadInt(data, ref at) : 0;
            var style = data[at++];
            var count = kind == YamlTreeCodec.Kind.Scalar ? 0 : ReadInt(data, ref at);
            return new Header(kind, start, end, anchor, tag, value, style, count);
        }

        /// <summary>Moves past <paramref name="count"/> numbers as <see cref="ReadLong"/> reads them (the last byte of
        /// each is below 0x80), without decoding them.</summary>
        private static void SkipNumbers(ReadOnlySpan<byte> data, ref int at, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var bytes = 0;
                while (data[at++] >= 0x80)
                {
                    if (++bytes == 10) throw new InvalidDataException("malformed precompiled rule pack");
                }
            }
        }
    }

    /// <summary>One node of a plain file (no anchors): its children's places found once, each built when first needed.
    /// Kept small (no marks: read again if the node is built), as a rule file is read through some twenty of them.</summary>
    private sealed class SourceNode : IYamlSource
    {
        private readonly PrecompiledRules _pack;
        private readonly int _at;
        private readonly YamlTreeCodec.Kind _kind;
        private readonly byte _style;
        private readonly int _value;
        // A collection's children: a mapping's keys and values alternate (key i at 2i, value i at 2i + 1).
        private readonly int[] _childAt = [];
        private SourceNode?[]? _children;
        private YamlScalarNode?[]? _keyNodes;
        private YamlNode? _node;

        public SourceNode(PrecompiledRules pack, int at, YamlNode? built = null)
        {
            _pack = pack;
            _at = at;
            _node = built;
            var header = Header.Read(pack, ref at, marks: false);
            (_kind, _style, _value) = (header.Kind, header.Style, header.Value);
            if (IsScalar) return;
            _childAt = new int[IsMapping ? 2 * header.Count : header.Count];
            for (var i = 0; i < _childAt.Length; i++)
            {
                _childAt[i] = at;
                pack.Skip(ref at);
            }
            if (IsMapping) Keys = MappingKeys();
        }

        public bool IsScalar => _kind == YamlTreeCodec.Kind.Scalar;
        public bool IsMapping => _kind == YamlTreeCodec.Kind.Mapping;
        public bool IsSequence => _kind == YamlTreeCodec.Kind.Sequence;
        private int Count => IsMapping ? _childAt.Length / 2 : _childAt.Length;
        public int Length => IsSequence ? Count : 0;
        public string[]? Keys { get; }

        public (string? Value, ScalarStyle Style) Scalar => (Optional(_value), (ScalarStyle)_style);

        // Built once even when two threads ask at once (a rule's check and `where` may be compiled on two threads):
        // the first node made is the one every caller gets.
        public YamlNode Node => _node ?? Once(ref _node, Build());

        public YamlScalarNode KeyNode(int index)
        {
            var keyNodes = _keyNodes ?? Once(ref _keyNodes, new YamlScalarNode?[Count]);
            return keyNodes[index] ?? Once(ref keyNodes[index], _node is YamlMappingNode built
                ? (YamlScalarNode)built.Children[index].Key
                : (YamlScalarNode)new TreeReader(_pack, _childAt[2 * index]).Read());
        }

        public IYamlSource Child(int index)
        {
            var children = _children ?? Once(ref _children, new SourceNode?[Count]);
            return children[index] ?? Once(ref children[index], new SourceNode(_pack, ChildAt(index), _node switch
            {
                YamlMappingNode m => m.Children[index].Value,
                YamlSequenceNode s => s.Children[index],
                _ => null,
            }));
        }

        private static T Once<T>(ref T? slot, T value) where T : class => Interlocked.CompareExchange(ref slot, value, null) ?? value;

        public bool TryScalar(int index, out string? value, out ScalarStyle style)
        {
            var at = ChildAt(index);
            var child = Header.Read(_pack, ref at, marks: false);
            (value, style) = child.Kind == YamlTreeCodec.Kind.Scalar ? (Optional(child.Value), (ScalarStyle)child.Style) : (null, default);
            return child.Kind == YamlTreeCodec.Kind.Scalar;
        }

        private int ChildAt(int index) => _childAt[IsMapping ? 2 * index + 1 : index];

        /// <summary>The keys when every one is a plain string and none is written twice (else null: read as a node).</summary>
        private string[]? MappingKeys()
        {
            var keys = new string[Count];
            for (var i = 0; i < keys.Length; i++)
            {
                var at = _childAt[2 * i];
                var key = Header.Read(_pack, ref at, marks: false);
                if (key.Kind != YamlTreeCodec.Kind.Scalar || Optional(key.Value) is not { } text || keys.AsSpan(0, i).Contains(text)) return null;
                keys[i] = text;
            }
            return keys;
        }

        private string? Optional(int id) => id > 0 ? _pack.String(id - 1) : null;

        /// <summary>The node; a collection part of which was already built is put together from those parts.</summary>
        private YamlNode Build()
        {
            if (IsScalar || (_children is null && _keyNodes is null)) return new TreeReader(_pack, _at).Read();
            var at = _at;
            var header = Header.Read(_pack, ref at);
            YamlNode node = IsMapping
                ? new YamlMappingNode { Style = (YamlDotNet.Core.Events.MappingStyle)_style }
                : new YamlSequenceNode { Style = (YamlDotNet.Core.Events.SequenceStyle)_style };
            SetStart(node, header.Start);
            SetEnd(node, header.End);
            if (Optional(header.Tag) is { } tag) node.Tag = new TagName(tag);
            for (var i = 0; i < Count; i++)
            {
                var part = _children?[i]?.Node ?? new TreeReader(_pack, ChildAt(i)).Read();
                if (node is YamlMappingNode m) m.Children.Add(KeyNode(i), part);
                else ((YamlSequenceNode)node).Children.Add(part);
            }
            return node;
        }
    }
}
