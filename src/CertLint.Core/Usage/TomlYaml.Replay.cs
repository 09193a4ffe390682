using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CertLint.Usage;

/// <summary>The merged tree replayed as YAML parser events, so that YamlDotNet's nodes carry the TOML lines.</summary>
internal static partial class TomlYaml
{
    private static void Emit(Node node, List<ParsingEvent> events)
    {
        var start = new Mark(0, node.Line, node.Column);
        switch (node.Kind)
        {
            case NodeKind.Table:
                events.Add(new MappingStart(AnchorName.Empty, TagName.Empty, isImplicit: true, MappingStyle.Block, start, start));
                foreach (var (key, line, column, value) in node.Entries)
                {
                    var at = new Mark(0, line, column);
                    events.Add(new Scalar(AnchorName.Empty, TagName.Empty, key, ScalarStyle.DoubleQuoted, false, true, at, at));
                    Emit(value, events);
                }
                events.Add(new MappingEnd(start, start));
                break;
            case NodeKind.Array:
                events.Add(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Flow, start, start));
                foreach (var item in node.Items) Emit(item, events);
                events.Add(new SequenceEnd(start, start));
                break;
            default:
                // A multi-line string read as a literal block, so ValueLines counts its lines from the one after the quotes.
                var style = node.MultiLine ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
                events.Add(new Scalar(AnchorName.Empty, TagName.Empty, node.Value, style, false, true, start, start));
                break;
        }
    }

    /// <summary>The events built above, read by YamlStream as if a YAML parser produced them.</summary>
    private sealed class Replay(List<ParsingEvent> events) : IParser
    {
        private int _next;

        public ParsingEvent? Current { get; private set; }

        public bool MoveNext()
        {
            Current = _next < events.Count ? events[_next++] : null;
            return Current is not null;
        }
    }
}
