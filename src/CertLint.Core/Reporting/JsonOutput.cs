using System.Text.Encodings.Web;
using System.Text.Json;

namespace CertLint.Reporting;

/// <summary>The one JSON writer configuration (SARIF and the JSON report): indented, "\n" newlines, readable escaping.</summary>
internal static class JsonOutput
{
    public static Utf8JsonWriter Create(Stream stream) => new(stream, new JsonWriterOptions
    {
        Indented = true,
        NewLine = "\n",
        // Files, not HTML: keep <, >, & and non-ASCII readable. Control characters and quotes are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static void WriteStringIfNotEmpty(this Utf8JsonWriter w, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) w.WriteString(name, value);
    }

    public static void WriteStrings(this Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    public static void WriteText(this Utf8JsonWriter w, string name, string text)
    {
        w.WriteStartObject(name);
        w.WriteString("text", text);
        w.WriteEndObject();
    }
}
