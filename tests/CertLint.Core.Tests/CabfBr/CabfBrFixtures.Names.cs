using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    /// <summary>Validity periods, counted the BR way: both ends inclusive, so days × 86400 seconds is one second too long.</summary>
    private static void Validity()
    {
        foreach (var (days, year) in new[] { (398, 2025), (200, 2026), (100, 2027), (47, 2029) })
        {
            var from = new DateTimeOffset(year, 4, 1, 0, 0, 0, TimeSpan.Zero);
            Add($"cabf-validity-{days}",
                Leaf(ValidFor(from, TimeSpan.FromDays(days))), Leaf(ValidFor(from, TimeSpan.FromDays(days) - TimeSpan.FromSeconds(1))));
        }
        // SC-081's SHOULD limits, one day below each MUST: the same inclusive count.
        foreach (var (days, year) in new[] { (199, 2026), (99, 2027), (46, 2029) })
        {
            var from = new DateTimeOffset(year, 4, 1, 0, 0, 0, TimeSpan.Zero);
            Add($"cabf-validity-{days}",
                Leaf(ValidFor(from, TimeSpan.FromDays(days))), Leaf(ValidFor(from, TimeSpan.FromDays(days) - TimeSpan.FromSeconds(1))));
        }
        // The 398-day row of the BR table ends on 2026-03-15: a longer certificate issued later breaks the 200-day limit.
        Add("cabf-validity-200", Leaf(ValidFor(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(500))),
            Leaf(ValidFor(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(100))));
        Add("cabf-validity-398", Leaf(ValidFor(new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(500))),
            Leaf(ValidFor(new DateTimeOffset(2026, 3, 14, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(398) - TimeSpan.FromSeconds(1))));
        var old = new DateTimeOffset(2019, 1, 1, 0, 0, 0, TimeSpan.Zero);
        Add("cabf-validity-825", Leaf(ValidFor(old, TimeSpan.FromDays(825) + TimeSpan.FromSeconds(1))), Leaf(ValidFor(old, TimeSpan.FromDays(825))));
        // BR §7.1.2.1.1: a root is valid for 2922 to 9132 days, notBefore and notAfter both counted (a 2922-day root's
        // notAfter is one second short of 2922 × 86400 seconds after its notBefore).
        var rootIssued = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var second = TimeSpan.FromSeconds(1);
        Add("cabf-root-validity", RootCa(ValidFor(rootIssued, TimeSpan.FromDays(2922) - second - second)),
            RootCa(ValidFor(rootIssued, TimeSpan.FromDays(2922) - second)));
        Add("cabf-root-validity", RootCa(ValidFor(rootIssued, TimeSpan.FromDays(9132))),
            RootCa(ValidFor(rootIssued, TimeSpan.FromDays(9132) - second)));
        // BR §7.1.2.1: the root's issuer is its subject byte for byte; a PrintableString CN where the subject has a
        // UTF8String one is the same name to RFC 5280 §7.1, not the same encoding.
        Add("cabf-root-issuer-encoding",
            RootCa(b => b.IssuerName = Name(C("US"), O("Example Trust"), Attribute(Oids.CommonName, PrintableString, "Example Root CA"))),
            RootCa());
    }

    /// <summary>subjectAltName and commonName: syntax, wildcards, internal names, reserved addresses.</summary>
    private static void Names()
    {
        Add("cabf-san-missing", Leaf(b => b.Remove(Oids.SubjectAltName)), Leaf());
        Add("cabf-dns-underscore", Leaf(Dns("www.example.com", "a_b.example.com")), Leaf());
        Add("cabf-wildcard-not-leftmost", Leaf(Dns("www.example.com", "www.*.example.com")), Leaf(Dns("www.example.com", "*.example.com")));
        Add("cabf-wildcard-partial-label", Leaf(Dns("www.example.com", "w*.example.com")), Leaf(Dns("www.example.com", "*.example.com")));
        Add("cabf-wildcard-public-suffix", Leaf(Dns("www.example.com", "*.co.uk")), Leaf(Dns("www.example.com", "*.example.co.uk")));
        Add("cabf-internal-name", Leaf(Dns("www.example.com", "build.corp.local")), Leaf());
        Add("cabf-reserved-ip-san",
            Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("www.example.com"), Gn.Ip(10, 1, 2, 3)))),
            Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("www.example.com"), Gn.Ip(93, 184, 215, 14)))));
        // A range zlint lists and CertLint added later (AS112-v4, RFC 7535), next to the address just below it.
        Add("cabf-reserved-ip-san",
            Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("www.example.com"), Gn.Ip(192, 31, 196, 1)))),
            Leaf(b => b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("www.example.com"), Gn.Ip(192, 31, 195, 255)))));
        Add("cabf-reserved-ip-cn",
            Leaf(b => { b.Subject = Der.Name(Cn("192.168.1.10")); b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Ip(192, 168, 1, 10))); }),
            Leaf(b => { b.Subject = Der.Name(Cn("93.184.215.14")); b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Ip(93, 184, 215, 14))); }));
        Add("cabf-cn-not-from-san", Leaf(Subject(Cn("WWW.example.com"))), Leaf());
        // Before BR 1.8.0 the CN had to be one of the SAN values, compared ignoring case (zlint compares IPs as text).
        var br17 = IssuedOn(2020, 4, 1);
        Add("cabf-cn-not-from-san-legacy", Leaf(b => { br17(b); Subject(Cn("shop.example.com"))(b); }),
            Leaf(b => { br17(b); Subject(Cn("WWW.example.com"))(b); }));
        Add("cabf-cn-not-from-san-legacy",
            Leaf(b => { br17(b); Subject(Cn("93.184.215.15"))(b); b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Ip(93, 184, 215, 14))); }),
            Leaf(b => { br17(b); Subject(Cn("93.184.215.14"))(b); b.Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Ip(93, 184, 215, 14))); }));
        Add("cabf-dns-bad-character", Leaf(Dns("www.example.com", "www.exa!mple.com")), Leaf(Dns("www.example.com", "*.example.com")));
        Add("cabf-dns-empty-label", Leaf(Dns("www.example.com", "www..example.com")), Leaf());
        Add("cabf-dns-reserved-label", Leaf(Dns("www.example.com", "ab--cd.example.com")), Leaf(Dns("www.example.com", "xn--bcher-kva.example.com")));
        var sc086 = IssuedOn(2026, 4, 1);
        Add("cabf-dns-reverse-zone", Leaf(b => { sc086(b); Dns("www.example.com", "4.3.2.1.in-addr.arpa")(b); }), Leaf(sc086));
    }
}
