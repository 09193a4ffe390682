using System.Text;
using CertLint.Model;
using CertLint.Parsing;
using YamlDotNet.RepresentationModel;

namespace CertLint.Usage.Kubernetes;

/// <summary>
/// Certificates and keys held inside a configuration (Secret data and stringData), parsed by the one parser with
/// locations in the configuration file. PEM text written in the manifest (stringData) is preceded by as many empty
/// lines as come before it, so each block reports its own manifest line. Content the manifest holds encoded (a base64
/// data value) or binary (DER, PKCS#12) has no lines of its own there: everything in it is reported at the value's lines.
/// </summary>
internal static class EmbeddedPem
{
    /// <summary>
    /// A value of a configuration that holds certificate material (a Secret's data, an Envoy inline_string) parsed into
    /// the run (<paramref name="holder"/> names it in reports) and referenced as a usage's file. Its size is bounded by
    /// the configuration's (<see cref="ConfigStage.MaxConfigBytes"/>: a larger file is not read at all).
    /// </summary>
    public static FileReference Embed(ConfigSource source, ConfigReadResult result, byte[] value, YamlScalarNode scalar, bool encoded,
        string holder, string path, string directive)
    {
        var parsed = Parse(source, value, scalar.ValueLines(), encoded, holder);
        result.Embedded.Add(parsed);
        return new FileReference(path, source.At(scalar.Line()), directive) { Embedded = parsed };
    }

    /// <param name="value">The value's content: decoded, when <paramref name="encoded"/>.</param>
    /// <param name="lines">The manifest lines that hold the value's text.</param>
    public static ParsedFile Parse(ConfigSource source, byte[] value, LineSpan lines, bool encoded, string holder)
    {
        var parsed = !encoded && PemScanner.ContainsPem(value)
            ? ContentParser.Parse(source.File, Pad(value, lines.Start - 1), source.Passwords)
            : ContentParser.ParsePinned(source.File, value, source.Passwords, lines);
        return new ParsedFile
        {
            EmbeddedIn = holder,
            File = source.File,
            Kind = parsed.Kind,
            Certificates = parsed.Certificates,
            Keys = parsed.Keys,
            Crls = parsed.Crls,
            Keystore = parsed.Keystore,
            SecretKeys = parsed.SecretKeys,
            DhParameters = parsed.DhParameters,
            Issues = parsed.Issues,
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

    /// <summary>A base64 value as a configuration writes it (a Secret's data, an OpenVPN &lt;pkcs12&gt;), line breaks and blanks ignored; null when it is not base64.</summary>
    public static byte[]? Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(string.Concat(text.Where(c => !char.IsWhiteSpace(c))));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
