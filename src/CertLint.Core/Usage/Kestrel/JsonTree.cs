using System.Text;
using System.Text.Json;

namespace CertLint.Usage.Kestrel;

/// <summary>
/// A JSON value with the line it starts on: what System.Text.Json's document model does not keep. Object keys compare
/// case-insensitively, as ASP.NET Core configuration keys do.
/// </summary>
internal sealed class JsonTree
{
    public required int Line { get; init; }
    /// <summary>Scalars as configuration sees them: strings as is, numbers and booleans as written; null for objects and arrays.</summary>
    public string? Value { get; init; }
    public Dictionary<string, JsonTree>? Properties { get; init; }
    public List<JsonTree>? Items { get; init; }
    /// <summary>Line of the property name that holds this value (the value may start later).</summary>
    public int KeyLine { get; set; }

    public JsonTree? this[string key] => Properties is { } p && p.TryGetValue(key, out var v) ? v : null;

    public IEnumerable<KeyValuePair<string, JsonTree>> Children => Properties ?? [];

    /// <summary>
    /// Parses the way ASP.NET Core's JSON configuration provider does (comments skipped, trailing commas allowed,
    /// duplicate keys refused), at most <paramref name="maxDepth"/> levels deep. Errors carry a line and never the text.
    /// </summary>
    public static JsonTree Parse(string text, int maxDepth, out (int Line, string Message)? error)
    {
        error = null;
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineIndex(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = maxDepth,
        });
        try
        {
            if (!reader.Read()) throw new JsonException(null, null, 0, 0);
            var root = Read(ref reader, lines, out var duplicate);
            if (duplicate is { } line)
            {
                error = (line, "duplicate key (ASP.NET Core refuses a JSON configuration file with a key written twice)");
                return root;
            }
            if (reader.Read()) throw new JsonException(null, null, null, null);
            return root;
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : lines.LineOf((int)Math.Min(reader.TokenStartIndex, int.MaxValue));
            error = (line, reader.CurrentDepth >= maxDepth - 1
                ? $"JSON nested deeper than {maxDepth} levels is not read"
                : $"invalid JSON at line {line}");
            return new JsonTree { Line = 1 };
        }
    }

    private static JsonTree Read(ref Utf8JsonReader reader, LineIndex lines, out int? duplicate)
    {
        duplicate = null;
        var line = lines.LineOf((int)reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new Dictionary<string, JsonTree>(StringComparer.OrdinalIgnoreCase);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString() ?? "";
                    var keyLine = lines.LineOf((int)reader.TokenStartIndex);
                    reader.Read();
                    var value = Read(ref reader, lines, out var inner);
                    value.KeyLine = keyLine;
                    duplicate ??= inner;
                    if (!properties.TryAdd(name, value)) duplicate ??= keyLine;
                }
                return new JsonTree { Line = line, Properties = properties };
            case JsonTokenType.StartArray:
                var items = new List<JsonTree>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var item = Read(ref reader, lines, out var inner);
                    item.KeyLine = item.Line;
                    duplicate ??= inner;
                    items.Add(item);
                }
                return new JsonTree { Line = line, Items = items };
            case JsonTokenType.String:
                return new JsonTree { Line = line, Value = reader.GetString() };
            case JsonTokenType.Null:
                return new JsonTree { Line = line, Value = null };
            default:
                return new JsonTree { Line = line, Value = Encoding.UTF8.GetString(reader.ValueSpan) };
        }
    }

    /// <summary>Byte offset to 1-based line, by binary search over the newline offsets.</summary>
    private sealed class LineIndex
    {
        private readonly List<int> _newlines = [];

        public LineIndex(byte[] bytes)
        {
            for (var i = 0; i < bytes.Length; i++)
                if (bytes[i] == (byte)'\n') _newlines.Add(i);
        }

        public int LineOf(int offset)
        {
            var i = _newlines.BinarySearch(offset);
            return (i < 0 ? ~i : i) + 1;
        }
    }
}
