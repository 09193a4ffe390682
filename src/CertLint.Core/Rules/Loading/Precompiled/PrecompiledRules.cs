using System.Buffers.Binary;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CertLint.Rules.Loading.Precompiled;

/// <summary>
/// The built-in rule files' YAML trees from <see cref="YamlTreeCodec.Resource"/> (written at build time from the
/// same rules/**/*.yml that are embedded; format in <see cref="YamlTreeCodec"/>). A file the build left out (one
/// YamlDotNet cannot load) or a missing resource gives null, and the caller parses the text as before, so errors and
/// results are those of the YAML either way.
/// </summary>
internal sealed partial class PrecompiledRules
{
    private static readonly Lazy<PrecompiledRules> Embedded = new(() =>
        new PrecompiledRules(EmbeddedBytes.Open(typeof(PrecompiledRules).Assembly, YamlTreeCodec.Resource) ?? new EmbeddedBytes([])));

    private readonly EmbeddedBytes _data;
    // Where the string table's offsets and its strings start: string N is found in place, by its offset (the table used
    // to be read whole into an array of some 4,000 places in every run).
    private readonly int _offsetsAt;
    private readonly int _stringsAt;
    private readonly string?[] _strings = [];
    private readonly Dictionary<string, (int Offset, int Length, YamlTreeCodec.FileState State)> _files = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];

    /// <summary>A written pack (tests write their own); one in another format (or none) holds no file.</summary>
    internal PrecompiledRules(byte[] data) : this(new EmbeddedBytes(data)) { }

    private PrecompiledRules(EmbeddedBytes data)
    {
        _data = data;
        var bytes = data.Span;
        var magic = Encoding.ASCII.GetBytes(YamlTreeCodec.Magic);
        if (bytes.Length < magic.Length + 1 || bytes[0] != magic.Length || !bytes.Slice(1, magic.Length).SequenceEqual(magic)) return;
        var at = 1 + magic.Length;
        var strings = ReadInt(bytes, ref at);
        _offsetsAt = at;
        _stringsAt = at + 4 * strings;
        _strings = new string?[strings];
        // The files follow the last string.
        at = strings == 0 ? _stringsAt : StringAt(strings - 1);
        var lastLength = strings == 0 ? 0 : ReadInt(bytes, ref at);
        at += lastLength;
        // The directory, then the trees in its order.
        var directory = new (string Name, YamlTreeCodec.FileState State, int Length)[ReadInt(bytes, ref at)];
        for (var i = 0; i < directory.Length; i++)
            directory[i] = (String(ReadInt(bytes, ref at)), (YamlTreeCodec.FileState)bytes[at++], ReadInt(bytes, ref at));
        foreach (var (name, state, length) in directory)
        {
            _files[name] = (at, length, state);
            _names.Add(name);
            at += length;
        }
    }

    /// <summary>The form embedded in this assembly (empty when the build did not make one).</summary>
    public static PrecompiledRules Default => Embedded.Value;

    /// <summary>The resource names (rules/NAME.yml, rules/PACK/NAME.yml) whose trees it holds.</summary>
    public IEnumerable<string> Files => _names.Where(n => _files[n].State != YamlTreeCodec.FileState.LeftOut);

    /// <summary>Every built-in YAML file the build saw, in its order, those it left out too: the loader's list of
    /// built-in files, so that a run does not decode the assembly's 700 resource names to find them.</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>A built-in rule file's root node, a tree of its own for every call (callers keep nodes); null when it
    /// is not recorded.</summary>
    public YamlNode? Root(string resource) =>
        _files.TryGetValue(resource, out var file) && file.State != YamlTreeCodec.FileState.LeftOut ? new TreeReader(this, file.Offset).Read() : null;

    /// <summary>String <paramref name="id"/> of the table, made the first time any file needs it. Threads reading
    /// files at once may both make it: equal strings, either kept. A long one (a description, a citation: each is in
    /// one file, read once, and often trimmed into a copy) is made each time and not kept, so it dies young instead of
    /// staying in the table for the life of the process.</summary>
    private string String(int id)
    {
        if (_strings[id] is { } known) return known;
        var offset = StringAt(id);
        var length = ReadInt(_data.Span, ref offset);
        var text = Encoding.UTF8.GetString(_data.Span.Slice(offset, length));
        return length > KeptLength ? text : _strings[id] = text;
    }

    /// <summary>Where string <paramref name="id"/> starts (its length, then its UTF-8 bytes).</summary>
    private int StringAt(int id) => checked(_stringsAt + BinaryPrimitives.ReadInt32LittleEndian(_data.Span.Slice(_offsetsAt + 4 * id, 4)));

    /// <summary>Strings up to this many bytes are kept: keys, names, field paths, short values shared by many files.</summary>
    private const int KeptLength = 80;

    private static int ReadInt(ReadOnlySpan<byte> data, ref int at) => checked((int)ReadLong(data, ref at));

    private static long ReadLong(ReadOnlySpan<byte> data, ref int at)
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

    /// <summary>Builds one file's tree, depth first, as <see cref="YamlTreeCodec.Write"/> wrote it.</summary>
    private sealed class TreeReader(PrecompiledRules pack, int at)
    {
        private int _at = at;
        private Dictionary<string, YamlNode>? _anchors;

        public YamlNode Read()
        {
            var header = Header.Read(pack, ref _at);
            if (header.Kind == YamlTreeCodec.Kind.Alias) return _anchors![pack.String(header.Anchor - 1)];
            YamlNode node = header.Kind switch
            {
                YamlTreeCodec.Kind.Scalar => new YamlScalarNode(Optional(header.Value)) { Style = (ScalarStyle)header.Style },
                YamlTreeCodec.Kind.Mapping => new YamlMappingNode { Style = (YamlDotNet.Core.Events.MappingStyle)header.Style },
                YamlTreeCodec.Kind.Sequence => new YamlSequenceNode { Style = (YamlDotNet.Core.Events.SequenceStyle)header.Style },
                _ => throw new InvalidDataException($"unknown precompiled YAML node kind {header.Kind}"),
            };
            SetStart(node, header.Start);
            SetEnd(node, header.End);
            if (Optional(header.Tag) is { } tag) node.Tag = new TagName(tag);
            if (Optional(header.Anchor) is { } anchor)
            {
                node.Anchor = new AnchorName(anchor);
                (_anchors ??= new(StringComparer.Ordinal))[anchor] = node;
            }
            switch (node)
            {
                case YamlMappingNode m:
                    for (var n = header.Count; n > 0; n--)
                    {
                        var key = Read();
                        m.Children.Add(key, Read());
                    }
                    break;
                case YamlSequenceNode q:
                    for (var n = header.Count; n > 0; n--) q.Children.Add(Read());
                    break;
            }
            return node;
        }

        private string? Optional(int id) => id > 0 ? pack.String(id - 1) : null;
    }

    // A loaded node's marks have private setters (YamlDotNet sets them while loading events). Setting them directly is
    // what lets a tree be built without an event object per node; bound at compile time (no reflection, AOT-safe),
    // and the tests compare every built-in tree's marks with the parsed text's, so a YamlDotNet change shows at once.
    [System.Runtime.CompilerServices.UnsafeAccessor(System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = "set_Start")]
    private static extern void SetStart(YamlNode node, Mark value);

    [System.Runtime.CompilerServices.UnsafeAccessor(System.Runtime.CompilerServices.UnsafeAccessorKind.Method, Name = "set_End")]
    private static extern void SetEnd(YamlNode node, Mark value);
}
