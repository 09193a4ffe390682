using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CertLint.Rules.Loading.Precompiled;

/// <summary>
/// The built-in rule packs, pre-parsed at build time: each rule file's YAML parser events (YamlDotNet's own
/// <see cref="ParsingEvent"/>s, with their marks, tags, anchors and styles) in a compact binary form. Replaying them
/// through <see cref="YamlDotNet.RepresentationModel.YamlStream"/> builds the very node tree parsing the text builds,
/// without scanning 240 KB of YAML at every start (most of a one-file run's CPU before). The YAML files stay the
/// only source: `CertLint.RulePrecompiler` writes this form from them on every build that changes one, and a test
/// checks that every built-in file's replayed tree equals its parsed tree.
/// This file is compiled into CertLint.Core (reading) and into the precompiler (writing): it needs YamlDotNet only.
/// </summary>
internal static class YamlEventCodec
{
    /// <summary>The embedded resource holding the pack (see CertLint.Core.csproj).</summary>
    public const string Resource = "rules/precompiled.bin";

    private const string Magic = "CLRP2";

    private enum Kind : byte
    {
        StreamStart, StreamEnd, DocumentStart, DocumentEnd, MappingStart, MappingEnd, SequenceStart, SequenceEnd, Scalar, Alias,
    }

    /// <summary>
    /// Writes each (resource name, YAML text) as its parser events. A file YamlDotNet cannot parse (or one with
    /// directives) is left out and passed to <paramref name="skipped"/>: CertLint parses such a file from its text
    /// and reports its error at file:line:column, exactly as without this form.
    /// </summary>
    public static void Write(Stream output, IEnumerable<(string Name, string Yaml)> files, Action<string, Exception>? skipped = null)
    {
        var bodies = new List<(string Name, byte[] Events)>();
        foreach (var (name, yaml) in files)
        {
            try
            {
                using var body = new MemoryStream();
                using (var b = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true))
                {
                    var parser = new Parser(new StringReader(yaml));
                    while (parser.MoveNext()) WriteEvent(b, parser.Current!, name);
                }
                bodies.Add((name, body.ToArray()));
            }
            catch (Exception e) when (e is YamlException or InvalidDataException)
            {
                skipped?.Invoke(name, e);
            }
        }
        using var w = new BinaryWriter(output, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write7BitEncodedInt(bodies.Count);
        foreach (var (name, events) in bodies)
        {
            w.Write(name);
            w.Write7BitEncodedInt(events.Length);
            w.Write(events);
        }
    }

    private static void WriteEvent(BinaryWriter w, ParsingEvent e, string file)
    {
        void Marks()
        {
            foreach (var m in new[] { e.Start, e.End })
            {
                w.Write7BitEncodedInt64(m.Index);
                w.Write7BitEncodedInt64(m.Line);
                w.Write7BitEncodedInt64(m.Column);
            }
        }
        void Node(NodeEvent n)
        {
            w.Write(n.Anchor.IsEmpty ? "" : n.Anchor.Value);
            w.Write(n.Tag.IsEmpty ? "" : n.Tag.Value);
        }
        switch (e)
        {
            case StreamStart: w.Write((byte)Kind.StreamStart); Marks(); break;
            case StreamEnd: w.Write((byte)Kind.StreamEnd); Marks(); break;
            case DocumentStart d:
                // The parser lists its two default tag handles (! and !!) on every document; node tags arrive resolved.
                if (d.Version is not null || (d.Tags ?? []).Any(t => t.Handle is not ("!" or "!!")))
                    throw new InvalidDataException($"{file}: %YAML and %TAG directives are not used in built-in rules");
                w.Write((byte)Kind.DocumentStart); Marks(); w.Write(d.IsImplicit); break;
            case DocumentEnd d: w.Write((byte)Kind.DocumentEnd); Marks(); w.Write(d.IsImplicit); break;
            case MappingStart m: w.Write((byte)Kind.MappingStart); Marks(); Node(m); w.Write(m.IsImplicit); w.Write((byte)m.Style); break;
            case MappingEnd: w.Write((byte)Kind.MappingEnd); Marks(); break;
            case SequenceStart s: w.Write((byte)Kind.SequenceStart); Marks(); Node(s); w.Write(s.IsImplicit); w.Write((byte)s.Style); break;
            case SequenceEnd: w.Write((byte)Kind.SequenceEnd); Marks(); break;
            case Scalar s:
                w.Write((byte)Kind.Scalar); Marks(); Node(s); w.Write(s.Value); w.Write((byte)s.Style);
                w.Write(s.IsPlainImplicit); w.Write(s.IsQuotedImplicit); w.Write(s.IsKey);
                break;
            case AnchorAlias a: w.Write((byte)Kind.Alias); Marks(); w.Write(a.Value.Value); break;
            default: throw new InvalidDataException($"{file}: unexpected YAML event {e.GetType().Name}");
        }
    }

