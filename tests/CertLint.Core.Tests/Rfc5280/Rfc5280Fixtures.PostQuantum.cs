using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Rfc5280;

/// <summary>
/// ML-DSA (RFC 9881: key usage §5, absent AlgorithmIdentifier parameters §2, key length §4) and SLH-DSA certificates
/// (RFC 9909: key usage §6, parameters §3–4, key length §5).
/// </summary>
internal static partial class Rfc5280Fixtures
{
    private const string MlDsa44 = "2.16.840.1.101.3.4.3.17";
    private const string MlDsa65 = "2.16.840.1.101.3.4.3.18";
    private const string SlhDsaSha2_128f = "2.16.840.1.101.3.4.3.21";
    private const string SlhDsaShake_128f = "2.16.840.1.101.3.4.3.27";
    private const string SlhDsaSha2_192f = "2.16.840.1.101.3.4.3.23";
    private const string MlKem512 = "2.16.840.1.101.3.4.4.1";
    private const string MlKem768 = "2.16.840.1.101.3.4.4.2";

    /// <summary>The ML-DSA rules bind certificates issued from RFC 9881's publication (October 2025) on.</summary>
    private static readonly DateTimeOffset AfterRfc9881 = new(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The ML-KEM rules bind certificates issued from RFC 9935's publication (March 2026) on.</summary>
    private static readonly DateTimeOffset AfterRfc9935 = new(2026, 4, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The SLH-DSA rules bind certificates issued from RFC 9909's publication (December 2025) on.</summary>
    private static readonly DateTimeOffset AfterRfc9909 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<TestCertificate> LazySlhDsaRoot =
        new(() => RawCertificateBuilder.Ca("CertLint Test SLH-DSA Root", null, TestKey.Create(TestKeyType.SlhDsaSha2_128f)).Build());

    private static readonly Lazy<TestCertificate> LazyMlDsaRoot =
        new(() => RawCertificateBuilder.Ca("CertLint Test ML-DSA Root", null, TestKey.Create(TestKeyType.MlDsa65)).Build());

    private static void PostQuantum()
    {
        Add("ml-dsa-key-usage",
            MlDsaLeaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyEncipherment), critical: true)), MlDsaLeaf());
        Add("ml-dsa-key-usage", MlDsaLeaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.KeyAgreement), critical: true)),
            MlDsaLeaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.NonRepudiation), critical: true)));
        Add("ml-dsa-parameters-present", MlDsaLeaf(b => b.Spki = MlDsaSpki(MlDsa65, RawKey(b), Tlv(Null, []))), MlDsaLeaf());
        Add("ml-dsa-parameters-present", MlDsaLeaf(b => b.TbsSignatureAlgorithm = b.OuterSignatureAlgorithm = Seq(ObjectId(MlDsa65), Tlv(Null, []))),
            MlDsaLeaf());
        Add("ml-dsa-key-length", MlDsaLeaf(b => b.Spki = MlDsaSpki(MlDsa65, RawKey(b)[..^1])), MlDsaLeaf());
        // An ML-DSA-65 key (1952 octets) labelled ML-DSA-44 (1312).
        Add("ml-dsa-key-length", MlDsaLeaf(b => b.Spki = MlDsaSpki(MlDsa44, RawKey(b))), MlDsaLeaf());

        Add("slh-dsa-key-usage",
            SlhDsaLeaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyEncipherment), critical: true)), SlhDsaLeaf());
        Add("slh-dsa-key-usage", SlhDsaLeaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DataEncipherment), critical: true)),
            SlhDsaLeaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.NonRepudiation), critical: true)));
        Add("slh-dsa-parameters-present", SlhDsaLeaf(b => b.Spki = MlDsaSpki(SlhDsaShake_128f, RawKey(b, 32), Tlv(Null, []))), SlhDsaLeaf());
        Add("slh-dsa-parameters-present",
            SlhDsaLeaf(b => b.TbsSignatureAlgorithm = b.OuterSignatureAlgorithm = Seq(ObjectId(SlhDsaSha2_128f), Tlv(Null, []))), SlhDsaLeaf());
        // The raw key wrapped in an OCTET STRING (34 octets), and a 128 key (32 octets) labelled SLH-DSA-SHA2-192f (48).
        Add("slh-dsa-key-length", SlhDsaLeaf(b => b.Spki = MlDsaSpki(SlhDsaShake_128f, Octets(RawKey(b, 32)))), SlhDsaLeaf());
        Add("slh-dsa-key-length", SlhDsaLeaf(b => b.Spki = MlDsaSpki(SlhDsaSha2_192f, RawKey(b, 32))), SlhDsaLeaf());

        Add("ml-kem-key-usage",
            MlKemLeaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature, Ext.KeyEncipherment), critical: true)), MlKemLeaf());
        Add("ml-kem-key-usage", MlKemLeaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.KeyAgreement), critical: true)), MlKemLeaf());
        // A keyUsage with no bit at all is key-usage-empty's finding, not this rule's (pkilint's allowed-set reading).
        Add("ml-kem-key-usage", MlKemLeaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature), critical: true)),
            MlKemLeaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(), critical: true)));
        Add("ml-kem-parameters-present", MlKemLeaf(b => b.Spki = MlDsaSpki(MlKem768, RawKey(b, 1184), Tlv(Null, []))), MlKemLeaf());
        // The raw key wrapped in an OCTET STRING (1188 octets), and an ML-KEM-768 key (1184 octets) labelled ML-KEM-512 (800).
        Add("ml-kem-key-length", MlKemLeaf(b => b.Spki = MlDsaSpki(MlKem768, Octets(RawKey(b, 1184)))), MlKemLeaf());
        Add("ml-kem-key-length", MlKemLeaf(b => b.Spki = MlDsaSpki(MlKem512, RawKey(b, 1184))), MlKemLeaf());
    }

    /// <summary>
    /// A clean ML-KEM-768 leaf (keyUsage keyEncipherment alone, RFC 9935 §5) under the EC test root, issued after RFC 9935,
    /// changed by <paramref name="change"/>.
    /// </summary>
    private static Func<TestCertificate[]> MlKemLeaf(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var builder = LeafBuilder(Root, TestKey.Create(TestKeyType.MlKem768));
        builder.NotBefore = Time(AfterRfc9935);
        builder.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.KeyEncipherment), critical: true);
        change?.Invoke(builder);
        return [builder.Build(), Root];
    };

    /// <summary>A clean SLH-DSA-SHAKE-128f TLS server leaf under an SLH-DSA-SHA2-128f root, issued after RFC 9909, changed by <paramref name="change"/>.</summary>
    private static Func<TestCertificate[]> SlhDsaLeaf(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var builder = LeafBuilder(LazySlhDsaRoot.Value, TestKey.Create(TestKeyType.SlhDsaShake_128f));
        builder.NotBefore = Time(AfterRfc9909);
        change?.Invoke(builder);
        return [builder.Build(), LazySlhDsaRoot.Value];
    };

    /// <summary>A clean ML-DSA-65 TLS server leaf under an ML-DSA-65 root, issued after RFC 9881, changed by <paramref name="change"/>.</summary>
    private static Func<TestCertificate[]> MlDsaLeaf(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var builder = LeafBuilder(LazyMlDsaRoot.Value, TestKey.Create(TestKeyType.MlDsa65));
        builder.NotBefore = Time(AfterRfc9881);
        change?.Invoke(builder);
        return [builder.Build(), LazyMlDsaRoot.Value];
    };

    /// <summary>
    /// The raw public key, by default ML-DSA-65's: the last <paramref name="length"/> octets of the SPKI (RFC 9881 §4,
    /// RFC 9909 §5: no wrapping inside the BIT STRING).
    /// </summary>
    private static byte[] RawKey(RawCertificateBuilder b, int length = 1952) => b.Key.SubjectPublicKeyInfo[^length..];

    private static byte[] MlDsaSpki(string oid, byte[] key, byte[]? parameters = null) =>
        Seq(parameters is null ? Seq(ObjectId(oid)) : Seq(ObjectId(oid), parameters), Tlv(BitString, [0, .. key]));
}
