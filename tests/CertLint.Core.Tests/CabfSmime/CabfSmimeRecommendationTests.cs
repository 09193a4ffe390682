using CertLint.Findings;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.CabfSmime.CabfSmimeLint;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// The authorityInformationAccess SHOULDs of S/MIME BR §7.1.2.3(c) and the attribute value requirements of §7.1.4.2 and
/// §7.1.4.2.2(d), through the engine with the pack on: each defect is exactly one finding, at the severity the BR's
/// verb gives it.
/// </summary>
public sealed class CabfSmimeRecommendationTests
{
    [Test]
    public void A_certificate_without_aia_is_one_warning_not_also_a_missing_caIssuers()
    {
        var result = Run(CabfSmimeFixtures.Leaf(b => b.Remove(Oids.AuthorityInfoAccess)));

        PackFindings(result).ShouldBe(["smime-aia-missing"]);
        result.Findings.Single(f => f.Rule.Name == "smime-aia-missing").Severity.ShouldBe(Severity.Warning);
    }

    [Test]
    public void An_ocsp_only_aia_is_one_warning()
    {
        var result = Run(CabfSmimeFixtures.Leaf(b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess((Oids.AccessOcsp, Gn.Uri("http://ocsp.example.com"))))));

        PackFindings(result).ShouldBe(["smime-aia-ca-issuers-missing"]);
        result.Findings.Single(f => f.Rule.Name == "smime-aia-ca-issuers-missing").Severity.ShouldBe(Severity.Warning);
    }

    [Test]
    public void A_legacy_caIssuers_over_ldap_only_is_the_legacy_http_rule_alone()
    {
        // The caIssuers method is there (the SHOULD holds); its URI scheme is the Legacy SHALL's (pkilint's
        // cabf.aia_ca_issuers_has_no_http_uri).
        var leaf = CabfSmimeFixtures.Leaf(CabfSmimeFixtures.Policy(CabfSmimeFixtures.MailboxLegacy),
            b => { b.NotBefore = Time(new DateTimeOffset(2024, 3, 1, 0, 0, 0, TimeSpan.Zero)); b.NotAfter = Time(new DateTimeOffset(2025, 3, 1, 0, 0, 0, TimeSpan.Zero)); },
            b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess((Oids.AccessOcsp, Gn.Uri("http://ocsp.example.com")), (Oids.AccessCaIssuers, Gn.Uri("ldap://ldap.example.com/cn=CA")))));

        PackFindings(leaf).ShouldBe(["smime-aia-no-http-legacy"]);
    }

    [TestCase("-")]
    [TestCase(" ")]
    [TestCase("...")]
    [TestCase("\u00a0")]
    public void A_placeholder_serialNumber_is_one_finding(string value) =>
        PackFindings(SerialNumberLeaf(value)).ShouldBe(["smime-subject-metadata-value"]);

    [TestCase("1")]
    [TestCase("+")]
    [TestCase("é")]
    public void A_serialNumber_with_a_letter_digit_or_symbol_passes(string value) =>
        PackFindings(SerialNumberLeaf(value)).ShouldBeEmpty();

    [TestCase(TeletexString, "smime-organization-identifier-encoding")]
    [TestCase(BmpString, "smime-organization-identifier-encoding")]
    [TestCase(PrintableString, null)]
    [TestCase(Utf8String, null)]
    public void An_organization_identifier_is_judged_by_its_string_type_alone(byte tag, string? rule) =>
        PackFindings(CabfSmimeFixtures.Leaf(CabfSmimeFixtures.OrganizationIdentifierAs(tag))).ShouldBe(rule is null ? [] : [rule]);

    /// <summary>A Mailbox-validated Strict leaf whose subject is this serialNumber and the mailbox commonName.</summary>
    private static Func<TestCertificate[]> SerialNumberLeaf(string value) =>
        CabfSmimeFixtures.Leaf(CabfSmimeFixtures.Subject(CabfSmimeFixtures.MailboxStrict, (Oids.SerialNumber, value), (Oids.CommonName, CabfSmimeFixtures.Mailbox)));

    [Test]
    public void The_messages_name_the_attribute_that_failed()
    {
        var metadata = Run(SerialNumberLeaf("-")).Findings.Single(f => f.Rule.Name == "smime-subject-metadata-value");
        var encoding = Run(CabfSmimeFixtures.Leaf(CabfSmimeFixtures.OrganizationIdentifierAs(TeletexString))).Findings
            .Single(f => f.Rule.Name == "smime-organization-identifier-encoding");

        metadata.Message.ShouldContain("(-)");
        encoding.Message.ShouldContain("(NTRGB-12345678) encoded as teletexString");
    }
}

