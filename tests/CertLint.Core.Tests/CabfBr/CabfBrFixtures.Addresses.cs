using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>DuckDuckGo's published v3 onion address (56 base32 characters, version 3, valid SHA3-256 checksum).</summary>
    private const string OnionV3 = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

    /// <summary>The same address with its 11th character changed: still 56 base32 characters, but the checksum no longer matches.</summary>
    private const string OnionV3Typo = "duckduckgoag42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

    /// <summary>192.168.0.1 and 2001:db8::1 (reserved), 93.184.215.14 (public) as reverse-DNS names.</summary>
    private const string ArpaPrivate = "1.0.168.192.in-addr.arpa", ArpaPublic = "14.215.184.93.in-addr.arpa",
        ArpaDocumentation = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa";

    /// <summary>Reverse-DNS names (in-addr.arpa, ip6.arpa) and name constraints over reserved address ranges.</summary>
    private static void ReservedAddresses()
    {
        Add("cabf-arpa-reserved-ip", Leaf(Dns("www.example.com", ArpaPrivate)), Leaf(Dns("www.example.com", ArpaPublic)));
        Add("cabf-arpa-reserved-ip", Leaf(Dns("www.example.com", ArpaDocumentation)), Leaf(Dns("www.example.com", "1.168.192.in-addr.arpa")));
        Add("cabf-arpa-malformed", Leaf(Dns("www.example.com", "1.168.192.in-addr.arpa")), Leaf(Dns("www.example.com", ArpaPublic)));
        // A leading zero is no decimal byte for zlint's parser (Go's net.ParseIP): malformed, not 192.168.0.1.
        Add("cabf-arpa-malformed", Leaf(Dns("www.example.com", "01.0.168.192.in-addr.arpa")), Leaf(Dns("www.example.com", ArpaDocumentation)));
        Add("cabf-name-constraints-reserved-ip",
            SubCa(b => b.Set(Oids.NameConstraints, Ext.NameConstraints([Ext.Subtree(Gn.Ip(10, 0, 0, 0, 255, 0, 0, 0))], null), critical: true)),
            SubCa(b => b.Set(Oids.NameConstraints, Ext.NameConstraints([Ext.Subtree(Gn.Ip(93, 184, 0, 0, 255, 255, 0, 0))], null), critical: true)));
        // 198.0.0.0/8 is no reserved address itself but contains the reserved 198.18.0.0/15: the ranges intersect.
        Add("cabf-name-constraints-reserved-ip",
            SubCa(b => b.Set(Oids.NameConstraints, Ext.NameConstraints([Ext.Subtree(Gn.Ip(198, 0, 0, 0, 255, 0, 0, 0))], null), critical: true)),
            SubCa(b => b.Set(Oids.NameConstraints, Ext.NameConstraints([Ext.Subtree(Gn.Dns("example.com"))], [Ext.Subtree(Gn.Ip(10, 0, 0, 0, 255, 0, 0, 0))]), critical: true)));
    }

    /// <summary>.onion names, the CA profile's AIA and naming (BR 1.x §7.1.2.2, BR 2.0 §7.1.2.10.2).</summary>
    private static void OnionAndCaNames()
    {
        Add("cabf-onion-address-invalid", Leaf(Dns("www.example.com", "shop.example.onion")), Leaf(Dns("www.example.com", OnionV3)));
        Add("cabf-onion-address-invalid", Leaf(Dns("www.example.com", "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzcza1.onion")),
            Leaf(Dns("www.example.com", "www." + OnionV3)));
        Add("cabf-onion-v3-address", Leaf(Dns("www.example.com", OnionV3Typo)), Leaf(Dns("www.example.com", OnionV3)));

        var y2020 = IssuedOn(2020, 6, 1);
        Add("cabf-sub-ca-aia-ocsp", SubCa(b => { y2020(b); b.Set(Oids.AuthorityInfoAccess, Aia(null, "http://ca.example.com/root.crt")); }),
            SubCa(y2020));
        Add("cabf-ca-subject-ou",
            SubCa(b => b.Subject = Name(C("US"), O("Example Trust"), Attribute(Oids.OrganizationalUnit, Utf8String, "Web PKI"), Cn("Example Issuing CA"))),
            SubCa());
    }
}
