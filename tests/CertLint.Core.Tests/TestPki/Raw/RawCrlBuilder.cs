using System.Security.Cryptography;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Pki.Raw;

/// <summary>
/// Builds a CRL byte by byte (RFC 5280 §5.1), signed by a test CA, so fixtures can hold what no CRL library writes:
/// an empty revokedCertificates, a v1 CRL with extensions, a UTCTime without seconds, a negative cRLNumber...
/// The defaults are a clean v2 CRL: authorityKeyIdentifier (keyIdentifier) and cRLNumber 1, no entries, thisUpdate
/// 2025-12-25 and nextUpdate 2026-01-04 (ten days).
/// </summary>
public sealed class RawCrlBuilder
{
    public const string Aki = "2.5.29.35", CrlNumber = "2.5.29.20", DeltaCrlIndicator = "2.5.29.27", Idp = "2.5.29.28";
    public const string ReasonCode = "2.5.29.21", InvalidityDate = "2.5.29.24", CertificateIssuer = "2.5.29.29";
    public static readonly DateTimeOffset DefaultThisUpdate = new(2025, 12, 25, 0, 0, 0, TimeSpan.Zero);

    private readonly TestCertificate _issuer;

    public RawCrlBuilder(TestCertificate issuer)
    {
        _issuer = issuer;
        IssuerName = issuer.Certificate.SubjectName.RawData;
        Set(Aki, Ext.AuthorityKeyId(issuer.SubjectKeyId!));
        Set(CrlNumber, Int(1));
    }

    /// <summary>The encoded version INTEGER (1 = v2); null leaves the field out (v1).</summary>
    public long? Version { get; set; } = 1;
    public byte[]? TbsSignatureAlgorithm { get; set; }
    public byte[]? OuterSignatureAlgorithm { get; set; }
    public byte[] IssuerName { get; set; }
    public byte[] ThisUpdate { get; set; } = Time(DefaultThisUpdate);
    public byte[]? NextUpdate { get; set; } = Time(DefaultThisUpdate.AddDays(10));
    /// <summary>revokedCertificates entries (see <see cref="Entry"/>); null leaves the field out, empty writes an empty SEQUENCE.</summary>
    public List<byte[]>? Entries { get; set; }
    public List<RawExtension> Extensions { get; } = [];

    public RawCrlBuilder Set(string oid, byte[] value, bool critical = false)
    {
        Remove(oid);
        Extensions.Add(new RawExtension(oid, critical, value, false));
        return this;
    }

    public RawCrlBuilder Remove(string oid)
    {
        Extensions.RemoveAll(e => e.Oid == oid);
        return this;
    }

    public RawCrlBuilder Revoke(params byte[][] entries)
    {
        (Entries ??= []).AddRange(entries);
        return this;
    }

    /// <summary>One revokedCertificates entry: serial content octets, revocation date (default 2025-12-20), entry extensions.</summary>
    public static byte[] Entry(byte[] serial, byte[]? date = null, params RawExtension[] extensions)
    {
        var parts = new List<byte[]> { IntRaw(serial), date ?? Time(DefaultThisUpdate.AddDays(-5)) };
        if (extensions.Length > 0) parts.Add(Seq(extensions.Select(e => e.Encode()).ToArray()));
        return Seq([.. parts]);
    }

    /// <summary>The reasonCode entry extension with CRLReason <paramref name="code"/>.</summary>
    public static RawExtension Reason(int code, bool critical = false) => new(ReasonCode, critical, Tlv(0x0A, [(byte)code]), false);

    /// <summary>issuingDistributionPoint: onlyContainsUserCerts [1], onlyContainsCACerts [2], indirectCRL [4], onlyContainsAttributeCerts [5].</summary>
    public static byte[] IdpValue(bool user = false, bool ca = false, bool indirect = false, bool attribute = false)
    {
        var parts = new List<byte[]>();
        if (user) parts.Add(Tlv(0x81, [0xFF]));
        if (ca) parts.Add(Tlv(0x82, [0xFF]));
        if (indirect) parts.Add(Tlv(0x84, [0xFF]));
        if (attribute) parts.Add(Tlv(0x85, [0xFF]));
        return Seq([.. parts]);
    }

    public byte[] Build()
    {
        var signer = _issuer.Key;
        var hash = signer.DefaultHash;
        var generator = signer.SignatureGenerator(hash);
        var algorithm = generator.GetSignatureAlgorithmIdentifier(hash);
        var parts = new List<byte[]>();
        if (Version is { } v) parts.Add(Int(v));
        parts.Add(TbsSignatureAlgorithm ?? algorithm);
        parts.Add(IssuerName);
        parts.Add(ThisUpdate);
        if (NextUpdate is not null) parts.Add(NextUpdate);
        if (Entries is not null) parts.Add(Seq([.. Entries]));
        if (Extensions.Count > 0) parts.Add(Context(0, true, Seq(Extensions.Select(e => e.Encode()).ToArray())));
        var tbs = Seq([.. parts]);
        return Seq(tbs, OuterSignatureAlgorithm ?? algorithm, Tlv(BitString, [0, .. generator.SignData(tbs, hash)]));
    }

    public string Pem => PemEncoding.WriteString("X509 CRL", Build()) + "\n";
}
