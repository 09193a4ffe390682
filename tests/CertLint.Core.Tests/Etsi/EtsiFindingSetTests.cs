using CertLint.Engine;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.Etsi;

/// <summary>
/// The etsi pack through the engine: the exact set of etsi findings on each fixture of <see cref="EtsiFixtures"/>
/// (one finding per defect), the pack's scope (certificates with a qcStatements extension), and an undecodable
/// qcStatements extension, which is one `asn1-malformed` finding and leaves every etsi rule not applicable.
/// </summary>
public sealed class EtsiFindingSetTests
{
    private static LintResult Lint(TestCertificate[] chain, params string[] packs) => PackChainLint.Run(chain, packs.Length == 0 ? ["etsi"] : packs);

    /// <summary>Findings on the certificate under test (the first of the chain file) of the given packs.</summary>
    private static string[] Findings(LintResult result, params string[] packs) => PackChainLint.FirstFindings(result, packs);

    private static string[] Checked(LintResult result) => PackChainLint.Checked(result, "etsi");

    public static IEnumerable<EtsiFixtures.Case> Cases => EtsiFixtures.AllCases;

    [TestCaseSource(nameof(Cases))]
    public void Yields_exactly_its_findings(EtsiFixtures.Case fixture) =>
        Findings(Lint(fixture.Build()), "etsi").ShouldBe([.. fixture.Findings.Order(StringComparer.Ordinal)]);

    [Test]
    public void A_qwac_is_checked_by_every_rule_but_the_absent_statements_ones()
    {
        var result = Lint(EtsiFixtures.Good.Build());
        Checked(result).ShouldBe([
            "etsi-qc-compliance-form", "etsi-qc-compliance-missing", "etsi-qc-pds-form", "etsi-qc-pds-https", "etsi-qc-pds-language-case",
            "etsi-qc-pds-language-code", "etsi-qc-type-as-statement", "etsi-qc-type-form", "etsi-qc-type-one-only", "etsi-qcs-critical",
        ]);
    }

    [Test]
    public void A_certificate_without_qcStatements_is_outside_the_pack()
    {
        var root = RawCertificateBuilder.Ca("CertLint ETSI Root", null).Build();
        var leaf = RawCertificateBuilder.Leaf("plain.example.com", root).Build();
        var result = Lint([leaf, root]);
        Findings(result, "etsi").ShouldBeEmpty();
        Checked(result).ShouldBeEmpty();
    }

    [Test]
    public void An_undecodable_qcStatements_is_one_asn1_malformed_finding_and_no_etsi_one()
    {
        var root = RawCertificateBuilder.Ca("CertLint ETSI Root", null).Build();
        // A QCStatement whose statementId is an INTEGER: RFC 3739's outer syntax is broken, not an ETSI statement's.
        var leaf = RawCertificateBuilder.Leaf("qc.example.com", root).Set(EtsiFixtures.QcStatements, Seq(Seq(Int(1))), critical: true).Build();
        var result = Lint([leaf, root], "etsi", "rfc5280");
        Findings(result, "etsi").ShouldBeEmpty();
        result.Findings.Count(f => f.Rule.Name == "asn1-malformed" && f.Subject.Location.StartLine == 1).ShouldBe(1);
        // Critical, but whether it holds ETSI statements cannot be known: the criticality rule is not applicable either.
        Checked(result).ShouldBeEmpty();
    }

    [Test]
    public void More_statements_than_the_decoder_reads_is_one_asn1_malformed_finding()
    {
        var result = Lint(EtsiFixtures.TooManyStatements.Build(), "etsi", "rfc5280");
        Findings(result, "etsi").ShouldBeEmpty();
        result.Findings.Count(f => f.Rule.Name == "asn1-malformed" && f.Subject.Location.StartLine == 1).ShouldBe(1);
        Checked(result).ShouldBeEmpty();
    }
}
