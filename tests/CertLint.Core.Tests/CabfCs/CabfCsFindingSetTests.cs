using CertLint.Engine;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.CabfCs;

/// <summary>
/// The cabf-cs pack through the engine: the exact set of cabf-cs findings on each fixture of <see cref="CabfCsFixtures"/>
/// and the pack's scope (code signing or timestamping EKU, or a Code Signing BR policy).
/// </summary>
public sealed class CabfCsFindingSetTests
{
    private static LintResult Lint(TestCertificate[] chain) => PackChainLint.Run(chain, "cabf-cs");

    /// <summary>cabf-cs findings on the certificate under test (the first of the chain file).</summary>
    private static string[] Findings(LintResult result) => PackChainLint.FirstFindings(result, "cabf-cs");

    private static string[] Checked(LintResult result) => PackChainLint.Checked(result, "cabf-cs");

    public static IEnumerable<CabfCsFixtures.Case> Cases => CabfCsFixtures.AllCases;

    [TestCaseSource(nameof(Cases))]
    public void Yields_exactly_its_findings(CabfCsFixtures.Case fixture) =>
        Findings(Lint(fixture.Build())).ShouldBe([.. fixture.Findings.Order(StringComparer.Ordinal)]);

    [Test]
    public void An_ev_code_signing_certificate_is_checked_by_the_rules_for_ev_rsa_certificates() =>
        Checked(Lint(CabfCsFixtures.GoodEv.Build())).ShouldBe([
            "cabf-cs-aia", "cabf-cs-aia-ca-issuers", "cabf-cs-aia-ocsp-http", "cabf-cs-crldp", "cabf-cs-eku", "cabf-cs-ev-subject-org-length",
            "cabf-cs-key-usage", "cabf-cs-policies-critical", "cabf-cs-rsa-key-size", "cabf-cs-serial-number", "cabf-cs-signature-algorithm",
            "cabf-cs-subject-dc", "cabf-cs-subject-org", "cabf-cs-validity-39-months",
        ]);

    [Test]
    public void A_non_ev_code_signing_certificate_is_checked_by_the_rules_for_non_ev_ec_certificates() =>
        Checked(Lint(CabfCsFixtures.Good.Build())).ShouldBe([
            "cabf-cs-aia", "cabf-cs-aia-ca-issuers", "cabf-cs-aia-ocsp-http", "cabf-cs-crldp", "cabf-cs-ec-curve", "cabf-cs-eku",
            "cabf-cs-key-usage", "cabf-cs-policies-critical", "cabf-cs-serial-number", "cabf-cs-signature-algorithm", "cabf-cs-subject-country", "cabf-cs-subject-dc",
            "cabf-cs-subject-locality", "cabf-cs-subject-org", "cabf-cs-validity-39-months",
        ]);

    [Test]
    public void A_timestamp_certificate_is_checked_by_the_extension_key_serial_and_timestamp_rules() =>
        Checked(Lint(CabfCsFixtures.GoodTimestamp.Build())).ShouldBe([
            "cabf-cs-aia", "cabf-cs-aia-ca-issuers", "cabf-cs-aia-ocsp-http", "cabf-cs-crldp", "cabf-cs-ec-curve", "cabf-cs-policies-critical",
            "cabf-cs-serial-number", "cabf-cs-timestamp-eku", "cabf-cs-timestamp-signature-algorithm", "cabf-cs-timestamp-validity-135-months",
        ]);

    [Test]
    public void A_subordinate_ca_is_checked_by_the_subordinate_ca_rules_alone() =>
        Checked(Lint(CabfCsFixtures.GoodSubCa.Build())).ShouldBe([
            "cabf-cs-policies-critical", "cabf-cs-subca-aia", "cabf-cs-subca-crldp", "cabf-cs-subca-eku", "cabf-cs-subca-eku-critical",
            "cabf-cs-subca-policies",
        ]);

    [Test]
    public void A_root_asserting_a_code_signing_policy_is_checked_by_the_root_rules_alone() =>
        Checked(Lint(CabfCsFixtures.RootWithPolicy.Build())).ShouldBe(["cabf-cs-root-eku", "cabf-cs-root-pathlen", "cabf-cs-root-policies"]);

    [Test]
    public void Every_rule_of_the_pack_checks_some_fixture()
    {
        var rules = Directory.GetFiles(Path.Combine(PackFixtureFiles.RepoRoot(), "rules", "cabf-cs"), "cabf-cs-*.yml")
            .Select(f => Path.GetFileNameWithoutExtension(f)).Order(StringComparer.Ordinal);
        CabfCsFixtures.AllCases.SelectMany(c => Checked(Lint(c.Build()))).Distinct().Order(StringComparer.Ordinal).ShouldBe(rules);
    }

    [Test]
    public void A_tls_certificate_is_outside_the_pack()
    {
        var root = RawCertificateBuilder.Ca("CertLint CS Root", null).Build();
        var leaf = RawCertificateBuilder.Leaf("plain.example.com", root)
            .Set(Oids.ExtendedKeyUsage, Ext.Eku(CabfCsFixtures.ServerAuth)).Build();
        Checked(Lint([leaf, root])).ShouldBeEmpty();
    }
}
