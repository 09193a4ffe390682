using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.CabfBr.CabfBrFixtures;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// Session 35's CA-side profile rules (BR 2.x "any other extension / value: NOT RECOMMENDED" for roots, TLS subordinate
/// CAs, OCSP responders and Precertificate Signing CAs): every cabf-br and rfc5280 finding on the certificate under
/// test, so a rule that fires beside another's defect, or on a certificate type it does not judge, shows here.
/// </summary>
public sealed class CaProfileRuleTests
{
    private const string CaBase = "cabf-ca-ku-digital-signature";

    private static string[] Findings(Func<TestCertificate[]> build) => ProfileTableRuleTests.Findings(build());

    private static readonly Action<RawCertificateBuilder> Crldp =
        b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(Ext.DistributionPoint([Gn.Uri("http://crl.example.com/x.crl")])));

    [Test]
    public void A_root_with_an_extension_outside_its_table()
    {
        Findings(CabfBrFixtures.RootCa(b => { CabfBrFixtures.RootIssued(b); Crldp(b); }))
            .ShouldBe([CaBase, "cabf-root-extension-unknown"]);
    }

    [Test]
    public void A_subordinate_ca_with_an_extension_outside_its_table()
    {
        Findings(CabfBrFixtures.SubCa(CabfBrFixtures.InhibitAnyPolicy)).ShouldBe(["cabf-ca-extension-unknown", CaBase]);
    }

    [Test]
    public void An_ocsp_responder_with_an_extension_outside_its_table()
    {
        Findings(CabfBrFixtures.Responder(b => b.Set(Oids.IssuerAltName, Ext.GeneralNames(Gn.Uri("http://ca.example.com/")))))
            .ShouldBe(["cabf-ocsp-extension-unknown"]);
    }

    [Test]
    public void A_precertificate_signing_ca_with_an_extension_outside_its_table()
    {
        Findings(CabfBrFixtures.SubCa(b => { CabfBrFixtures.PrecertSigningCa(b); CabfBrFixtures.InhibitAnyPolicy(b); }))
            .ShouldBe(["cabf-precert-ca-extension-unknown"]);
        // BR §7.1.2.4.1 gives the SCT list as MAY (pkilint warns on it in a Precertificate Signing CA).
        Findings(CabfBrFixtures.SubCa(b => { CabfBrFixtures.PrecertSigningCa(b); b.Set(Oids.SctList, Ext.Scts((1, 1764547200000))); }))
            .ShouldBeEmpty();
    }

    [Test]
    public void A_precertificate_signing_ca_that_also_lists_server_auth_is_judged_once()
    {
        // The TLS CA rules leave a CA listing the Precertificate Signing purpose to the §7.1.2.4 rules: one defect, one finding.
        Findings(CabfBrFixtures.SubCa(b =>
            {
                b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, CabfBrFixtures.PrecertSigning, "1.3.6.1.4.1.311.10.3.12"));
                CabfBrFixtures.InhibitAnyPolicy(b);
            }))
            .ShouldBe([CaBase, "cabf-precert-ca-eku", "cabf-precert-ca-extension-unknown"]);
    }

    [Test]
    public void A_tls_subordinate_ca_with_a_key_purpose_outside_its_table()
    {
        Findings(CabfBrFixtures.SubCa(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth, "1.3.6.1.4.1.311.10.3.12"))))
            .ShouldBe(["cabf-ca-eku-unknown", CaBase]);
    }

    [Test]
    public void Ballot_sc_092_ends_precertificate_signing_cas_issued_from_2026_03_15()
    {
        static Action<RawCertificateBuilder> IssuedOn(int month, int day) =>
            CabfBrFixtures.ValidFor(new DateTimeOffset(2026, month, day, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(365));

        Findings(CabfBrFixtures.SubCa(b => { CabfBrFixtures.PrecertSigningCa(b); IssuedOn(3, 15)(b); }))
            .ShouldBe(["cabf-precert-ca-prohibited"]);
        Findings(CabfBrFixtures.SubCa(b => { CabfBrFixtures.PrecertSigningCa(b); IssuedOn(3, 14)(b); })).ShouldBeEmpty();
        // A TLS subordinate CA issued after the date is judged and passes.
        Findings(CabfBrFixtures.SubCa(IssuedOn(3, 15))).ShouldBe([CaBase]);
    }

    [Test]
    public void Subject_attributes_outside_the_ca_ov_and_iv_tables()
    {
        var orgId = CabfBrFixtures.OrganizationIdentifierAttribute();
        Findings(CabfBrFixtures.SubCa(b => b.Subject = Name(C("US"), O("Example Trust"), orgId, Cn("Example Issuing CA"))))
            .ShouldBe([CaBase, "cabf-ca-subject-attribute-unknown"]);
        // organizationalUnitName is in the CA table (a MUST NOT): cabf-ca-subject-ou's finding alone.
        Findings(CabfBrFixtures.SubCa(b => b.Subject = Name(C("US"), O("Example Trust"), Attribute(Oids.OrganizationalUnit, Utf8String, "PKI"), Cn("Example Issuing CA"))))
            .ShouldBe([CaBase, "cabf-ca-subject-ou"]);
        Findings(CabfBrFixtures.Leaf(b =>
            {
                b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(CabfBrFixtures.Ov)));
                b.Subject = Name(C("US"), St("California"), O("Example Inc"), orgId, Cn("www.example.com"));
            }))
            .ShouldBe(["cabf-ov-subject-attribute-unknown", .. ProfileTableRuleTests.LeafBase]);
        Findings(CabfBrFixtures.Leaf(b =>
            {
                b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(CabfBrFixtures.Iv)));
                b.Subject = Name(C("US"), St("California"), Attribute(Oids.Surname, Utf8String, "Example"),
                    Attribute(Oids.GivenName, Utf8String, "Alice"), orgId);
            }))
            .ShouldBe(["cabf-iv-subject-attribute-unknown", "cabf-sub-ski-present"]);
        // §7.1.2.8 points the responder's subject at the CA naming table: one finding, the responder rule's.
        Findings(CabfBrFixtures.Responder(b => b.Subject = Name(C("US"), O("Example Trust"), orgId, Cn("Example OCSP Responder"))))
            .ShouldBe(["cabf-ocsp-subject-attribute-unknown"]);
    }
}
