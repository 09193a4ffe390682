using System.Security.Cryptography.X509Certificates;
using CertLint.Configuration;
using CertLint.Inventory;
using CertLint.Inventory.Paths;
using CertLint.Tests.Pki;
using static CertLint.Tests.Pki.PathExtensions;

namespace CertLint.Tests.Inventory;

/// <summary>RFC 5280 §6.1 checks other than name constraints, through the inventory: each firing and not firing.</summary>
public sealed class PathValidationTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("Path Root");

    private static PathProblem Single(ChainResult chain, PathCheck check)
    {
        chain.Status.ShouldBe(ChainStatus.Invalid);
        var failure = chain.Failures.ShouldHaveSingleItem();
        failure.Check.ShouldBe(check);
        return failure;
    }

    private static ChainResult Chain(TestCertificate leaf, params TestCertificate[] intermediates) =>
        new TestScan().Pem("leaf.pem", [leaf, .. intermediates]).Ca(Root).Build().Chain(leaf);

    [Test]
    public void Unknown_critical_extension_fails_the_path_anywhere_but_a_non_critical_one_does_not()
    {
        var ca = Root.IssueCa("Plain CA");
        Chain(ca.Issue("ok", o => o.Extension(Private("1.3.6.1.4.1.55555.1", critical: false))), ca).Status.ShouldBe(ChainStatus.Complete);
        Single(Chain(ca.Issue("leaf", o => o.Extension(Private("1.3.6.1.4.1.55555.1", critical: true))), ca), PathCheck.UnknownCriticalExtension)
            .Message.ShouldBe("CN=leaf has critical extension 1.3.6.1.4.1.55555.1, which CertLint does not process (RFC 5280 §4.2: the path must be rejected)");
        var odd = Root.IssueCa("Odd CA", o => o.Extension(Private("1.3.6.1.4.1.55555.2", critical: true)));
        var failure = Single(Chain(odd.Issue("leaf2"), odd), PathCheck.UnknownCriticalExtension);
        failure.Position.ShouldBe(1);
        failure.Certificate.Subject.Text.ShouldBe("CN=Odd CA");
    }

    [Test]
    public void Critical_ocsp_nocheck_is_processed_on_the_leaf_and_on_a_ca()
    {
        // OpenSSL's verify suite, "accept critical OCSP No Check" (session 36): RFC 6960's NULL extension constrains no
        // path, so marking it critical is no unknown critical extension; one beside it still fails the path alone.
        var noCheck = new X509Extension(CertLint.Model.Oids.OcspNoCheck, [0x05, 0x00], critical: true);
        var ca = Root.IssueCa("Plain CA");
        var leaf = ca.Issue("responder", o => o.Extension(noCheck));
        var chain = Chain(leaf, ca);
        chain.Status.ShouldBe(ChainStatus.Complete);
        chain.Failures.ShouldBeEmpty();
        var odd = Root.IssueCa("NoCheck CA", o => o.Extension(noCheck));
        Chain(odd.Issue("leaf2"), odd).Status.ShouldBe(ChainStatus.Complete);
        Single(Chain(ca.Issue("both", o => o.Extension(noCheck).Extension(Private("1.3.6.1.4.1.55555.1", critical: true))), ca),
                PathCheck.UnknownCriticalExtension)
            .Message.ShouldBe("CN=both has critical extension 1.3.6.1.4.1.55555.1, which CertLint does not process (RFC 5280 §4.2: the path must be rejected)");

        var inventory = new TestScan().Pem("responder.pem", leaf, ca).Ca(Root).Build();
        var findings = CertLint.Rules.Evaluation.RuleEvaluator.Evaluate(inventory, BuiltInRules.BuiltInRuleRunner.Catalog.InForce,
                CertLint.Core.Tests.Rules.RuleTestKit.Context(inventory)).Findings
            .Where(f => f.Severity >= CertLint.Findings.Severity.Warning)
            .Select(f => $"{f.Rule.Name}@{f.Subject.Location.File.RelativePath}:{f.Subject.Location.StartLine}").Order(StringComparer.Ordinal);
        findings.ShouldBe(["eku-missing@responder.pem:1"]); // the leaf has no EKU; no unknown-critical-extension
    }

    [Test]
    public void Undecodable_authority_info_access_or_subject_key_identifier_fails_the_path_where_it_is()
    {
        var ca = Root.IssueCa("Plain CA");
        var aia = new X509Extension("1.3.6.1.5.5.7.1.1", "malformed"u8.ToArray(), false);
        Single(Chain(ca.Issue("leaf", o => o.Extension(aia)), ca), PathCheck.Malformed)
            .Message.ShouldBe("CN=leaf: extension authorityInfoAccess cannot be decoded");
        var ski = new X509Extension("2.5.29.14", [0x30, 0x00], false); // a SEQUENCE where an OCTET STRING belongs
        var failure = Single(Chain(ca.Issue("leaf2", o => o.NoSubjectKeyIdentifier().Extension(ski)), ca), PathCheck.Malformed);
        failure.Message.ShouldBe("CN=leaf2: extension subjectKeyIdentifier cannot be decoded");
        failure.Position.ShouldBe(0);
        var odd = Root.IssueCa("Odd CA", o => o.Extension(aia));
        Single(Chain(odd.Issue("leaf3"), odd), PathCheck.Malformed).Position.ShouldBe(1);
        // A well-formed one passes as before.
        var good = new X509Extension("1.3.6.1.5.5.7.1.1", Convert.FromHexString("3023302106082B060105050730028615687474703A2F2F63612E746573742F63612E636572"), false);
        Chain(ca.Issue("leaf4", o => o.Extension(good)), ca).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Issuer_must_be_a_ca_with_key_cert_sign()
    {
        var notCa = Root.IssueCa("Not CA", o => o.NotCa().NoKeyUsage());
        Single(Chain(notCa.Issue("leaf"), notCa), PathCheck.IssuerNotCa).Message.ShouldBe("issuer CN=Not CA is not a CA (basicConstraints cA is not TRUE)");
        var noSign = Root.IssueCa("No Sign CA", o => o.KeyUsage(X509KeyUsageFlags.CrlSign));
        Single(Chain(noSign.Issue("leaf"), noSign), PathCheck.IssuerNotCa).Message.ShouldBe("issuer CN=No Sign CA keyUsage lacks keyCertSign");
        var noKu = Root.IssueCa("No KU CA", o => o.NoKeyUsage());
        Chain(noKu.Issue("leaf"), noKu).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Path_length_counts_intermediates_but_not_self_issued_ones()
    {
        var ca = Root.IssueCa("CN=Len CA,O=Acme", o => o.Ca(pathLength: 0));
        var rollover = ca.IssueCa("CN=Len CA,O=Acme"); // self-issued (key rollover)
        Chain(rollover.Issue("leaf"), rollover, ca).Status.ShouldBe(ChainStatus.Complete);
        var sub = ca.IssueCa("Sub CA");
        Single(Chain(sub.Issue("leaf"), sub, ca), PathCheck.PathLength).Message.ShouldContain("issuer CN=Len CA,O=Acme allows 0 intermediate CA(s)");
    }

    [Test]
    public void Expired_intermediate_fails_the_path_at_its_position_and_inclusive_bounds_hold()
    {
        var end = new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var ca = Root.IssueCa("Short CA", o => o.Valid(TestPki.DefaultNotBefore, end));
        var leaf = ca.Issue("leaf");
        var scan = new TestScan().Pem("leaf.pem", leaf, ca).Ca(Root);
        scan.Build(now: end).Chain(leaf).Status.ShouldBe(ChainStatus.Complete); // valid at exactly notAfter (RFC 5280 §4.1.2.5)
        var failure = Single(scan.Build(now: end.AddSeconds(1)).Chain(leaf), PathCheck.Validity);
        failure.Message.ShouldBe("issuer CN=Short CA expired on 2026-06-01 00:00:00Z");
        failure.Position.ShouldBe(1);
        scan.Build(now: TestPki.DefaultNotBefore).Chain(leaf).Status.ShouldBe(ChainStatus.Complete); // and at exactly notBefore
    }

    [Test]
    public void Backtracking_prefers_the_renewed_intermediate_over_the_expired_one_with_the_same_key()
    {
        var key = TestKey.Create(TestKeyType.EcP256);
        var expired = Root.IssueCa("Renewed CA", o => o.WithKey(key).Valid(TestPki.DefaultNotBefore, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var renewed = Root.IssueCa("Renewed CA", o => o.WithKey(key).Valid(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), TestPki.DefaultNotAfter));
        var leaf = expired.Issue("leaf");
        var inventory = new TestScan().Pem("leaf.pem", leaf).Pem("a-old.pem", expired).Pem("b-new.pem", renewed).Ca(Root).Build();
        var chain = inventory.Chain(leaf);
        chain.Status.ShouldBe(ChainStatus.Complete);
        chain.Path[1].Sha256.ShouldBe(renewed.Sha256);
    }

    [Test]
    public void Backtracking_skips_a_cross_sign_whose_constraints_fail_for_one_that_passes()
    {
        var otherRoot = TestPki.CreateRoot("Other Root");
        var key = TestKey.Create(TestKeyType.EcP256);
        var constrained = otherRoot.IssueCa("Cross CA", o => o.WithKey(key).Extension(NameConstraints(["dns:nowhere.test"])));
        var open = Root.IssueCa("Cross CA", o => o.WithKey(key));
        var leaf = open.Issue("leaf", o => o.Dns("www.example.com"));
        var inventory = new TestScan().Pem("leaf.pem", leaf).Pem("a.pem", constrained).Pem("b.pem", open).Ca(Root, otherRoot).Build();
        inventory.Chain(leaf).Status.ShouldBe(ChainStatus.Complete);
        inventory.Chain(leaf).Path[1].Sha256.ShouldBe(open.Sha256);

        var only = new TestScan().Pem("leaf.pem", leaf).Pem("a.pem", constrained).Ca(otherRoot).Build().Chain(leaf);
        Single(only, PathCheck.NameConstraints); // the reason from the best failed path
    }

    [Test]
    public void Maximum_depth_is_configurable()
    {
        var ca1 = Root.IssueCa("Depth 1");
        var ca2 = ca1.IssueCa("Depth 2");
        var leaf = ca2.Issue("leaf");
        var scan = new TestScan().Pem("leaf.pem", leaf, ca2, ca1).Ca(Root);
        scan.Build(validation: new ValidationSettings { MaxChainDepth = 2 }).Chain(leaf).Status.ShouldBe(ChainStatus.Complete);
        Single(scan.Build(validation: new ValidationSettings { MaxChainDepth = 1 }).Chain(leaf), PathCheck.Depth)
            .Message.ShouldBe("no trust anchor within 1 intermediate certificate(s) (validation.maxChainDepth / --max-chain-depth)");
    }

    [Test]
    public void Named_anchors_are_exclusive_unless_from_scan_is_set()
    {
        var scannedRoot = TestPki.CreateRoot("Scanned Root");
        var leaf = scannedRoot.Issue("leaf");
        var scan = new TestScan().Pem("leaf.pem", leaf).Pem("root.pem", scannedRoot).Ca(Root);
        scan.Build(anchorsFromScan: false).Chain(leaf).Status.ShouldBe(ChainStatus.Incomplete);
        scan.Build(anchorsFromScan: true).Chain(leaf).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Anchor_path_length_and_ca_flag_count()
    {
        var strict = TestPki.CreateRoot("Strict Anchor", o => o.Ca(pathLength: 0));
        var ca = strict.IssueCa("Under Strict");
        var leaf = ca.Issue("leaf");
        Single(new TestScan().Pem("leaf.pem", leaf, ca).Ca(strict).Build().Chain(leaf), PathCheck.PathLength);
        var direct = strict.Issue("direct");
        new TestScan().Pem("direct.pem", direct).Ca(strict).Build().Chain(direct).Status.ShouldBe(ChainStatus.Complete);
    }

    [Test]
    public void Eku_of_an_intermediate_restricts_the_path_chosen_for_a_server_leaf()
    {
        var key = TestKey.Create(TestKeyType.EcP256);
        var clientOnly = Root.IssueCa("EKU CA", o => o.WithKey(key).Eku("1.3.6.1.5.5.7.3.2"));
        var serverToo = Root.IssueCa("EKU CA", o => o.WithKey(key).Eku("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"));
        var leaf = clientOnly.Issue("www", o => o.ServerAuth());
        var inventory = new TestScan().Pem("server/www.pem", leaf).Pem("a.pem", clientOnly).Pem("b.pem", serverToo).Ca(Root).Build();
        var chain = inventory.Chain(leaf);
        chain.Status.ShouldBe(ChainStatus.Complete);
        chain.Path[1].Sha256.ShouldBe(serverToo.Sha256);
        Single(new TestScan().Pem("server/www.pem", leaf).Pem("a.pem", clientOnly).Ca(Root).Build().Chain(leaf), PathCheck.Eku);
    }
}
