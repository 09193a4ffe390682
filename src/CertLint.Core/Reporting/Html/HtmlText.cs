using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace CertLint.Reporting.Html;

/// <summary>Escaping and number formatting for the HTML page: every value from a scan passes through here.</summary>
internal static partial class HtmlText
{
    /// <summary>Text or attribute value: one line, printable, HTML-encoded (quotes included).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(ReportText.OneLine(text ?? ""));

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Date(DateTimeOffset value) => ReportText.Date(value);

    /// <summary>The first CN of a DN string ("CN=a,O=b" → "a"; escaped commas kept), else the whole DN.</summary>
    public static string CommonName(string dn)
    {
        var m = Cn().Match(dn);
        return m.Success ? m.Groups[1].Value.Trim().Replace("\\,", ",", StringComparison.Ordinal) : dn.Length > 0 ? dn : "(empty subject)";
    }

    [GeneratedRegex(@"(?:^|,)\s*CN=((?:\\.|[^,])*)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Cn();

    /// <summary>Shortens long labels for drawing; the full text stays in the title.</summary>
    public static string Short(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
