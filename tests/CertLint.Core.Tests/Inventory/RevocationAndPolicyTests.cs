using CertLint.Configuration;
using CertLint.Inventory;
using CertLint.Inventory.Paths;
using CertLint.Tests.Pki;
using static CertLint.Tests.Pki.PathExtensions;

namespace CertLint.Tests.Inventory;

/// <summary>Offline revocation (RFC 5280 §6.3) and the policy tree (§6.1), through the inventory.</summary>
public sealed class RevocationAndPolicyTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("Rev Root");
    private static readonly TestCertificate Ca = Root.IssueCa("Rev CA");
    private static readonly DateTimeOffset Revoked = new(2026, 4, 2, 3, 4, 5, TimeSpan.Zero);

    private static ChainResult Chain(TestCertificate leaf, params TestCrl[] crls)
    {
        var scan = new TestScan().Pem("leaf.pem", leaf, Ca).Ca(Root);
        for (var i = 0; i < crls.Length; i++) scan.Crl($"crl/{i}.crl", crls[i]);
        return scan.Build().Chain(leaf);
    }

    [Test]
    public void Revoked_leaf_fails_with_date_reason_and_crl()
    {
        var leaf = Ca.Issue("revoked leaf");
        var failure = Chain(leaf, new TestCrl(Ca).Revoke(leaf, Revoked)).Failures.ShouldHaveSingleItem();
        failure.Check.ShouldBe(PathCheck.Revoked);
        failure.Message.ShouldStartWith($"CN=revoked leaf (serial {leaf.Certificate.SerialNumber}) was revoked on 2026-04-02 03:04:05Z (reason keyCompromise) according to the CRL crl/0.crl");
        Chain(Ca.Issue("other leaf"), new TestCrl(Ca).Revoke(leaf, Revoked)).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Revoked_intermediate_fails_every_leaf_below_it()
    {
        var leaf = Ca.Issue("leaf under revoked CA");
        var failures = Chain(leaf, new TestCrl(Root).Revoke(Ca, Revoked, reason: 2)).Failures;
        failures.Select(f => (f.Check, f.Position)).ShouldBe([(PathCheck.Revoked, 1), (PathCheck.RevocationUnknown, 0)]);
        failures[0].Message.ShouldContain("(reason cACompromise)");
        // The root publishes CRLs, so the leaf needs its issuer's (§6.3.3 (k)): there is none.
        failures[1].Message.ShouldBe("the revocation status of CN=leaf under revoked CA cannot be determined: no CRL from its issuer CN=Rev CA was found, though CAs on its path publish CRLs");
    }

    [Test]
    public void Forged_crl_and_out_of_scope_crl_are_not_used()
    {
        var leaf = Ca.Issue("leaf");
        // Not used, so the leaf is not revoked; but then no CRL settles its status either (revocation-unknown).
        Unknown(Chain(leaf, new TestCrl(Ca) { SignedBy = Root }.Revoke(leaf, Revoked))).ShouldContain("crl/0.crl:1 cannot be used: its signature does not verify with the key of CN=Rev CA");
        Unknown(Chain(leaf, new TestCrl(Ca).Only(userCerts: false).Revoke(leaf, Revoked))).ShouldContain("crl/0.crl:1 does not cover it (issuingDistributionPoint scope)");
        Chain(leaf, new TestCrl(Ca).Only(userCerts: true).Revoke(leaf, Revoked)).Failures.ShouldHaveSingleItem().Check.ShouldBe(PathCheck.Revoked);
        Unknown(Chain(leaf, new TestCrl(Ca) { ThisUpdate = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero), NextUpdate = null }.Revoke(leaf, Revoked)))
            .ShouldContain("cannot be used: it is not issued yet"); // at --now
        Unknown(Chain(leaf, new TestCrl(Ca) { ThisUpdate = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), NextUpdate = new DateTimeOffset(2026, 5, 1, 0, 0, 0, TimeSpan.Zero) }))
            .ShouldContain("crl/0.crl:1 is past its nextUpdate (2026-05-01 00:00:00Z)");
        Chain(leaf, new TestCrl(Ca)).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Crl_partitioned_by_distribution_point_covers_only_certificates_of_that_point()
    {
        const string PointA = "http://crl.example.test/a.crl";
        var inA = Ca.Issue("in a", o => o.Extension(System.Security.Cryptography.X509Certificates.CertificateRevocationListBuilder.BuildCrlDistributionPointExtension([PointA])));
        var noPoint = Ca.Issue("no point");

        Chain(inA, new TestCrl(Ca).DistributionPoint(PointA).Revoke(inA, Revoked)).Status.ShouldBe(ChainStatus.Invalid);
        Unknown(Chain(inA, new TestCrl(Ca).DistributionPoint("http://crl.example.test/b.crl").Revoke(inA, Revoked))).ShouldContain("does not cover it");
        // Without cRLDistributionPoints the certificate's point is its issuer's name (RFC 5280 §6.3.3, last paragraph).
        Unknown(Chain(noPoint, new TestCrl(Ca).DistributionPoint(PointA).Revoke(noPoint, Revoked))).ShouldContain("does not cover it");
        Chain(noPoint, new TestCrl(Ca).DistributionPoint(Ca.Certificate.SubjectName).Revoke(noPoint, Revoked)).Status.ShouldBe(ChainStatus.Invalid);
    }

    [Test]
    public void Delta_crl_applies_on_its_base_and_remove_from_crl_releases_a_hold()
    {
        var leaf = Ca.Issue("delta leaf");
        var baseCrl = new TestCrl(Ca) { Number = 5 };
        Chain(leaf, baseCrl, new TestCrl(Ca) { Number = 6 }.Delta(5).Revoke(leaf, Revoked)).Failures.ShouldHaveSingleItem().Message.ShouldContain("according to the delta CRL");
        Unknown(Chain(leaf, new TestCrl(Ca) { Number = 6 }.Delta(5).Revoke(leaf, Revoked))).ShouldContain("is a delta CRL, which needs a complete CRL"); // no base
        var held = new TestCrl(Ca) { Number = 5 }.Revoke(leaf, Revoked, reason: 6);
        Chain(leaf, held).Status.ShouldBe(ChainStatus.Invalid);
        Chain(leaf, held, new TestCrl(Ca) { Number = 6 }.Delta(5).Revoke(leaf, Revoked, reason: 8)).Status.ShouldBe(ChainStatus.Complete);
    }

    /// <summary>The message of the path's single failure, which must be an undetermined revocation status.</summary>
    private static string Unknown(ChainResult chain)
    {
        var failure = chain.Failures.ShouldHaveSingleItem();
        failure.Check.ShouldBe(PathCheck.RevocationUnknown);
        return failure.Message;
    }

    [Test]
    public void Crls_covering_some_reasons_settle_the_status_together()
    {
        var leaf = Ca.Issue("reasons leaf");
        var keyCompromiseOnly = new TestCrl(Ca).OnlySomeReasons(0x40);
        Unknown(Chain(leaf, keyCompromiseOnly)).ShouldContain("the usable CRLs cover only some revocation reasons (onlySomeReasons)");
        Chain(leaf, keyCompromiseOnly, new TestCrl(Ca).OnlySomeReasons(0x3F, 0x80)).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Crl_signed_by_another_key_of_the_issuer_with_crl_sign_counts()
    {
        // The CA's CRL-signing certificate: same name, another key, keyUsage cRLSign only, issued by the root.
        var signer = Root.IssueCa("Rev CA", o => o.KeyUsage(System.Security.Cryptography.X509Certificates.X509KeyUsageFlags.CrlSign));
        var leaf = Ca.Issue("rollover leaf");
        var scan = new TestScan().Pem("leaf.pem", leaf, Ca).Pem("signer.pem", signer).Ca(Root)
            .Crl("crl/ca.crl", new TestCrl(Ca) { SignedBy = signer, SignerKeyId = true }.Revoke(leaf, Revoked));
        scan.Build().Chain(leaf).Failures.ShouldHaveSingleItem().Check.ShouldBe(PathCheck.Revoked);
    }

    [Test]
    public void Crl_status_tells_stale_and_unusable_crls()
    {
        var scan = new TestScan().Pem("ca.pem", Ca).Ca(Root)
            .Crl("fresh.crl", new TestCrl(Ca))
            .Crl("stale.crl", new TestCrl(Ca) { NextUpdate = new DateTimeOffset(2026, 5, 2, 0, 0, 0, TimeSpan.Zero) })
            .Crl("forged.crl", new TestCrl(Ca) { SignedBy = Root })
            .Crl("orphan.crl", new TestCrl(TestPki.CreateRoot("Unknown CA")));
        var statuses = scan.Build(anchorsFromScan: false).Crls.ToDictionary(s => s.Crl.Location.File.RelativePath);
        statuses["fresh.crl"].ShouldSatisfyAllConditions(s => s.Stale.ShouldBeFalse(), s => s.Problem.ShouldBeNull());
        statuses["stale.crl"].Stale.ShouldBeTrue();
        statuses["forged.crl"].Problem!.ShouldStartWith("its signature does not verify with the key of CN=Rev CA");
        statuses["orphan.crl"].Problem.ShouldBe("its issuer CN=Unknown CA is not among the certificates found or the trust anchors");
    }

    private const string Policy1 = "1.3.6.1.4.1.55555.10.1";
    private const string Policy2 = "1.3.6.1.4.1.55555.10.2";
    private const string AnyPolicy = "2.5.29.32.0";

    private static ChainResult PolicyChain(Action<CertOptions> ca, Action<CertOptions> leaf, ValidationSettings? validation = null)
    {
        var policyCa = Root.IssueCa("Policy CA", ca);
        var cert = policyCa.Issue("policy leaf", leaf);
        return new TestScan().Pem("leaf.pem", cert, policyCa).Ca(Root).Build(validation: validation).Chain(cert);
    }

    [Test]
    public void Policies_are_optional_unless_required()
    {
        PolicyChain(o => { }, o => { }).Status.ShouldBe(ChainStatus.Complete);
        var required = new ValidationSettings { RequireExplicitPolicy = true };
        PolicyChain(o => o.Extension(Policies(AnyPolicy)), o => o.Extension(Policies(Policy1)), required).Status.ShouldBe(ChainStatus.Complete);
        PolicyChain(o => o.Extension(Policies(AnyPolicy)), o => { }, required).Failures.ShouldHaveSingleItem().Check.ShouldBe(PathCheck.Policy);
    }

    [Test]
    public void User_policy_set_must_meet_the_path_policies()
    {
        var wantOne = new ValidationSettings { RequireExplicitPolicy = true, Policies = [Policy1] };
        PolicyChain(o => o.Extension(Policies(Policy1, Policy2)), o => o.Extension(Policies(Policy1)), wantOne).Status.ShouldBe(ChainStatus.Complete);
        PolicyChain(o => o.Extension(Policies(Policy1, Policy2)), o => o.Extension(Policies(Policy2)), wantOne)
            .Failures.ShouldHaveSingleItem().Message.ShouldContain(Policy1);
        // Without requiring an explicit policy, a mismatch is not a failure (RFC 5280 §6.1.5 (g)).
        PolicyChain(o => o.Extension(Policies(Policy2)), o => o.Extension(Policies(Policy2)), new ValidationSettings { Policies = [Policy1] })
            .Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Policy_constraints_and_mappings_in_the_path_are_honoured()
    {
        PolicyChain(o => o.Extension(Policies(Policy1)).Extension(PolicyConstraints(0, null)), o => { })
            .Failures.ShouldHaveSingleItem().Check.ShouldBe(PathCheck.Policy);
        PolicyChain(o => o.Extension(Policies(Policy1)).Extension(PolicyConstraints(0, null)), o => o.Extension(Policies(Policy1)))
            .Status.ShouldBe(ChainStatus.Complete);
        var mapped = new ValidationSettings { RequireExplicitPolicy = true, Policies = [Policy1] };
        PolicyChain(o => o.Extension(Policies(Policy1)).Extension(PolicyMappings((Policy1, Policy2))), o => o.Extension(Policies(Policy2)), mapped)
            .Status.ShouldBe(ChainStatus.Complete);
        PolicyChain(o => o.Extension(Policies(Policy1)).Extension(PolicyMappings((Policy1, Policy2))), o => o.Extension(Policies(Policy2)),
            new ValidationSettings { RequireExplicitPolicy = true, Policies = [Policy1], InhibitPolicyMapping = true })
            .Status.ShouldBe(ChainStatus.Invalid);
    }

    [Test]
    public void Inhibit_any_policy_stops_any_policy_from_matching()
    {
        var required = new ValidationSettings { RequireExplicitPolicy = true };
        PolicyChain(o => o.Extension(Policies(AnyPolicy)), o => o.Extension(Policies(AnyPolicy)), required).Status.ShouldBe(ChainStatus.Complete);
        PolicyChain(o => o.Extension(Policies(AnyPolicy)).Extension(InhibitAnyPolicy(0)), o => o.Extension(Policies(AnyPolicy)), required)
            .Status.ShouldBe(ChainStatus.Invalid);
        PolicyChain(o => o.Extension(Policies(AnyPolicy)), o => o.Extension(Policies(AnyPolicy)), new ValidationSettings { RequireExplicitPolicy = true, InhibitAnyPolicy = true })
            .Status.ShouldBe(ChainStatus.Invalid);
    }
}
