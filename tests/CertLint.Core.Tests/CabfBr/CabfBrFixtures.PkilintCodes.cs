using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>Session 34's rules for pkilint codes no rule named: the BR 2.x subject tables, the CA AIA table, keyUsage
    /// presence and the number of CRL distribution points.</summary>
    private static void PkilintCodes()
    {
        var givenName = GivenName("Alice");
        var street = Attribute(Oids.Street, Utf8String, "1 Main St");
        var postalCode = Attribute(Oids.PostalCode, Utf8String, "94105");
        Action<RawCertificateBuilder> Typed(string policy, params byte[][] subject) =>
            b => { Policies(policy)(b); Subject(subject)(b); };

        // §7.1.2.7.4: OV names an organization; givenName (or surname) is a MUST NOT there.
        Add("cabf-ov-subject-personal-name",
            Leaf(Typed(Ov, C("US"), St("California"), O("Example Inc"), givenName, Cn("www.example.com"))),
            Leaf(Typed(Ov, C("US"), St("California"), O("Example Inc"), Cn("www.example.com"))));
        // §7.1.2.7.3/§7.1.2.7.4: streetAddress and postalCode are NOT RECOMMENDED (the pass fixture keeps locality only).
        Add("cabf-sub-subject-address",
            Leaf(Typed(Ov, C("US"), St("California"), L("San Francisco"), street, postalCode, O("Example Inc"), Cn("www.example.com"))),
            Leaf(Typed(Ov, C("US"), St("California"), L("San Francisco"), O("Example Inc"), Cn("www.example.com"))));
        // §7.1.2.7.3: an IV subject with an organizationName beside the personal name.
        var surname = Surname("Example");
        Add("cabf-iv-subject-organization",
            Leaf(Typed(Iv, C("US"), St("California"), O("Example Inc"), givenName, surname, Cn("www.example.com"))),
            Leaf(Typed(Iv, C("US"), St("California"), givenName, surname, Cn("www.example.com"))));
        // §7.1.2.10.3: a subordinate CA's AIA with id-ad-caRepository (1.3.6.1.5.5.7.48.5), which only SIA uses.
        Add("cabf-ca-aia-access-method",
            SubCa(b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess(
                (Oids.AccessCaIssuers, Gn.Uri("http://ca.example.com/root.crt")), ("1.3.6.1.5.5.7.48.5", Gn.Uri("http://ca.example.com/repo/"))))),
            SubCa());
        // §7.1.2.7.6: keyUsage SHOULD be present in a subscriber certificate.
        Add("cabf-sub-ku-missing", Leaf(b => b.Remove(Oids.KeyUsage)), Leaf());
        // §7.1.2.11.2: two DistributionPoints where one with two URIs would do.
        Add("cabf-crldp-multiple",
            Leaf(b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(
                Ext.DistributionPoint([Gn.Uri("http://crl.example.com/issuing.crl")]),
                Ext.DistributionPoint([Gn.Uri("http://crl2.example.com/issuing.crl")])))),
            Leaf(b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(
                Ext.DistributionPoint([Gn.Uri("http://crl.example.com/issuing.crl"), Gn.Uri("http://crl2.example.com/issuing.crl")])))));

        // §7.1.2.7.11, RSA row: dataEncipherment and the digitalSignature + keyEncipherment mix are NOT RECOMMENDED,
        // digitalSignature SHOULD be set. Each fail fixture breaks one of the three; the pass fixture is digitalSignature alone.
        Action<RawCertificateBuilder> Rsa(params int[] bits) => b =>
        {
            b.Spki = TestKey.Create(TestKeyType.Rsa).SubjectPublicKeyInfo;
            b.Set(Oids.KeyUsage, Ext.KeyUsage(bits), critical: true);
        };
        Add("cabf-sub-rsa-data-encipherment", Leaf(Rsa(Ext.DigitalSignature, Ext.DataEncipherment)), Leaf(Rsa(Ext.DigitalSignature)));
        Add("cabf-sub-rsa-digital-signature", Leaf(Rsa(Ext.KeyEncipherment)), Leaf(Rsa(Ext.DigitalSignature)));
        Add("cabf-sub-rsa-mixed-usage", Leaf(Rsa(Ext.DigitalSignature, Ext.KeyEncipherment)), Leaf(Rsa(Ext.DigitalSignature)));
        // §7.1.2.7.9: a CPS URI qualifier is permitted (cabf-policy-qualifier-not-cps passes it) but not recommended.
        Add("cabf-policy-qualifiers-present",
            Leaf(b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(Dv, Ext.CpsQualifier("http://ca.example.com/cps"))))),
            Leaf());
        // §7.1.2.1.2: a root's authorityKeyIdentifier is RECOMMENDED (RFC 5280 lets a self-signed certificate omit it).
        Add("cabf-root-aki-missing", RootCa(b => { RootIssued(b); b.Remove(Oids.AuthorityKeyId); }), RootCa(RootIssued));
        // §7.1.2.10.8: subtree bases other than dNSName, iPAddress and directoryName are NOT RECOMMENDED, but the empty
        // excluded rfc822Name (no mailbox permitted) is the table's own MAY; an excluded directoryName is NOT RECOMMENDED.
        Action<RawCertificateBuilder> Constrained(byte[][]? permitted, byte[][]? excluded) =>
            b => b.Set(Oids.NameConstraints, Ext.NameConstraints(permitted, excluded), critical: true);
        var dnsSubtree = Ext.Subtree(Gn.Dns("example.com"));
        Add("cabf-ca-nc-name-type", SubCa(Constrained([dnsSubtree, Ext.Subtree(Gn.Email("example.com"))], null)),
            SubCa(Constrained([dnsSubtree], [Ext.Subtree(Gn.Email(""))])));
        Add("cabf-ca-nc-excluded-dirname", SubCa(Constrained([dnsSubtree], [Ext.Subtree(Gn.DirName(Name(C("US"), O("Other Org"))))])),
            SubCa(Constrained([dnsSubtree, Ext.Subtree(Gn.DirName(Name(C("US"), O("Example Trust"))))], null)));
        // §7.1.2.7.9/§7.1.2.10.5: the reserved identifier is RECOMMENDED as the first PolicyInformation.
        const string ownPolicy = "1.3.6.1.4.1.99999.1";
        Add("cabf-first-policy-not-reserved", Leaf(Policies(ownPolicy, Dv)), Leaf(Policies(Dv, ownPolicy)));
        // §7.1.2.7.6: any extension outside the subscriber table is NOT RECOMMENDED (the pass fixture is the plain leaf).
        Add("cabf-sub-extension-unknown", Leaf(b => b.Set("1.3.6.1.4.1.99999.2", NullValue())), Leaf());
    }
}
