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
/// YAML events so the nodes carry those lines. A key written twice with a value, a value and a table under one name, or
/// a table defined twice (two headers, a header and dotted keys, or an inline table added to) is an error, as TOML says
/// and Traefik's parser refuses; the headers Tomlyn merges without an event are read by <see cref="TomlHeaders"/>. Tomlyn bounds nesting (64 levels); the file size is the
/// stage's bound, and a TOML file has no aliases to expand. Errors carry the line, never the file's text.
/// </summary>
internal static partial class TomlYaml
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

    /// <summary>Reads one table's content up to its EndTable into <paramref name="table"/>; false after an error.</summary>
    private static bool Read(TomlParser parser, Node table, ConfigReadResult result, ConfigSource source, ref int lastLine)
    {
        // The document's StartDocument/StartTable open the root; an EndTable closes the table being filled.
        var stack = new Stack<Node>();
        stack.Push(table);
        string? key = null;
        var keyAt = (Line: 1, Column: 1);
        var skippedRoot = false;
        var headers = new TomlHeaders(source.Text);
        TomlHeaders.Header? pending = null; // the header last read, checked once its tables are open
        while (parser.MoveNext())
        {
            var e = parser.Current;
            var ends = e.Kind is TomlParseEventKind.EndTable or TomlParseEventKind.EndArray;
            if (e.Span is { } span) lastLine = Math.Max(lastLine, span.Start.Line + 1);
            // An end's span is the token after it, which may open the next header: only the text before a span is scanned.
            var scanTo = e.Span?.Offset ?? (e.Kind == TomlParseEventKind.EndDocument ? source.Text.Length : 0);
            while (headers.Next(scanTo) is { } found)
            {
                if (pending is { } previous && !Defines(table, previous, result, source)) return false;
                pending = found;
            }
            if (e.Span is { } owned && !ends) headers.Skip(owned.Offset + owned.Length);
            // A header's own events close the tables it leaves, then open its keys on its line; any other event follows it.
            var ofHeader = ends || (e.Kind is TomlParseEventKind.StartTable or TomlParseEventKind.StartArray && e.Span is null)
                || (e.Kind == TomlParseEventKind.PropertyName && pending is { } h && At(e.Span).Line == h.Line);
            if (pending is { } header && !ofHeader)
            {
                if (!Defines(table, header, result, source)) return false;
                pending = null;
            }
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
                    var by = e.Span is { Length: > 0 } ? Definition.Inline
                        : pending is { } inHeader && keyAt.Line == inHeader.Line ? Definition.None
                        : Definition.Dotted;
                    if (Open(stack.Peek(), kind, by, key, keyAt, e.Span, result, source) is not { } opened) return false;
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
    /// there (a table or array of tables written in pieces), else a new one. An inline value never adds to a key already
    /// written, nothing adds to an inline value, and dotted keys do not add to a table its header defined.
    /// </summary>
    private static Node? Open(Node parent, NodeKind kind, Definition by, string? key, (int Line, int Column) keyAt,
        TomlSourceSpan? span, ConfigReadResult result, ConfigSource source)
    {
        var at = span is { Length: > 0 } s ? At(s) : keyAt;
        // A table in an array of tables is its [[header]]'s (whatever the key last read was).
        var node = new Node(kind, at.Line, at.Column) { Defined = parent.Kind == NodeKind.Array && by != Definition.Inline ? Definition.Header : by };
        if (parent.Kind == NodeKind.Array)
        {
            parent.Items.Add(node);
            return node;
        }
        if (key is not null && parent.Find(key) is { } existing)
        {
            // [a.b] after [[a]] and other tables: b belongs to a's last table, as it does right after [[a]].
            if (existing is { Kind: NodeKind.Array, Defined: Definition.None, Items: [.., { Kind: NodeKind.Table } last] }
                && kind == NodeKind.Table && by == Definition.None)
                return last;
            string? refused = existing.Kind != kind ? "a key is written twice, once as a table and once as a value"
                : by == Definition.Inline ? "a key is written twice in one table"
                : existing.Defined == Definition.Inline || (by == Definition.Dotted && existing.Defined == Definition.Header) ? TableTwice
                : null;
            if (refused is null) return existing;
            result.Error(source.At(keyAt.Line), $"{refused} (TOML forbids it; Traefik refuses the file)");
            return null;
        }
        return Add(parent, key, keyAt, node, result, source) ? node : null;
    }

    private const string TableTwice = "a table is defined twice";

    /// <summary>
    /// A <c>[table]</c> header, once its tables are open, defines the table its path names: not one a header, dotted keys
    /// or an inline value defined already (a super-table first opened by a sub-table's header is not yet defined).
    /// An <c>[[array]]</c> header always adds a table. A path not decoded or not found is left to the events' checks.
    /// </summary>
    private static bool Defines(Node root, TomlHeaders.Header header, ConfigReadResult result, ConfigSource source)
    {
        if (header.IsArray || header.Path is not { } path) return true;
        var node = root;
        foreach (var name in path)
        {
            // A path through an array of tables goes through its last table, as the events did.
            if (node.Kind == NodeKind.Array && (node.Items.Count == 0 || (node = node.Items[^1]).Kind != NodeKind.Table)) return true;
            if (node.Find(name) is not { } child) return true;
            node = child;
        }
        if (node.Kind == NodeKind.Table && node.Defined == Definition.None)
        {
            node.Defined = Definition.Header;
            return true;
        }
        result.Error(source.At(header.Line), $"{TableTwice} (TOML forbids it; Traefik refuses the file)");
        return false;
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
}
