using CertLint.Engine;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// The S/MIME BR govern subscriber certificates that assert a reserved S/MIME policy 2.23.140.1.5.V.G (S/MIME BR
/// §7.1.6.1; zlint's util.IsSMIMEBRCertificate and IsSubscriberCert): the pack's scope (rules/cabf-smime/pack.yml)
/// decides it once for every rule. Also the pack's effective date, 2023-09-01, and exact finding sets through the engine.
/// </summary>
public sealed class CabfSmimeScopeTests
{
    private static LintResult Lint(TestCertificate[] chain) => PackChainLint.Run(chain, "cabf-smime");

    /// <summary>The pack's findings on the certificate under test (the first of the chain file).</summary>
    private static string[] Findings(LintResult result) => PackChainLint.FirstFindings(result, "cabf-smime");

    private static string[] Checked(LintResult result) => PackChainLint.Checked(result, "cabf-smime");

    [Test]
    public void The_clean_base_leaf_passes_every_rule_that_applies_to_it()
    {
        var result = Lint(CabfSmimeFixtures.Leaf()());

        Findings(result).ShouldBeEmpty();
        // A Strict mailbox-validated P-256 leaf: the Legacy/Multipurpose, RSA and EdDSA rules do not apply.
        Checked(result).ShouldBe([
            "smime-adobe-extensions-strict", "smime-aia-ca-issuers-missing", "smime-aia-location-not-uri", "smime-aia-missing", "smime-aia-not-http", "smime-aki-issuer-serial", "smime-cps-uri-not-http",
            "smime-crldp-missing", "smime-crldp-not-http", "smime-ec-ku", "smime-eku-email-protection-missing",
            "smime-eku-prohibited", "smime-ku-missing", "smime-ku-not-critical", "smime-legacy-deprecated",
            "smime-mailbox-cn-not-mailbox", "smime-mailbox-subject-attributes", "smime-policies-critical", "smime-policy-not-exactly-one",
            "smime-san-critical", "smime-san-missing", "smime-san-name-type", "smime-san-no-mailbox",
            "smime-serial-entropy", "smime-signature-algorithm-encoding", "smime-smtputf8-ascii-local-part", "smime-smtputf8-bom", "smime-smtputf8-domain-syntax",
            "smime-smtputf8-domain-uppercase", "smime-smtputf8-not-mailbox", "smime-spki-algorithm-encoding",
            "smime-strict-eku-other", "smime-strict-san-other-name", "smime-subject-directory-attributes",
            "smime-subject-mailbox-not-in-san", "smime-subject-metadata-value", "smime-user-notice-ref", "smime-validity-825",
        ]);
    }

    [Test]
    public void A_certificate_without_an_smime_policy_is_outside_the_pack()
    {
        // No SAN, no keyUsage, no CRL, a TLS EKU: every rule would fire, were the certificate an S/MIME BR one.
        var result = Lint(CabfSmimeFixtures.Leaf(b => b.Remove(Oids.CertificatePolicies).Remove(Oids.SubjectAltName).Remove(Oids.KeyUsage)
            .Remove(Oids.CrlDistributionPoints), CabfSmimeFixtures.Eku(Oids.ServerAuth))());

        Findings(result).ShouldBeEmpty();
        Checked(result).ShouldBeEmpty();
    }

    [Test]
    public void An_email_certificate_without_a_reserved_policy_is_judged_by_the_policy_rule_alone()
    {
        // §7.1.2.3(a) asks for exactly one reserved policy: smime-policy-not-exactly-one (packScope: false) judges every
        // S/MIME Certificate as §1.1 identifies one (emailProtection and a SAN mailbox), as zlint's e_exactly_one_smime_policy.
        var result = Lint(CabfSmimeFixtures.Leaf(b => b.Remove(Oids.CertificatePolicies))());

        Checked(result).ShouldBe(["smime-policy-not-exactly-one"]);
        Findings(result).ShouldBe(["smime-policy-not-exactly-one"]);
    }

