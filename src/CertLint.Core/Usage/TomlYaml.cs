using Tomlyn;
using Tomlyn.Parsing;
using Tomlyn.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage;

/// <summary>
/// A TOML file read into the YAML tree the readers walk (Traefik documents every setting in YAML and TOML, and its
/// readers are written once, over <see cref="YamlNode"/>s). Tomlyn's event parser reports keys and values in the order
/// they are written, so a table opened again later (<c>[a]</c>, <c>[b]</c>, <c>[a.c]</c>) or an array of tables split by
/// other tables arrives in pieces: they are merged here, with each key and value keeping its own line, then replayed as
/// YAML events so the nodes carry those lines. A key written twice with a value, or a value and a table under one name,
/// is an error, as TOML says and Traefik's parser refuses. Tomlyn bounds nesting (64 levels); the file size is the
/// stage's bound, and a TOML file has no aliases to expand. Errors carry the line, never the file's text.
/// </summary>
internal static class TomlYaml
{
    public static YamlNode? Load(ConfigSource source, ConfigReadResult result)
    {
        var lastLine = 1; // where the parser last got to, for the errors Tomlyn does not position
        try
        {
            var parser = TomlParser.Create(source.Text, new TomlParserOptions { Mode = TomlParserMode.Strict }, TomlSerializerOptions.Default);
            var root = new Node(NodeKind.Table, 1, 1);
            if (!Read(parser, root, result, source, ref lastLine)) return null;
            if (parser.HasErrors)
            {
                result.Error(source.At(1), "invalid TOML (Traefik refuses the file)");
                return null;
            }
            var events = new List<ParsingEvent> { new StreamStart(), new DocumentStart() };
            Emit(root, events);
            events.Add(new DocumentEnd(isImplicit: true));
            events.Add(new StreamEnd());
            var stream = new YamlStream();
            stream.Load(new Replay(events));
            return stream.Documents[0].RootNode;
        }
        catch (TomlException e)
        {
            // Tomlyn's message quotes the token it stopped at: only its position is kept.
            var (line, column) = At(e.Span);
            result.Error(source.At(line), e.Message.Contains("maximum depth", StringComparison.Ordinal)
                ? $"TOML nested deeper than {TomlSerializerOptions.Default.MaxDepth} levels at column {column}: not read"
                : $"invalid TOML at column {column}: the parser cannot read the file from here (Traefik refuses it)");
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            // Tomlyn throws these instead of a TomlException on some malformed input (an escape cut by the end of the
            // file: tests/fuzz-regressions/config/crash-519dc235f4d5186c.bin).
            result.Error(source.At(lastLine), "invalid TOML: the parser cannot read the file after this point (Traefik refuses it)");
            return null;
        }
    }

    private enum NodeKind { Table, Array, Scalar }

    /// <summary>A table, an array or a scalar with where it is written; a table keeps its keys in the order first written.</summary>
    private sealed class Node(NodeKind kind, int line, int column)
    {
        public NodeKind Kind { get; } = kind;
        public int Line { get; } = line;
        public int Column { get; } = column;
        public string Value { get; init; } = "";
        public bool MultiLine { get; init; }
        public List<(string Key, int Line, int Column, Node Value)> Entries { get; } = [];
        public List<Node> Items { get; } = [];
        // Looked up by name: a 1 MB table of 150,000 keys must not cost a scan per key.
        private readonly Dictionary<string, Node> _byKey = new(StringComparer.Ordinal);

        public Node? Find(string key) => _byKey.GetValueOrDefault(key);

        public void Add(string key, int line, int column, Node value)
        {
            _byKey.Add(key, value);
            Entries.Add((key, line, column, value));
        }
    }

