using System.Net;
using CertLint.Rules.Primitives.DomainNames;

namespace CertLint.Tests.Packs;

/// <summary>The shipped Public Suffix List and the reserved-address table behind the cabf-br name rules.</summary>
public sealed class PublicSuffixTests
{
    private static PublicSuffixList Psl => PublicSuffixList.Default;

    [Test]
    public void The_shipped_list_is_complete_and_its_licence_travels_with_it()
    {
        Psl.IcannRules.ShouldBeGreaterThan(6000);
        var data = Path.Combine(BuiltInRules.Samples.RepoRoot, "src", "CertLint.Core", "Data");
        File.ReadAllText(Path.Combine(data, "public_suffix_list.LICENSE")).ShouldContain("Mozilla Public License Version 2.0");
        File.ReadAllText(Path.Combine(data, "README.md")).ShouldContain("publicsuffix");
    }

    [Test]
    public void Names_loaded_without_the_idna_mapping_are_those_the_mapping_returns_unchanged()
    {
        var data = Path.Combine(BuiltInRules.Samples.RepoRoot, "src", "CertLint.Core", "Data", "public_suffix_list.dat");
        var idn = new System.Globalization.IdnMapping();
        var plain = 0;
        foreach (var line in File.ReadLines(data).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("//", StringComparison.Ordinal)))
        {
            var body = line.Split(' ', '\t')[0].TrimStart('!');
            if (body.StartsWith("*.", StringComparison.Ordinal)) body = body[2..];
            if (!PublicSuffixTable.IsPlainAscii(body)) continue;
            plain++;
            idn.GetAscii(body).ShouldBe(body, StringCompareShould.IgnoreCase);
        }
        plain.ShouldBeGreaterThan(6000);
        foreach (var name in new[] { "xn--p1ai", "ab--cd.com", "a..b", "-a.com", "a-.com", "A.com", "é.fr", new string('a', 64) + ".com", "" })
            PublicSuffixTable.IsPlainAscii(name).ShouldBeFalse(name);
    }

    [Test]
    public void Names_match_rules_ignoring_case_as_an_ordinal_comparison_does()
    {
        // The list keeps its rules as bytes: a name matches as it would in a set of strings compared OrdinalIgnoreCase,
        // including the few non-ASCII letters whose case pair is ASCII (the runtime decides which).
        var tlds = new HashSet<string>(["com", "io", "se", "kr", "uk"], StringComparer.OrdinalIgnoreCase);
        foreach (var tld in new[] { "COM", "Io", "\u0131o", "\u0130O", "\u017Fe", "\u212Ar", "k\u0280", "c\u00F6m", "U\u212A" })
            Psl.HasKnownTld("host.example." + tld).ShouldBe(tlds.Contains(tld), tld);
        Psl.SuffixOf("www.example.CO.UK").ShouldBe("CO.UK");
        Psl.IsPublicSuffix("Foo.Kawasaki.JP.", includePrivate: false).ShouldBeTrue();
    }

    [TestCase("co.uk", true)]
    [TestCase("com", true)]
    [TestCase("example.co.uk", false)]
    [TestCase("example.com", false)]
    [TestCase("kawasaki.jp", false)]          // *.kawasaki.jp makes its children suffixes, not itself
    [TestCase("foo.kawasaki.jp", true)]
    [TestCase("city.kawasaki.jp", false)]     // !city.kawasaki.jp: an exception
    [TestCase("xn--p1ai", true)]              // .рф in its A-label form
    [TestCase("github.io", false)]            // PRIVATE section: not registry-controlled
    public void Public_suffixes_follow_the_list_rules(string name, bool expected) =>
        Psl.IsPublicSuffix(name, includePrivate: false).ShouldBe(expected);

    // Split as zlint's parser does (ICANN rules, default rule "*"): suffix, second-level domain, the labels left of it.
    [TestCase("www.shop.example.co.uk", true, "co.uk", "example", "www.shop", false)]
    [TestCase("example.com", true, "com", "example", "", false)]
    [TestCase("a.b.foo.kawasaki.jp", true, "foo.kawasaki.jp", "b", "a", false)]
    [TestCase("www.city.kawasaki.jp", true, "kawasaki.jp", "city", "www", false)]
    [TestCase("host.corp.unknowntld", true, "unknowntld", "corp", "host", false)]
    [TestCase("*.Example.COM", true, "com", "example", "*", false)]
    [TestCase("co.uk", false, "co.uk", null, null, false)]
    [TestCase("com", false, "com", null, null, true)]
    [TestCase(".example.com", false, null, null, null, false)]
    public void Names_split_into_suffix_sld_and_trd(string name, bool parsed, string? suffix, string? sld, string? trd, bool bareTld)
    {
        var d = CertLint.Rules.Fields.DomainNameFields.Split(name, "san");
        (d.Parsed, d.Suffix, d.Sld, d.Trd, d.BareTld).ShouldBe((parsed, suffix, sld, trd, bareTld));
    }

    [Test]
    public void The_private_section_counts_only_when_asked() =>
        Psl.IsPublicSuffix("github.io", includePrivate: true).ShouldBeTrue();

    [TestCase("www.example.com", true)]
    [TestCase("host.example.xn--p1ai", true)]
    [TestCase("printer.local", false)]
    [TestCase("build.corp", false)]
    [TestCase("intranet", false)]
    [TestCase("abc.onion", true)]
    public void Internal_names_have_no_public_top_level_domain(string name, bool expected) =>
        Psl.HasKnownTld(name).ShouldBe(expected);

    [TestCase("10.1.2.3", true)]
    [TestCase("172.31.255.255", true)]
    [TestCase("172.32.0.1", false)]
    [TestCase("192.168.0.1", true)]
    [TestCase("100.64.0.1", true)]
    [TestCase("127.0.0.1", true)]
    [TestCase("8.8.8.8", false)]
    [TestCase("203.0.113.9", true)]
    [TestCase("::1", true)]
    [TestCase("fd00::1", true)]
    [TestCase("fe80::1", true)]
    [TestCase("2001:db8::1", true)]
    [TestCase("2606:4700::1111", false)]
    [TestCase("::ffff:10.0.0.1", true)]
    public void Reserved_addresses_are_the_iana_special_purpose_blocks(string ip, bool expected) =>
        ReservedIps.IsReserved(IPAddress.Parse(ip)).ShouldBe(expected);
}
