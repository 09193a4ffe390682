using System.Net;
using CertLint.Engine;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.CabfBr;

/// <summary>
/// The reserved ranges zlint's util/ip.go has and CertLint's list lacked until now (AS112, AMT, the IPv6 space IANA keeps
/// "Reserved by IETF"), through cabf-reserved-ip-san on certificates written now: the edges of each range, exact.
/// </summary>
public sealed class ReservedIpRuleTests
{
    private static readonly TestCertificate Root = RawCertificateBuilder.Ca("Reserved IP Test Root", null).Build();

    [TestCase("192.31.196.1", true)] // AS112-v4, RFC 7535
    [TestCase("192.31.195.255", false)]
    [TestCase("192.52.193.254", true)] // AMT, RFC 7450
    [TestCase("192.52.194.0", false)]
    [TestCase("192.175.48.53", true)] // Direct Delegation AS112, RFC 7534
    [TestCase("255.255.255.255", true)] // Limited Broadcast
    [TestCase("2620:4f:8000::53", true)] // Direct Delegation AS112, RFC 7534
    [TestCase("2620:4f:8001::53", false)]
    [TestCase("4000::1", true)] // Reserved by IETF (RFC 4291): 4000::/3 ... fe00::/9
    [TestCase("fe00::1", true)]
    [TestCase("f800::1", true)]
    [TestCase("0400::1", true)]
    [TestCase("2600:1f18::1", false)] // global unicast 2000::/3
    [TestCase("93.184.215.14", false)]
    public void A_san_ip_in_a_reserved_range_fires_cabf_reserved_ip_san(string address, bool reserved)
    {
        using var dir = new TempDirectory();
        var leaf = RawCertificateBuilder.Leaf("www.example.com", Root)
            .Set(Oids.SubjectAltName, Ext.GeneralNames(Gn.Dns("www.example.com"), Gn.Ip(IPAddress.Parse(address).GetAddressBytes())))
            .Set(Oids.ExtendedKeyUsage, Ext.Eku(Oids.ServerAuth)).Build();
        TestPki.WritePem(dir.Path, "leaf.pem", leaf, Root);

        var result = new LintEngine().Run(new LintRequest
        {
            WorkingDirectory = dir.Path, Paths = ["leaf.pem"], Now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
            Packs = ["cabf-br"], Environment = _ => null,
        });

        var canonical = IPAddress.Parse(address).ToString();
        result.Findings.Where(f => f.Rule.Name.StartsWith("cabf-reserved-ip", StringComparison.Ordinal)).Select(f => (f.Rule.Name, f.Message))
            .ShouldBe(reserved ? [("cabf-reserved-ip-san", $"CN=www.example.com has the reserved IP address {canonical} in its subjectAltName (IANA special-purpose registry): private and reserved addresses cannot be validated.")] : []);
    }
}
