using System.Text;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Usage.Kubernetes;

/// <summary>
/// Certificates and keys held inside a configuration (Secret data and stringData), parsed by the one parser with
/// locations in the configuration file: PEM text is preceded by as many empty lines as come before it in the
/// manifest, so each block reports its own manifest line. Binary values (DER, PKCS#12) report the value's line.
/// </summary>
internal static class EmbeddedPem
{
    public const int MaxValueBytes = 1024 * 1024;

    public static ParsedFile Parse(ConfigSource source, byte[] value, int firstLine, string holder)
    {
        var isPem = PemScanner.ContainsPem(value);
        var bytes = isPem ? Pad(value, firstLine - 1) : value;
        var parsed = ContentParser.Parse(source.File, bytes, source.Passwords);
        // Binary content: everything is at the value's line.
        return new ParsedFile
        {
            EmbeddedIn = holder,
            File = source.File,
            Kind = parsed.Kind,
            Certificates = parsed.Certificates,
            Keys = parsed.Keys,
            Crls = parsed.Crls,
            Keystore = parsed.Keystore,
            Issues = isPem ? parsed.Issues : [.. parsed.Issues.Select(i => i with { Location = source.At(firstLine) })],
        };
    }

    private static byte[] Pad(byte[] value, int lines)
    {
        var padded = new byte[value.Length + Math.Max(0, lines)];
        padded.AsSpan(0, padded.Length - value.Length).Fill((byte)'\n');
        value.CopyTo(padded, padded.Length - value.Length);
        return padded;
    }

    /// <summary>Whether a Secret value is worth parsing: PEM text, or a key name that says certificate material.</summary>
    public static bool LooksLikeCertificateMaterial(string key, byte[] value) =>
        PemScanner.ContainsPem(value) || key.EndsWith(".crt", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith(".key", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".p12", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith(".pfx", StringComparison.OrdinalIgnoreCase) || key.EndsWith(".der", StringComparison.OrdinalIgnoreCase)
        || key.EndsWith(".cer", StringComparison.OrdinalIgnoreCase);

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
