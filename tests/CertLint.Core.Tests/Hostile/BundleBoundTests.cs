using System.Security.Cryptography.X509Certificates;
using System.Text;
using CertLint.Inventory;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// One PEM file of many certificates (a 10 MB file holds about 30,000). The bundle analysis had looked, for every
/// certificate, through the whole file for a repeat, a later non-root and its issuer (29,511 self-signed certificates:
/// 40 s of CPU, a quarter of them 3.5 s), and chain-order's message named every certificate (1.7 MB). Now positions are
/// looked up by hash and name, a bundle keeps <see cref="BundleAnalyzer.MaxProblems"/> problems and counts the rest, and
/// a message names <see cref="Rules.Primitives.PrimitiveLookups.MaxPathNames"/> certificates.
/// </summary>
public sealed class BundleBoundTests
{
    private static readonly Lazy<TestCertificate> Ca = new(() => RawCertificateBuilder.Ca("CertLint Hostile Bundle CA", null).Build());
    private static readonly Lazy<TestCertificate> Leaf = new(() => RawCertificateBuilder.Leaf("bundle.example", Ca.Value).Build());

    /// <summary>The CA, then the leaf <paramref name="leaves"/> times: out of order, complete, all but one leaf a repeat.</summary>
    private static string Bundle(int leaves)
    {
        var pem = new StringBuilder(Ca.Value.Pem);
        for (var i = 0; i < leaves; i++) pem.Append(Leaf.Value.Pem);
        return pem.ToString();
    }

    [Test]
    public void Chain_order_names_sixteen_certificates_and_sixteen_problems_then_counts_the_rest()
    {
        using var dir = new Parsing.TempDirectory();
        File.WriteAllText(dir.Combine("bundle.pem"), Bundle(21));

        var result = BoundedLint.Run(dir.Path, "bundle.pem");

        const string ca = "CN=CertLint Hostile Bundle CA", leaf = "CN=bundle.example";
        var order = string.Join(" -> ", [ca, .. Enumerable.Repeat(leaf, 15)]) + " -> ... and 6 more";
        var problems = string.Join("; ", [
            $"certificate 1 ({ca}) is a self-signed root but certificate 2 ({leaf}) follows it",
            $"certificate 1 ({ca}) issued certificate 2 ({leaf}) but comes before it",
            .. Enumerable.Range(3, 14).Select(i => $"certificate {i} ({leaf}) repeats certificate 2"),
            "and 6 more"]);
        result.Of("chain-order").ShouldBe([
            $"bundle.pem:1 bundle.pem holds its chain out of order ({order}; {problems}): put the leaf first, then each issuer after the certificate it signed."]);
    }

    [Test]
    public void A_file_of_thousands_of_repeats_keeps_sixteen_problems()
    {
        using var dir = new Parsing.TempDirectory();
        File.WriteAllText(dir.Combine("bundle.pem"), Bundle(3_000));

        var result = BoundedLint.Run(dir.Path, "bundle.pem");

        var bundle = result.Inventory.Bundles.ShouldHaveSingleItem();
        bundle.Certificates.Count.ShouldBe(3_001);
        (bundle.Complete, bundle.Ordered).ShouldBe((true, false));
        bundle.Problems.Count.ShouldBe(BundleAnalyzer.MaxProblems + 1);
        bundle.Problems[^1].ShouldBe("and 2985 more");   // 3,001 certificates: a root before a leaf, an issuer before, 2,999 repeats
    }

    /// <summary>
    /// 600 self-signed look-alike roots (one name, one key identifier, each its own key: every one a trust anchor from
    /// the scan) and 100 certificates naming them as issuer that none of them signed, in one file. Whether a trust anchor
    /// issued a certificate missing from its bundle was asked of every candidate anchor: 100 x 600 signature checks here,
    /// a million (72 s of CPU) for 1,000 of each. Now each place that looks for an issuer checks at most the candidate bound.
    /// </summary>
    [Test]
    public void Look_alike_anchors_cost_a_bounded_number_of_signature_checks_per_certificate()
    {
        const int roots = 600, orphans = 100;
        var keyId = Enumerable.Repeat((byte)0xA5, 20).ToArray();
        void SameIds(CertOptions o) => o.NoSubjectKeyIdentifier().NoAuthorityKeyIdentifier().EcP256()
            .Extension(new X509SubjectKeyIdentifierExtension(keyId, false))
            .Extension(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(keyId));
        var lookAlikes = Enumerable.Range(0, roots).Select(_ => TestPki.CreateRoot("Look-alike Root", SameIds)).ToArray();
        var stranger = TestPki.CreateRoot("Look-alike Root", SameIds);
        var signedByNone = Enumerable.Range(0, orphans).Select(i => stranger.Issue($"orphan{i}.example.test", o => { SameIds(o); o.ServerAuth(); })).ToArray();
        var scan = new TestScan().Pem("bundle.pem", [.. signedByNone, .. lookAlikes]);
        var verifier = new CertLint.Inventory.Signatures.SignatureVerifier();

        var inventory = InventoryBuilder.Build(scan.Files, scan.ExtraAnchors, scan.Settings(), verifier);

        inventory.Anchors.Count.ShouldBe(roots);
        var bundle = inventory.Bundles.ShouldHaveSingleItem();
        bundle.Complete.ShouldBeFalse();
        bundle.Problems[0].ShouldBe(
            $"certificate {orphans + 1} (CN=Look-alike Root) has the name of the issuer of certificate 1 (CN=orphan0.example.test) but its key does not verify that signature");
        // A root checks its own signature; a certificate signed by none, at most the bound in each of the four places
        // that look for its issuer (path search, bundle order, bundle anchor, signer), and its own signature.
        verifier.Verifications.ShouldBeLessThanOrEqualTo(roots + orphans * (4 * ChainBuilder.MaxCandidatesPerCertificate + 1));
    }

    /// <summary>
    /// A CRL under the name of 300 look-alike roots without key identifiers, signed by none of them: each candidate issuer was a signature
    /// check (crl-invalid's issuer search), so 1,000 such CRLs against 1,000 look-alikes cost a million. Now the first
    /// <see cref="ChainBuilder.MaxCandidatesPerCertificate"/> candidates are tried and the message says how many were not.
    /// </summary>
    [Test]
    public void A_crl_under_the_name_of_look_alike_cas_tries_a_bounded_number_of_issuers()
    {
        // Without key identifiers nothing tells the look-alikes from the CRL's issuer but a signature check.
        const int roots = 300;
        var lookAlikes = Enumerable.Range(0, roots)
            .Select(_ => TestPki.CreateRoot("Look-alike CRL Root", o => o.NoSubjectKeyIdentifier().NoAuthorityKeyIdentifier().EcP256())).ToArray();
        var stranger = TestPki.CreateRoot("Look-alike CRL Root", o => o.EcP256());
        var scan = new TestScan().Pem("roots.pem", lookAlikes).Crl("stranger.crl", new TestCrl(stranger));
        var verifier = new CertLint.Inventory.Signatures.SignatureVerifier();

        var inventory = InventoryBuilder.Build(scan.Files, scan.ExtraAnchors, scan.Settings(), verifier);

        var status = inventory.Crls.ShouldHaveSingleItem();
        status.Problem.ShouldBe($"its signature does not verify with the key of CN=Look-alike CRL Root (the signature does not verify); {roots - ChainBuilder.MaxCandidatesPerCertificate} more certificates of its issuer's name were not tried");
        verifier.Verifications.ShouldBeLessThanOrEqualTo(roots + ChainBuilder.MaxCandidatesPerCertificate);
    }
}
