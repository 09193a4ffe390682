using System.Security.Cryptography.X509Certificates;
using CertLint.Inventory;
using CertLint.Inventory.Paths;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.Inventory;

/// <summary>
/// Indirect CRLs (RFC 5280 §4.2.1.13 cRLIssuer, §5.2.5 indirectCRL, §5.3.3 certificateIssuer, §6.3.3 (b)) and the
/// paths of CRL signers other than the certificate's issuer (§6.3.3 (f)), through the inventory.
/// </summary>
public sealed class IndirectCrlTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("Ind Root");
    private static readonly TestCertificate Ca = Root.IssueCa("Ind CA");
    /// <summary>A CA that issues CRLs for <see cref="Ca"/>'s certificates (the cRLIssuer of their distribution points).</summary>
    private static readonly TestCertificate CrlIssuer = Root.IssueCa("Ind CRL Issuer");
    private static readonly DateTimeOffset Revoked = new(2026, 4, 2, 3, 4, 5, TimeSpan.Zero);

    /// <summary>A leaf of <see cref="Ca"/> whose one distribution point names <paramref name="crlIssuer"/> as its CRL's issuer.</summary>
    private static TestCertificate Leaf(string name, TestCertificate crlIssuer) => Ca.Issue(name, o => o.Extension(new X509Extension("2.5.29.31",
        Ext.CrlDistributionPoints(Ext.DistributionPoint(null, crlIssuer: [Gn.DirName(crlIssuer.Certificate.SubjectName.RawData)])), false)));

    /// <summary>The leaf's path with the CRL issuer's certificate in the scan and the root's (empty) CRL: the PKI publishes CRLs.</summary>
    private static ChainResult Chain(TestCertificate leaf, params TestCrl[] crls)
    {
        var scan = new TestScan().Pem("leaf.pem", leaf, Ca).Pem("crl-issuer.pem", CrlIssuer).Ca(Root).Crl("root.crl", new TestCrl(Root));
        for (var i = 0; i < crls.Length; i++) scan.Crl($"crl/{i}.crl", crls[i]);
        return scan.Build().Chain(leaf);
    }

    private static string Single(ChainResult chain, PathCheck check)
    {
        var failure = chain.Failures.ShouldHaveSingleItem();
        failure.Check.ShouldBe(check);
        return failure.Message;
    }

    [Test]
    public void Indirect_crl_of_the_named_crl_issuer_settles_the_status_by_certificate_issuer()
    {
        var leaf = Leaf("indirect leaf", CrlIssuer);
        // Listed for its own issuer (certificateIssuer): revoked.
        Single(Chain(leaf, new TestCrl(CrlIssuer).Indirect().Revoke(leaf, Revoked, certificateIssuer: Ca.Certificate.SubjectName)), PathCheck.Revoked)
            .ShouldBe($"CN=indirect leaf (serial {leaf.Certificate.SerialNumber}) was revoked on 2026-04-02 03:04:05Z (reason keyCompromise) according to the CRL crl/0.crl:1");
        // The same serial without certificateIssuer is one of the CRL issuer's own certificates: not this one.
        Chain(leaf, new TestCrl(CrlIssuer).Indirect().Revoke(leaf, Revoked)).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void An_entry_without_certificate_issuer_belongs_to_the_issuer_of_the_entry_before()
    {
        var leaf = Leaf("carried leaf", CrlIssuer);
        var other = Ca.Issue("other leaf");
        var elsewhere = new X500DistinguishedName("CN=Ind Other CA");
        Single(Chain(leaf, new TestCrl(CrlIssuer).Indirect().Revoke(other, Revoked, certificateIssuer: Ca.Certificate.SubjectName).Revoke(leaf, Revoked)), PathCheck.Revoked)
            .ShouldContain("according to the CRL crl/0.crl:1");
        Chain(leaf, new TestCrl(CrlIssuer).Indirect().Revoke(other, Revoked, certificateIssuer: elsewhere).Revoke(leaf, Revoked)).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Crl_of_the_crl_issuer_must_be_indirect_and_cover_the_point()
    {
        var leaf = Leaf("scoped leaf", CrlIssuer);
        var prefix = "the revocation status of CN=scoped leaf cannot be determined: ";
        // §6.3.3 (b)(1): not indirect, so its entries are its issuer's alone.
        Single(Chain(leaf, new TestCrl(CrlIssuer).Revoke(leaf, Revoked, certificateIssuer: Ca.Certificate.SubjectName)), PathCheck.RevocationUnknown)
            .ShouldBe(prefix + "crl/0.crl:1 is not an indirect CRL, so it does not cover a certificate of another issuer (cRLIssuer)");
        // (b)(2)(i): a point without names needs the CRL's distribution point to be one of the cRLIssuer's names.
        Single(Chain(leaf, new TestCrl(CrlIssuer).Indirect(new X500DistinguishedName("CN=Ind Partition"))), PathCheck.RevocationUnknown)
            .ShouldBe(prefix + "crl/0.crl:1 does not cover it (issuingDistributionPoint scope)");
        Chain(leaf, new TestCrl(CrlIssuer).Indirect(CrlIssuer.Certificate.SubjectName)).Status.ShouldBe(ChainStatus.Complete);
        // No CRL from the named issuer, nor from the certificate's issuer.
        Single(Chain(Leaf("orphan leaf", TestPki.CreateRoot("Ind Nobody"))), PathCheck.RevocationUnknown)
            .ShouldBe("the revocation status of CN=orphan leaf cannot be determined: no CRL from its issuer CN=Ind CA or from the cRLIssuer its distribution points name (CN=Ind Nobody) was found, though CAs on its path publish CRLs");
    }

    [Test]
    public void Name_relative_to_the_crl_issuer_is_appended_to_the_crl_issuer_named_by_the_point()
    {
        // distributionPoint nameRelativeToCRLIssuer "CN=Ind Partition" with cRLIssuer "CN=Ind CRL Issuer" (§4.2.1.13):
        // the point is "CN=Ind CRL Issuer" + "CN=Ind Partition", not the certificate issuer's name + it (PKITS 4.14.29).
        var partition = Der.Attribute(CertLint.Tests.Pki.Raw.Oids.CommonName, Der.Utf8String, "Ind Partition");
        var leaf = Ca.Issue("relative leaf", o => o.Extension(new X509Extension("2.5.29.31", Ext.CrlDistributionPoints(Der.Seq(
            Der.Context(0, true, Der.Context(1, true, partition)),
            Der.Context(2, true, Gn.DirName(CrlIssuer.Certificate.SubjectName.RawData)))), false)));
        X500DistinguishedName Under(TestCertificate ca)
        {
            var rdns = new List<byte[]>();
            var name = new System.Formats.Asn1.AsnReader(ca.Certificate.SubjectName.RawData, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
            while (name.HasData) rdns.Add(name.ReadEncodedValue().ToArray());
            return new X500DistinguishedName(Der.Seq([.. rdns, Der.SetOf(partition)]));
        }

        Single(Chain(leaf, new TestCrl(CrlIssuer).Indirect(Under(CrlIssuer)).Revoke(leaf, Revoked, certificateIssuer: Ca.Certificate.SubjectName)), PathCheck.Revoked)
            .ShouldContain("according to the CRL crl/0.crl:1");
        Single(Chain(leaf, new TestCrl(CrlIssuer).Indirect(Under(Ca))), PathCheck.RevocationUnknown)
            .ShouldBe("the revocation status of CN=relative leaf cannot be determined: crl/0.crl:1 does not cover it (issuingDistributionPoint scope)");
    }

    [Test]
    public void Crl_signer_other_than_the_issuer_needs_a_valid_path()
    {
        // The CA's separate CRL-signing certificate (same name, another key, cRLSign only), issued by the root.
        var signer = Root.IssueCa("Ind CA", o => o.KeyUsage(X509KeyUsageFlags.CrlSign));
        var leaf = Ca.Issue("signed leaf");
        ChainResult With(TestCrl rootCrl) => new TestScan().Pem("leaf.pem", leaf, Ca).Pem("signer.pem", signer).Ca(Root).Crl("root.crl", rootCrl)
            .Crl("crl/ca.crl", new TestCrl(Ca) { SignedBy = signer, SignerKeyId = true }).Build().Chain(leaf);

        With(new TestCrl(Root)).Status.ShouldBe(ChainStatus.Complete);
        Single(With(new TestCrl(Root).Revoke(signer, Revoked)), PathCheck.RevocationUnknown).ShouldBe(
            $"the revocation status of CN=signed leaf cannot be determined: crl/ca.crl:1 cannot be used: its signer CN=Ind CA is not valid: CN=Ind CA (serial {signer.Certificate.SerialNumber}) was revoked on 2026-04-02 03:04:05Z (reason keyCompromise) according to the CRL root.crl:1");
    }

    [Test]
    public void Crl_signer_must_chain_to_the_anchor_of_the_certificate_and_be_valid_now()
    {
        var otherRoot = TestPki.CreateRoot("Ind Other Root");
        var foreign = otherRoot.IssueCa("Ind CA", o => o.KeyUsage(X509KeyUsageFlags.CrlSign));
        var expired = Root.IssueCa("Ind CA", o => o.KeyUsage(X509KeyUsageFlags.CrlSign).Valid(TestPki.DefaultNotBefore, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var leaf = Ca.Issue("anchored leaf");
        ChainResult SignedBy(TestCertificate signer) => new TestScan().Pem("leaf.pem", leaf, Ca).Pem("signer.pem", signer).Ca(Root, otherRoot)
            .Crl("crl/ca.crl", new TestCrl(Ca) { SignedBy = signer, SignerKeyId = true }).Build().Chain(leaf);

        Single(SignedBy(foreign), PathCheck.RevocationUnknown).ShouldBe(
            "the revocation status of CN=anchored leaf cannot be determined: crl/ca.crl:1 cannot be used: its signer CN=Ind CA chains to another trust anchor (CN=Ind Other Root) than the certificate (RFC 5280 §6.3.3 (f))");
        Single(SignedBy(expired), PathCheck.RevocationUnknown).ShouldBe(
            "the revocation status of CN=anchored leaf cannot be determined: crl/ca.crl:1 cannot be used: its signer CN=Ind CA is not valid: it expired on 2026-01-01 00:00:00Z");
    }

    [Test]
    public void Crl_signer_whose_status_its_own_crl_gives_is_revoked_only_if_listed_there()
    {
        // Certified by the CA itself (self-issued, PKITS 4.5.6): its own status is on the CRL it signs.
        var signer = Ca.IssueCa("Ind CA", o => o.KeyUsage(X509KeyUsageFlags.CrlSign));
        var leaf = Ca.Issue("self leaf");
        ChainResult With(TestCrl crl) => new TestScan().Pem("leaf.pem", leaf, Ca).Pem("signer.pem", signer).Ca(Root).Crl("crl/ca.crl", crl).Build().Chain(leaf);

        With(new TestCrl(Ca) { SignedBy = signer, SignerKeyId = true }).Status.ShouldBe(ChainStatus.Complete);
        Single(With(new TestCrl(Ca) { SignedBy = signer, SignerKeyId = true }.Revoke(signer, Revoked)), PathCheck.RevocationUnknown).ShouldBe(
            $"the revocation status of CN=self leaf cannot be determined: crl/ca.crl:1 cannot be used: its signer CN=Ind CA is not valid: CN=Ind CA (serial {signer.Certificate.SerialNumber}) was revoked on 2026-04-02 03:04:05Z (reason keyCompromise) according to the CRL crl/ca.crl:1");
    }

    [Test]
    public void Crl_signers_nested_deeper_than_the_bound_are_not_validated()
    {
        // CA k's CRL is signed by its separate CRL signer k, certified by CA k+1, whose CRL is signed by signer k+1...:
        // validating signer 0 needs signer 1's path, which needs signer 2's, and so on past the bound.
        const int Levels = CrlSigners.MaxDepth + 2;
        var cas = Enumerable.Range(0, Levels + 1).Select(k => Root.IssueCa($"Nest CA {k}")).ToArray();
        var signers = Enumerable.Range(0, Levels).Select(k => cas[k + 1].Issue($"Nest CA {k}", o => o.KeyUsage(X509KeyUsageFlags.CrlSign))).ToArray();
        var leaf = cas[0].Issue("nested leaf");
        var scan = new TestScan().Pem("leaf.pem", leaf, cas[0]).Ca(Root);
        for (var k = 0; k <= Levels; k++) scan.Pem($"ca/{k}.pem", cas[k]);
        for (var k = 0; k < Levels; k++) scan.Pem($"signer/{k}.pem", signers[k]).Crl($"crl/{k}.crl", new TestCrl(cas[k]) { SignedBy = signers[k], SignerKeyId = true });
        scan.Crl($"crl/{Levels}.crl", new TestCrl(cas[Levels]));

        Single(scan.Build().Chain(leaf), PathCheck.RevocationUnknown).ShouldContain($"validating it needs CRL signers nested more than {CrlSigners.MaxDepth} deep");
    }
}
