using System.Globalization;
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

    /// <summary>Report paths always use forward slashes.</summary>
    public static string PathOf(SourceFile file) => Printable(file.RelativePath.Replace('\\', '/'));

    /// <summary>ISO 8601 UTC with seconds, e.g. 2026-01-31T12:00:00Z.</summary>
    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Count(int n, string singular, string? plural = null) =>
        $"{n.ToString(CultureInfo.InvariantCulture)} {(n == 1 ? singular : plural ?? singular + "s")}";

    [GeneratedRegex(@"-----BEGIN [^-\r\n]{1,64}-----(?:.*?-----END [^-\r\n]{1,64}-----|.*)", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex PemBlock();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();
}
