using System.Security.Cryptography;
using CertLint.Core.Tests.Parsing;
using CertLint.Inventory;
using CertLint.Inventory.Signatures;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.Inventory;

/// <summary>Signature verification per algorithm, with keys made here and with OpenSSL-made fixtures.</summary>
public sealed class SignatureTests
{
    public static IEnumerable<TestCaseData> Algorithms()
    {
        yield return new TestCaseData((Action<CertOptions>)(o => o.Rsa()), (Action<CertOptions>?)null).SetName("RSA PKCS#1 SHA-256");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Rsa()), (Action<CertOptions>)(o => o.SignWith(HashAlgorithmName.SHA1))).SetName("RSA PKCS#1 SHA-1");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Rsa()), (Action<CertOptions>)(o => o.SignWith(HashAlgorithmName.MD5))).SetName("RSA PKCS#1 MD5");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Rsa()), (Action<CertOptions>)(o => o.SignWith(HashAlgorithmName.SHA384))).SetName("RSA PKCS#1 SHA-384");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Rsa()), (Action<CertOptions>)(o => o.SignWith(HashAlgorithmName.SHA512))).SetName("RSA PKCS#1 SHA-512");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Rsa()), (Action<CertOptions>)(o => o.SignWithRsaPss())).SetName("RSA-PSS SHA-256");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Rsa()), (Action<CertOptions>)(o => o.SignWithRsaPss().SignWith(HashAlgorithmName.SHA512))).SetName("RSA-PSS SHA-512");
        yield return new TestCaseData((Action<CertOptions>)(o => o.EcP256()), (Action<CertOptions>?)null).SetName("ECDSA P-256 SHA-256");
        yield return new TestCaseData((Action<CertOptions>)(o => o.EcP384()), (Action<CertOptions>?)null).SetName("ECDSA P-384 SHA-384");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Key(TestKeyType.EcP521)), (Action<CertOptions>?)null).SetName("ECDSA P-521 SHA-512");
        yield return new TestCaseData((Action<CertOptions>)(o => o.EcP256()), (Action<CertOptions>)(o => o.SignWith(HashAlgorithmName.SHA1))).SetName("ECDSA P-256 SHA-1");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Ed25519()), (Action<CertOptions>?)null).SetName("Ed25519");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Ed448()), (Action<CertOptions>?)null).SetName("Ed448");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Dsa()), (Action<CertOptions>?)null).SetName("DSA SHA-256");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Key(TestKeyType.MlDsa44)), (Action<CertOptions>?)null).SetName("ML-DSA-44");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Key(TestKeyType.MlDsa65)), (Action<CertOptions>?)null).SetName("ML-DSA-65");
        yield return new TestCaseData((Action<CertOptions>)(o => o.Key(TestKeyType.MlDsa87)), (Action<CertOptions>?)null).SetName("ML-DSA-87");
    }

    [TestCaseSource(nameof(Algorithms))]
    public void Signatures_verify_and_tampering_is_caught(Action<CertOptions> rootKey, Action<CertOptions>? leafSigning)
    {
        var root = TestPki.CreateRoot("Algo Root", rootKey);
        var leaf = root.Issue("leaf", o => leafSigning?.Invoke(o));
        var tampered = leaf.Tampered();
        var inventory = new TestScan().Pem("leaf.pem", leaf).Pem("tampered.pem", tampered).Pem("root.pem", root).Build();

        inventory.SelfSigned.Select(c => c.Sha256).ShouldBe([root.Sha256]);
        inventory.Chain(leaf).Status.ShouldBe(ChainStatus.Complete, string.Join("; ", inventory.Chain(leaf).Problems));
        var bad = inventory.Chain(tampered);
        bad.Status.ShouldBe(ChainStatus.Invalid);
        bad.Problems.ShouldHaveSingleItem().ShouldContain("does not verify with the key of issuer CN=Algo Root");
    }

    [Test]
    public void OpenSsl_made_chain_verifies_RSA_over_EC_over_RSA()
    {
        var inventory = new TestScan()
            .Raw("leaf.pem", Der("leaf.pem"))
            .Raw("intermediate.pem", Der("intermediate.pem"))
            .Raw("root.pem", Der("root-ca.pem"))
            .Build(now: Core.Tests.Parsing.Fixtures.ValidAt);

        var leaf = inventory.Certificates.Single(c => c.Location.File.RelativePath == "leaf.pem");
        var chain = inventory.Chains[leaf];
        chain.Status.ShouldBe(ChainStatus.Complete, string.Join("; ", chain.Problems));
        chain.Subjects().ShouldBe([leaf.Subject.Text, "CN=CertLint Intermediate CA,OU=Issuing,O=CertLint Fixtures,C=US", "CN=CertLint Root CA,O=CertLint Fixtures,C=US"]);
    }

    [TestCase("ed25519.pem")]
    [TestCase("ed448.pem")]
    [TestCase("ec-secp256k1.pem")]
    [TestCase("ec-p521.pem")]
    [TestCase("rsa1024.pem")]
    public void OpenSsl_made_self_signed_certificates_verify(string fixture)
    {
        var inventory = new TestScan().Raw(fixture, Der(fixture)).Build();
        inventory.SelfSigned.ShouldHaveSingleItem();
    }

    [Test]
    public void Unknown_signature_algorithm_is_unverifiable_not_a_crash()
    {
        var root = TestPki.CreateRoot("Ed Root", o => o.Ed25519());
        var leaf = root.Issue("leaf", o => o.Ed25519());
        // The tbsCertificate signature field and the outer signatureAlgorithm are the first and the last Ed25519 OID
        // in the DER (the key's is between them): make both 1.3.101.127, so that they still agree (RFC 5280 §4.1.1.2).
        var der = (byte[])leaf.Der.Clone();
        ReadOnlySpan<byte> ed25519 = [0x06, 0x03, 0x2B, 0x65, 0x70];
        der[der.AsSpan().IndexOf(ed25519) + 4] = 0x7F;
        der[der.AsSpan().LastIndexOf(ed25519) + 4] = 0x7F;
        var inventory = new TestScan().Raw("leaf.pem", der).Pem("root.pem", root).Build();

        var chain = inventory.Chains[inventory.Certificates[0]];
        chain.Status.ShouldBe(ChainStatus.Invalid);
        chain.Problems.ShouldBe(["unverifiable signature on CN=leaf: signature algorithm 1.3.101.127 is not supported: cannot verify the signature"]);
    }

    /// <summary>
    /// RFC 5280 §4.1.1.2: the outer signatureAlgorithm MUST be the signed tbsCertificate signature field. Here the signature
    /// verifies under the outer ecdsa-with-SHA256 but the signed field says ecdsa-with-SHA384, so the algorithm is not
    /// determined and the path fails, on the intermediate as on the leaf (openssl verify: error 78; found by
    /// bench/external/pathdiff.py, where CertLint had accepted both).
    /// </summary>
    [TestCase(true)]
    [TestCase(false)]
    public void Tbs_signature_field_other_than_the_outer_algorithm_fails_the_path(bool onIntermediate)
    {
        var root = TestPki.CreateRoot("Mismatch Root");
        var sha384 = Pki.Raw.Der.Seq(Pki.Raw.Der.ObjectId("1.2.840.10045.4.3.3"));
        var ca = RawCertificateBuilder.Ca("Mismatch CA", root).With(b => b.TbsSignatureAlgorithm = onIntermediate ? sha384 : null).Build();
        var leaf = RawCertificateBuilder.Leaf("leaf", ca).With(b => b.TbsSignatureAlgorithm = onIntermediate ? null : sha384).Build();
        var control = ca.Issue("control");
        var inventory = new TestScan().Pem("leaf.pem", leaf).Pem("control.pem", control).Pem("ca.pem", ca).Pem("root.pem", root).Build();

        var chain = inventory.Chain(leaf);
        chain.Status.ShouldBe(ChainStatus.Invalid);
        chain.Problems.ShouldHaveSingleItem().ShouldContain("its signatureAlgorithm is not the tbsCertificate signature field (RFC 5280 §4.1.1.2)");
        chain.Problems.Single().ShouldContain(onIntermediate ? "CN=Mismatch CA" : "CN=leaf");
        inventory.Chain(control).Status.ShouldBe(onIntermediate ? ChainStatus.Invalid : ChainStatus.Complete);
    }

    [Test]
    public void Signature_from_the_wrong_kind_of_key_does_not_verify()
    {
        var ecRoot = TestPki.CreateRoot("Shared Name");
        var rsaRoot = TestPki.CreateRoot("Shared Name", o => o.Rsa());
        var leaf = ecRoot.Issue("leaf", o => o.NoAuthorityKeyIdentifier());
        var inventory = new TestScan().Pem("leaf.pem", leaf).Pem("rsa-root.pem", rsaRoot).Build();

        var chain = inventory.Chain(leaf);
        chain.Status.ShouldBe(ChainStatus.Invalid);
        chain.Problems.ShouldHaveSingleItem().ShouldContain("a ecdsa-with-SHA256 signature cannot come from a RSA 2048 key");
    }

    [Test]
    public void Each_pair_is_verified_once_and_each_issuer_key_imported_once()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var inter = root.IssueCa("Acme Intermediate");
        var leaves = Enumerable.Range(0, 20).Select(i => inter.Issue($"leaf {i}")).ToArray();
        var scan = new TestScan().Pem("fullchain.pem", [leaves[0], inter, root]).Pem("copy/fullchain.pem", [leaves[0], inter, root]);
        foreach (var (leaf, i) in leaves.Select((l, i) => (l, i))) scan.Pem($"leaves/{i}.pem", leaf);
        var verifier = new SignatureVerifier();

        var inventory = InventoryBuilder.Build(scan.Files, scan.ExtraAnchors, scan.Settings(), verifier);

        inventory.Chains.Values.ShouldAllBe(c => c.Status == ChainStatus.Complete);
        // 20 leaves by the intermediate, the intermediate by the root, the root by itself; duplicates cost nothing.
        verifier.Verifications.ShouldBe(22);
        verifier.KeyImports.ShouldBe(2);
    }

    [Test]
    public void Results_are_the_same_whatever_the_file_order_and_scheduling()
    {
        var root = TestPki.CreateRoot("Acme Root");
        var inter = root.IssueCa("Acme Intermediate");
        var other = root.IssueCa("Acme Intermediate");
        var leaves = Enumerable.Range(0, 30).Select(i => (i % 2 == 0 ? inter : other).Issue($"leaf {i}", o => o.NoAuthorityKeyIdentifier())).ToArray();
        var scan = new TestScan().Pem("ca.pem", inter, other, root);
        for (var i = 0; i < leaves.Length; i++) scan.Pem($"leaves/{i:D2}.pem", leaves[i]);

        string Describe(IReadOnlyList<Model.ParsedFile> files) => string.Join("\n", InventoryBuilder.Build(files, [], scan.Settings()) is var inv
            ? inv.Certificates.Select(c => $"{c.Location} {inv.Chains[c].Status} {string.Join(">", inv.Chains[c].Shas())}")
            : []);

        var expected = Describe(scan.Files);
        Describe([.. scan.Files.Reverse()]).ShouldBe(expected);
        Describe([.. scan.Files.OrderBy(f => f.File.RelativePath.GetHashCode(StringComparison.Ordinal))]).ShouldBe(expected);
        expected.ShouldNotContain("Invalid");
        expected.ShouldNotContain("Incomplete");
    }

    private static byte[] Der(string fixture) => PemEncoding.Find(File.ReadAllText(Fixtures.PathOf(fixture))) is var pem
        ? Convert.FromBase64String(File.ReadAllText(Fixtures.PathOf(fixture))[pem.Base64Data])
        : [];
}
