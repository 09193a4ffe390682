using CertLint.Engine;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// The BR 2.0.0 profile-table rules (criticality in subscriber certificates, AKI form, CA key usage bits, policy
/// qualifiers, CRL distribution point names): every finding the cabf-br and rfc5280 packs report on the certificate
/// under test, so a new rule that repeats another's defect, or fires beside its own fixture's defect, shows here.
/// </summary>
public sealed class ProfileTableRuleTests
{
    /// <summary>What the base leaf and issuing CA (which every fixture changes one thing of) already get: a subscriber
    /// commonName and subjectKeyIdentifier (BR 2.0.0 NOT RECOMMENDED; RFC 5280 recommends the identifier, so the base
    /// keeps it) and a CA key that cannot sign OCSP responses (a note).</summary>
    internal static readonly string[] LeafBase = ["cabf-sub-ski-present", "cabf-subject-cn-not-recommended"];

    private const string CaBase = "cabf-ca-ku-digital-signature", RootBase = CaBase;

    [Test]
    public void The_base_leaf_and_issuing_ca_have_only_their_known_findings()
    {
        Findings(CabfBrFixtures.Leaf()()).ShouldBe(LeafBase);
        Findings(CabfBrFixtures.SubCa()()).ShouldBe([CaBase]);
    }

    [Test]
    public void Criticality_of_subscriber_basic_constraints_and_key_usage()
    {
        Findings(CabfBrFixtures.Leaf(b => b.Set(Oids.BasicConstraints, Ext.BasicConstraints(null)))())
            .ShouldBe(Sorted([.. LeafBase, "cabf-sub-basic-constraints-not-critical"]));
        // RFC 5280 recommends the critical keyUsage (a warning), the BR requires it (an error): two rules, two sources.
        Findings(CabfBrFixtures.Leaf(b => b.Set(Oids.KeyUsage, Ext.KeyUsage(Ext.DigitalSignature)))())
            .ShouldBe(Sorted([.. LeafBase, "cabf-sub-ku-not-critical", "key-usage-not-critical"]));
    }

