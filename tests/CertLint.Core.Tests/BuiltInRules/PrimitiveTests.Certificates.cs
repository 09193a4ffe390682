using CertLint.Configuration;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Rules.Primitives;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>Primitives that judge one certificate or key against the inventory.</summary>
public sealed class CertificatePrimitiveTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("Prim Root");
    private static readonly TestCertificate Inter = Root.IssueCa("Prim Intermediate");
    private static readonly TestCertificate Leaf = Inter.Issue("www.prim.test", o => o.ServerAuth().ClientAuth().Dns("www.prim.test", "*.api.prim.test").Ip("10.0.0.1"));

    [Test]
    public void Key_pair_reports_the_mismatch_on_the_key_and_on_the_certificate()
    {
        var h = new PrimitiveHarness();
        var cert = h.Add(Leaf, "srv/www.crt");
        var other = TestKey.Create(TestKeyType.EcP256);
        var key = h.AddKey(other, "srv/www.key");
        var goodKey = h.AddKey(Leaf.Key, "srv/good.key");

        h.Run(new KeyPairPrimitive(), PrimitiveHarness.Subject(key)).ShouldBeEmpty();
        h.Mismatches.Add(new KeyMismatch(key, cert, "same file stem"));

        var v = h.Run(new KeyPairPrimitive(), PrimitiveHarness.Subject(key)).ShouldHaveSingleItem();
        v.Values["certificatePath"].ShouldBe("srv/www.crt:1");
        v.Values["reason"].ShouldBe("same file stem");
        h.Run(new KeyPairPrimitive(), PrimitiveHarness.Subject(cert)).ShouldHaveSingleItem();
        h.Run(new KeyPairPrimitive(), PrimitiveHarness.Subject(goodKey)).ShouldBeEmpty();
    }

    [Test]
    public void Chain_complete_and_chain_valid_follow_the_chain_status()
    {
        var h = new PrimitiveHarness();
        var leaf = h.Add(Leaf);
        var inter = h.Add(Inter);
        var root = h.Add(Root);
        var subject = PrimitiveHarness.Subject(leaf);

        h.Chain(leaf, ChainStatus.Complete, inter, root);
        h.Run(new ChainCompletePrimitive(), subject).ShouldBeEmpty();
        h.Run(new ChainValidPrimitive(), subject).ShouldBeEmpty();

        h.Chain(leaf, ChainStatus.Incomplete, inter);
        var incomplete = h.Run(new ChainCompletePrimitive(), subject).ShouldHaveSingleItem();
        incomplete.Values["missingIssuer"].ShouldBe("CN=Prim Root");
        incomplete.Values["path"].ShouldBe("CN=www.prim.test -> CN=Prim Intermediate");
        h.Run(new ChainValidPrimitive(), subject).ShouldBeEmpty();

        h.Chain(leaf, ChainStatus.Invalid, inter, root);
        h.Run(new ChainCompletePrimitive(), subject).ShouldBeEmpty();
        h.Run(new ChainValidPrimitive(), subject).ShouldHaveSingleItem().Values["problems"].ShouldBe("Invalid chain");
    }

    [Test]
    public void Hostname_match_checks_hosts_from_the_command_line_and_per_path()
    {
        var h = new PrimitiveHarness();
        var cert = h.Add(Leaf, "web/www.crt", CertificateRole.Server);
        var subject = PrimitiveHarness.Subject(cert);

        h.Run(new HostnameMatchPrimitive(), subject).ShouldBeEmpty();   // nothing expected

        h.Hosts.AddRange(["WWW.prim.test.", "a.api.prim.test", "10.0.0.1"]);
        h.Run(new HostnameMatchPrimitive(), subject).ShouldBeEmpty();

        h.HostsByPath.Add(new PathHosts("web/*.crt", ["prim.test", "x.y.api.prim.test"]));
        h.HostsByPath.Add(new PathHosts("other/**", ["never.test"]));
        var v = h.Run(new HostnameMatchPrimitive(), subject).ShouldHaveSingleItem();
        v.Values["hosts"].ShouldBe("prim.test, x.y.api.prim.test");
        v.Values["sanNames"].ShouldBe("DNS:www.prim.test, DNS:*.api.prim.test, IP:10.0.0.1");
        v.Values["hint"].ShouldBe("");

        h.Run(new HostnameMatchPrimitive(), subject, ("hosts", (string[])["10.0.0.2"])).Single().Values["hosts"]
            .ShouldBe("10.0.0.2, prim.test, x.y.api.prim.test");
    }

    [Test]
    public void Hostname_match_reports_a_certificate_without_san_against_its_expected_hosts()
    {
        var h = new PrimitiveHarness();
        var noSan = h.Add(Inter.Issue("www.prim.test"), "web/nosan.crt");
        h.HostsByPath.Add(new PathHosts("web/**", ["www.prim.test"]));
        h.Run(new HostnameMatchPrimitive(), PrimitiveHarness.Subject(noSan)).ShouldHaveSingleItem().Values["sanNames"].ShouldBe("(none)");
    }
}
