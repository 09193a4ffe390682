using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>DuckDuckGo's published v3 onion address (56 base32 characters, version 3, valid SHA3-256 checksum).</summary>
    private const string OnionV3 = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

    /// <summary>The same address with its 11th character changed: still 56 base32 characters, but the checksum no longer matches.</summary>
    private const string OnionV3Typo = "duckduckgoag42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";

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
