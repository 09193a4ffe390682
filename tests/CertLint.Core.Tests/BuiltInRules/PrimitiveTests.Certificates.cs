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
    private static readonly TestCertificate ServerOnlyCa = Root.IssueCa("Prim Server CA", o => o.ServerAuth());
    private static readonly TestCertificate AnyEkuCa = Root.IssueCa("Prim Any CA", o => o.Eku(Oids.AnyExtendedKeyUsage));
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

    [TestCase("clientAuth", true, false)]
    [TestCase("serverAuth", true, true)]
    public void Eku_purpose_flags_an_issuer_restricted_to_other_purposes(string purpose, bool acceptAny, bool expectPass)
    {
        var h = new PrimitiveHarness();
        var leaf = h.Add(ServerOnlyCa.Issue("c", o => o.ClientAuth().ServerAuth()));
        var ca = h.Add(ServerOnlyCa);
        h.Chain(leaf, ChainStatus.Complete, ca, h.Add(Root));

        var violations = h.Run(new EkuPurposePrimitive(), PrimitiveHarness.Subject(leaf), ("purpose", purpose), ("acceptAny", acceptAny));
        violations.Count.ShouldBe(expectPass ? 0 : 1);
        if (!expectPass)
        {
            violations[0].Values["eku"].ShouldBe("serverAuth");
            violations[0].Values["restrictedBy"].ShouldBe($"its issuer CN=Prim Server CA (serial {ca.SerialNumber}, SHA-256 {ca.Sha256[..16]})");
            h.Run(new EkuPurposePrimitive(), PrimitiveHarness.Subject(leaf), ("purpose", purpose), ("issuers", false)).ShouldBeEmpty();
        }
    }

    [Test]
    public void Eku_purpose_checks_the_certificate_itself_first()
    {
        var h = new PrimitiveHarness();
        var serverOnly = h.Add(Inter.Issue("s", o => o.ServerAuth()));
        var v = h.Run(new EkuPurposePrimitive(), PrimitiveHarness.Subject(serverOnly), ("purpose", "clientAuth")).ShouldHaveSingleItem();
        v.Values["restrictedBy"].ShouldBe("its extendedKeyUsage");
        h.Run(new EkuPurposePrimitive(), PrimitiveHarness.Subject(serverOnly), ("purpose", "serverAuth")).ShouldBeEmpty();

        // No EKU at all: any purpose (eku-missing's business, not this one's).
        h.Run(new EkuPurposePrimitive(), PrimitiveHarness.Subject(h.Add(Inter.Issue("n"))), ("purpose", "clientAuth")).ShouldBeEmpty();
    }

    [Test]
    public void Eku_purpose_honours_any_extended_key_usage_unless_told_not_to_and_ignores_issuers_without_eku()
    {
        var h = new PrimitiveHarness();
        var underAny = h.Add(AnyEkuCa.Issue("a", o => o.ClientAuth()));
        h.Chain(underAny, ChainStatus.Incomplete, h.Add(AnyEkuCa));
        h.Run(new EkuPurposePrimitive(), PrimitiveHarness.Subject(underAny), ("purpose", "clientAuth")).ShouldBeEmpty();
        h.Run(new EkuPurposePrimitive(), PrimitiveHarness.Subject(underAny), ("purpose", "clientAuth"), ("acceptAny", false)).ShouldHaveSingleItem();

        var anyLeaf = h.Add(Inter.Issue("any", o => o.Eku(Oids.AnyExtendedKeyUsage)));
        h.Run(new EkuPurposePrimitive(), PrimitiveHarness.Subject(anyLeaf), ("purpose", "serverAuth")).ShouldBeEmpty();
        h.Run(new EkuPurposePrimitive(), PrimitiveHarness.Subject(anyLeaf), ("purpose", "serverAuth"), ("acceptAny", false)).ShouldHaveSingleItem();

        var plain = h.Add(Leaf);
        h.Chain(plain, ChainStatus.Complete, h.Add(Inter), h.Add(Root));
        h.Run(new EkuPurposePrimitive(), PrimitiveHarness.Subject(plain), ("purpose", "serverAuth")).ShouldBeEmpty();
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
        v.Values["sanNames"].ShouldBe("www.prim.test, *.api.prim.test, 10.0.0.1");

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

    [Test]
    public void Cn_in_san_compares_the_cn_with_every_kind_of_san_entry()
    {
        var h = new PrimitiveHarness();
        CertLint.Rules.RuleSubject S(string cn, Action<CertOptions> o) => PrimitiveHarness.Subject(h.Add(Inter.Issue(cn, o)));

        h.Run(new CnInSanPrimitive(), S("WWW.Prim.Test", o => o.Dns("www.prim.test"))).ShouldBeEmpty();
        h.Run(new CnInSanPrimitive(), S("10.0.0.1", o => o.Ip("10.0.0.1"))).ShouldBeEmpty();
        h.Run(new CnInSanPrimitive(), S("bob@prim.test", o => o.Email("bob@prim.test"))).ShouldBeEmpty();
        h.Run(new CnInSanPrimitive(), S("no-san.prim.test", _ => { })).ShouldBeEmpty();

        var v = h.Run(new CnInSanPrimitive(), S("cn.prim.test", o => o.Dns("other.prim.test").Ip("10.0.0.9"))).ShouldHaveSingleItem();
        v.Values["cn"].ShouldBe("cn.prim.test");
        v.Values["sanNames"].ShouldBe("other.prim.test, 10.0.0.9");
        // A wildcard SAN does not make a concrete CN "in the SAN".
        h.Run(new CnInSanPrimitive(), S("a.prim.test", o => o.Dns("*.prim.test"))).ShouldHaveSingleItem();
    }
}
