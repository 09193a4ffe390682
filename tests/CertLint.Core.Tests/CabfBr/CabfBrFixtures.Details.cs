using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>BR 2.0 profile details: AIA contents, subject order, the IV name, the EV subject's allowed attributes.</summary>
    private static void ProfileDetails()
    {
        Add("cabf-aia-access-method",
            Leaf(b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess((Oids.AccessOcsp, Gn.Uri("http://ocsp.example.com")), (Oids.AccessCaIssuers, Gn.Dns("ca.example.com"))))),
            Leaf());
        Add("cabf-aia-unique-locations",
            Leaf(b => b.Set(Oids.AuthorityInfoAccess, Ext.InfoAccess((Oids.AccessOcsp, Gn.Uri("http://ocsp.example.com")), (Oids.AccessOcsp, Gn.Uri("http://OCSP.example.com"))))),
            Leaf());
        Add("cabf-sub-ca-aia-not-http", SubCa(b => b.Set(Oids.AuthorityInfoAccess, Aia("http://ocsp.example.com", "https://ca.example.com/root.crt"))), SubCa());
        Add("cabf-subject-rdn-order", Leaf(Subject(Cn("www.example.com"), C("US"))), Leaf(Subject(C("US"), Cn("www.example.com"))));
        Add("cabf-iv-given-name-surname",
            Leaf(b => { Policies(Iv)(b); b.Subject = Name(C("US"), GivenName("Alice"), Cn("www.example.com")); }),
            Leaf(b => { Policies(Iv)(b); b.Subject = Name(C("US"), Attribute(Oids.Surname, Utf8String, "Example"), GivenName("Alice"), Cn("www.example.com")); }));
        // §7.1.4.2's table: surname and givenName at most 64 characters (RFC 5280 allows 32768).
        Add("cabf-subject-name-too-long",
            Leaf(b => { Policies(Iv)(b); b.Subject = Name(C("US"), Attribute(Oids.Surname, Utf8String, new string('S', 65)), GivenName("Alice"), Cn("www.example.com")); }),
            Leaf(b => { Policies(Iv)(b); b.Subject = Name(C("US"), Attribute(Oids.Surname, Utf8String, new string('S', 64)), GivenName(new string('A', 64)), Cn("www.example.com")); }));
        Add("cabf-ev-subject-attributes", Leaf(EvLeaf(extra: Attribute(Oids.Email, Ia5String, "admin@example.com"))), Leaf(EvLeaf()));
        Add("cabf-ev-business-category-value", Leaf(EvLeaf(businessCategory: "Corporation")), Leaf(EvLeaf(businessCategory: "Non-Commercial Entity")));
        // An SCT logged 48 hours and 1 ms after notBefore proves the leaf backdated; exactly 48 hours is allowed.
        var notBeforeMs = Issued.ToUnixTimeMilliseconds();
        Add("cabf-excessively-backdated", Leaf(b => b.Set(Oids.SctList, Ext.Scts((1, notBeforeMs + 172_800_001)))),
            Leaf(b => b.Set(Oids.SctList, Ext.Scts((1, notBeforeMs + 172_800_000)))));
        // BR 2.0.0's extension tables: the Signed Certificate Timestamp List is never critical.
        Add("cabf-sct-list-critical", Leaf(b => b.Set(Oids.SctList, Ext.Scts((1, notBeforeMs)), critical: true)),
            Leaf(b => b.Set(Oids.SctList, Ext.Scts((1, notBeforeMs)))));
    }

    private static byte[] GivenName(string value) => Attribute(Oids.GivenName, Utf8String, value);
    private static byte[] Surname(string value) => Attribute(Oids.Surname, Utf8String, value);
}
