using System.Security.Cryptography.X509Certificates;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Tls;

/// <summary>Distinguished names written as everywhere else in CertLint (Core's parser, RFC 4514 text), never .NET's own rendering.</summary>
internal static class Dn
{
    public static string Text(byte[] der) => Parse(der)?.Text ?? "(unreadable name)";

    /// <summary>The matching key of a name (case and spacing folded as the lint's issuer index does).</summary>
    public static string Key(byte[] der) => Parse(der)?.NormalizedKey ?? Convert.ToHexString(der);

    public static string Subject(X509Certificate2 cert) => Text(cert.SubjectName.RawData);

    public static string Issuer(X509Certificate2 cert) => Text(cert.IssuerName.RawData);

    public static string CertificateSubject(byte[] der)
    {
        try
        {
            return CertificateParser.Parse(der, new SourceLocation(new SourceFile("tls", "tls", 0, null)), ObjectFormat.Der).Subject.Text;
        }
        catch (Exception e) when (e is System.Formats.Asn1.AsnContentException or System.Security.Cryptography.CryptographicException or ArgumentException or FormatException)
        {
            return "(unparsable certificate)";
        }
    }

    private static DistinguishedName? Parse(byte[] der)
    {
        try
        {
            return CertificateParser.ParseName(der);
        }
        catch (Exception e) when (e is System.Formats.Asn1.AsnContentException or ArgumentException or FormatException)
        {
            return null;
        }
    }
}