    [Test]
    public void Subscriber_rules_bind_from_br_2_0_0_and_only_certificates_under_the_brs()
    {
        var before = CabfBrFixtures.ValidFor(new DateTimeOffset(2023, 9, 14, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(90));
        // Before BR 2.0.0 the commonName is the older "deprecated" note, and the basicConstraints flag was free.
        Findings(CabfBrFixtures.Leaf(b => { before(b); b.Set(Oids.BasicConstraints, Ext.BasicConstraints(null)); })())
            .ShouldBe(["cabf-subject-cn-deprecated"]);
        var clientOnly = CabfBrFixtures.Leaf(b =>
        {
            b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ClientAuth));
            b.Set(Oids.BasicConstraints, Ext.BasicConstraints(null));
            CabfBrFixtures.AkiWithIssuerAndSerial(b);
        });
        Findings(clientOnly()).ShouldBeEmpty();
    }

    [Test]
    public void Authority_key_identifier_with_issuer_name_or_serial()
    {
        Findings(CabfBrFixtures.Leaf(CabfBrFixtures.AkiWithIssuerAndSerial)()).ShouldBe(Sorted([.. LeafBase, "cabf-aki-issuer-serial"]));
        Findings(CabfBrFixtures.SubCa(b => b.Set(Oids.AuthorityKeyId, Ext.AuthorityKeyId(null, serial: [0x01])))())
            .ShouldBe(Sorted(CaBase, "aki-issuer-serial-unpaired", "aki-no-key-identifier", "cabf-aki-issuer-serial"));
    }

    [Test]
    public void Root_authority_key_identifier_without_key_identifier()
    {
        // RFC 5280's aki-no-key-identifier exempts self-signed CAs; the BR root profile does not, once the AKI is there.
        Findings(CabfBrFixtures.RootCa(CabfBrFixtures.RootAkiWithoutKeyId)())
            .ShouldBe(Sorted(RootBase, "cabf-root-aki-no-key-identifier"));
        Findings(CabfBrFixtures.RootCa(CabfBrFixtures.RootIssued)()).ShouldBe([RootBase]);
        // Without the AKI no key identifier is missing from it; the BR root profile still recommends the extension.
        Findings(CabfBrFixtures.RootCa(b => { CabfBrFixtures.RootIssued(b); b.Remove(Oids.AuthorityKeyId); })())
            .ShouldBe(Sorted(RootBase, "cabf-root-aki-missing"));
    }

    [Test]
    public void Ca_key_usage_bits_outside_the_br_table()
    {
        Findings(CabfBrFixtures.SubCa(CabfBrFixtures.CaKeyUsage(Ext.KeyCertSign, Ext.CrlSign, Ext.NonRepudiation))())
            .ShouldBe(Sorted(CaBase, "cabf-ca-ku-prohibited"));
        Findings(CabfBrFixtures.SubCa(CabfBrFixtures.CaKeyUsage(Ext.DigitalSignature, Ext.KeyCertSign, Ext.CrlSign))()).ShouldBeEmpty();
    }

    [Test]
    public void Policy_qualifiers_other_than_an_http_cps_uri()
    {
        // Every qualifier is also NOT RECOMMENDED (§7.1.2.7.9): cabf-policy-qualifiers-present warns on each case, the
        // permitted https CPS URI included.
        const string notRecommended = "cabf-policy-qualifiers-present";
        Findings(CabfBrFixtures.Leaf(CabfBrFixtures.PolicyQualifiers(Ext.UserNotice(String(Utf8String, "Example notice"))))())
            .ShouldBe(Sorted([.. LeafBase, "cabf-policy-qualifier-not-cps", notRecommended]));
        Findings(CabfBrFixtures.Leaf(CabfBrFixtures.PolicyQualifiers(Ext.CpsQualifier("ldap://ldap.example.com/cn=CPS")))())
            .ShouldBe(Sorted([.. LeafBase, "cabf-cps-uri-not-http", notRecommended]));
        Findings(CabfBrFixtures.Leaf(CabfBrFixtures.PolicyQualifiers(Ext.CpsQualifier("https://www.example.com/cps")))())
            .ShouldBe(Sorted([.. LeafBase, notRecommended]));
    }

    [Test]
    public void Crl_distribution_point_names_other_than_a_full_name_of_uris()
    {
        static Func<TestCertificate[]> Point(byte[] point) =>
            CabfBrFixtures.Leaf(b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(point)));

        Findings(Point(Ext.DistributionPoint([Gn.Uri("http://crl.example.com/issuing.crl"), Gn.Dns("crl.example.com")]))())
            .ShouldBe(Sorted([.. LeafBase, "cabf-crldp-name-form"]));
        var relative = Seq(Context(0, true, Context(1, true, Attribute(Oids.CommonName, Utf8String, "CRL1"))));
        // RFC 5280's SHOULD (a URI or directoryName in the name) is rfc5280's warning; the BR's fullName MUST is this rule's.
        Findings(Point(relative)()).ShouldBe(Sorted([.. LeafBase, "cabf-crldp-name-form", "cabf-crldp-no-http", "crl-distribution-point-no-http-ldap"]));
        Findings(Point(Ext.DistributionPoint(null, crlIssuer: [Gn.Uri("http://crl.example.com/issuing.crl")]))())
            .ShouldBe(Sorted([.. LeafBase, "cabf-crldp-crl-issuer", "cabf-crldp-name-form", "cabf-crldp-no-http", "crl-distribution-point-no-http-ldap"]));
    }

    private static string[] Sorted(params string[] rules) => rules.Order(StringComparer.Ordinal).ToArray();

    /// <summary>The rules of the cabf-br and rfc5280 packs that fire on the first certificate of <paramref name="chain"/>.</summary>
    internal static string[] Findings(TestCertificate[] chain)
    {
        var result = PackChainLint.Run(chain, "cabf-br", "rfc5280");
        return result.Findings.Where(f => f.Subject.ObjectId == chain[0].Sha256).Select(f => f.Rule.Name)
            .Order(StringComparer.Ordinal).ToArray();
    }
}
