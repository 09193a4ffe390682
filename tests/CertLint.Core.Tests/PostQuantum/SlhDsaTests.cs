using System.Formats.Asn1;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.PostQuantum;

/// <summary>
/// SLH-DSA (FIPS 205, RFC 9909) through the engine, as `certlint --ca root.pem DIR` runs it: keys named by their
/// parameter set, chains verified, an impostor or tampered signature refused, private keys paired with their certificate.
/// </summary>
public sealed class SlhDsaTests
{
    private static string[] Chain(CertLint.Engine.LintResult result) =>
        [.. result.Findings.Where(f => f.Rule.Name.StartsWith("chain-", StringComparison.Ordinal)).Select(f => $"{f.Rule.Name}: {f.Message}")];

    [Test]
    public void Every_rfc9909_oid_names_its_parameter_set_and_no_neighbour_does()
    {
        string[] names =
        [
            "SLH-DSA-SHA2-128s", "SLH-DSA-SHA2-128f", "SLH-DSA-SHA2-192s", "SLH-DSA-SHA2-192f", "SLH-DSA-SHA2-256s", "SLH-DSA-SHA2-256f",
            "SLH-DSA-SHAKE-128s", "SLH-DSA-SHAKE-128f", "SLH-DSA-SHAKE-192s", "SLH-DSA-SHAKE-192f", "SLH-DSA-SHAKE-256s", "SLH-DSA-SHAKE-256f",
        ];
        for (var arc = 20; arc <= 31; arc++)
        {
            var set = SlhDsa.Of($"2.16.840.1.101.3.4.3.{arc}").ShouldNotBeNull();
            set.Name.ShouldBe(names[arc - 20]);
            set.PublicKeyLength.ShouldBe(2 * set.N);
            set.N.ShouldBe(set.Name.Contains("128") ? 16 : set.Name.Contains("192") ? 24 : 32);
            set.Parameters.Name.ShouldBe(set.Name, StringCompareShould.IgnoreCase);
        }
        foreach (var other in new[] { "2.16.840.1.101.3.4.3.19", "2.16.840.1.101.3.4.3.32", "2.16.840.1.101.3.4.3.2", "2.16.840.1.101.3.4.2.20", "1.2.3" })
        {
            SlhDsa.Of(other).ShouldBeNull(other);
        }
    }

    [TestCase(TestKeyType.SlhDsaSha2_128f, "SLH-DSA-SHA2-128f", 32)]
    [TestCase(TestKeyType.SlhDsaShake_128f, "SLH-DSA-SHAKE-128f", 32)]
    [TestCase(TestKeyType.SlhDsaSha2_192f, "SLH-DSA-SHA2-192f", 48)]
    public void Spki_is_named_by_its_parameter_set(TestKeyType type, string label, int octets)
    {
        var key = SpkiParser.Parse(TestKey.Create(type).SubjectPublicKeyInfo);

        key.Algorithm.ShouldBe(KeyAlgorithm.SlhDsa);
        key.Label.ShouldBe(label);
        key.SizeBits.ShouldBe(octets * 8);
    }

    [TestCase(TestKeyType.SlhDsaSha2_128f)]
    [TestCase(TestKeyType.SlhDsaSha2_192f)]
    public void Root_intermediate_leaf_chain_validates_under_ca_with_no_weak_key_finding(TestKeyType type)
    {
        var root = TestPki.CreateRoot("PQ Root", o => o.Key(type));
        var inter = root.IssueCa("PQ Intermediate", o => o.Key(type));
        var leaf = inter.Issue("pq.example.test", o => o.Key(TestKeyType.SlhDsaShake_128f).ServerAuth().Dns("pq.example.test"));
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "root.pem", root);
        TestPki.WritePem(dir.Path, "scan/fullchain.pem", leaf, inter);

        var result = MlDsaChainTests.Lint(dir, "root.pem");

