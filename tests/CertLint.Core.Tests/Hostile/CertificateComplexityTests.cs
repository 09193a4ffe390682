using System.Formats.Asn1;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertLint.Inventory;
using CertLint.Inventory.Paths;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Certificates built to make parsing, name constraints or path building take quadratic or exponential time: many
/// names against many subtrees, a mesh of CAs that all look like each other's issuer, a file of 100,000 PEM blocks,
/// extensions nested 10,000 levels deep. Each goes through the engine with a termination bound (<see cref="BoundedLint"/>).
/// </summary>
public sealed class CertificateComplexityTests
{
    [Test]
    public void Ten_thousand_names_against_a_thousand_subtrees_stop_at_the_comparison_limit_and_fail_the_path()
    {
        using var dir = new TempDirectory();
        var root = TestPki.CreateRoot("NC Root");
        var permitted = Enumerable.Range(0, 1000).Select(i => $"dns:zone{i}.example.test").ToArray();
        var ca = root.IssueCa("NC CA", o => o.Extension(PathExtensions.NameConstraints(permitted)));
        // Every name lies in the last subtree tried (zone999): each one costs 1,000 comparisons.
        var names = Enumerable.Range(0, 10_000).Select(i => $"host{i}.zone999.example.test").ToArray();
        var leaf = ca.Issue("many names", o => o.ServerAuth().Dns(names));
        var rootFile = TestPki.WritePem(dir.Path, "root.pem", root);
        TestPki.WritePem(dir.Path, "leaf.pem", leaf, ca);

        var result = BoundedLint.Run(dir.Path, ["."], [rootFile]);

        // 10,000 x 1,000 comparisons would be 10 million: the checker stops at its limit and fails closed.
        var chain = result.Inventory.Chains.Single(c => c.Key.Sha256 == leaf.Sha256).Value;
        chain.Status.ShouldBe(ChainStatus.Invalid);
        chain.Failures.ShouldHaveSingleItem().Check.ShouldBe(PathCheck.NameConstraints);
        chain.Failures[0].Message.ShouldEndWith(
            $"checking the names of CN=many names against the name constraints above it needs more than {NameConstraintChecker.MaxComparisons:N0} comparisons; CertLint stops and fails the path");
    }

    /// <summary>CAs named alike with one key identifier, each signed by the next one's key (a ring), and a leaf of the
    /// first: every one is a candidate issuer of every other, so an unbounded search would try cas^depth paths.</summary>
    private static (TestCertificate[] Mesh, TestCertificate Leaf) LookAlikeMesh(int cas)
    {
        var keyId = Enumerable.Repeat((byte)0x5A, 20).ToArray();
        void SameIds(CertOptions o) => o.NoSubjectKeyIdentifier().NoAuthorityKeyIdentifier().EcP256()
            .Extension(new X509SubjectKeyIdentifierExtension(keyId, false))
            .Extension(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(keyId));
        var keys = Enumerable.Range(0, cas).Select(_ => TestPki.CreateRoot("Mesh CA", o => o.EcP256())).ToList();
        var mesh = Enumerable.Range(0, cas).Select(i => keys[(i + 1) % cas].CrossSign(keys[i], SameIds)).ToArray();
        return (mesh, keys[0].Issue("leaf.mesh.test", o => { SameIds(o); o.ServerAuth().Dns("leaf.mesh.test"); }));
    }

    [Test]
    public void Look_alike_CAs_cost_signature_checks_linear_in_their_number()
    {
        const int cas = 300;
        var (mesh, leaf) = LookAlikeMesh(cas);
        var scan = new TestScan().Pem("mesh.pem", mesh).Pem("leaf.pem", leaf);
        var verifier = new CertLint.Inventory.Signatures.SignatureVerifier();

        var inventory = InventoryBuilder.Build(scan.Files, scan.ExtraAnchors, scan.Settings(), verifier);

        inventory.Chains.Count.ShouldBe(cas + 1);
        // Every pair would be 300 x 300 = 90,000 verifications. Each certificate checks at most the candidate bound in
        // each of the three places that look for its issuer (path search, bundle order, signer), plus its self-signature.
        verifier.Verifications.ShouldBeLessThanOrEqualTo((cas + 1) * (3 * ChainBuilder.MaxCandidatesPerCertificate + 1));
    }

    /// <summary>The mesh in mesh.pem, its leaf in leaf.pem, linted with an unrelated root as the only trust anchor.</summary>
    private static CertLint.Engine.LintResult LintMesh(TempDirectory dir, int cas)
    {
        var (mesh, leaf) = LookAlikeMesh(cas);
        TestPki.WritePem(dir.Path, "mesh.pem", mesh);
        TestPki.WritePem(dir.Path, "leaf.pem", leaf);
        var anchor = TestPki.WritePem(dir.Path, "anchor.pem", TestPki.CreateRoot("Unrelated Root"));
        return BoundedLint.Run(dir.Path, ["."], [anchor]);
    }

