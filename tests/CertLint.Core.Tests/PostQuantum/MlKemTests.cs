using System.Security.Cryptography;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.Pki;
using Org.BouncyCastle.Crypto.Parameters;
using static CertLint.Tests.Pki.Raw.Der;
using Format = Org.BouncyCastle.Crypto.Parameters.MLKemPrivateKeyParameters.Format;

namespace CertLint.Tests.PostQuantum;

/// <summary>
/// ML-KEM keys (FIPS 203, RFC 9935): named by parameter set, counted strong, private keys in each RFC 9935 §6 form
/// paired with their certificate, and the §8 / FIPS 203 §7.3 consistency checks refusing malformed ones.
/// </summary>
public sealed class MlKemTests
{
    [TestCase("2.16.840.1.101.3.4.4.1", "ML-KEM-512")]
    [TestCase("2.16.840.1.101.3.4.4.2", "ML-KEM-768")]
    [TestCase("2.16.840.1.101.3.4.4.3", "ML-KEM-1024")]
    [TestCase("2.16.840.1.101.3.4.4.0", null)]
    [TestCase("2.16.840.1.101.3.4.4.4", null)]
    [TestCase("2.16.840.1.101.3.4.4.21", null)]
    [TestCase("2.16.840.1.101.3.4.3.2", null)]
    public void Every_oid_names_its_set_and_no_neighbour_does(string oid, string? name) => MlKem.Of(oid)?.Name.ShouldBe(name);

    [Test]
    public void Spki_is_named_by_its_parameter_set()
    {
        var key = SpkiParser.Parse(TestKey.Create(TestKeyType.MlKem768).SubjectPublicKeyInfo);
        key.Algorithm.ShouldBe(KeyAlgorithm.MlKem);
        key.Label.ShouldBe("ML-KEM-768");
        key.SizeBits.ShouldBe(1184 * 8);
    }

    [TestCase(Format.SeedOnly)]
    [TestCase(Format.EncodingOnly)]
    [TestCase(Format.SeedAndEncoding)]
    public void Private_key_in_each_rfc9935_form_pairs_with_its_certificate_and_a_mismatched_one_does_not(Format format)
    {
        var root = TestPki.CreateRoot("KEM Root");
        var leaf = root.Issue("kem.example.test", o => o.Key(TestKeyType.MlKem768).Dns("kem.example.test"));
        var other = TestKey.Create(TestKeyType.MlKem768);
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "root.pem", root);
        TestPki.WritePem(dir.Path, "scan/good.crt", leaf);
        File.WriteAllText(dir["scan/good.key"], PemEncoding.WriteString("PRIVATE KEY", leaf.Key.ExportMlKemPkcs8(format)) + "\n");
        TestPki.WritePem(dir.Path, "scan/bad.crt", leaf);
        File.WriteAllText(dir["scan/bad.key"], PemEncoding.WriteString("PRIVATE KEY", other.ExportMlKemPkcs8(format)) + "\n");

        var result = MlDsaChainTests.Lint(dir, "root.pem");

        result.Findings.Where(f => f.Rule.Name is "key-mismatch" or "key-orphan" or "parse-error" or "weak-key")
            .Select(f => $"{f.Location.File.RelativePath} {f.Rule.Name}").ShouldBe(["bad.key key-mismatch"]);
    }

    [Test]
    public void Seed_and_expanded_key_of_two_different_keys_is_malformed()
    {
        var seed = PrivateKeyOf(TestKey.Create(TestKeyType.MlKem768).ExportMlKemPkcs8(Format.SeedOnly))[2..];
        var expanded = PrivateKeyOf(TestKey.Create(TestKeyType.MlKem768).ExportMlKemPkcs8(Format.EncodingOnly));

        Should.Throw<System.Formats.Asn1.AsnContentException>(() => PublicKeyDerivation.FromPkcs8(Pkcs8(Seq(Octets(seed), expanded))))
            .Message.ShouldBe("ML-KEM-768 private key: the seed and the expanded key are not the same key");
    }

    [Test]
    public void An_expanded_key_failing_the_fips203_hash_check_is_malformed()
    {
        var expanded = PrivateKeyOf(TestKey.Create(TestKeyType.MlKem768).ExportMlKemPkcs8(Format.EncodingOnly));
        expanded[^40] ^= 1; // inside H(ek), the 32 octets before z

        Should.Throw<System.Formats.Asn1.AsnContentException>(() => PublicKeyDerivation.FromPkcs8(Pkcs8(expanded)))
            .Message.ShouldStartWith("ML-KEM-768 private key: the expanded key fails FIPS 203's hash check");
    }

    [TestCase(32)]
    [TestCase(65)]
    public void A_seed_of_the_wrong_length_is_refused_before_key_generation(int length)
    {
        Should.Throw<System.Formats.Asn1.AsnContentException>(() => PublicKeyDerivation.FromPkcs8(Pkcs8(Tlv(0x80, new byte[length]))))
            .Message.ShouldBe($"ML-KEM-768 private key: the seed is {length} octets, not 64");
    }

    [Test]
    public void An_expanded_key_of_another_set_is_refused()
    {
        Should.Throw<System.Formats.Asn1.AsnContentException>(() => PublicKeyDerivation.FromPkcs8(Pkcs8(Octets(new byte[1632]))))
            .Message.ShouldBe("ML-KEM-768 private key: the expanded key is 1632 octets, not 2400");
    }

    /// <summary>The privateKey OCTET STRING's content of a PKCS#8 OneAsymmetricKey.</summary>
    private static byte[] PrivateKeyOf(byte[] pkcs8)
    {
        var seq = new System.Formats.Asn1.AsnReader(pkcs8, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        seq.ReadEncodedValue();
        seq.ReadEncodedValue();
        return seq.ReadOctetString();
    }

    private static byte[] Pkcs8(byte[] privateKey) => Seq(Int(0), Seq(ObjectId("2.16.840.1.101.3.4.4.2")), Octets(privateKey));
}
