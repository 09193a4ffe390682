using System.Net;
using CertLint.Rules.Primitives.DomainNames;

namespace CertLint.Tests.Packs;

/// <summary>Reverse-DNS names read as zlint reads them, and name-constraint ranges against the reserved blocks.</summary>
public sealed class ReverseDnsNameTests
{
    [TestCase("14.215.184.93.in-addr.arpa", "in-addr", "93.184.215.14", false)]
    [TestCase("1.0.168.192.IN-ADDR.ARPA", "in-addr", "192.168.0.1", true)]
    [TestCase("1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", "ip6", "2001:db8::1", true)]
    [TestCase("8.0.8.0.8.0.8.0.f.f.f.f.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.ip6.arpa", "ip6", "::ffff:8.8.8.8", true)] // IPv4-mapped
    [TestCase("1.168.192.in-addr.arpa", "in-addr", null, false)]      // 3 labels
    [TestCase("01.0.168.192.in-addr.arpa", "in-addr", null, false)]   // leading zero
    [TestCase("256.0.168.192.in-addr.arpa", "in-addr", null, false)]
    [TestCase("g.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa", "ip6", null, false)]
    public void Reverse_names_spell_addresses(string name, string zone, string? address, bool reserved)
    {
        var reading = ReverseDnsName.Read(name).ShouldNotBeNull();
        reading.Zone.ShouldBe(zone);
        reading.Address?.ToString().ShouldBe(address);
        reading.Malformed.ShouldBe(address is null);
        reading.Reserved.ShouldBe(reserved);
    }

    [Test]
    public void Other_names_are_not_reverse_names() => ReverseDnsName.Read("www.example.arpa").ShouldBeNull();

    [TestCase("10.0.0.0", "255.0.0.0", true)]         // is a reserved block
    [TestCase("198.0.0.0", "255.0.0.0", true)]        // contains 198.18.0.0/15
    [TestCase("10.1.2.0", "255.255.255.0", true)]     // inside 10.0.0.0/8
    [TestCase("93.184.0.0", "255.255.0.0", false)]
    [TestCase("2001:db8::", "ffff:ffff::", true)]
    [TestCase("2a00:1450::", "ffff:ffff::", false)]
    public void Name_constraint_ranges_meet_reserved_blocks(string address, string mask, bool intersects) =>
        ReservedIps.IntersectsReserved(IPAddress.Parse(address).GetAddressBytes(), IPAddress.Parse(mask).GetAddressBytes()).ShouldBe(intersects);
}
