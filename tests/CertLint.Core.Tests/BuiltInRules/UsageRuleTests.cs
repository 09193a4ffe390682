using System.Security.Cryptography.X509Certificates;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Tests.Pki;

namespace CertLint.Tests.BuiltInRules;

/// <summary>eku-client-auth, eku-server-auth, eku-missing and client-cert-public-tls through the compiled rules.</summary>
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

    private static readonly TestCertificate AnyEkuCa = Root.IssueCa("Usage Any CA", o => o.Eku(Oids.AnyExtendedKeyUsage));

    private static string Tail(string purpose, string role) =>
        $", not {purpose}: reissue it with extendedKeyUsage {purpose} from a CA allowed to issue {role} certificates.";

    [Test]
    public void Eku_rules_name_the_certificate_that_restricts_with_its_serial_and_fingerprint()
    {
        // The leaf itself restricts: its own EKU is named, even when an issuer restricts too.
        var h = new PrimitiveHarness();
        var leaf = h.Add(ServerCa.Issue("erin", o => o.Eku("1.3.6.1.5.5.7.3.4")), "mtls/client-erin.crt", CertificateRole.Client);
        var ca = h.Add(ServerCa, "mtls/server-ca.crt");
        h.Chain(leaf, ChainStatus.Complete, ca, h.Add(Root, "ca/root.crt"));
        var own = BuiltInRuleRunner.Lint(h, "eku-client-auth").ShouldHaveSingleItem();
        own.Message.ShouldBe($"CN=erin (serial {leaf.SerialNumber}, SHA-256 {leaf.Sha256[..16]}) is used as a TLS client certificate (role from nothing (role unknown)), " +
            "but its extendedKeyUsage allows only emailProtection" + Tail("clientAuth", "client"));

        // An issuer restricts: the first one on the path, by name, serial and fingerprint; an incomplete path is enough.
        var h2 = new PrimitiveHarness();
        var dave = h2.Add(ServerCa.Issue("dave", o => o.ClientAuth()), "mtls/client-dave.crt", CertificateRole.Client);
        var ca2 = h2.Add(ServerCa, "mtls/server-ca.crt");
        h2.Chain(dave, ChainStatus.Incomplete, ca2);
        var byIssuer = BuiltInRuleRunner.Lint(h2, "eku-client-auth").ShouldHaveSingleItem();
        byIssuer.Message.ShouldEndWith($"but its issuer CN=Usage Server CA (serial {ca2.SerialNumber}, SHA-256 {ca2.Sha256[..16]}) allows only serverAuth" + Tail("clientAuth", "client"));
        byIssuer.Location.File.RelativePath.ShouldBe("mtls/client-dave.crt");
    }

    [Test]
    public void Eku_rules_accept_any_extended_key_usage_and_issuers_without_eku()
    {
        var h = new PrimitiveHarness();
        var underAny = h.Add(AnyEkuCa.Issue("a", o => o.ClientAuth()), "mtls/client-a.crt", CertificateRole.Client);
        h.Chain(underAny, ChainStatus.Complete, h.Add(AnyEkuCa, "ca/any.crt"), h.Add(Root, "ca/root.crt"));
        var anyLeaf = h.Add(Root.Issue("any-leaf", o => o.Eku(Oids.AnyExtendedKeyUsage)), "server/any.crt", CertificateRole.Server);
        h.Chain(anyLeaf, ChainStatus.Complete, h.Add(Root, "ca/root2.crt"));
        BuiltInRuleRunner.Lint(h, "eku-client-auth").ShouldBeEmpty();
        BuiltInRuleRunner.Lint(h, "eku-server-auth").ShouldBeEmpty();
        CertLint.Rules.Compilation.PrimitiveRegistry.Default.Find("eku-purpose").ShouldBeNull();
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

    /// <summary>ku-server-auth and ku-client-auth accept exactly the bits OpenSSL's sslserver and sslclient purposes
    /// accept; no keyUsage is no restriction; each rule judges its own role only.</summary>
    [TestCase(X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.KeyCertSign, true, true)]
    [TestCase(X509KeyUsageFlags.NonRepudiation, true, true)]
    [TestCase(X509KeyUsageFlags.KeyEncipherment, false, true)]
    [TestCase(X509KeyUsageFlags.KeyAgreement, false, false)]
    [TestCase(X509KeyUsageFlags.DigitalSignature, false, false)]
    [TestCase(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, false, false)]
    public void Ku_rules_fire_when_key_usage_forbids_the_tls_role(X509KeyUsageFlags flags, bool server, bool client)
    {
        var (asServer, _) = One(Root.Issue("www.ku.test", o => o.ServerAuth().Dns("www.ku.test").KeyUsage(flags)), CertificateRole.Server);
        BuiltInRuleRunner.Lint(asServer, "ku-server-auth").Count.ShouldBe(server ? 1 : 0);
        BuiltInRuleRunner.Lint(asServer, "ku-client-auth").ShouldBeEmpty();
        var (asClient, _) = One(Root.Issue("ku-client", o => o.ClientAuth().KeyUsage(flags)), CertificateRole.Client);
        BuiltInRuleRunner.Lint(asClient, "ku-client-auth").Count.ShouldBe(client ? 1 : 0);
        BuiltInRuleRunner.Lint(asClient, "ku-server-auth").ShouldBeEmpty();
    }

    [Test]
    public void Ku_rules_are_silent_without_key_usage_and_name_the_bits_that_are_there()
    {
        var (none, _) = One(Root.Issue("www.ku.test", o => o.ServerAuth().NoKeyUsage()), CertificateRole.Server | CertificateRole.Client);
        BuiltInRuleRunner.Lint(none, "ku-server-auth").ShouldBeEmpty();
        BuiltInRuleRunner.Lint(none, "ku-client-auth").ShouldBeEmpty();

        var (crl, info) = One(Root.Issue("www.ku.test", o => o.ServerAuth().KeyUsage(X509KeyUsageFlags.CrlSign)), CertificateRole.Server);
        BuiltInRuleRunner.Lint(crl, "ku-server-auth").ShouldHaveSingleItem().Message.ShouldBe(
            $"CN=www.ku.test (serial {info.SerialNumber}, SHA-256 {info.Sha256[..16]}) is used as a TLS server certificate (role from nothing (role unknown)), " +
            "but its keyUsage allows only cRLSign: reissue it with keyUsage digitalSignature, keyEncipherment or keyAgreement (digitalSignature for TLS 1.3).");
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

    private static readonly string Dv = "2.23.140.1.2.1";

    [Test]
    public void Client_cert_public_tls_warns_on_a_working_client_certificate_from_the_public_tls_pki_only()
    {
        // Public TLS (DV) with serverAuth and clientAuth, used as a client certificate: works today, not after renewal.
        var (dual, info) = One(Root.Issue("dual", o => o.Eku(Oids.ServerAuth, Oids.ClientAuth).Extension(PathExtensions.Policies(Dv))), CertificateRole.Client);
        var f = BuiltInRuleRunner.Lint(dual, "client-cert-public-tls").ShouldHaveSingleItem();
        f.Severity.ShouldBe(Findings.Severity.Warning);
        f.Message.ShouldBe($"CN=dual (serial {info.SerialNumber}, SHA-256 {info.Sha256[..16]}) is used as a TLS client certificate (role from nothing (role unknown)) " +
            $"but comes from the public TLS PKI (certificate policies {Dv}): public TLS CAs no longer issue clientAuth certificates (Chrome Root Program, from 2026-06-15), " +
            "so its renewal will not work as a client certificate. Issue client certificates from a private CA the server trusts for clients only.");
        // EV, OV, IV and no EKU at all count the same; anyExtendedKeyUsage too.
        foreach (var (policy, eku) in new[] { ("2.23.140.1.1", Oids.ClientAuth), ("2.23.140.1.2.2", Oids.AnyExtendedKeyUsage), ("2.23.140.1.2.3", null) })
        {
            var (h, _) = One(Root.Issue("p", o => (eku is null ? o : o.Eku(eku)).Extension(PathExtensions.Policies("1.3.6.1.4.1.99999.1", policy))), CertificateRole.Client);
            BuiltInRuleRunner.Lint(h, "client-cert-public-tls").Count.ShouldBe(1, policy);
        }
    }

    [Test]
    public void Client_cert_public_tls_is_silent_for_private_certificates_servers_and_certificates_eku_client_auth_reports()
    {
        // A private CA's client certificate (its own policy, or none); 2.23.140.1.2.4 is no TLS reserved identifier.
        foreach (var policies in new[] { new[] { "1.3.6.1.4.1.99999.1" }, [], ["2.23.140.1.2.4"], ["2.23.140.1.5.1.1"] })
        {
            var options = policies.Length == 0 ? (Action<CertOptions>)(o => o.ClientAuth()) : o => o.ClientAuth().Extension(PathExtensions.Policies(policies));
            BuiltInRuleRunner.Lint(One(Root.Issue("private", options), CertificateRole.Client).Item1, "client-cert-public-tls").ShouldBeEmpty(string.Join(",", policies));
        }
        // A public certificate used as a server certificate, or of unknown role.
        BuiltInRuleRunner.Lint(One(Root.Issue("www", o => o.Eku(Oids.ServerAuth, Oids.ClientAuth).Extension(PathExtensions.Policies(Dv))), CertificateRole.Server).Item1,
            "client-cert-public-tls").ShouldBeEmpty();
        BuiltInRuleRunner.Lint(One(Root.Issue("who", o => o.ClientAuth().Extension(PathExtensions.Policies(Dv))), CertificateRole.Unknown).Item1,
            "client-cert-public-tls").ShouldBeEmpty();
        // A public serverAuth-only certificate used as a client certificate fails today: eku-client-auth's error, once.
        var (serverOnly, _) = One(Root.Issue("renewed", o => o.ServerAuth().Extension(PathExtensions.Policies(Dv))), CertificateRole.Client);
        BuiltInRuleRunner.Lint(serverOnly, "client-cert-public-tls").ShouldBeEmpty();
        BuiltInRuleRunner.Lint(serverOnly, "eku-client-auth").ShouldHaveSingleItem();
    }
}
