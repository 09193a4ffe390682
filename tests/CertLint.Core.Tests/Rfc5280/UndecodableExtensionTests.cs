using CertLint.Tests.CabfBr;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.Rfc5280;

/// <summary>
/// One defect, one finding: an extension CertLint cannot decode is `asn1-malformed`'s finding, and the rules that judge
/// that extension's decoded value (its bits, names, flags) are not applicable to the certificate. Before, its absent
/// fields failed their assertions: a keyUsage with a trailing octet was also "no bit set" and "keyCertSign without cA".
/// </summary>
public sealed class UndecodableExtensionTests
{
    private static string[] Findings(Action<RawCertificateBuilder> change) =>
        ProfileTableRuleTests.Findings(CabfBrFixtures.Leaf(change)());

    private static string[] WithLeafBase(params string[] rules) =>
        [.. ProfileTableRuleTests.LeafBase.Concat(rules).Order(StringComparer.Ordinal)];

    [Test]
    public void A_key_usage_with_a_trailing_octet_is_one_finding()
    {
        // The BIT STRING (digitalSignature) is followed by one more octet inside extnValue.
        Findings(b => b.Set(Oids.KeyUsage, [.. Ext.KeyUsage(Ext.DigitalSignature), 0x41], critical: true))
            .ShouldBe(WithLeafBase("asn1-malformed"));
    }

    [Test]
    public void Undecodable_basic_constraints_and_subject_alt_name_are_one_finding_each()
    {
        Findings(b => b.Set(Oids.BasicConstraints, [.. Ext.BasicConstraints(null), 0x00], critical: true))
            .ShouldBe(WithLeafBase("asn1-malformed"));
        Findings(b => b.Set(Oids.SubjectAltName, [.. Ext.GeneralNames(Gn.Dns("www.example.com")), 0x05, 0x00]))
            .ShouldBe(WithLeafBase("asn1-malformed"));
    }

    [Test]
    public void Rules_on_presence_and_criticality_still_judge_an_undecodable_extension()
    {
        // keyUsage.critical does not need the value: the BR's and RFC 5280's criticality rules still report it.
        Findings(b => b.Set(Oids.KeyUsage, [.. Ext.KeyUsage(Ext.DigitalSignature), 0x41]))
            .ShouldBe(WithLeafBase("asn1-malformed", "cabf-sub-ku-not-critical", "key-usage-not-critical"));
    }
}
