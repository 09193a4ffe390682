using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>The BR 2.x subscriber profile's subjectAltName (§7.1.2.7.12) and extension table (§7.1.2.7.6), and the
    /// subject and underscore requirements of older BR versions.</summary>
    private static void SubscriberExtensions()
    {
        // One failing case per name form the BR exclude; the pass keeps a dNSName and an iPAddress.
        var dnsAndIp = San(Gn.Dns("www.example.com"), Gn.Ip(93, 184, 215, 14));
        foreach (var other in new[]
                 {
                     Gn.Email("admin@example.com"), Gn.Uri("https://www.example.com/"), Gn.DirName(Name(Cn("www.example.com"))),
                     Gn.OtherName("1.3.6.1.4.1.311.20.2.3", String(Utf8String, "admin@example.com")),
                     Gn.RegisteredId("1.3.6.1.4.1.99999.1"), Gn.EdiParty("Example"), Gn.X400(),
                 })
        {
            Add("cabf-san-name-type", Leaf(San(Gn.Dns("www.example.com"), other)), Leaf(dnsAndIp));
        }

        // Critical exactly when the subject is empty: both ways wrong, both ways right.
        Add("cabf-san-critical", Leaf(San(critical: true, Gn.Dns("www.example.com"))), Leaf());
        Add("cabf-san-critical",
            Leaf(b => { b.Subject = Name(); San(Gn.Dns("www.example.com"))(b); }),
            Leaf(b => { b.Subject = Name(); San(critical: true, Gn.Dns("www.example.com"))(b); }));

        Add("cabf-sub-eku-critical", Leaf(b => b.Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth), critical: true)), Leaf());
        Add("cabf-sub-ski-present", Leaf(), Leaf(b => b.Remove(Oids.SubjectKeyId)));

        // The leaf's key is P-256: its keyUsage is digitalSignature, keyAgreement at most (§7.1.2.7.11).
        Action<RawCertificateBuilder> Usage(params int[] bits) => b => b.Set(Oids.KeyUsage, Ext.KeyUsage(bits), critical: true);
        Add("cabf-sub-ecc-key-usage", Leaf(Usage(Ext.KeyAgreement)), Leaf(Usage(Ext.DigitalSignature, Ext.KeyAgreement)));
        Add("cabf-sub-ecc-key-usage", Leaf(Usage(Ext.DigitalSignature, Ext.KeyEncipherment)), Leaf());
        Add("cabf-sub-ecc-key-agreement", Leaf(Usage(Ext.DigitalSignature, Ext.KeyAgreement)), Leaf());
        // An RSA leaf: keyAgreement is outside §7.1.2.7.11's RSA row; digitalSignature with keyEncipherment is in it.
        Action<RawCertificateBuilder> RsaUsage(params int[] bits) => b =>
        {
            b.Spki = TestKey.Create(TestKeyType.Rsa).SubjectPublicKeyInfo;
            Usage(bits)(b);
        };
        Add("cabf-sub-rsa-key-agreement", Leaf(RsaUsage(Ext.DigitalSignature, Ext.KeyAgreement)),
            Leaf(RsaUsage(Ext.DigitalSignature, Ext.KeyEncipherment)));

        // Between SC47 (2021-08-16) and the OU sunset (2022-09-01) an OU needed an organizationName beside it.
        var sc47 = IssuedOn(2022, 1, 1);
        var ou = Attribute(Oids.OrganizationalUnit, Utf8String, "Web Team");
        Add("cabf-sub-ou-without-org",
            Leaf(b => { sc47(b); Subject(C("US"), ou, Cn("www.example.com"))(b); }),
            Leaf(b => { sc47(b); Subject(C("US"), O("Example Inc"), ou, Cn("www.example.com"))(b); }));

        // BR 2.0.0's string types: countryName PrintableString, commonName UTF8String or PrintableString, DC IA5String.
        const string domainComponent = "0.9.2342.19200300.100.1.25";
        var dc = Attribute(domainComponent, Ia5String, "example");
        Add("cabf-subject-attribute-encoding", Leaf(Subject(Attribute(Oids.Country, Utf8String, "US"), Cn("www.example.com"))),
            Leaf(Subject(dc, C("US"), Cn("www.example.com"))));
        Add("cabf-subject-attribute-encoding", Leaf(Subject(Attribute(Oids.SerialNumber, Utf8String, "12345"), Cn("www.example.com"))),
            Leaf(Subject(Attribute(Oids.SerialNumber, PrintableString, "12345"), Attribute(Oids.CommonName, PrintableString, "www.example.com"))));
        Add("cabf-subject-attribute-encoding", Leaf(Subject(Attribute(domainComponent, Utf8String, "example"), Cn("www.example.com"))),
            Leaf());
        // §7.1.4.2's maximum length of a domainComponent: 63 characters, one DNS label.
        Add("cabf-subject-dc-too-long", Leaf(Subject(Attribute(domainComponent, Ia5String, new string('a', 64)), dc, C("US"), Cn("www.example.com"))),
            Leaf(Subject(Attribute(domainComponent, Ia5String, new string('a', 63)), dc, C("US"), Cn("www.example.com"))));
        // A TeletexString commonName (read since session 17, Latin-1 as OpenSSL does): BR 2.0.0 allows UTF8String or PrintableString.
        Add("cabf-subject-attribute-encoding", Leaf(Subject(Attribute(Oids.CommonName, TeletexString, "www.example.com"))), Leaf());

        // Two organizationNames break §7.1.4.1; two streetAddresses are allowed.
        var street = Attribute(Oids.Street, Utf8String, "1 Main St");
        Add("cabf-subject-attribute-duplicate", Leaf(Subject(C("US"), O("Example Inc"), O("Example Group"), Cn("www.example.com"))),
            Leaf(Subject(C("US"), street, street, O("Example Inc"), Cn("www.example.com"))));
        // §7.1.4.1 again: one AttributeTypeAndValue per RDN; here countryName and commonName share one SET.
        Add("cabf-subject-rdn-single-attribute", Leaf(b => b.Subject = Seq(SetOf(C("US"), Cn("www.example.com")))),
            Leaf(Subject(C("US"), Cn("www.example.com"))));
        // §7.1.2.7.9: the policies name a reserved identifier; a mistyped reserved OID (2.23.141 for 2.23.140) is not one.
        Add("cabf-sub-reserved-policy-missing", Leaf(Policies("2.23.141.1.2.1")), Leaf(Policies("1.3.6.1.4.1.99999.1", Dv)));
        // The same paragraph's "exactly one": DV beside IV is two validation types (a CA's own OID beside DV is fine).
        Add("cabf-sub-reserved-policy-multiple", Leaf(Policies(Dv, Iv)), Leaf(Policies("1.3.6.1.4.1.99999.1", Dv)));

        var beforeSc12 = IssuedOn(2018, 6, 1);
        Add("cabf-dns-underscore-before-sc12",
            Leaf(b => { beforeSc12(b); Dns("www.example.com", "a_b.example.com")(b); }), Leaf(beforeSc12));
        // Ballot SC12's window (2018-12-10 to 2019-04-01): 30 days at most, counted with both ends (30 × 86400 s is too
        // long), an underscore label must be an LDH label with hyphens in place of the underscores, and not the leftmost.
        var inSc12 = new DateTimeOffset(2019, 1, 15, 0, 0, 0, TimeSpan.Zero);
        var underscore = Dns("www.example.com", "www.a_b.example.com");
        Add("cabf-dns-underscore-sc12-validity", Leaf(b => { ValidFor(inSc12, TimeSpan.FromDays(30))(b); underscore(b); }),
            Leaf(b => { ValidFor(inSc12, TimeSpan.FromDays(30) - TimeSpan.FromSeconds(1))(b); underscore(b); }));
        Add("cabf-dns-underscore-sc12-label", Leaf(b => { IssuedOn(2019, 1, 15)(b); Dns("www.example.com", "www._dmarc.example.com")(b); }),
            Leaf(b => { IssuedOn(2019, 1, 15)(b); underscore(b); }));
        Add("cabf-dns-underscore-sc12-label", Leaf(b => { IssuedOn(2019, 1, 15)(b); Dns("www.example.com", "www.a_.example.com")(b); }),
            Leaf(b => { IssuedOn(2019, 1, 15)(b); Dns("*.example.com", "www.a__b.example.com")(b); }));
        Add("cabf-dns-underscore-sc12-leftmost", Leaf(b => { IssuedOn(2019, 1, 15)(b); Dns("www.example.com", "a_b.example.com")(b); }),
            Leaf(b => { IssuedOn(2019, 1, 15)(b); underscore(b); }));
        Add("cabf-dns-underscore-sc12-leftmost", Leaf(b => { IssuedOn(2019, 1, 15)(b); Dns("www.example.com", "_dmarc.example.com")(b); }),
            Leaf(b => { IssuedOn(2019, 1, 15)(b); Dns("www.example.com", "*.a_b.example.com")(b); }));
    }

    private static Action<RawCertificateBuilder> San(params byte[][] names) => San(false, names);

    private static Action<RawCertificateBuilder> San(bool critical, params byte[][] names) =>
        b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(names), critical);
}
