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
    public void A_code_signing_certificate_is_checked_by_every_rule()
    {
        Checked(Lint(CabfCsFixtures.GoodEv.Build())).ShouldBe(["cabf-cs-eku", "cabf-cs-key-usage", "cabf-cs-rsa-key-size", "cabf-cs-subject-org"]);
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
