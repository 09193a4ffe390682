using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// cabf-tor-service-descriptor-invalid (zlint e_ext_tor_service_descriptor_hash_invalid) and
/// cabf-ev-certificate-policies (zlint e_ev_certificate_policies) through the real engine on certificates written now:
/// each reason zlint gives, with the exact finding set and message, and an undecodable extension as a field state.
/// </summary>
public sealed class TorServiceDescriptorTests
{
    private const string Tor = "cabf-tor-service-descriptor-invalid", Cps = "cabf-ev-certificate-policies";
    private const string OnionV3 = "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion";
    private const string Ev = "2.23.140.1.1";
    private static readonly TestCertificate Root = RawCertificateBuilder.Ca("Tor Test Root", null).Build();

    /// <summary>A leaf under the test root with SAN <paramref name="names"/>, EV policy when <paramref name="ev"/>, changed by <paramref name="change"/>.</summary>
    private static TestCertificate Leaf(bool ev, string[] names, Action<RawCertificateBuilder>? change = null)
    {
        var b = RawCertificateBuilder.Leaf("www.example.com", Root)
            .Set(Oids.SubjectAltName, Ext.GeneralNames([.. names.Select(Gn.Dns)]))
            .Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth))
            .Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(ev ? Ev : CabfBrFixtures.Dv, Ext.CpsQualifier("https://www.example.com/cps"))));
        change?.Invoke(b);
        return b.Build();
    }

    private static Action<RawCertificateBuilder> Descriptors(params (string Uri, string Algorithm, int HashOctets)[] hashes) =>
        b => b.Set(CabfBrFixtures.TorServiceDescriptor, CabfBrFixtures.TorDescriptors(hashes));

    /// <summary>The (rule, message) findings of the two rules and any parse-error, for the leaf linted with the cabf-br pack.</summary>
    private static (string Rule, string Message)[] Lint(TestCertificate leaf) =>
        [.. CabfBrLeafLint.Findings(leaf, Root, Tor, Cps)
            .Select(f => (f.Rule.Name, f.Message[(f.Message.IndexOf("): ", StringComparison.Ordinal) + 3)..]))];

    [Test]
    public void An_ev_certificate_for_a_v2_onion_name_needs_the_extension()
    {
        Lint(Leaf(ev: true, ["www.example.com", CabfBrFixtures.OnionV2Name]))
            .ShouldBe([(Tor, "it names a .onion domain but has no TorServiceDescriptor extension (2.23.140.1.31).")]);
        // Not EV, or a v3 name only: the rule does not apply without the extension.
        Lint(Leaf(ev: false, ["www.example.com", CabfBrFixtures.OnionV2Name])).ShouldBeEmpty();
        Lint(Leaf(ev: true, ["www.example.com", OnionV3])).ShouldBeEmpty();
    }

    [TestCase("http://expyuzz4wqqyqhjn.onion", CabfBrFixtures.Sha256Oid, 32, "TorServiceDescriptorHash onion URI 'http://expyuzz4wqqyqhjn.onion' is not https.")]
    [TestCase("expyuzz4wqqyqhjn.onion", CabfBrFixtures.Sha256Oid, 32, "TorServiceDescriptorHash onion URI 'expyuzz4wqqyqhjn.onion' is not a URL.")]
    [TestCase("https://expyuzz4wqqyqhjn.onion", "1.3.14.3.2.26", 20, "TorServiceDescriptorHash for 'https://expyuzz4wqqyqhjn.onion' uses hash algorithm 1.3.14.3.2.26, not SHA-256, SHA-384 or SHA-512.")]
    [TestCase("https://expyuzz4wqqyqhjn.onion", CabfBrFixtures.Sha256Oid, 48, "TorServiceDescriptorHash for 'https://expyuzz4wqqyqhjn.onion' has 384 bits of SHA256 hash, not 256.")]
    [TestCase("https://aaaaaaaaaaaaaaaa.onion", CabfBrFixtures.Sha256Oid, 32, "TorServiceDescriptorHash onion host aaaaaaaaaaaaaaaa.onion is not an onion name of the certificate.")]
    public void Each_bad_descriptor_is_named(string uri, string algorithm, int octets, string reason) =>
        Lint(Leaf(ev: true, ["www.example.com", CabfBrFixtures.OnionV2Name], Descriptors((uri, algorithm, octets)))).ShouldBe([(Tor, reason)]);

    [Test]
    public void Hosts_are_described_once_and_every_onion_name_of_an_ev_certificate_is_covered()
    {
        string[] names = ["www.example.com", CabfBrFixtures.OnionV2Name, "shop." + OnionV3];
        var v2 = ("https://" + CabfBrFixtures.OnionV2Name, CabfBrFixtures.Sha256Oid, 32);
        var v3 = ("https://" + OnionV3 + ":443/", CabfBrFixtures.Sha256Oid, 32);
        Lint(Leaf(ev: true, names, Descriptors(v2, v2))).ShouldBe([(Tor, $"more than one TorServiceDescriptorHash for onion host {CabfBrFixtures.OnionV2Name}.")]);
        Lint(Leaf(ev: true, names, Descriptors(v2))).ShouldBe([(Tor, $"onion name shop.{OnionV3} has no TorServiceDescriptorHash for {OnionV3}.")]);
        Lint(Leaf(ev: true, names, Descriptors(v2, v3))).ShouldBeEmpty();
        // Hosts compare as written, as zlint compares them (Go's url.Hostname keeps the case).
        Lint(Leaf(ev: true, names, Descriptors(v2, ("https://" + OnionV3.ToUpperInvariant().Replace(".ONION", ".onion", StringComparison.Ordinal), CabfBrFixtures.Sha256Oid, 32))))
            .ShouldBe([(Tor, $"TorServiceDescriptorHash onion host {OnionV3.ToUpperInvariant().Replace(".ONION", ".onion", StringComparison.Ordinal)} is not an onion name of the certificate.")]);
        // Outside EV only the descriptors present are judged.
        Lint(Leaf(ev: false, names, Descriptors(v2))).ShouldBeEmpty();
    }

    [Test]
    public void An_undecodable_or_empty_extension_is_a_finding_not_a_parse_error()
    {
        Lint(Leaf(ev: true, ["www.example.com", CabfBrFixtures.OnionV2Name], b => b.Set(CabfBrFixtures.TorServiceDescriptor, Seq(Int(7)))))
            .ShouldBe([(Tor, "its TorServiceDescriptor extension (2.23.140.1.31) cannot be decoded.")]);
        Lint(Leaf(ev: false, ["www.example.com"], b => b.Set(CabfBrFixtures.TorServiceDescriptor, Seq())))
            .ShouldBe([(Tor, "its TorServiceDescriptor extension holds no TorServiceDescriptorHash.")]);
    }

    [TestCase(null, "no certificate policy has a CPS URI qualifier.")]
    [TestCase("ftp://www.example.com/cps", "the CPS URI 'ftp://www.example.com/cps' is not http or https.")]
    [TestCase("https://www.example.notatld/cps", "the CPS URI 'https://www.example.notatld/cps' has no host name in a known top-level domain.")]
    [TestCase("https://192.0.2.1/cps", "the CPS URI 'https://192.0.2.1/cps' has no host name in a known top-level domain.")]
    public void Ev_certificates_need_one_http_cps_uri_with_a_known_tld(string? cps, string reason)
    {
        var leaf = Leaf(ev: true, ["www.example.com"], b => b.Set(Oids.CertificatePolicies,
            Ext.Policies(cps is null ? Ext.Policy(Ev) : Ext.Policy(Ev, Ext.CpsQualifier(cps)))));
        Lint(leaf).ShouldBe([(Cps, "an EV certificate, but " + reason)]);
    }

    [Test]
    public void The_first_policy_with_cps_uris_decides()
    {
        // zlint reads the CPS URIs of the first policy that has any: two there fail, one there passes whatever follows.
        var two = Leaf(ev: true, ["www.example.com"], b => b.Set(Oids.CertificatePolicies, Ext.Policies(
            Ext.Policy(Ev), Ext.Policy("2.23.140.1.2.2", Ext.CpsQualifier("https://a.example.com/"), Ext.CpsQualifier("https://b.example.com/")))));
        Lint(two).ShouldBe([(Cps, "an EV certificate, but the first policy with CPS URIs has 2 of them, not one.")]);
        var first = Leaf(ev: true, ["www.example.com"], b => b.Set(Oids.CertificatePolicies, Ext.Policies(
            Ext.Policy(Ev, Ext.CpsQualifier("https://a.example.com/")), Ext.Policy("2.23.140.1.2.2", Ext.CpsQualifier("ftp://b.example.com/")))));
        Lint(first).ShouldBeEmpty();
        Lint(Leaf(ev: false, ["www.example.com"], b => b.Set(Oids.CertificatePolicies, Ext.Policies(Ext.Policy(CabfBrFixtures.Dv))))).ShouldBeEmpty();
    }
}
