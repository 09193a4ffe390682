using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.Rfc5280;

internal static partial class Rfc5280Fixtures
{
    /// <summary>subjectAltName and issuerAltName syntax, DNS names, IDNs.</summary>
    private static void AltNames()
    {
        AltNameRules("san", names => b => b.Set(Oids.SubjectAltName, Ext.GeneralNames([Gn.Dns("leaf.example.com"), .. names])),
            empty: b => b.Set(Oids.SubjectAltName, Ext.GeneralNames()));
        AltNameRules("ian", names => b => b.Set(Oids.IssuerAltName, Ext.GeneralNames([Gn.Dns("ca.example.com"), .. names])),
            empty: b => b.Set(Oids.IssuerAltName, Ext.GeneralNames()));

        var longName = string.Join('.', Enumerable.Repeat(new string('a', 63), 4));
        Add("san-dns-too-long", Leaf(SanOnly(Gn.Dns(longName))), Leaf());
        // The same 255-character name as the domain of a mailbox and the host of a CRL URI (pkilint's pkix case
        // san_domain_names_too_long has all three).
        Add("san-email-domain-too-long", Leaf(San(Gn.Email("foo@" + longName))), Leaf(San(Gn.Email("foo@example.com"))));
        Add("uri-host-too-long",
            Leaf(b => b.Set(Oids.CrlDistributionPoints, Ext.CrlDistributionPoints(Ext.DistributionPoint([Gn.Uri($"http://{longName}/ca.crl")])))),
            Leaf(b => b.Set(Oids.CrlDistributionPoints, CrlHttp)));
        // An address written as a DNS name (x509lint's ERR_IP_IN_DNSNAME); names that only look numeric pass.
        Add("san-dns-ip-address", Leaf(San(Gn.Dns("10.0.0.5"))), Leaf(San(Gn.Dns("10.0.0.5.nip.io"), Gn.Ip(10, 0, 0, 5))));
        Add("san-dns-ip-address", Leaf(San(Gn.Dns("2001:db8::1"))), Leaf(San(Gn.Dns("1.example.com"))));
        Add("dns-name-empty-label", Leaf(San(Gn.Dns("a..example.com"))), Leaf());
        Add("dns-name-label-too-long", Leaf(San(Gn.Dns(new string('a', 64) + ".example.com"))), Leaf());
        Add("san-dns-label-too-long", Leaf(San(Gn.Dns(new string('a', 64) + ".example.com"))), Leaf(San(Gn.Dns(new string('a', 63) + ".example.com"))));
        Add("idn-punycode-invalid", Leaf(San(Gn.Dns("xn--a_b.example.com"))), Leaf(San(Gn.Dns("xn--bcher-kva.example.com"))));
        // Split by the Public Suffix List: the second-level domain is the label left of the public suffix.
        Add("dns-name-hyphen-sld", Leaf(San(Gn.Dns("www.-example.co.uk"))), Leaf(San(Gn.Dns("www.ex-ample.co.uk"))));
        Add("dns-name-underscore-sld", Leaf(San(Gn.Dns("www.ex_ample.co.uk"))), Leaf(San(Gn.Dns("www.example.co.uk"))));
        Add("dns-name-underscore-trd", Leaf(San(Gn.Dns("_srv.www.example.co.uk"))), Leaf(San(Gn.Dns("srv.www.example.co.uk"))));
        Add("idn-not-nfc", Leaf(San(Gn.Dns("xn--ex-8tb.example.com"))), Leaf(San(Gn.Dns("xn--bcher-kva.example.com"))));
    }

    /// <summary>The nine rules zlint has for both subjectAltName and issuerAltName.</summary>
    private static void AltNameRules(string ext, Func<byte[][], Action<RawCertificateBuilder>> with, Action<RawCertificateBuilder> empty)
    {
        Func<Pki.TestCertificate[]> L(params byte[][] names) => Leaf(with(names));
        Add($"{ext}-no-entries", Leaf(empty), L());
        Add($"{ext}-empty-name", L(Gn.Email("")), L(Gn.Email("alice@example.com")));
        Add($"{ext}-dns-not-ia5", L(Gn.Dns("bücher.example.com")), L(Gn.Dns("xn--bcher-kva.example.com")));
        Add($"{ext}-dns-space", L(Gn.Dns(" ")), L());
        Add($"{ext}-email-format", L(Gn.Email("Alice <alice@example.com>")), L(Gn.Email("alice@example.com")));
        Add($"{ext}-uri-not-ia5", L(Gn.Uri("http://example.com/bücher")), L(Gn.Uri("http://example.com/b%C3%BCcher")));
        Add($"{ext}-uri-relative", L(Gn.Uri("//example.com/a")), L(Gn.Uri("http://example.com/a")));
        Add($"{ext}-uri-format", L(Gn.Uri("http:")), L(Gn.Uri("http://example.com/a")));
        Add($"{ext}-uri-host", L(Gn.Uri("http://bad!host/a")), L(Gn.Uri("https://www.example.com:8443/a")));
    }
}
