using CertLint.Engine;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// The Baseline Requirements govern TLS server certificates (BR §1.1): a certificate whose extendedKeyUsage lists
/// neither serverAuth nor anyExtendedKeyUsage is outside them, and every BR rule of the pack skips it as not applicable
/// (zlint does the same for all its BR lints, util.IsServerAuthCert). The scope is the pack's (rules/cabf-br/pack.yml),
/// so the framework decides it for every rule of the pack, the EV Guidelines rules included (an EV TLS certificate is a
/// serverAuth certificate).
/// </summary>
public sealed class ServerAuthScopeTests
{
    internal static LintResult Lint(TestCertificate[] chain) => PackChainLint.Run(chain, "cabf-br");

    /// <summary>The pack's findings on the certificate under test: the first of the chain file (the fixtures' issuers follow it).</summary>
    internal static string[] CabfFindings(LintResult result) => PackChainLint.FirstFindings(result, "cabf-br");

    [Test]
    public void A_subordinate_ca_for_client_and_email_is_outside_the_brs()
    {
        var result = Lint(CabfBrFixtures.SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ClientAuth, CabfBrFixtures.EmailProtection)))());

        CabfFindings(result).ShouldBeEmpty();
        result.Checks.Any(c => c.Rule.Name == "cabf-sub-ca-eku-invalid").ShouldBeFalse();
    }

    [Test]
    public void The_same_ca_with_server_auth_mixes_tls_with_email()
    {
        var result = Lint(CabfBrFixtures.SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, CabfBrFixtures.EmailProtection)))());

        // The fixtures' issuing CA has no digitalSignature key usage: a note, in scope like every BR rule.
        CabfFindings(result).ShouldBe(["cabf-ca-ku-digital-signature", "cabf-sub-ca-eku-invalid"]);
    }

    [TestCase(new[] { CabfBrFixtures.EmailProtection }, new string[0])]
    [TestCase(new[] { Oids.ClientAuth }, new string[0])]
    [TestCase(new[] { Oids.ServerAuth }, new[] { "cabf-sub-ski-present", "cabf-subject-cn-not-recommended", "cabf-validity-398" })]
    [TestCase(new[] { Oids.AnyEku }, new[] { "cabf-eku-any", "cabf-sub-ski-present", "cabf-subject-cn-not-recommended", "cabf-validity-398" })]
    [TestCase(null, new[] { "cabf-eku-missing", "cabf-sub-ski-present", "cabf-subject-cn-not-recommended", "cabf-validity-398" })]
    public void A_leaf_valid_for_500_days_is_judged_only_when_its_eku_allows_tls(string[]? eku, string[] expected)
    {
        var result = Lint(CabfBrFixtures.Leaf(b =>
        {
            CabfBrFixtures.ValidFor(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(500))(b);
            if (eku is null) b.Remove(Oids.ExtendedKeyUsage);
            else b.Set(Oids.ExtendedKeyUsage, Ext.Eku(eku));
        })());

        CabfFindings(result).ShouldBe(expected);
    }

    /// <summary>The pack's rules that were checked on the certificate under test.</summary>
    private static string[] CabfChecks(LintResult result) =>
        [.. result.Checks.Where(c => c.Rule.Pack == "cabf-br" && c.Subject.Location.StartLine == 1).Select(c => c.Rule.Name).Distinct().Order(StringComparer.Ordinal)];

    [TestCase(true)]
    [TestCase(false)]
    public void No_rule_of_the_pack_checks_a_certificate_outside_the_scope(bool ca)
    {
        Action<RawCertificateBuilder> clientOnly = b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ClientAuth));
        var outside = Lint((ca ? CabfBrFixtures.SubCa(clientOnly) : CabfBrFixtures.Leaf(clientOnly))());
        var inside = Lint((ca ? CabfBrFixtures.SubCa() : CabfBrFixtures.Leaf())());

        CabfChecks(outside).ShouldBeEmpty();
        CabfFindings(outside).ShouldBeEmpty();
        // The same certificate with serverAuth is checked by the pack (so the empty list above is the scope's doing).
        CabfChecks(inside).Length.ShouldBeGreaterThan(20);
    }

    [Test]
    public void A_subscriber_certificate_with_any_policy_is_judged_only_in_scope()
    {
        Action<RawCertificateBuilder> anyPolicy = b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy("2.5.29.32.0")));

        CabfFindings(Lint(CabfBrFixtures.Leaf(anyPolicy)())).ShouldContain("cabf-sub-any-policy");
        CabfFindings(Lint(CabfBrFixtures.Leaf(b =>
        {
            anyPolicy(b);
            b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ClientAuth));
        })())).ShouldBeEmpty();
    }

    [Test]
    public void An_ev_policy_on_a_code_signing_certificate_is_not_an_ev_tls_certificate()
    {
        // A subject without the EV Guidelines' organization attributes: every EV subject rule would fire in scope.
        Action<RawCertificateBuilder> ev = b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy("2.23.140.1.1")));

        CabfFindings(Lint(CabfBrFixtures.Leaf(ev)())).ShouldContain(n => n.StartsWith("cabf-ev-", StringComparison.Ordinal));
        CabfFindings(Lint(CabfBrFixtures.Leaf(b =>
        {
            ev(b);
            b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.CodeSigning));
        })())).ShouldBeEmpty();
    }

    [Test]
    public void An_ocsp_responder_is_judged_by_the_responder_profile_alone()
    {
        // id-kp-OCSPSigning alone is outside the serverAuth scope; the responder rules say packScope: false (BR §7.1.2.8).
        var responderRules = new[] { "cabf-ocsp-aia-present", "cabf-ocsp-ca", "cabf-ocsp-crldp", "cabf-ocsp-eku-extra", "cabf-ocsp-extension-unknown", "cabf-ocsp-ku", "cabf-ocsp-ku-missing", "cabf-ocsp-name-constraints", "cabf-ocsp-nocheck-missing", "cabf-ocsp-policies", "cabf-ocsp-san", "cabf-ocsp-subject-attribute-unknown" };
        var conformant = Lint(CabfBrFixtures.Responder()());
        var faulty = Lint(CabfBrFixtures.Responder(b =>
        {
            b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(Ext.DistributionPoint([Gn.Uri("http://crl.example.com/issuing.crl")])));
            b.Remove(Oids.OcspNoCheck);
        })());

        CabfChecks(conformant).ShouldBe(responderRules);
        CabfFindings(conformant).ShouldBeEmpty();
        CabfFindings(faulty).ShouldBe(["cabf-ocsp-crldp", "cabf-ocsp-nocheck-missing"]);
    }

    [Test]
    public void The_scope_is_written_once_in_the_pack_manifest()
    {
        // One source: a rule file that repeated the condition would hide a forgotten one (as cabf-sub-any-policy's was).
        var folder = Path.Combine(Samples.RepoRoot, "rules", "cabf-br");
        var repeating = Directory.GetFiles(folder, "*.yml")
            .Where(f => Path.GetFileName(f) != "pack.yml" && File.ReadAllText(f).Contains("eku.serverAuthScope", StringComparison.Ordinal))
            .Select(Path.GetFileName).ToArray();

        repeating.ShouldBeEmpty();
        File.ReadAllText(Path.Combine(folder, "pack.yml")).ShouldContain("match: { field: eku.serverAuthScope, equals: true }");
    }
}

