using System.Globalization;
using CertLint.Findings;

namespace CertLint.Engine;

/// <summary>
/// Parses the text values every host takes (CLI options, MSBuild properties, Action inputs) the same way, or throws a
/// <see cref="UserErrorException"/> that names the option or property.
/// </summary>
public static class RequestValues
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mmK",
    ];

    /// <summary>ISO 8601 date or date-time; without an offset it is UTC.</summary>
    public static DateTimeOffset ParseNow(string text, string name = "--now")
    {
        if (DateTimeOffset.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }
        throw new UserErrorException($"{name}: '{text}' is not an ISO 8601 date or date-time (e.g. 2026-01-31 or 2026-01-31T12:00:00Z).");
    }

    public static Severity ParseFailOn(string text, string name = "--fail-on")
    {
        if (SeverityText.TryParse(text, out var s)) return s;
        throw new UserErrorException($"{name}: '{text}' is not one of error, warning, note, none.");
    }

    /// <summary>A maximum number of intermediate certificates, 0 to <see cref="Configuration.ValidationSettings.MaxMaxChainDepth"/>.</summary>
    public static int ParseMaxChainDepth(string text, string name = "--max-chain-depth")
    {
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= Configuration.ValidationSettings.MaxMaxChainDepth) return n;
        throw new UserErrorException($"{name}: '{text}' is not a whole number from 0 to {Configuration.ValidationSettings.MaxMaxChainDepth}.");
    }

    /// <summary>A certificate policy OID (anyPolicy is 2.5.29.32.0).</summary>
    public static string ParsePolicy(string text, string name = "--policy")
    {
        var oid = text.Trim();
        if (oid.Equals("anyPolicy", StringComparison.OrdinalIgnoreCase)) return Configuration.ValidationSettings.AnyPolicy;
        if (Configuration.ValidationSettings.IsOid(oid)) return oid;
        throw new UserErrorException($"{name}: '{text}' is not a policy OID (dotted numbers such as 2.23.140.1.2.1, or anyPolicy).");
    }
}