    private static bool ChainFindingOnLeaf(CertLint.Findings.Finding f) =>
        f.Location.File.RelativePath == "leaf.pem" && f.Rule.Name.StartsWith("chain-", StringComparison.Ordinal);

    [Test]
    public void Three_hundred_look_alike_CAs_cross_signing_each_other_explore_at_most_512_nodes_per_certificate()
    {
        using var dir = new TempDirectory();
        const int cas = 300;

        var result = LintMesh(dir, cas);

        var chains = result.Inventory.Chains.Where(c => c.Key.Subject.CommonName is "Mesh CA" or "leaf.mesh.test").Select(c => c.Value).ToList();
        chains.Count.ShouldBe(cas + 1);
        chains.ShouldAllBe(c => c.Explored <= ChainBuilder.MaxNodesPerCertificate && c.Status != ChainStatus.Complete);
        chains.ShouldContain(c => c.Explored == ChainBuilder.MaxNodesPerCertificate); // the bound, not the graph, ended the search
    }

    [Test]
    public void A_chain_verdict_cut_by_the_candidate_bound_says_so_in_its_one_finding()
    {
        using var dir = new TempDirectory();
        const int cas = 300;

        var result = LintMesh(dir, cas);

        // One chain finding on the leaf (one defect), whose message says that its issuer search was cut.
        var onLeaf = result.Findings.Where(ChainFindingOnLeaf).ToList();
        TestContext.Out.WriteLine(string.Join("\n", onLeaf.Select(f => $"{f.Rule.Name}: {f.Message}")));
        onLeaf.ShouldHaveSingleItem().Message.ShouldContain(
            $"the issuer search was bounded, so a valid path may have been missed: only {ChainBuilder.MaxCandidatesPerCertificate} of the {cas} candidate"
            + " issuers of CN=leaf.mesh.test (alike in name and key identifier) were tried, at most 64 for each of ");
        // A chain whose search saw every candidate says nothing of the kind.
        using var small = new TempDirectory();
        var unbounded = LintMesh(small, 3);
        unbounded.Findings.ShouldContain(f => ChainFindingOnLeaf(f));
        unbounded.AllText().ShouldNotContain("bounded");
    }

    [Test]
    public void A_file_of_100000_tiny_pem_blocks_gives_capped_findings()
    {
        using var dir = new TempDirectory();
        var text = new StringBuilder();
        for (var i = 0; i < 100_000; i++) text.Append("-----BEGIN CERTIFICATE-----\nMA==\n-----END CERTIFICATE-----\n");
        File.WriteAllText(dir["blocks.pem"], text.ToString());

        var result = BoundedLint.Run(dir.Path, ".");

        var onFile = result.Findings.Where(f => f.Location.File.RelativePath == "blocks.pem").ToList();
        onFile.Count.ShouldBeInRange(1, 101); // findings per file: 100, then one "N more"
        onFile.ShouldAllBe(f => f.Rule.Name == "parse-error");
        result.Inventory.Certificates.ShouldBeEmpty();
    }

    [TestCase("1.3.6.1.4.1.55555.1", false)]
    [TestCase("1.3.6.1.4.1.55555.1", true)]
    [TestCase("2.5.29.17", false)]
    [TestCase("2.5.29.32", false)]
    [TestCase("2.5.29.30", true)]
    public void An_extension_nested_ten_thousand_levels_deep_is_read_without_recursion(string oid, bool octetStrings)
    {
        using var dir = new TempDirectory();
        // SEQUENCE { SEQUENCE { ... NULL } } or BER constructed OCTET STRINGs, 10,000 levels.
        var tag = octetStrings ? new Asn1Tag(UniversalTagNumber.OctetString, isConstructed: true) : Asn1Tag.Sequence;
        var w = new AsnWriter(AsnEncodingRules.BER);
        var scopes = new Stack<AsnWriter.Scope>();
        for (var i = 0; i < 10_000; i++) scopes.Push(octetStrings ? w.PushOctetString(tag) : w.PushSequence(tag));
        if (octetStrings) w.WriteOctetString([1]);
        else w.WriteNull();
        while (scopes.Count > 0) scopes.Pop().Dispose();
        var leaf = TestPki.CreateSelfSigned("deep.example.test", o => o.ServerAuth().Extension(new X509Extension(oid, w.Encode(), critical: false)));
        TestPki.WritePem(dir.Path, "deep.pem", leaf);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Certificates.Count.ShouldBe(1);
        result.Findings.ShouldNotContain(f => f.Message.Contains("Exception", StringComparison.Ordinal));
    }
}
