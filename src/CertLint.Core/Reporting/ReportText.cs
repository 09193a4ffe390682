using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Reporting;

/// <summary>Text helpers every report uses, so all formats say the same thing the same way.</summary>
public static partial class ReportText
{
    /// <summary>
    /// The finding's message as reports print it: one line, with any PEM block cut out. Rules never put key material
    /// in messages; this is the last line of defence should a parser error echo a file's content.
    /// </summary>
    public static string Message(Finding finding) => Clean(finding.Message);

    /// <summary>Removes PEM blocks (and a PEM header without its end) and folds whitespace: for text built from scanned files.</summary>
    public static string Clean(string text) => OneLine(PemBlock().Replace(text, "[PEM block removed]"));

    /// <summary>Folds whitespace to single spaces and makes the text printable: for CertLint's own texts (rule titles, fixes).</summary>
    public static string OneLine(string text) => Printable(Whitespace().Replace(text, " ").Trim());

    /// <summary>Replaces control and bidi characters and lone surrogates with '?' (<see cref="SafeText"/>): valid in XML and safe on a terminal.</summary>
    public static string Printable(string text) => SafeText.Printable(text);

    /// <summary>"client/SSLDefs.ini:13: presented as the client certificate of ...": one related location as text reports print it.</summary>
    public static string Related(RelatedLocation related) =>
        $"{Visible(PathOf(related.Location.File))}:{Lines(related.Location)}: {Clean(related.Message)}";

    /// <summary>SARIF level and the lower-case name used by every format.</summary>
    public static string Level(Severity severity) => severity.ToText();

    /// <summary>"12" or "12-30".</summary>
    public static string Lines(SourceLocation location) => location.StartLine == location.EndLine || location.EndLine < location.StartLine
        ? location.StartLine.ToString(CultureInfo.InvariantCulture)
        : $"{location.StartLine.ToString(CultureInfo.InvariantCulture)}-{location.EndLine.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Start and end line as SARIF wants them: at least 1, end not before start.</summary>
    public static (int Start, int End) Region(SourceLocation location)
    {
        var start = Math.Max(1, location.StartLine);
        return (start, Math.Max(start, location.EndLine));
    }

    /// <summary>
    /// The real path relative to the root, with forward slashes: each format escapes it as it allows (JSON string
    /// escapes, SARIF percent-encoding, XML character references), so a decoded report names the file faithfully.
    /// </summary>
    public static string PathOf(SourceFile file) => file.RelativePath.Replace('\\', '/');

    /// <summary>The path for XML (JUnit): as <see cref="PathOf"/>, with the characters XML 1.0 cannot carry at all replaced by U+FFFD.</summary>
    public static string XmlPathOf(SourceFile file) => XmlText(PathOf(file));

    /// <summary>Text with every character XML 1.0 forbids (C0 controls but tab/CR/LF, lone surrogates, U+FFFE/F) replaced by U+FFFD.</summary>
    public static string XmlText(string text)
    {
        static bool Bad(char c) => (c < ' ' && c is not ('\t' or '\n' or '\r')) || c is '\uFFFE' or '\uFFFF';
        if (!text.Any(c => Bad(c) || char.IsSurrogate(c))) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) sb.Append(c).Append(text[++i]);
            else sb.Append(Bad(c) || char.IsSurrogate(c) ? '\uFFFD' : c);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Text for a terminal: control characters made visible as escapes (`\n`, `\t`, `\x1b`), so a file name can
    /// neither hide nor forge a line of output.
    /// </summary>
    public static string Visible(string text)
    {
        if (!text.Any(c => SafeText.IsUnsafe(c) || char.IsSurrogate(c))) return text;
        var sb = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { sb.Append(c).Append(text[++i]); continue; }
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when SafeText.IsUnsafe(c) && c <= '\u00ff' => "\\x" + ((int)c).ToString("x2", CultureInfo.InvariantCulture),
                _ when SafeText.IsUnsafe(c) || char.IsSurrogate(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }

    /// <summary>The path as the console shows it: from the current folder when the run has one, control characters visible.</summary>
    public static string ConsolePathOf(SourceFile file, string workingDirectory)
    {
        if (workingDirectory.Length == 0 || file.RelativePath.StartsWith("tls://", StringComparison.Ordinal)) return Visible(PathOf(file));
        return Visible(Path.GetRelativePath(workingDirectory, file.FullPath).Replace('\\', '/'));
    }

    /// <summary>ISO 8601 UTC with seconds, e.g. 2026-01-31T12:00:00Z.</summary>
    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Count(int n, string singular, string? plural = null) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural ?? singular + "s")}";

    /// <summary>
    /// Serial numbers longer than <see cref="ShortSerialLength"/> hex digits shortened to their first and last eight,
    /// for the console only (a 20-byte serial is 40 digits); reports keep them whole.
    /// </summary>
    public static string ShortSerials(string text) =>
        LongSerial().Replace(text, m => $"{m.Groups[1].Value}{m.Groups[2].Value[..8]}...{m.Groups[2].Value[^8..]}");

    /// <summary>The longest serial the console prints whole.</summary>
    public const int ShortSerialLength = 20;

    [GeneratedRegex(@"\b(serial )([0-9A-Fa-f]{21,})\b", RegexOptions.CultureInvariant)]
    private static partial Regex LongSerial();

    [GeneratedRegex(@"-----BEGIN [^-\r\n]{1,64}-----(?:.*?-----END [^-\r\n]{1,64}-----|.*)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex PemBlock();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
