using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Rfc5280;

/// <summary>ML-DSA certificates (RFC 9881): key usage (§5), absent AlgorithmIdentifier parameters (§2), key length (§4).</summary>
internal static partial class Rfc5280Fixtures
{
    private const string MlDsa44 = "2.16.840.1.101.3.4.3.17";
    private const string MlDsa65 = "2.16.840.1.101.3.4.3.18";

    /// <summary>The ML-DSA rules bind certificates issued from RFC 9881's publication (October 2025) on.</summary>
    private static readonly DateTimeOffset AfterRfc9881 = new(2025, 11, 1, 0, 0, 0, TimeSpan.Zero);

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
    }

    /// <summary>A clean ML-DSA-65 TLS server leaf under an ML-DSA-65 root, issued after RFC 9881, changed by <paramref name="change"/>.</summary>
    private static Func<TestCertificate[]> MlDsaLeaf(Action<RawCertificateBuilder>? change = null) => () =>
    {
        var builder = LeafBuilder(LazyMlDsaRoot.Value, TestKey.Create(TestKeyType.MlDsa65));
        builder.NotBefore = Time(AfterRfc9881);
        change?.Invoke(builder);
        return [builder.Build(), LazyMlDsaRoot.Value];
    };

    /// <summary>The raw ML-DSA-65 public key: the last 1952 octets of the SPKI (RFC 9881 §4: no wrapping inside the BIT STRING).</summary>
    private static byte[] RawKey(RawCertificateBuilder b) => b.Key.SubjectPublicKeyInfo[^1952..];

    private static byte[] MlDsaSpki(string oid, byte[] key, byte[]? parameters = null) =>
        Seq(parameters is null ? Seq(ObjectId(oid)) : Seq(ObjectId(oid), parameters), Tlv(BitString, [0, .. key]));
}