    /// <summary>Reads one table's content up to its EndTable into <paramref name="table"/>; false after an error.</summary>
    private static bool Read(TomlParser parser, Node table, ConfigReadResult result, ConfigSource source, ref int lastLine)
    {
        // The document's StartDocument/StartTable open the root; an EndTable closes the table being filled.
        var stack = new Stack<Node>();
        stack.Push(table);
        string? key = null;
        var keyAt = (Line: 1, Column: 1);
        var skippedRoot = false;
        while (parser.MoveNext())
        {
            var e = parser.Current;
            if (e.Span is { } span) lastLine = Math.Max(lastLine, span.Start.Line + 1);
            switch (e.Kind)
            {
                case TomlParseEventKind.StartDocument:
                case TomlParseEventKind.EndDocument:
                    break;
                case TomlParseEventKind.PropertyName:
                    key = parser.GetPropertyName();
                    keyAt = At(e.Span);
                    break;
                case TomlParseEventKind.StartTable when !skippedRoot:
                    skippedRoot = true;
                    break;
                case TomlParseEventKind.StartTable:
                case TomlParseEventKind.StartArray:
                {
                    var kind = e.Kind == TomlParseEventKind.StartTable ? NodeKind.Table : NodeKind.Array;
                    if (Open(stack.Peek(), kind, key, keyAt, e.Span, result, source) is not { } opened) return false;
                    stack.Push(opened);
                    key = null;
                    break;
                }
                case TomlParseEventKind.EndTable:
                case TomlParseEventKind.EndArray:
                    if (stack.Count > 1) stack.Pop();
                    break;
                default:
                    var at = At(e.Span);
                    var scalar = new Node(NodeKind.Scalar, at.Line, at.Column)
                    {
                        Value = Text(parser, e),
                        MultiLine = e.Span is { } s && s.End.Line > s.Start.Line && StartsWithBreak(source.Text, s),
                    };
                    if (!Add(stack.Peek(), key, keyAt, scalar, result, source)) return false;
                    key = null;
                    break;
            }
        }
        return true;
    }

    /// <summary>
    /// The table or array a StartTable/StartArray opens: in an array a new item; under a key, the table or array already
    /// there (a table or array of tables written in pieces), else a new one.
    /// </summary>
    private static Node? Open(Node parent, NodeKind kind, string? key, (int Line, int Column) keyAt, TomlSourceSpan? span,
        ConfigReadResult result, ConfigSource source)
    {
        var at = span is { Length: > 0 } s ? At(s) : keyAt;
        var node = new Node(kind, at.Line, at.Column);
        if (parent.Kind == NodeKind.Array)
        {
            parent.Items.Add(node);
            return node;
        }
        if (key is not null && parent.Find(key) is { } existing)
        {
            if (existing.Kind == kind) return existing;
            result.Error(source.At(keyAt.Line), "a key is written twice, once as a table and once as a value (TOML forbids it; Traefik refuses the file)");
            return null;
        }
        return Add(parent, key, keyAt, node, result, source) ? node : null;
    }

    private static bool Add(Node parent, string? key, (int Line, int Column) keyAt, Node value, ConfigReadResult result, ConfigSource source)
    {
        if (parent.Kind == NodeKind.Array)
        {
            parent.Items.Add(value);
            return true;
        }
        if (key is null) return true; // not produced by Tomlyn for a table's value; nothing to attach it to
        if (parent.Find(key) is not null)
        {
            result.Error(source.At(keyAt.Line), "a key is written twice in one table (TOML forbids it; Traefik refuses the file)");
            return false;
        }
        parent.Add(key, keyAt.Line, keyAt.Column, value);
        return true;
    }

    /// <summary>Tomlyn counts lines and columns from 0; the YAML tree and every finding from 1.</summary>
    private static (int Line, int Column) At(TomlSourceSpan? span) =>
        span is { } s ? (Math.Max(1, s.Start.Line + 1), Math.Max(1, s.Start.Column + 1)) : (1, 1);

    /// <summary>A multi-line string whose text starts on the line after its opening quotes, as a literal block's does.</summary>
    private static bool StartsWithBreak(string text, TomlSourceSpan span)
    {
        var after = span.Offset + 3;
        return after < text.Length && text[after] is '\n' or '\r';
    }

    private static string Text(TomlParser parser, in TomlParseEvent e) => e.Kind switch
    {
        TomlParseEventKind.String => parser.GetString(),
        TomlParseEventKind.Integer => e.GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture),
        TomlParseEventKind.Float => e.GetDouble().ToString(System.Globalization.CultureInfo.InvariantCulture),
        TomlParseEventKind.Boolean => e.GetBoolean() ? "true" : "false",
        TomlParseEventKind.DateTime => e.GetTomlDateTime().ToString(),
        _ => "",
    };

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
