using CertLint.Inventory;
using CertLint.Model;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>eku-client-auth, eku-server-auth and eku-missing through the compiled rules.</summary>
public sealed class UsageRuleTests
{
    private static readonly TestCertificate Root = TestPki.CreateRoot("Usage Root");
    private static readonly TestCertificate ServerCa = Root.IssueCa("Usage Server CA", o => o.ServerAuth());

    private static (PrimitiveHarness, CertificateInfo) One(TestCertificate cert, CertificateRole role)
    {
        var h = new PrimitiveHarness();
        var info = h.Add(cert, role == CertificateRole.Client ? "mtls/client.crt" : "server/www.crt", role);
        h.Chain(info, ChainStatus.Complete, h.Add(Root, "ca/root.crt"));
        return (h, info);
    }

    [Test]
    public void Eku_client_auth_fires_on_a_client_certificate_without_client_auth()
    {
        var (h, _) = One(Root.Issue("bob", o => o.ServerAuth()), CertificateRole.Client);
        var f = BuiltInRuleRunner.Lint(h, "eku-client-auth").ShouldHaveSingleItem();
        f.Message.ShouldContain("CN=bob");
        f.Message.ShouldContain("its extendedKeyUsage allows only serverAuth, not clientAuth");
    }

    [Test]
    public void Eku_client_auth_is_silent_for_client_auth_any_eku_no_eku_and_other_roles()
    {
        BuiltInRuleRunner.Lint(One(Root.Issue("alice", o => o.ClientAuth()), CertificateRole.Client).Item1, "eku-client-auth").ShouldBeEmpty();
        BuiltInRuleRunner.Lint(One(Root.Issue("any", o => o.Eku(Oids.AnyExtendedKeyUsage)), CertificateRole.Client).Item1, "eku-client-auth").ShouldBeEmpty();
        BuiltInRuleRunner.Lint(One(Root.Issue("none"), CertificateRole.Client).Item1, "eku-client-auth").ShouldBeEmpty();
        BuiltInRuleRunner.Lint(One(Root.Issue("srv", o => o.ServerAuth()), CertificateRole.Server).Item1, "eku-client-auth").ShouldBeEmpty();
        BuiltInRuleRunner.Lint(One(Root.Issue("unknown", o => o.ServerAuth()), CertificateRole.Unknown).Item1, "eku-client-auth").ShouldBeEmpty();
    }

    [Test]
    public void Eku_client_auth_fires_when_an_issuer_restricts_eku_to_server_auth()
    {
        var h = new PrimitiveHarness();
        var leaf = h.Add(ServerCa.Issue("dave", o => o.ClientAuth()), "mtls/client-dave.crt", CertificateRole.Client);
        var ca = h.Add(ServerCa, "mtls/server-ca.crt");
        h.Chain(leaf, ChainStatus.Complete, ca, h.Add(Root, "ca/root.crt"));

        var f = BuiltInRuleRunner.Lint(h, "eku-client-auth").ShouldHaveSingleItem();
        f.Message.ShouldContain("its issuer CN=Usage Server CA");
        f.Location.File.RelativePath.ShouldBe("mtls/client-dave.crt");
        BuiltInRuleRunner.Lint(h, "eku-server-auth").ShouldBeEmpty();
    }

    [Test]
    public void Eku_server_auth_fires_on_a_server_certificate_without_server_auth_only()
    {
        var (bad, _) = One(Root.Issue("www.usage.test", o => o.ClientAuth().Dns("www.usage.test")), CertificateRole.Server);
        BuiltInRuleRunner.Lint(bad, "eku-server-auth").ShouldHaveSingleItem().Message.ShouldContain("not serverAuth");

        var (good, _) = One(Root.Issue("www.usage.test", o => o.ServerAuth().Dns("www.usage.test")), CertificateRole.Server);
        BuiltInRuleRunner.Lint(good, "eku-server-auth").ShouldBeEmpty();

        // A certificate with both roles must allow both purposes.
        var (both, _) = One(Root.Issue("both", o => o.ClientAuth()), CertificateRole.Client | CertificateRole.Server);
        BuiltInRuleRunner.Lint(both, "eku-server-auth").ShouldHaveSingleItem();
        BuiltInRuleRunner.Lint(both, "eku-client-auth").ShouldBeEmpty();
    }

    [Test]
    public void Eku_missing_warns_on_leaves_without_eku_only()
    {
        var h = new PrimitiveHarness();
        h.Add(Root.Issue("carol"), "mtls/client-carol.crt", CertificateRole.Client);
        h.Add(Root.Issue("erin", o => o.ClientAuth()), "mtls/client-erin.crt", CertificateRole.Client);
        h.Add(Root, "ca/root.crt");

        var f = BuiltInRuleRunner.Lint(h, "eku-missing").ShouldHaveSingleItem();
        f.Location.File.RelativePath.ShouldBe("mtls/client-carol.crt");
        f.Severity.ShouldBe(Findings.Severity.Warning);
    }
}
