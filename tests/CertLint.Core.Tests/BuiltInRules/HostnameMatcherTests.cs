using CertLint.Model;
using CertLint.Rules.Primitives;

namespace CertLint.Tests.BuiltInRules;

/// <summary>RFC 6125 §6.4 host name matching as CertLint documents it (rules/hostname-mismatch.md).</summary>
public sealed class HostnameMatcherTests
{
    private static SubjectAltNames San(string[]? dns = null, string[]? ip = null) => new(dns ?? [], ip ?? [], [], []);

    [TestCase("www.example.com", "www.example.com", true)]
    [TestCase("WWW.Example.COM", "www.example.com", true)]
    [TestCase("www.example.com.", "www.example.com", true)]
    [TestCase("www.example.com", "example.com", false)]
    [TestCase("*.example.com", "www.example.com", true)]
    [TestCase("*.example.com", "WWW.EXAMPLE.COM", true)]
    [TestCase("*.example.com", "example.com", false)]                // the wildcard needs a label
    [TestCase("*.example.com", "a.b.example.com", false)]            // one label only, not across dots
    [TestCase("*.com", "example.com", false)]                         // two labels after the star
    [TestCase("*.co.uk", "example.co.uk", false)]                     // a public suffix (ICANN section) after the star
    [TestCase("*.foo.kawasaki.jp", "a.foo.kawasaki.jp", false)]       // a suffix by the list's wildcard rule *.kawasaki.jp
    [TestCase("*.city.kawasaki.jp", "www.city.kawasaki.jp", true)]    // its exception rule: city.kawasaki.jp is not a suffix
    [TestCase("*.example.co.uk", "www.example.co.uk", true)]
    [TestCase("*.github.io", "example.github.io", true)]              // private-section suffixes are allowed, as browsers do
    [TestCase("*.example.test", "www.example.test", true)]            // a TLD the list does not know
    [TestCase("f*.example.com", "foo.example.com", false)]           // partial-label wildcards are not honoured
    [TestCase("*oo.example.com", "foo.example.com", false)]
    [TestCase("www.*.example.com", "www.a.example.com", false)]      // only the left-most label
    [TestCase("*.*.example.com", "a.b.example.com", false)]
    [TestCase("*.example.com", "*.example.com", true)]                // a wildcard host must be listed as such
    [TestCase("www.example.com", "*.example.com", false)]
    [TestCase("xn--bcher-kva.example", "bücher.example", true)]       // IDNs compare as A-labels
    [TestCase("*.xn--bcher-kva.example", "www.bücher.example", true)]
    public void Dns_names(string sanEntry, string host, bool expected) =>
        HostnameMatcher.Covers(San(dns: [sanEntry]), host).ShouldBe(expected);

    [TestCase("10.0.0.1", "10.0.0.1", true)]
    [TestCase("10.0.0.1", "10.0.0.2", false)]
    [TestCase("2001:db8::1", "2001:DB8:0:0::1", true)]
    [TestCase("2001:db8::1", "[2001:db8::1]", true)]
    [TestCase("::ffff:10.0.0.1", "10.0.0.1", false)]
    public void Ip_addresses(string sanEntry, string host, bool expected) =>
        HostnameMatcher.Covers(San(ip: [sanEntry]), host).ShouldBe(expected);

    [Test]
    public void Ip_addresses_never_match_dns_entries_or_wildcards()
    {
        HostnameMatcher.Covers(San(dns: ["10.0.0.1", "*.0.0.1"]), "10.0.0.1").ShouldBeFalse();
        HostnameMatcher.Covers(San(ip: ["10.0.0.1"]), "1").ShouldBeFalse();
    }

    [Test]
    public void Nothing_is_covered_without_a_san()
    {
        HostnameMatcher.Covers(null, "www.example.com").ShouldBeFalse();
        HostnameMatcher.Covers(SubjectAltNames.Empty, "www.example.com").ShouldBeFalse();
        HostnameMatcher.Covers(San(dns: ["www.example.com"]), " ").ShouldBeFalse();
    }
}
