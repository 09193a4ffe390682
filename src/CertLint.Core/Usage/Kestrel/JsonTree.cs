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
    /// <summary>The file the value comes from in a merged view (<see cref="Merge"/>); null: the file being read.</summary>
    public Model.SourceFile? File { get; private set; }

    /// <summary>Marks every node as coming from <paramref name="file"/>.</summary>
    public JsonTree From(Model.SourceFile file)
    {
        File = file;
        foreach (var child in (IEnumerable<JsonTree>?)Properties?.Values ?? Items ?? []) child.From(file);
        return this;
    }

    /// <summary>Whether this value, or any value under it, comes from <paramref name="file"/>.</summary>
    public bool Touches(Model.SourceFile file) =>
        ReferenceEquals(File, file) || ((IEnumerable<JsonTree>?)Properties?.Values ?? Items ?? []).Any(c => c.Touches(file));

    /// <summary>
    /// ASP.NET Core's configuration layering: a later file's value replaces the earlier one at the same key path;
    /// objects merge key by key and arrays index by index (configuration sees array items as keys 0, 1, ..., so a
    /// shorter array in the later file leaves the earlier file's tail in place). Each value keeps its own file and line.
    /// </summary>
    public static JsonTree Merge(JsonTree under, JsonTree over)
    {
        if (under.Properties is { } a && over.Properties is { } b)
        {
            var merged = new Dictionary<string, JsonTree>(a, StringComparer.OrdinalIgnoreCase);
            foreach (var (key, value) in b) merged[key] = merged.TryGetValue(key, out var old) ? Merge(old, value) : value;
            return new JsonTree { Line = over.Line, KeyLine = over.KeyLine, File = over.File, Properties = merged };
        }
        if (under.Items is { } ai && over.Items is { } bi)
        {
            var items = Enumerable.Range(0, Math.Max(ai.Count, bi.Count)).Select(i => i >= bi.Count ? ai[i] : i >= ai.Count ? bi[i] : Merge(ai[i], bi[i])).ToList();
            return new JsonTree { Line = over.Line, KeyLine = over.KeyLine, File = over.File, Items = items };
        }
        return over;
    }

    public JsonTree? this[string key] => Properties is { } p && p.TryGetValue(key, out var v) ? v : null;

    public IEnumerable<KeyValuePair<string, JsonTree>> Children => Properties ?? [];

    /// <summary>
    /// Parses the way ASP.NET Core's JSON configuration provider does (comments skipped, trailing commas allowed,
    /// duplicate keys refused), at most <paramref name="maxDepth"/> levels deep. Errors carry a line and never the text;
    /// <paramref name="duplicateProblem"/> says what a key written twice means to the product reading the file.
    /// </summary>
    public static JsonTree Parse(string text, int maxDepth, out (int Line, string Message)? error,
        string duplicateProblem = "duplicate key (ASP.NET Core refuses a JSON configuration file with a key written twice)")
    {
        error = null;
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new ByteLines(bytes);
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
                error = (line, duplicateProblem);
                return root;
            }
            if (reader.Read()) throw new JsonException(null, null, null, null);
            return root;
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : lines.LineOf(reader.TokenStartIndex);
            error = (line, reader.CurrentDepth >= maxDepth - 1
                ? $"JSON nested deeper than {maxDepth} levels is not read"
                : $"invalid JSON at line {line}");
            return new JsonTree { Line = 1 };
        }
    }

    private static JsonTree Read(ref Utf8JsonReader reader, ByteLines lines, out int? duplicate)
    {
        duplicate = null;
        var line = lines.LineOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var properties = new Dictionary<string, JsonTree>(StringComparer.OrdinalIgnoreCase);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString() ?? "";
                    var keyLine = lines.LineOf(reader.TokenStartIndex);
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
}
