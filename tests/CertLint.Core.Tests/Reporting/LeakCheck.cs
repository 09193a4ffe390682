using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace CertLint.Core.Tests.Reporting;

/// <summary>What "no key material in a report" means for the tests, in one place.</summary>
internal static partial class LeakCheck
{
    /// <summary>
    /// Every 64-character base64 line of each key's PEM, the start of the base64 and hex of each RSA private exponent,
    /// and the password.
    /// </summary>
    public static List<string> Secrets(IEnumerable<string> keyPems, string password)
    {
        var secrets = new List<string>();
        foreach (var pem in keyPems)
        {
            secrets.AddRange(pem.Split('\n').Select(l => l.Trim()).Where(l => l.Length >= 32 && !l.StartsWith("-----", StringComparison.Ordinal)));
            using var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            var d = rsa.ExportParameters(true).D!;
            secrets.Add(Convert.ToBase64String(d)[..24]);
            secrets.Add(Convert.ToHexString(d)[..24]);
            secrets.Add(Convert.ToHexStringLower(d)[..24]);
        }
        secrets.Add(password);
        return secrets;
    }

    public static void ShouldNotLeak(string report, IReadOnlyList<string> secrets, string what)
    {
        // A private key PEM header followed by content (rule docs may name the header itself).
        PemKeyBlock().IsMatch(report).ShouldBeFalse($"{what} contains a private key PEM block");
        foreach (var s in secrets) report.ShouldNotContain(s, Case.Sensitive, $"{what} leaks a secret");
    }

    [GeneratedRegex(@"-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/=:-]{16}")]
    private static partial Regex PemKeyBlock();
}
