using System.Security.Cryptography;
using CertLint.Engine;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.PostQuantum;

/// <summary>
/// ML-DSA certificates (FIPS 204, RFC 9881) through the engine, as `certlint --ca root.pem DIR` runs it: chains verify,
/// an impostor's signature does not, mixed RSA/ML-DSA chains work both ways, and an unknown signature algorithm says so.
/// </summary>
public sealed class MlDsaChainTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    internal static LintResult Lint(TempDirectory dir, params string[] caFiles) => new LintEngine().Run(new LintRequest
    {
        Paths = [dir["scan"]],
        WorkingDirectory = dir.Path,
        CaFiles = [.. caFiles.Select(f => dir[f])],
        Now = Now,
        Environment = _ => null,
    });

    private static string[] Chain(LintResult result) =>
        [.. result.Findings.Where(f => f.Rule.Name.StartsWith("chain-", StringComparison.Ordinal)).Select(f => $"{f.Rule.Name}: {f.Message}")];

    [TestCase(TestKeyType.MlDsa44)]
    [TestCase(TestKeyType.MlDsa65)]
    [TestCase(TestKeyType.MlDsa87)]
    public void Root_intermediate_leaf_chain_validates_under_ca(TestKeyType type)
    {
        var root = TestPki.CreateRoot("PQ Root", o => o.Key(type));
        var inter = root.IssueCa("PQ Intermediate", o => o.Key(type));
        var leaf = inter.Issue("pq.example.test", o => o.Key(type).ServerAuth().Dns("pq.example.test"));
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "root.pem", root);
        TestPki.WritePem(dir.Path, "scan/fullchain.pem", leaf, inter);

        var result = Lint(dir, "root.pem");

        Chain(result).ShouldBeEmpty();
        result.Findings.ShouldNotContain(f => f.Rule.Name == "weak-key");
    }

    /// <summary>x509-limbo's RFC 9881 impostor case: the leaf names the root and its key identifier, another key signed it.</summary>
    [TestCase(TestKeyType.MlDsa65, "signature of CN=pq.example.test does not verify with the key of issuer CN=PQ Root (the signature does not verify)")]
    [TestCase(TestKeyType.MlDsa44, "a ML-DSA-44 signature cannot come from a ML-DSA-65 key")]
    public void Leaf_signed_by_an_impostor_key_with_the_roots_name_and_key_identifier_is_chain_invalid(TestKeyType impostorKey, string expected)
    {
        var root = TestPki.CreateRoot("PQ Root", o => o.Key(TestKeyType.MlDsa65));
        var impostor = TestPki.CreateRoot("PQ Root", o => o.Key(impostorKey));
        var leaf = RawCertificateBuilder.Leaf("pq.example.test", impostor, TestKey.Create(TestKeyType.MlDsa65))
            .Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(root.SubjectKeyId!))
            .Build();
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "root.pem", root);
        TestPki.WritePem(dir.Path, "scan/leaf.pem", leaf);

        var finding = Chain(Lint(dir, "root.pem")).ShouldHaveSingleItem();

        finding.ShouldStartWith("chain-invalid: ");
        finding.ShouldContain(expected);
    }

    [TestCase(TestKeyType.Rsa, TestKeyType.MlDsa65)]
    [TestCase(TestKeyType.MlDsa65, TestKeyType.Rsa)]
    [TestCase(TestKeyType.MlDsa87, TestKeyType.EcP256)]
    [TestCase(TestKeyType.EcP256, TestKeyType.SlhDsaSha2_128f)]
    [TestCase(TestKeyType.SlhDsaShake_128f, TestKeyType.MlDsa44)]
    public void Mixed_chains_validate_both_ways(TestKeyType rootKey, TestKeyType leafKey)
    {
        var root = TestPki.CreateRoot("Mixed Root", o => o.Key(rootKey));
        var leaf = root.Issue("mixed.example.test", o => o.Key(leafKey).ServerAuth().Dns("mixed.example.test"));
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "root.pem", root);
        TestPki.WritePem(dir.Path, "scan/leaf.pem", leaf);

        Chain(Lint(dir, "root.pem")).ShouldBeEmpty();
    }

    [Test]
    public void Tampered_ml_dsa_signature_is_chain_invalid()
    {
        var root = TestPki.CreateRoot("PQ Root", o => o.Key(TestKeyType.MlDsa44));
        var leaf = root.Issue("pq.example.test", o => o.Key(TestKeyType.MlDsa44).ServerAuth().Dns("pq.example.test")).Tampered();
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "root.pem", root);
        TestPki.WritePem(dir.Path, "scan/leaf.pem", leaf);

        Chain(Lint(dir, "root.pem")).ShouldHaveSingleItem().ShouldStartWith("chain-invalid: ");
    }

    [Test]
    public void Self_signed_certificate_with_an_unknown_signature_algorithm_says_it_is_not_supported_not_loop()
    {
        var self = RawCertificateBuilder.Ca("Odd Root", null).With(b =>
        {
            // 1.2.643.7.1.1.3.2: GOST R 34.10-2012 with Streebog-256, which CertLint does not verify.
            b.TbsSignatureAlgorithm = b.OuterSignatureAlgorithm = Der.Seq(Der.ObjectId("1.2.643.7.1.1.3.2"));
        }).Build();
        using var dir = new TempDirectory();
        TestPki.WritePem(dir.Path, "scan/odd.pem", self);

        var finding = Chain(Lint(dir)).ShouldHaveSingleItem();

        finding.ShouldStartWith("chain-incomplete: ");
        finding.ShouldContain("signature algorithm 1.2.643.7.1.1.3.2 is not supported: cannot verify");
        finding.ShouldNotContain("loop");
    }
}
