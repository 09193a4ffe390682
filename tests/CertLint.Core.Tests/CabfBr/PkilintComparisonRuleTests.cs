using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// What the session 19 comparison with pkilint's TLS and PKIX test certificates changed: every cabf-br and rfc5280
/// finding on a certificate that holds one of those defects, so a second finding for the same defect, or a defect no
/// rule reports, shows here.
/// </summary>
public sealed class PkilintComparisonRuleTests
{
    private static string[] Findings(Func<TestCertificate[]> build) => ProfileTableRuleTests.Findings(build());

    private static string[] WithLeafBase(params string[] rules) =>
        [.. ProfileTableRuleTests.LeafBase.Concat(rules).Order(StringComparer.Ordinal)];

    [Test]
    public void A_certificate_without_authority_key_identifier_is_one_finding()
    {
        // aki-missing reports the absent extension; aki-no-key-identifier judges the keyIdentifier of one that is there.
        Findings(CabfBrFixtures.Leaf(b => b.Remove(Oids.AuthorityKeyId))).ShouldBe(WithLeafBase("aki-missing"));
    }

    [Test]
    public void An_empty_distribution_point_names_no_crl()
    {
        // RFC 5280 §4.2.1.13: "either distributionPoint or cRLIssuer MUST be present", with or without reasons. The
        // other findings are other requirements: no URI at all (RFC 5280's SHOULD, the BR's http:// and fullName MUSTs).
        Findings(CabfBrFixtures.Leaf(b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(Ext.DistributionPoint(null)))))
            .ShouldBe(WithLeafBase("cabf-crldp-name-form", "cabf-crldp-no-http", "crl-distribution-point-no-http-ldap",
                "crl-distribution-point-reasons-only"));
    }

    [Test]
    public void Subscriber_policies_without_a_reserved_identifier()
    {
        Findings(CabfBrFixtures.Leaf(b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy("2.23.141.1.2.1")))))
            .ShouldBe(WithLeafBase("cabf-sub-reserved-policy-missing"));
        // Without the extension the finding is cabf-sub-policies-missing's alone.
        Findings(CabfBrFixtures.Leaf(b => b.Remove(Oids.CertificatePolicies))).ShouldBe(WithLeafBase("cabf-sub-policies-missing"));
    }

    [Test]
    public void A_subject_rdn_with_two_attributes()
    {
        Findings(CabfBrFixtures.Leaf(b => b.Subject = Seq(SetOf(
                Attribute(Oids.Country, PrintableString, "US"), Attribute(Oids.CommonName, Utf8String, "www.example.com")))))
            .ShouldBe(WithLeafBase("cabf-subject-rdn-single-attribute"));
    }

    // Session 20 (h20t): pkilint's tls_br CA, cross-CA and OCSP responder cases.

    [Test]
    public void A_subordinate_ca_asserting_the_ev_policy_needs_no_cps_uri()
    {
        // EV Guidelines §9.7 profiles the EV subscriber certificate; BR §7.1.2.10.5 calls a CA's policyQualifiers NOT
        // RECOMMENDED. cabf-ev-certificate-policies judged the CA as an EV certificate without a CPS URI.
        Findings(CabfBrFixtures.SubCa(b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy("2.23.140.1.1")))))
            .ShouldBe(["cabf-ca-ku-digital-signature"]);
    }

    [Test]
    public void Subscriber_policies_with_two_reserved_identifiers()
    {
        // BR §7.1.2.7.9's "exactly one"; the IV subject rules judge the IV policy the certificate also asserts.
        Findings(CabfBrFixtures.Leaf(b => b.Set(Oids.CertificatePolicies,
                Ext.Policies(Ext.Policy(CabfBrFixtures.Dv), Ext.Policy(CabfBrFixtures.Iv)))))
            .ShouldBe(WithLeafBase("cabf-iv-given-name-surname", "cabf-iv-personal-name", "cabf-iv-subject-country",
                "cabf-iv-subject-locality", "cabf-sub-reserved-policy-multiple"));
    }

    [Test]
    public void A_root_valid_for_one_second_less_than_2922_days()
    {
        // BR §7.1.2.1.1 counts notBefore and notAfter both: 2922 days end one second before notBefore + 2922 × 86400 s.
        var from = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Findings(CabfBrFixtures.RootCa(CabfBrFixtures.ValidFor(from, TimeSpan.FromDays(2922) - TimeSpan.FromSeconds(2))))
            .ShouldBe(["cabf-ca-ku-digital-signature", "cabf-root-validity"]);
        Findings(CabfBrFixtures.RootCa(CabfBrFixtures.ValidFor(from, TimeSpan.FromDays(2922) - TimeSpan.FromSeconds(1))))
            .ShouldBe(["cabf-ca-ku-digital-signature"]);
    }

    // Session 22 (h22k): pkilint's tls_br OCSP responder cases, BR §7.1.2.8.3 and §7.1.2.8.5.

    [Test]
    public void An_ocsp_responder_with_a_second_key_purpose()
    {
        // §7.1.2.8.5: id-kp-OCSPSigning and nothing else. The clientAuth purpose is the responder profile's defect alone.
        Findings(CabfBrFixtures.Responder(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(CabfBrFixtures.OcspSigning, Oids.ClientAuth))))
            .ShouldBe(["cabf-ocsp-eku-extra"]);
        Findings(CabfBrFixtures.Responder()).ShouldBeEmpty();
    }

    [Test]
    public void An_ocsp_responder_with_authority_information_access()
    {
        // §7.1.2.8.3: the extension is NOT RECOMMENDED (a warning), and id-ad-caIssuers inside it is forbidden (an error).
        Findings(CabfBrFixtures.Responder(CabfBrFixtures.ResponderAia((Oids.AccessOcsp, "http://ocsp.example.com"))))
            .ShouldBe(["cabf-ocsp-aia-present"]);
        Findings(CabfBrFixtures.Responder(CabfBrFixtures.ResponderAia(
                (Oids.AccessOcsp, "http://ocsp.example.com"), (Oids.AccessCaIssuers, "http://ca.example.com/issuing.crt"))))
            .ShouldBe(["cabf-ocsp-aia-access-method", "cabf-ocsp-aia-present"]);
    }

    [Test]
    public void A_ca_certificate_listing_ocsp_signing_is_judged_as_a_ca()
    {
        // cabf-ocsp-ca reports the CA that lists id-kp-OCSPSigning; the responder EKU and AIA rules judge responders
        // (end-entity certificates), so the CA's serverAuth and caIssuers are not reported a second time.
        Findings(CabfBrFixtures.SubCa(b =>
            {
                b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, CabfBrFixtures.OcspSigning));
                CabfBrFixtures.ResponderAia((Oids.AccessCaIssuers, "http://ca.example.com/root.crt"))(b);
            }))
            .ShouldNotContain(n => n == "cabf-ocsp-eku-extra" || n == "cabf-ocsp-aia-access-method" || n == "cabf-ocsp-aia-present");
    }

    [Test]
    public void A_critical_sct_list_is_one_finding()
    {
        // BR 2.0.0's tables give the Signed Certificate Timestamp List "Critical N" in every profile.
        var notBeforeMs = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        Findings(CabfBrFixtures.Leaf(b => b.Set(Oids.SctList, Ext.Scts((1, notBeforeMs)), critical: true)))
            .ShouldBe(WithLeafBase("cabf-sct-list-critical"));
        Findings(CabfBrFixtures.Leaf(b => b.Set(Oids.SctList, Ext.Scts((1, notBeforeMs))))).ShouldBe(WithLeafBase());
    }
}
