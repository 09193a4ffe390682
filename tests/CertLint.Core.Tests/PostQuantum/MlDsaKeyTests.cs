using System.Security.Cryptography;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.Pki;
using Org.BouncyCastle.Crypto.Parameters;
using static CertLint.Tests.Pki.Raw.Der;
using Format = Org.BouncyCastle.Crypto.Parameters.MLDsaPrivateKeyParameters.Format;

namespace CertLint.Tests.PostQuantum;

/// <summary>ML-DSA public and private keys (RFC 9881 §4, §6): parsed, named, paired with their certificate, hostile ones refused.</summary>
public sealed class MlDsaKeyTests
{
    private static string[] KeyFindings(CertLint.Engine.LintResult result) =>
        [.. result.Findings.Where(f => f.Rule.Name is "key-mismatch" or "key-orphan").Select(f => $"{f.Location.File.RelativePath} {f.Rule.Name}").Order(StringComparer.Ordinal)];

    [TestCase(TestKeyType.MlDsa44, "ML-DSA-44", 1312)]
    [TestCase(TestKeyType.MlDsa65, "ML-DSA-65", 1952)]
    [TestCase(TestKeyType.MlDsa87, "ML-DSA-87", 2592)]
    public void Spki_is_named_by_its_parameter_set(TestKeyType type, string label, int octets)
    {
        var key = SpkiParser.Parse(TestKey.Create(type).SubjectPublicKeyInfo);

        key.Algorithm.ShouldBe(KeyAlgorithm.MlDsa);
        key.Label.ShouldBe(label);
        key.SizeBits.ShouldBe(octets * 8);
    }

    [TestCase(Format.SeedOnly)]
    [TestCase(Format.EncodingOnly)]
    [TestCase(Format.SeedAndEncoding)]
    public void Private_key_in_each_rfc9881_form_pairs_with_its_certificate_and_a_mismatched_one_does_not(Format format)
    {
        var root = TestPki.CreateRoot("PQ Root", o => o.Key(TestKeyType.MlDsa65));
        var leaf = root.Issue("pq.example.test", o => o.Key(TestKeyType.MlDsa65).ServerAuth().Dns("pq.example.test"));
        var other = TestKey.Create(TestKeyType.MlDsa65);
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "root.pem", root);
        TestPki.WritePem(dir.Path, "scan/good.crt", leaf);
        File.WriteAllText(dir["scan/good.key"], PemEncoding.WriteString("PRIVATE KEY", leaf.Key.ExportMlDsaPkcs8(format)) + "\n");
        TestPki.WritePem(dir.Path, "scan/bad.crt", leaf);
        File.WriteAllText(dir["scan/bad.key"], PemEncoding.WriteString("PRIVATE KEY", other.ExportMlDsaPkcs8(format)) + "\n");

        var result = MlDsaChainTests.Lint(dir, "root.pem");

        KeyFindings(result).ShouldBe(["bad.key key-mismatch"]);
        result.Findings.ShouldNotContain(f => f.Rule.Name == "parse-error");
    }

    [Test]
    public void Seed_and_expanded_key_of_two_different_keys_is_a_parse_error_not_a_pairing()
    {
        var a = TestKey.Create(TestKeyType.MlDsa44);
        var b = TestKey.Create(TestKeyType.MlDsa44);
        var seed = PrivateKeyOf(a.ExportMlDsaPkcs8(Format.SeedOnly))[2..];
        var expanded = PrivateKeyOf(b.ExportMlDsaPkcs8(Format.EncodingOnly));
        var pkcs8 = Pkcs8(MlDsa.Oid44, Seq(Octets(seed), expanded));

        Should.Throw<System.Formats.Asn1.AsnContentException>(() => PublicKeyDerivation.FromPkcs8(pkcs8))
            .Message.ShouldBe("ML-DSA-44 private key: the seed and the expanded key are not the same key");
    }

    [TestCase(31)]
    [TestCase(33)]
    [TestCase(1 << 20)]
    public void Seed_of_the_wrong_length_is_refused_before_any_key_generation(int length)
    {
        var pkcs8 = Pkcs8(MlDsa.Oid65, Tlv(0x80, new byte[length]));

        Should.Throw<System.Formats.Asn1.AsnContentException>(() => PublicKeyDerivation.FromPkcs8(pkcs8))
            .Message.ShouldBe($"ML-DSA-65 private key: the seed is {length} octets, not 32");
    }

    [Test]
    public void Expanded_key_of_the_wrong_length_is_refused()
    {
        var pkcs8 = Pkcs8(MlDsa.Oid87, Octets(new byte[4032]));

        Should.Throw<System.Formats.Asn1.AsnContentException>(() => PublicKeyDerivation.FromPkcs8(pkcs8))
            .Message.ShouldBe("ML-DSA-87 private key: the expanded key is 4032 octets, not 4896");
    }

    [TestCase(0)]
    [TestCase(100)]
    [TestCase(1951)]
    [TestCase(1953)]
    [TestCase(1 << 20)]
    public void Truncated_or_huge_public_key_is_parsed_as_such_and_signatures_by_it_are_unverifiable(int length)
    {
        var spki = Seq(Seq(ObjectId(MlDsa.Oid65)), Tlv(BitString, [0, .. new byte[length]]));
        var root = TestPki.CreateRoot("PQ Root", o => o.Key(TestKeyType.MlDsa65));
        var leaf = root.Issue("pq.example.test", o => o.Key(TestKeyType.MlDsa65));
        var broken = CertLint.Tests.Pki.Raw.RawCertificateBuilder.Ca("PQ Root", null).With(b => b.Spki = spki).Build();
        var file = new SourceFile("/scan/x.pem", "x.pem", 0, null);

        var issuer = TestScan.Certificate(broken, file, 1);
        issuer.PublicKey.Algorithm.ShouldBe(KeyAlgorithm.MlDsa);
        issuer.PublicKey.SizeBits.ShouldBe(length * 8);
        var check = new CertLint.Inventory.Signatures.SignatureVerifier().Check(TestScan.Certificate(leaf, file), issuer);

        check.Status.ShouldBe(CertLint.Inventory.Signatures.SignatureStatus.Unverifiable);
        check.Reason.ShouldBe("cannot import the issuer's ML-DSA-65 public key");
    }

    /// <summary>The content of the privateKey OCTET STRING of a PKCS#8 PrivateKeyInfo.</summary>
    private static byte[] PrivateKeyOf(byte[] pkcs8)
    {
        var seq = new System.Formats.Asn1.AsnReader(pkcs8, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        seq.ReadInteger();
        seq.ReadSequence();
        return seq.ReadOctetString();
    }

    private static byte[] Pkcs8(string oid, byte[] privateKey) => Seq(Int(0), Seq(ObjectId(oid)), Octets(privateKey));
}
