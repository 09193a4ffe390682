using System.Text;
using System.Text.Json;

namespace CertLint.Usage.Hashicorp;

/// <summary>
/// HashiCorp's agents read JSON configurations as HCL's JSON syntax: an object value is a block (its key the block
/// type), an array of objects is one block per element, and the types that take a label (<c>listener "tcp"</c>,
/// <c>storage "raft"</c>) nest it one level down (<c>"listener": {"tcp": {…}}</c>, or a list of such objects). This
/// builds the same <see cref="HclBody"/> the HCL parser builds, every value at its own line, so one reading judges both.
/// Bounded as the HCL parser: 32 levels (a deeper file is refused), the stage's file size for everything else.
/// </summary>
internal static class HclJson
{
    private const int MaxDepth = 32;

    /// <summary>The message of the exception this reader throws past <see cref="MaxDepth"/> (never shown).</summary>
    private const string TooDeep = "nested too deep";

    /// <summary>Block types written with one label in HCL; in JSON the label is the key one level down.</summary>
    private static readonly HashSet<string> Labeled = new(StringComparer.Ordinal) { "listener", "storage", "seal", "service_registration", "method", "sink" };

    /// <summary>The file's top level, or null with the line and reason JSON or HCL's JSON syntax refuses it (no file text).</summary>
    public static HclBody? Parse(string text, out (int Line, string Message)? error)
    {
        error = null;
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new ByteLines(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = MaxDepth + 2, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                error = (1, "invalid HCL JSON: the top level must be an object");
                return null;
            }
            var top = Body(ref reader, lines, 1);
            if (reader.Read())
            {
                error = (lines.LineOf(reader.TokenStartIndex), "invalid JSON: text after the top-level object");
                return null;
            }
            return top;
        }
        catch (JsonException e)
        {
            // The reader's message quotes no content; the position is its own line number (0-based).
            error = ((int)(e.LineNumber ?? 0) + 1, e.Message == TooDeep
                ? $"invalid HCL JSON: nested deeper than {MaxDepth} levels"
                : "invalid JSON at column " + ((e.BytePositionInLine ?? 0) + 1));
            return null;
        }
    }

    /// <summary>The members of the object the reader is in, up to its end.</summary>
    private static HclBody Body(ref Utf8JsonReader reader, ByteLines lines, int depth)
    {
        if (depth > MaxDepth) throw new JsonException(TooDeep, null, lines.LineOf(reader.TokenStartIndex) - 1, 0);
        var body = new HclBody();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var line = lines.LineOf(reader.TokenStartIndex);
            reader.Read();
            Member(ref reader, lines, depth, body, name, line, label: null);
        }
        return body;
    }

    /// <summary>One member: a block per object (and per object of an array of objects), else an attribute.</summary>
    private static void Member(ref Utf8JsonReader reader, ByteLines lines, int depth, HclBody body, string name, int line, string? label)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject when label is null && Labeled.Contains(name):
                // "listener": {"tcp": {...}}: each key is a label of a block of this type.
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var labelName = reader.GetString()!;
                    var labelLine = lines.LineOf(reader.TokenStartIndex);
                    reader.Read();
                    Member(ref reader, lines, depth + 1, body, name, labelLine, labelName);
                }
                break;
            case JsonTokenType.StartObject:
                body.Blocks.Add(new HclBlock(name, label is null ? [] : [label], Body(ref reader, lines, depth + 1), line));
                break;
            case JsonTokenType.StartArray:
                var items = new List<HclValue>();
                var arrayLine = lines.LineOf(reader.TokenStartIndex);
                var blocks = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        // A list of objects is a list of blocks (of the labelled form for a labelled type).
                        var itemLine = lines.LineOf(reader.TokenStartIndex);
                        if (label is null && Labeled.Contains(name)) Member(ref reader, lines, depth + 1, body, name, itemLine, null);
                        else body.Blocks.Add(new HclBlock(name, label is null ? [] : [label], Body(ref reader, lines, depth + 1), itemLine));
                        blocks++;
                    }
                    else items.Add(Value(ref reader, lines, depth + 1));
                }
                if (items.Count > 0 || blocks == 0)
                    body.Attributes.Add(new HclAttribute(name, new HclValue(HclValueKind.List, "", arrayLine) { Items = items }, line));
                break;
            default:
                body.Attributes.Add(new HclAttribute(name, Value(ref reader, lines, depth), line));
                break;
        }
    }

    /// <summary>A scalar, or a nested array (kept as a list).</summary>
    private static HclValue Value(ref Utf8JsonReader reader, ByteLines lines, int depth)
    {
        if (depth > MaxDepth) throw new JsonException(TooDeep, null, lines.LineOf(reader.TokenStartIndex) - 1, 0);
        var line = lines.LineOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var text = reader.GetString()!;
                return new HclValue(HclValueKind.String, text, line,
                    text.Contains("${", StringComparison.Ordinal) || text.Contains("%{", StringComparison.Ordinal));
            case JsonTokenType.Number:
                return new HclValue(HclValueKind.Number, Encoding.UTF8.GetString(reader.ValueSpan), line);
            case JsonTokenType.True or JsonTokenType.False:
                return new HclValue(HclValueKind.Bool, reader.TokenType == JsonTokenType.True ? "true" : "false", line);
            case JsonTokenType.Null:
                return new HclValue(HclValueKind.Null, "", line);
            case JsonTokenType.StartArray:
                var items = new List<HclValue>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) items.Add(Value(ref reader, lines, depth + 1));
                return new HclValue(HclValueKind.List, "", line) { Items = items };
            default: // an object inside a list of scalars: kept whole, read by no reader
                var body = Body(ref reader, lines, depth + 1);
                return new HclValue(HclValueKind.Object, "", line) { Object = body };
        }
    }
}
