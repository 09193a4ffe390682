using CertLint.Configuration;
using CertLint.Inventory;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>san-missing, hostname-mismatch and cn-not-in-san through the compiled rules.</summary>
public sealed class NameRuleTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("Names Root");

    [Test]
    public void San_missing_warns_on_server_leaves_without_san()
    {
        var h = new PrimitiveHarness();
        h.Add(Root.Issue("nosan.names.test", o => o.ServerAuth()), "server/nosan.crt", CertificateRole.Server);
        h.Add(Root.Issue("www.names.test", o => o.ServerAuth().Dns("www.names.test")), "server/www.crt", CertificateRole.Server);
        h.Add(Root.Issue("alice", o => o.ClientAuth()), "mtls/client.crt", CertificateRole.Client);
        h.Add(Root.Issue("ip", o => o.ServerAuth().Ip("10.1.2.3")), "server/ip.crt", CertificateRole.Server);

        var f = BuiltInRuleRunner.Lint(h, "san-missing").ShouldHaveSingleItem();
        f.Location.File.RelativePath.ShouldBe("server/nosan.crt");
        f.Message.ShouldContain("subjectAltName=DNS:nosan.names.test");
    }

    [Test]
    public void Hostname_mismatch_checks_command_line_and_per_path_hosts_with_rfc6125_wildcards()
    {
        var h = new PrimitiveHarness();
        h.Add(Root.Issue("*.names.test", o => o.ServerAuth().Dns("*.names.test")), "server/wildcard.crt", CertificateRole.Server);
        h.Add(Root.Issue("www.names.test", o => o.ServerAuth().Dns("www.names.test", "names.test")), "server/www.crt", CertificateRole.Server);
        h.Add(Root.Issue("alice", o => o.ClientAuth()), "mtls/client.crt", CertificateRole.Client);
        h.Hosts.Add("www.names.test");
        BuiltInRuleRunner.Lint(h, "hostname-mismatch").ShouldBeEmpty();    // both servers cover it; clients are not checked

        h.HostsByPath.Add(new PathHosts("server/wildcard.crt", ["names.test", "a.b.names.test", "shop.names.test"]));
        var f = BuiltInRuleRunner.Lint(h, "hostname-mismatch").ShouldHaveSingleItem();
        f.Location.File.RelativePath.ShouldBe("server/wildcard.crt");
        f.Message.ShouldContain("does not cover names.test, a.b.names.test (SAN: DNS:*.names.test): reissue");
    }

    [Test]
    public void Hostname_mismatch_says_when_an_expected_address_is_listed_as_a_dns_name()
    {
        // DNS:10.0.0.5 never matches a client connecting to 10.0.0.5: the message must not read as if it were covered.
        var h = new PrimitiveHarness();
        h.Add(Root.Issue("10.0.0.5", o => o.ServerAuth().Dns("10.0.0.5", "svc.names.test").Ip("10.0.0.6")), "server/ip.crt", CertificateRole.Server);
        h.Hosts.Add("10.0.0.5");
        h.Hosts.Add("10.0.0.6");
        h.Hosts.Add("svc.names.test");
        BuiltInRuleRunner.Lint(h, "hostname-mismatch").ShouldHaveSingleItem().Message.ShouldEndWith(
            "does not cover 10.0.0.5 (SAN: DNS:10.0.0.5, DNS:svc.names.test, IP:10.0.0.6) (10.0.0.5 is listed as DNS, and clients match an IP address " +
            "only against IP entries: list it as IP:10.0.0.5): reissue it with these names in subjectAltName.");
    }

    [Test]
    public void Hostname_mismatch_says_when_a_wildcard_sits_on_a_public_suffix()
    {
        // *.co.uk covers nothing (Chromium refuses it); *.github.io is a private-section suffix and covers its subdomains.
        var h = new PrimitiveHarness();
        h.Add(Root.Issue("*.co.uk", o => o.ServerAuth().Dns("*.co.uk")), "server/suffix.crt", CertificateRole.Server);
        h.Add(Root.Issue("*.github.io", o => o.ServerAuth().Dns("*.github.io")), "server/pages.crt", CertificateRole.Server);
        h.HostsByPath.Add(new PathHosts("server/suffix.crt", ["shop.co.uk"]));
        h.HostsByPath.Add(new PathHosts("server/pages.crt", ["names.github.io"]));
        var f = BuiltInRuleRunner.Lint(h, "hostname-mismatch").ShouldHaveSingleItem();
        f.Location.File.RelativePath.ShouldBe("server/suffix.crt");
        f.Message.ShouldEndWith("does not cover shop.co.uk (SAN: DNS:*.co.uk) (*.co.uk: a wildcard on a public suffix covers nothing, " +
            "as browsers refuse it): reissue it with these names in subjectAltName.");
    }

    [Test]
    public void Hostname_mismatch_is_silent_without_expected_hosts()
    {
        var h = new PrimitiveHarness();
        h.Add(Root.Issue("x", o => o.ServerAuth().Dns("x.names.test")), "server/x.crt", CertificateRole.Server);
        BuiltInRuleRunner.Lint(h, "hostname-mismatch").ShouldBeEmpty();
        h.Hosts.Add("y.names.test");
        BuiltInRuleRunner.Lint(h, "hostname-mismatch").ShouldHaveSingleItem();
    }

    [Test]
    public void Cn_not_in_san_warns_when_the_cn_names_something_else()
    {
        var h = new PrimitiveHarness();
        h.Add(Root.Issue("cn.names.test", o => o.ServerAuth().Dns("other.names.test")), "server/cn.crt", CertificateRole.Server);
        h.Add(Root.Issue("WWW.names.test", o => o.ServerAuth().Dns("www.names.test")), "server/www.crt", CertificateRole.Server);
        h.Add(Root.Issue("nosan.names.test", o => o.ServerAuth()), "server/nosan.crt", CertificateRole.Server);
        h.Add(Root.Issue("alice", o => o.ClientAuth().Email("alice@names.test")), "mtls/client.crt", CertificateRole.Client);

        var f = BuiltInRuleRunner.Lint(h, "cn-not-in-san").ShouldHaveSingleItem();
        f.Location.File.RelativePath.ShouldBe("server/cn.crt");
        f.Message.ShouldContain("has CN cn.names.test, which is not in its SAN (other.names.test)");
    }

    [Test]
    public void Cn_not_in_san_compares_hosts_as_clients_do_and_mail_and_uris_as_text()
    {
        var h = new PrimitiveHarness();
        h.Add(Root.Issue("WWW.Names.Test.", o => o.ServerAuth().Dns("www.names.test")), "server/case.crt", CertificateRole.Server);
        h.Add(Root.Issue("bücher.names.test", o => o.ServerAuth().Dns("xn--bcher-kva.names.test")), "server/idn.crt", CertificateRole.Server);
        h.Add(Root.Issue("10.0.0.1", o => o.ServerAuth().Ip("10.0.0.1")), "server/ip.crt", CertificateRole.Server);
        h.Add(Root.Issue("2001:db8:0:0::1", o => o.ServerAuth().Ip("2001:db8::1")), "server/ip6.crt", CertificateRole.Server);
        h.Add(Root.Issue("bob@names.test", o => o.ServerAuth().Email("bob@names.test")), "server/mail.crt", CertificateRole.Server);
        var wild = h.Add(Root.Issue("a.names.test", o => o.ServerAuth().Dns("*.names.test").Ip("10.0.0.9")), "server/wild.crt", CertificateRole.Server);
        h.Add(Root.Issue("10.0.0.2", o => o.ServerAuth().Dns("10.0.0.2.names.test")), "server/ip-dns.crt", CertificateRole.Server);

        var findings = BuiltInRuleRunner.Lint(h, "cn-not-in-san");
        findings.Select(f => f.Location.File.RelativePath).Order().ShouldBe(["server/ip-dns.crt", "server/wild.crt"]);
        findings.Single(f => f.Location.File.RelativePath == "server/wild.crt").Message.ShouldBe(
            $"CN=a.names.test (serial {wild.SerialNumber}, SHA-256 {wild.Sha256[..16]}) has CN a.names.test, which is not in its SAN (*.names.test, 10.0.0.9): add it to subjectAltName or drop it from the subject.");
        CertLint.Rules.Compilation.PrimitiveRegistry.Default.Find("cn-in-san").ShouldBeNull();
    }
}
