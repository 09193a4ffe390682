using System.Globalization;
using CertLint.Findings;

namespace CertLint.Engine;

/// <summary>
/// Parses the text values every host takes (CLI options, MSBuild properties, Action inputs) the same way, or throws a
/// <see cref="UserErrorException"/> that names the option or property.
/// </summary>
public static class RequestValues
{
    /// <summary>A date in the one grammar (<see cref="Configuration.DateSpec"/>); without an offset it is UTC.</summary>
    public static DateTimeOffset ParseNow(string text, string name = "--now")
    {
        return Configuration.DateSpec.TryParseDate(text) ?? throw new UserErrorException($"{name} must be {Configuration.DateSpec.DateExpected}, not '{text}'.");
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