    [Test]
    public void A_certificate_without_a_san_mailbox_is_not_an_smime_certificate_for_the_policy_rule()
    {
        var result = Lint(CabfSmimeFixtures.Leaf(b => b.Remove(Oids.CertificatePolicies), b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("mail.example.com"))))());

        Checked(result).ShouldBeEmpty();
    }

    [Test]
    public void A_ca_certificate_asserting_an_smime_policy_is_outside_the_pack()
    {
        var ca = RawCertificateBuilder.Ca("CertLint S/MIME Issuing CA", CabfSmimeFixtures.Root)
            .Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(CabfSmimeFixtures.MailboxStrict)));

        var result = Lint([ca.Build(), CabfSmimeFixtures.Root]);

        // Except the authorityKeyIdentifier rule: the subordinate CA profile has the same sentence (§7.1.2.2(h)).
        Checked(result).ShouldBe(["smime-aki-issuer-serial"]);
        Findings(result).ShouldBeEmpty();
    }

    [Test]
    public void A_legacy_certificate_for_tls_without_a_crl_gets_exactly_its_four_defects()
    {
        var result = Lint(CabfSmimeFixtures.Leaf(CabfSmimeFixtures.Policy(CabfSmimeFixtures.MailboxLegacy), CabfSmimeFixtures.Eku(Oids.ServerAuth),
            b => b.Remove(Oids.CrlDistributionPoints))());

        Findings(result).ShouldBe(["smime-crldp-missing", "smime-eku-email-protection-missing", "smime-eku-prohibited", "smime-legacy-deprecated"]);
    }

    [TestCase(2023, 8, 31, false)]
    [TestCase(2023, 9, 1, true)]
    public void The_requirements_bind_from_2023_09_01(int year, int month, int day, bool fires)
    {
        var issued = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        var result = Lint(CabfSmimeFixtures.Leaf(b => b.Remove(Oids.SubjectAltName), b => { b.NotBefore = Time(issued); b.NotAfter = Time(issued.AddDays(365)); })());

        Findings(result).ShouldBe(fires ? ["smime-san-missing"] : []);
    }

    [TestCase(2025, 7, 14, false)]
    [TestCase(2025, 7, 15, true)]
    public void Legacy_policies_are_retired_from_2025_07_15(int year, int month, int day, bool fires)
    {
        var issued = new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero);
        var result = Lint(CabfSmimeFixtures.Leaf(CabfSmimeFixtures.Policy(CabfSmimeFixtures.MailboxLegacy),
            b => { b.NotBefore = Time(issued); b.NotAfter = Time(issued.AddDays(365)); })());

        Findings(result).ShouldBe(fires ? ["smime-legacy-deprecated"] : []);
    }

    [Test]
    public void An_internationalized_mailbox_commonName_is_judged_against_the_SmtpUtf8Mailbox_values()
    {
        // pkilint's smtputf8mailbox_only case (the commonName is the SAN's only mailbox, an SmtpUTF8Mailbox otherName)
        // and its _cn_mismatch twin (the commonName is another address).
        var same = Lint(CabfSmimeFixtures.SmtpUtf8Leaf("älice@example.com")());
        var other = Lint(CabfSmimeFixtures.SmtpUtf8Leaf("älice@example.net")());

        Findings(same).ShouldBeEmpty();
        Checked(same).ShouldContain("smime-mailbox-cn-not-mailbox");
        Findings(other).ShouldBe(["smime-mailbox-cn-not-mailbox"]);
    }

    [Test]
    public void An_organization_certificate_with_an_unknown_country_valid_826_days_gets_exactly_those_two_defects()
    {
        // LEI identifiers are global (XG) and exempt from matching the countryName (Appendix A.1).
        var result = Lint(CabfSmimeFixtures.Leaf(CabfSmimeFixtures.Organization("XG", "LEIXG-9845001D460B1A3C7F38"),
            b => b.NotAfter = Time(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero).AddDays(826)))());

        Findings(result).ShouldBe(["smime-subject-country-iso", "smime-validity-825"]);
    }

    [Test]
    public void A_mailbox_certificate_is_not_judged_by_the_country_rule()
    {
        // §7.1.4.2.3 forbids a countryName in a mailbox-validated subject; §7.1.4.2.2(n) is judged where one may appear.
        var result = Lint(CabfSmimeFixtures.Leaf(b => b.Subject = Name(Attribute("2.5.4.6", PrintableString, "XG"), Attribute(Oids.CommonName, Utf8String, CabfSmimeFixtures.Mailbox)))());

        Checked(result).ShouldNotContain("smime-subject-country-iso");
    }

    // One finding per defect: each malformed organizationIdentifier is reported by the one rule for its part
    // (pkilint's cases: gov_orgid_no_country, orgid_has_unknown_scheme, int_with_xg_country_and_state,
    // ntr_orgid_with_no_reference, orgid_and_countryname_inconsistent).
    [TestCase(null, "GOV", "smime-organization-identifier-country")]
    [TestCase(null, "TAXUS-123", "smime-organization-identifier-scheme")]
    [TestCase(null, "INTXG+PA", "smime-organization-identifier-state")]
    [TestCase(null, "NTRUS+PA", "smime-organization-identifier-format")]
    [TestCase("JP", "NTRUS+PA-123", "smime-organization-identifier-country-name")]
    [TestCase(null, "LEIXG-5493001KJTIIGC8Y1R13", "smime-organization-identifier-lei")]
    [TestCase(null, "LEIXG-5493001KJTIIGC8Y1R1", "smime-organization-identifier-lei")]
    [TestCase(null, "LEIXG-5493001KJTIIGC8Y1RAB", "smime-organization-identifier-lei")]
    [TestCase(null, "LEIUS-5493001KJTIIGC8Y1R12", "smime-organization-identifier-country")]
    public void A_malformed_organization_identifier_gets_exactly_one_finding(string? country, string identifier, string rule)
    {
        var result = Lint(CabfSmimeFixtures.Leaf(CabfSmimeFixtures.Organization(country, identifier))());

        Findings(result).ShouldBe([rule]);
    }

    [Test]
    public void An_lei_identifier_with_a_national_country_and_a_broken_lei_gets_one_finding_per_defect()
    {
        var result = Lint(CabfSmimeFixtures.Leaf(CabfSmimeFixtures.Organization(null, "LEIUS-5493001KJTIIGC8Y1R21"))());

        Findings(result).ShouldBe(["smime-organization-identifier-country", "smime-organization-identifier-lei"]);
    }

    [Test]
    public void A_well_formed_organization_subject_passes_every_subject_rule()
    {
        var result = Lint(CabfSmimeFixtures.Leaf(CabfSmimeFixtures.Organization("US", "NTRUS+CA-12345678", "LEIXG-9845001D460B1A3C7F38"))());

        Findings(result).ShouldBeEmpty();
        Checked(result).ShouldBe([
            "smime-adobe-extensions-strict", "smime-aia-ca-issuers-missing", "smime-aia-location-not-uri", "smime-aia-missing", "smime-aia-not-http", "smime-aki-issuer-serial", "smime-cps-uri-not-http",
            "smime-crldp-missing", "smime-crldp-not-http", "smime-ec-ku", "smime-eku-email-protection-missing",
            "smime-eku-prohibited", "smime-ku-missing", "smime-ku-not-critical", "smime-legacy-deprecated",
            "smime-organization-cn-source", "smime-organization-identifier-country",
            "smime-organization-identifier-country-name", "smime-organization-identifier-encoding", "smime-organization-identifier-format", "smime-organization-identifier-lei",
            "smime-organization-identifier-scheme", "smime-organization-identifier-state", "smime-policies-critical", "smime-policy-not-exactly-one",
            "smime-san-critical", "smime-san-missing", "smime-san-name-type", "smime-san-no-mailbox",
            "smime-serial-entropy", "smime-signature-algorithm-encoding", "smime-smtputf8-ascii-local-part", "smime-smtputf8-bom", "smime-smtputf8-domain-syntax",
            "smime-smtputf8-domain-uppercase", "smime-smtputf8-not-mailbox", "smime-spki-algorithm-encoding",
            "smime-strict-eku-other", "smime-strict-san-other-name", "smime-subject-attribute-prohibited",
            "smime-subject-country-iso", "smime-subject-directory-attributes", "smime-subject-mailbox-not-in-san",
            "smime-subject-metadata-value", "smime-subject-organization-missing", "smime-user-notice-ref", "smime-validity-825",
        ]);
    }

    // One finding per defect: an extension the validation type or generation prohibits is not also reported for
    // being critical (zlint's e_legal_entity_identifier and the two Adobe lints split the same way).
    [TestCase(CabfSmimeFixtures.OrganizationStrict, CabfSmimeFixtures.LeiRole, "smime-lei-prohibited")]
    [TestCase(CabfSmimeFixtures.SponsorStrict, CabfSmimeFixtures.LeiRole, "smime-lei-critical")]
    [TestCase(CabfSmimeFixtures.MailboxStrict, CabfSmimeFixtures.AdobeTimeStamp, "smime-adobe-extensions-strict")]
    [TestCase(CabfSmimeFixtures.MailboxMultipurpose, CabfSmimeFixtures.AdobeTimeStamp, "smime-adobe-extensions-critical")]
    public void A_critical_extension_gets_exactly_one_finding(string policy, string extension, string rule)
    {
        // Subjects that meet their type's attribute tables, so that the extension is the only defect.
        var subject = policy switch
        {
            CabfSmimeFixtures.OrganizationStrict => CabfSmimeFixtures.Organization(null, "NTRGB-12345678"),
            CabfSmimeFixtures.SponsorStrict => CabfSmimeFixtures.Subject(policy, (Oids.Organization, "Example Ltd"), ("2.5.4.97", "NTRGB-12345678"),
                (Oids.GivenName, "Alice"), (Oids.Surname, "Example"), (Oids.CommonName, CabfSmimeFixtures.Mailbox)),
            _ => CabfSmimeFixtures.Policy(policy),
        };
        var result = Lint(CabfSmimeFixtures.Leaf(subject, b => b.Set(extension, Seq(Int(1)), critical: true))());

        Findings(result).ShouldBe([rule]);
    }

    [TestCase(CabfSmimeFixtures.Mailbox + " bob@example.com")]
    [TestCase("Alice <" + CabfSmimeFixtures.Mailbox + ">")]
    public void A_subject_emailAddress_that_is_not_one_mailbox_address_is_one_finding(string value)
    {
        // §7.1.4.2.2(h); the value is not a SAN rfc822Name either, but that is rfc5280's subject-email-not-in-san.
        var result = Lint(CabfSmimeFixtures.Leaf(CabfSmimeFixtures.Subject(CabfSmimeFixtures.MailboxStrict, (Oids.Email, value), (Oids.CommonName, CabfSmimeFixtures.Mailbox)))());

        Findings(result).ShouldBe(["smime-subject-email-single"]);
    }

    [Test]
    public void A_directoryName_mailbox_outside_the_rfc822Names_is_one_finding()
    {
        var result = Lint(CabfSmimeFixtures.Leaf(CabfSmimeFixtures.Policy(CabfSmimeFixtures.MailboxMultipurpose), CabfSmimeFixtures.DirName("bob@example.com"))());

        Findings(result).ShouldBe(["smime-san-dirname-mailbox-not-in-san"]);
        Lint(CabfSmimeFixtures.Leaf(CabfSmimeFixtures.Policy(CabfSmimeFixtures.MailboxMultipurpose), CabfSmimeFixtures.DirName(CabfSmimeFixtures.Mailbox))()).Findings
            .Where(f => f.Rule.Pack == "cabf-smime" && f.Subject.Location.StartLine == 1).ShouldBeEmpty();
    }

    [Test]
    public void A_mailbox_commonName_outside_the_san_is_one_finding_of_the_type_rule()
    {
        // Mailbox-validated: smime-mailbox-cn-not-mailbox's finding, not smime-subject-mailbox-not-in-san's as well.
        var result = Lint(CabfSmimeFixtures.Leaf(b => b.Subject = CnName("bob@example.com"))());

        Findings(result).ShouldBe(["smime-mailbox-cn-not-mailbox"]);
    }
}
