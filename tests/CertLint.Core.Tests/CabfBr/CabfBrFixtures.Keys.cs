using System.Security.Cryptography;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>Keys, signature algorithms, serial numbers and the certificate version.</summary>
    private static void Keys()
    {
        Add("cabf-rsa-key-size", Leaf(b => b.Spki = TestKey.Create(TestKeyType.Rsa, 1024).SubjectPublicKeyInfo),
            Leaf(b => b.Spki = TestKey.Create(TestKeyType.Rsa).SubjectPublicKeyInfo));
        Add("cabf-ec-curve", Leaf(b => b.Spki = Secp256k1Spki()), Leaf(b => b.Spki = TestKey.Create(TestKeyType.EcP384).SubjectPublicKeyInfo));
        Add("cabf-key-algorithm", Leaf(b => b.Spki = TestKey.Create(TestKeyType.Ed25519).SubjectPublicKeyInfo), Leaf());
        // BR 1.0 to 1.7.0 allowed DSA: a 2019 DSA leaf is no finding of the rule (cabf-dsa-prohibited's from 2020-08-20).
        Add("cabf-key-algorithm", Leaf(b => b.Spki = TestKey.Create(TestKeyType.Ed25519).SubjectPublicKeyInfo), DsaLeaf(2019, 6, 1));
        Add("cabf-dsa-prohibited", DsaLeaf(2020, 8, 20), Leaf());
        // BR §7.1.3.1's byte-exact AlgorithmIdentifiers: rsaEncryption without its NULL fails; with it, and P-256, pass.
        Add("cabf-spki-algorithm-encoding", Leaf(b => b.Spki = RsaSpki(65537, algorithm: AlgorithmId(RsaEncryption))), Leaf(b => b.Spki = RsaSpki(65537)));
        // BR §7.1.3.2.2: a P-256 issuing key signs with ecdsa-with-SHA256, parameters absent.
        Add("cabf-signature-algorithm-encoding", Leaf(b => b.Hash = HashAlgorithmName.SHA384), Leaf());
        Add("cabf-signature-algorithm-encoding", Leaf(b => b.TbsSignatureAlgorithm = AlgorithmId("1.2.840.10045.4.3.2", NullValue())), Leaf());
        Add("cabf-sha1-signature", Leaf(b => b.Hash = HashAlgorithmName.SHA1), Leaf());
        Add("cabf-signature-algorithm", Ed25519Chain, Leaf());
        Add("cabf-serial-entropy", Leaf(b => b.Serial = IntRaw(0x01, 0x02, 0x03)), Leaf());
        Add("cabf-version", Leaf(b => b.Version = null), Leaf());
    }

    /// <summary>The conformant leaf with a 2048-bit DSA key, issued on the day given.</summary>
    internal static Func<TestCertificate[]> DsaLeaf(int year, int month, int day) =>
        Leaf(b => { IssuedOn(year, month, day)(b); b.Spki = DsaSpki(Dsa2048.Value); });

    internal static byte[] Secp256k1Spki()
    {
        using var key = ECDsa.Create(ECCurve.CreateFromValue("1.3.132.0.10"));
        return key.ExportSubjectPublicKeyInfo();
    }

    /// <summary>A leaf signed with Ed25519 (1.3.101.112), an algorithm the BR do not list, under an Ed25519 root.</summary>
    private static TestCertificate[] Ed25519Chain()
    {
        var root = RawCertificateBuilder.Ca("Example Ed25519 Root", null, TestKey.Create(TestKeyType.Ed25519)).Build();
        return [LeafBuilder(root).Build(), root];
    }
}
