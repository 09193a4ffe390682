using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// Requirements BR 1.7.1 (effective 2020-08-20) changed, judged on both sides of that day through the engine: DSA keys
/// (allowed before, forbidden from then) and a subordinate CA's authorityInformationAccess (MUST before, SHOULD from
/// then); each certificate gets exactly one of the two rules' findings, or none.
/// </summary>
public sealed class BrVersionPeriodTests
{
    private static readonly string[] KeyRules = ["cabf-key-algorithm", "cabf-dsa-prohibited"];
    private static readonly string[] AiaRules = ["cabf-sub-ca-aia-missing", "cabf-sub-ca-aia-recommended"];

    [TestCase(2012, 7, 1, new string[0])]
    [TestCase(2020, 8, 19, new string[0])]
    [TestCase(2020, 8, 20, new[] { "cabf-dsa-prohibited" })]
    [TestCase(2025, 12, 1, new[] { "cabf-dsa-prohibited" })]
    public void A_dsa_key_is_reported_only_from_br_1_7_1(int year, int month, int day, string[] expected) =>
        CabfBrLeafLint.Findings(CabfBrFixtures.DsaLeaf(year, month, day)(), KeyRules).Select(f => f.Rule.Name).ShouldBe(expected);

    [TestCase(2019, 6, 1, "cabf-sub-ca-aia-missing", "Error")]
    [TestCase(2020, 8, 19, "cabf-sub-ca-aia-missing", "Error")]
    [TestCase(2020, 8, 20, "cabf-sub-ca-aia-recommended", "Warning")]
    [TestCase(2025, 12, 1, "cabf-sub-ca-aia-recommended", "Warning")]
    public void A_subordinate_ca_without_aia_is_an_error_before_br_1_7_1_and_a_warning_from_it(int year, int month, int day, string rule, string severity) =>
        CabfBrLeafLint.Findings(CabfBrFixtures.SubCaWithoutAia(year, month, day)(), AiaRules).Select(f => (f.Rule.Name, f.Severity.ToString()))
            .ShouldBe([(rule, severity)]);

    [Test]
    public void Cabf_san_name_type_names_the_forbidden_entry_not_the_permitted_ones()
    {
        var leaf = CabfBrFixtures.Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(
            Gn.Dns("www.example.com"), Gn.Ip(192, 0, 2, 1), Gn.Email("admin@example.com"), Gn.Dns("example.com"))))();
        CabfBrLeafLint.Findings(leaf, "cabf-san-name-type").Select(f => f.Message).ShouldBe([
            "CN=www.example.com has a subjectAltName entry that is neither a dNSName nor an iPAddress (email: admin@example.com): a TLS subscriber certificate names only domains and IP addresses."]);
    }
}
