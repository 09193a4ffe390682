using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Core.Tests.Reporting;

/// <summary>Turns certificates and keys made at test time into the model with the real parsers.</summary>
internal static class TestModel
{
    public static CertificateInfo Certificate(X509Certificate2 cert, SourceLocation location, ObjectFormat format) =>
        CertificateParser.Parse(cert.RawData, location, format);

    public static KeyInfo PrivateKey(RSA key, SourceLocation location) => new()
    {
        Location = location,
        Format = ObjectFormat.Pem,
        Encoding = KeyEncoding.Pkcs8,
        IsPrivate = true,
        PublicKey = SpkiParser.Parse(key.ExportSubjectPublicKeyInfo()),
    };
}