        Chain(result).ShouldBeEmpty();
        result.Findings.ShouldNotContain(f => f.Rule.Name == "weak-key" || f.Rule.Name == "parse-error");
    }

    /// <summary>The leaf names the root and its key identifier; a key of another parameter set, or another key of the same one, signed it.</summary>
    [TestCase(TestKeyType.SlhDsaShake_128f, "a SLH-DSA-SHAKE-128f signature cannot come from a SLH-DSA-SHA2-128f key")]
    [TestCase(TestKeyType.SlhDsaSha2_128f, "signature of CN=pq.example.test does not verify with the key of issuer CN=PQ Root (the signature does not verify)")]
    public void Leaf_signed_by_an_impostor_key_is_chain_invalid(TestKeyType impostorKey, string expected)
    {
        var root = TestPki.CreateRoot("PQ Root", o => o.Key(TestKeyType.SlhDsaSha2_128f));
        var impostor = TestPki.CreateRoot("PQ Root", o => o.Key(impostorKey));
        var leaf = RawCertificateBuilder.Leaf("pq.example.test", impostor, TestKey.Create(TestKeyType.EcP256))
            .Set(CertLint.Tests.Pki.Raw.Oids.AuthorityKeyId, Ext.AuthorityKeyId(root.SubjectKeyId!))
            .Build();
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "root.pem", root);
        TestPki.WritePem(dir.Path, "scan/leaf.pem", leaf);

        var finding = Chain(MlDsaChainTests.Lint(dir, "root.pem")).ShouldHaveSingleItem();

        finding.ShouldStartWith("chain-invalid: ");
        finding.ShouldContain(expected);
    }

    [Test]
    public void Tampered_or_truncated_signature_is_invalid()
    {
        var root = TestPki.CreateRoot("PQ Root", o => o.Key(TestKeyType.SlhDsaSha2_128f));
        var leaf = root.Issue("pq.example.test", o => o.Key(TestKeyType.EcP256).ServerAuth().Dns("pq.example.test"));
        var file = new SourceFile("/scan/x.pem", "x.pem", 0, null);
        var issuer = TestScan.Certificate(root, file, 1);
        var verifier = new CertLint.Inventory.Signatures.SignatureVerifier();

        verifier.Check(TestScan.Certificate(leaf, file), issuer).Status.ShouldBe(CertLint.Inventory.Signatures.SignatureStatus.Valid);
        verifier.Check(TestScan.Certificate(leaf.Tampered(), file), issuer).Status.ShouldBe(CertLint.Inventory.Signatures.SignatureStatus.Invalid);
        var truncated = TruncateSignature(leaf.Der, 1);
        verifier.Check(TestScan.Certificate(truncated, file), issuer).Status.ShouldBe(CertLint.Inventory.Signatures.SignatureStatus.Invalid);
    }

    [TestCase(TestKeyType.SlhDsaSha2_128f)]
    [TestCase(TestKeyType.SlhDsaSha2_192f)]
    public void Private_key_pairs_with_its_certificate_and_another_does_not(TestKeyType type)
    {
        var root = TestPki.CreateRoot("PQ Root", o => o.Key(TestKeyType.EcP256));
        var leaf = root.Issue("pq.example.test", o => o.Key(type).ServerAuth().Dns("pq.example.test"));
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "root.pem", root);
        TestPki.WritePem(dir.Path, "scan/good.crt", leaf);
        File.WriteAllText(dir["scan/good.key"], leaf.Key.ToPem());
        TestPki.WritePem(dir.Path, "scan/bad.crt", leaf);
        File.WriteAllText(dir["scan/bad.key"], TestKey.Create(type).ToPem());

        var result = MlDsaChainTests.Lint(dir, "root.pem");

        result.Findings.Where(f => f.Rule.Name is "key-mismatch" or "key-orphan")
            .Select(f => $"{f.Location.File.RelativePath} {f.Rule.Name}").ShouldBe(["bad.key key-mismatch"]);
        result.Findings.ShouldNotContain(f => f.Rule.Name == "parse-error");
    }

    [TestCase(63)]
    [TestCase(65)]
    [TestCase(0)]
    [TestCase(1 << 20)]
    public void Private_key_of_the_wrong_length_is_refused(int length)
    {
        var pkcs8 = Seq(Int(0), Seq(ObjectId("2.16.840.1.101.3.4.3.21")), Octets(new byte[length]));

        Should.Throw<AsnContentException>(() => PublicKeyDerivation.FromPkcs8(pkcs8))
            .Message.ShouldBe($"SLH-DSA-SHA2-128f private key: {length} octets, not 64");
    }

    /// <summary>The certificate with its signature BIT STRING <paramref name="drop"/> octets shorter (lengths re-encoded).</summary>
    private static byte[] TruncateSignature(byte[] der, int drop)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbs = outer.ReadEncodedValue();
        var algorithm = outer.ReadEncodedValue();
        var signature = outer.ReadBitString(out _);
        return Seq(tbs.ToArray(), algorithm.ToArray(), Tlv(BitString, [0, .. signature.AsSpan(0, signature.Length - drop)]));
    }
}