    /// <summary>Each file's name and where its events are in <paramref name="data"/>; empty when it is not this format.</summary>
    public static Dictionary<string, (int Offset, int Length)> Index(byte[] data)
    {
        var index = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        using var r = new BinaryReader(new MemoryStream(data, writable: false), Encoding.UTF8);
        if (data.Length < Magic.Length + 1 || r.ReadString() != Magic) return index;
        var count = r.Read7BitEncodedInt();
        for (var i = 0; i < count; i++)
        {
            var name = r.ReadString();
            var length = r.Read7BitEncodedInt();
            index[name] = ((int)r.BaseStream.Position, length);
            r.BaseStream.Position += length;
        }
        return index;
    }

    /// <summary>A parser that replays one file's events.</summary>
    public static IParser Replay(byte[] data, int offset, int length) => new ReplayParser(new BinaryReader(new MemoryStream(data, offset, length, writable: false), Encoding.UTF8));

    private sealed class ReplayParser(BinaryReader r) : IParser
    {
        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            if (r.BaseStream.Position >= r.BaseStream.Length)
            {
                Current = null;
                return false;
            }
            Current = Read();
            return true;
        }

        private ParsingEvent Read()
        {
            var kind = (Kind)r.ReadByte();
            var start = ReadMark();
            var end = ReadMark();
            switch (kind)
            {
                case Kind.StreamStart: return new StreamStart(in start, in end);
                case Kind.StreamEnd: return new StreamEnd(in start, in end);
                case Kind.DocumentStart: return new DocumentStart(null, null, r.ReadBoolean(), start, end);
                case Kind.DocumentEnd: return new DocumentEnd(r.ReadBoolean(), start, end);
                case Kind.MappingStart:
                    {
                        var (anchor, tag) = ReadNode();
                        return new MappingStart(anchor, tag, r.ReadBoolean(), (MappingStyle)r.ReadByte(), start, end);
                    }
                case Kind.MappingEnd: return new MappingEnd(in start, in end);
                case Kind.SequenceStart:
                    {
                        var (anchor, tag) = ReadNode();
                        return new SequenceStart(anchor, tag, r.ReadBoolean(), (SequenceStyle)r.ReadByte(), start, end);
                    }
                case Kind.SequenceEnd: return new SequenceEnd(in start, in end);
                case Kind.Scalar:
                    {
                        var (anchor, tag) = ReadNode();
                        var value = r.ReadString();
                        var style = (ScalarStyle)r.ReadByte();
                        var plain = r.ReadBoolean();
                        var quoted = r.ReadBoolean();
                        return new Scalar(anchor, tag, value, style, plain, quoted, start, end, r.ReadBoolean());
                    }
                case Kind.Alias: return new AnchorAlias(new AnchorName(r.ReadString()), start, end);
                default: throw new InvalidDataException($"unknown precompiled YAML event {kind}");
            }
        }

        private Mark ReadMark() => new(r.Read7BitEncodedInt64(), r.Read7BitEncodedInt64(), r.Read7BitEncodedInt64());

        private (AnchorName, TagName) ReadNode()
        {
            var anchor = r.ReadString();
            var tag = r.ReadString();
            return (anchor.Length == 0 ? AnchorName.Empty : new AnchorName(anchor), tag.Length == 0 ? TagName.Empty : new TagName(tag));
        }
    }
}
