using System.Security.Cryptography;
using System.Text;
using CertLint.Rules.Primitives.DomainNames;

namespace CertLint.Tests.Packs;

/// <summary>Tor v3 onion addresses (rend-spec-v3 §6) behind cabf-onion-v3-address and the domains record's onion fields.</summary>
public sealed class OnionAddressTests
{
    // Published v3 addresses (DuckDuckGo, the Tor Project); their checksums were checked independently with Python's hashlib.sha3_256.
    [TestCase("duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad", true)]
    [TestCase("2gzyxa5ihm7nsggfxnu52rck2vv4rvmdlkiu3zzui5du4xyclen53wid", true)]
    [TestCase("DUCKDUCKGOGG42XJOC72X3SJASOWOARFBGCMVFIMAFTT6TWAGSWZCZAD", true)]    // DNS is case-insensitive
    [TestCase("duckduckgoag42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad", false)]   // one character changed: checksum
    [TestCase("duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczac", false)]   // version byte 2, not 3
    [TestCase("duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzcza1", false)]   // '1' is not base32
    [TestCase("expyuzz4wqqyqhjn", false)]                                          // a v2 address
    [TestCase("", false)]
    public void V3_addresses_are_checked_by_checksum_and_version(string label, bool valid) =>
        OnionAddress.IsValidV3(label).ShouldBe(valid);

    [TestCase("www.example.onion", "example")]
    [TestCase("a.b.duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion", "duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad")]
    [TestCase(".onion", "")]
    [TestCase("x.onion.com", null)]
    [TestCase("EXAMPLE.ONION", null)]   // zlint matches the suffix case-sensitively
    public void The_onion_label_is_the_one_left_of_onion(string name, string? label) =>
        OnionAddress.Label(name).ShouldBe(label);

    [Test]
    public void The_managed_SHA3_fallback_agrees_with_the_platform()
    {
        // FIPS 202 test vector: SHA3-256("abc").
        var abc = Encoding.ASCII.GetBytes("abc");
        Convert.ToHexStringLower(OnionAddress.Sha3_256Managed(abc)).ShouldBe("3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532");
        if (!SHA3_256.IsSupported) Assert.Ignore("this platform has no SHA3-256; the managed path is the one in use");
        OnionAddress.Sha3_256(abc).ShouldBe(OnionAddress.Sha3_256Managed(abc));
    }
}
