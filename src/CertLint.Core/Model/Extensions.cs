namespace CertLint.Model;

/// <summary>A raw extension as found in the certificate.</summary>
public sealed record ExtensionInfo(string Oid, bool Critical, ReadOnlyMemory<byte> Value);

/// <summary>subjectAltName entries by type (RFC 5280 §4.2.1.6).</summary>
public sealed record SubjectAltNames(
    IReadOnlyList<string> Dns,
    IReadOnlyList<string> Ip,
    IReadOnlyList<string> Email,
    IReadOnlyList<string> Uri)
{
    public static readonly SubjectAltNames Empty = new([], [], [], []);
    public int Count => Dns.Count + Ip.Count + Email.Count + Uri.Count;
}

/// <summary>basicConstraints (RFC 5280 §4.2.1.9).</summary>
public sealed record BasicConstraints(bool IsCa, int? PathLength, bool Critical);

/// <summary>keyUsage bits (RFC 5280 §4.2.1.3), named as in the RFC.</summary>
[Flags]
public enum KeyUsageFlags
{
    None = 0,
    DigitalSignature = 1 << 0,
    NonRepudiation = 1 << 1,
    KeyEncipherment = 1 << 2,
    DataEncipherment = 1 << 3,
    KeyAgreement = 1 << 4,
    KeyCertSign = 1 << 5,
    CrlSign = 1 << 6,
    EncipherOnly = 1 << 7,
    DecipherOnly = 1 << 8,
}

/// <summary>Authority information access URLs (RFC 5280 §4.2.2.1).</summary>
public sealed record AuthorityInfoAccess(IReadOnlyList<string> Ocsp, IReadOnlyList<string> CaIssuers);

/// <summary>Well-known OIDs used across the engine.</summary>
public static class Oids
{
    public const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    public const string EmailProtection = "1.3.6.1.5.5.7.3.4";
    public const string AnyExtendedKeyUsage = "2.5.29.37.0";
    public const string SubjectAltName = "2.5.29.17";
    public const string BasicConstraints = "2.5.29.19";
    public const string KeyUsage = "2.5.29.15";
    public const string ExtendedKeyUsage = "2.5.29.37";
    public const string SubjectKeyIdentifier = "2.5.29.14";
    public const string AuthorityKeyIdentifier = "2.5.29.35";
    public const string CrlDistributionPoints = "2.5.29.31";
    public const string CertificatePolicies = "2.5.29.32";
    public const string AuthorityInfoAccess = "1.3.6.1.5.5.7.1.1";
    public const string OcspNoCheck = "1.3.6.1.5.5.7.48.1.5";
    public const string CommonName = "2.5.4.3";
    public const string EmailAddress = "1.2.840.113549.1.9.1";
}
