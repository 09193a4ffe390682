using System.Security.Cryptography;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Pki.Raw;

/// <summary>
/// Writes a certificate field by field, so a test can produce what CertificateRequest and openssl refuse to:
/// a negative or 21-octet serial, a PrintableString with '@', a UTCTime for 2050, a duplicate extension, an explicit
/// cA FALSE, an outer signature algorithm that differs from the TBS one. The result is signed for real by the issuer's
/// key, so chain building and signature checks still work.
/// <code>
/// var root = TestPki.CreateRoot("Acme Root");
/// var leaf = RawCertificateBuilder.Leaf("leaf.test", root)
///     .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("a..test")))
///     .Build();
/// </code>
/// Defaults match <see cref="TestPki"/>: EC P-256 key, validity 2025-01-01..2035-01-01 in UTCTime, SKI and AKI,
/// basicConstraints (critical) and keyUsage (critical), v3, an 8-octet positive serial.
/// </summary>
public sealed class RawCertificateBuilder
{
    private readonly TestCertificate? _issuer;

    private RawCertificateBuilder(string subjectCn, TestCertificate? issuer, TestKey key, bool ca)
    {
        _issuer = issuer;
        Key = key;
        SubjectLabel = subjectCn;
        Subject = CnName(subjectCn);
        IssuerName = issuer?.Certificate.SubjectName.RawData ?? Subject;
        Serial = IntRaw(DefaultSerial(subjectCn, key));
        Spki = key.SubjectPublicKeyInfo;
        var ski = SHA1.HashData(key.SubjectPublicKeyInfo);
        SubjectKeyId = ski;
        Set(Oids.BasicConstraints, Ext.BasicConstraints(ca ? true : null), critical: true);
        Set(Oids.KeyUsage, ca ? Ext.KeyUsage(Ext.KeyCertSign, Ext.CrlSign) : Ext.KeyUsage(Ext.DigitalSignature), critical: true);
        Set(Oids.SubjectKeyId, Ext.SubjectKeyId(ski));
        Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(issuer?.SubjectKeyId ?? ski));
    }

    /// <summary>An end-entity certificate (basicConstraints without cA) issued by <paramref name="issuer"/>, or self-signed when null.</summary>
    public static RawCertificateBuilder Leaf(string subjectCn, TestCertificate? issuer, TestKey? key = null) =>
        new(subjectCn, issuer, key ?? TestKey.Create(TestKeyType.EcP256), ca: false);

    /// <summary>A CA certificate (cA TRUE, keyCertSign|cRLSign) issued by <paramref name="issuer"/>, or self-signed when null.</summary>
    public static RawCertificateBuilder Ca(string subjectCn, TestCertificate? issuer, TestKey? key = null) =>
        new(subjectCn, issuer, key ?? TestKey.Create(TestKeyType.EcP256), ca: true);

    public TestKey Key { get; }
    public string SubjectLabel { get; set; }
    public byte[] SubjectKeyId { get; }

    /// <summary>The encoded INTEGER version value (2 = v3); null leaves the [0] field out (v1).</summary>
    public long? Version { get; set; } = 2;
    /// <summary>The whole serialNumber TLV.</summary>
    public byte[] Serial { get; set; }
    /// <summary>DER AlgorithmIdentifiers; null = the signer's own.</summary>
    public byte[]? TbsSignatureAlgorithm { get; set; }
    public byte[]? OuterSignatureAlgorithm { get; set; }
    public byte[] IssuerName { get; set; }
    public byte[] Subject { get; set; }
    public byte[] NotBefore { get; set; } = Time(TestPki.DefaultNotBefore);
    public byte[] NotAfter { get; set; } = Time(TestPki.DefaultNotAfter);
    public byte[] Spki { get; set; }
    /// <summary>Unique identifier BIT STRING contents (the first octet is the unused-bits count).</summary>
    public byte[]? IssuerUniqueId { get; set; }
    public byte[]? SubjectUniqueId { get; set; }
    public List<RawExtension> Extensions { get; } = [];
    /// <summary>The hash the issuer signs with; null = the signer's default (SHA-1 and MD5 go through LegacySignatureGenerator).</summary>
    public HashAlgorithmName? Hash { get; set; }
    /// <summary>Writes an empty [3] Extensions SEQUENCE when there is no extension (else the field is left out).</summary>
    public bool EmptyExtensionsField { get; set; }

    /// <summary>Replaces the extension with this OID (or appends it).</summary>
    public RawCertificateBuilder Set(string oid, byte[] value, bool critical = false, bool explicitFalse = false)
    {
        var index = Extensions.FindIndex(e => e.Oid == oid);
        var extension = new RawExtension(oid, critical, value, explicitFalse);
        if (index >= 0) Extensions[index] = extension;
        else Extensions.Add(extension);
        return this;
    }

    /// <summary>Appends the extension even when one with the OID exists (duplicate extension tests).</summary>
    public RawCertificateBuilder Add(string oid, byte[] value, bool critical = false)
    {
        Extensions.Add(new RawExtension(oid, critical, value, ExplicitFalse: false));
        return this;
    }

    public RawCertificateBuilder Remove(string oid)
    {
        Extensions.RemoveAll(e => e.Oid == oid);
        return this;
    }

    public RawCertificateBuilder With(Action<RawCertificateBuilder> change)
    {
        change(this);
        return this;
    }

    /// <summary>Signs the certificate with the issuer's key (or its own when self-signed).</summary>
    public TestCertificate Build()
    {
        var signer = _issuer?.Key ?? Key;
        var hash = Hash ?? signer.DefaultHash;
        var generator = signer.SignatureGenerator(hash);
        var algorithm = generator.GetSignatureAlgorithmIdentifier(hash);
        var tbs = Tbs(TbsSignatureAlgorithm ?? algorithm);
        var signature = generator.SignData(tbs, hash);
        var der = Seq(tbs, OuterSignatureAlgorithm ?? algorithm, Tlv(BitString, [0, .. signature]));
        var hasSki = Extensions.Any(e => e.Oid == Oids.SubjectKeyId);
        return new TestCertificate($"CN={SubjectLabel}", Key, der, _issuer, hasSki ? SubjectKeyId : null);
    }

    private byte[] Tbs(byte[] signatureAlgorithm)
    {
        var parts = new List<byte[]>();
        if (Version is { } v) parts.Add(Context(0, true, Int(v)));
        parts.Add(Serial);
        parts.Add(signatureAlgorithm);
        parts.Add(IssuerName);
        parts.Add(Seq(NotBefore, NotAfter));
        parts.Add(Subject);
        parts.Add(Spki);
        if (IssuerUniqueId is not null) parts.Add(Tlv(0x81, IssuerUniqueId));
        if (SubjectUniqueId is not null) parts.Add(Tlv(0x82, SubjectUniqueId));
        if (Extensions.Count > 0 || EmptyExtensionsField)
        {
            parts.Add(Context(3, true, Seq(Extensions.Select(e => e.Encode()).ToArray())));
        }
        return Seq([.. parts]);
    }

    private static byte[] DefaultSerial(string subject, TestKey key)
    {
        var serial = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{subject}|{key.SpkiSha256}"))[..8];
        serial[0] = (byte)((serial[0] & 0x7F) | 0x10);
        return serial;
    }
}

/// <summary>One Extension; <paramref name="ExplicitFalse"/> writes critical FALSE, which DER forbids.</summary>
public sealed record RawExtension(string Oid, bool Critical, byte[] Value, bool ExplicitFalse)
{
    public byte[] Encode()
    {
        var parts = new List<byte[]> { ObjectId(Oid) };
        if (Critical) parts.Add(Bool(true));
        else if (ExplicitFalse) parts.Add(Bool(false));
        parts.Add(Octets(Value));
        return Seq([.. parts]);
    }
}
