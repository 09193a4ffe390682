using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.Model;

namespace CertLint.Core.Tests.Reporting;

/// <summary>
/// Turns certificates and keys made at test time into the model. Stand-in for CertLint.Parsing.CertificateParser
/// until it is on main; only the fields reports read are filled.
/// </summary>
internal static class TestModel
{
    public static CertificateInfo Certificate(X509Certificate2 cert, SourceLocation location, ObjectFormat format)
    {
        var raw = cert.RawData;
        var san = cert.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        var eku = cert.Extensions.OfType<X509EnhancedKeyUsageExtension>().FirstOrDefault();
        var bc = cert.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault();
        return new CertificateInfo
        {
            Location = location,
            Format = format,
            Raw = raw,
            TbsRaw = ReadOnlyMemory<byte>.Empty,
            Version = cert.Version,
            SerialNumber = cert.SerialNumber.TrimStart('0') is { Length: > 0 } s ? s : "0",
            Subject = Name(cert.SubjectName),
            Issuer = Name(cert.IssuerName),
            NotBefore = new DateTimeOffset(cert.NotBefore.ToUniversalTime(), TimeSpan.Zero),
            NotAfter = new DateTimeOffset(cert.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            PublicKey = PublicKey(cert.PublicKey.ExportSubjectPublicKeyInfo(), cert.PublicKey.GetRSAPublicKey()!.KeySize),
            Signature = new SignatureInfo("1.2.840.113549.1.1.11", "sha256WithRSAEncryption", "SHA256", ReadOnlyMemory<byte>.Empty, ReadOnlyMemory<byte>.Empty),
            Extensions = [],
            SubjectAltNames = san is null ? null : new SubjectAltNames(san.EnumerateDnsNames().ToList(), [], [], []),
            ExtendedKeyUsage = eku?.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value!).ToList(),
            BasicConstraints = bc is null ? null : new BasicConstraints(bc.CertificateAuthority, bc.HasPathLengthConstraint ? bc.PathLengthConstraint : null, bc.Critical),
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(raw)),
            Sha1 = Convert.ToHexStringLower(SHA1.HashData(raw)),
        };
    }

    public static KeyInfo PrivateKey(RSA key, SourceLocation location) => new()
    {
        Location = location,
        Format = ObjectFormat.Pem,
        Encoding = KeyEncoding.Pkcs8,
        IsPrivate = true,
        PublicKey = PublicKey(key.ExportSubjectPublicKeyInfo(), key.KeySize),
    };

    private static PublicKeyInfo PublicKey(byte[] spki, int bits) =>
        new(KeyAlgorithm.Rsa, "1.2.840.113549.1.2.1", bits, null, null, spki, Convert.ToHexStringLower(SHA256.HashData(spki)));

    private static DistinguishedName Name(X500DistinguishedName name)
    {
        var attributes = name.EnumerateRelativeDistinguishedNames()
            .Select(r => new DnAttribute(r.GetSingleElementType().Value!, r.GetSingleElementType().FriendlyName ?? "", r.GetSingleElementValue() ?? ""))
            .ToList();
        var text = name.Name;
        return new DistinguishedName(name.RawData, attributes, text, text.ToLowerInvariant());
    }
}
