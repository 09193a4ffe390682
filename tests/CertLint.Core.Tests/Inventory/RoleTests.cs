using CertLint.Configuration;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Tests.Pki;

namespace CertLint.Tests.Inventory;

public sealed class RoleTests
{
    [TestCase("certs/client.pem", CertificateRole.Client)]
    [TestCase("clients/alice/cert.pem", CertificateRole.Client)]
    [TestCase("deploy/SERVER.crt", CertificateRole.Server)]
    [TestCase("webserver-prod/tls.crt", CertificateRole.Server)]
    [TestCase("mtls/server/client-bundle.pem", CertificateRole.Client | CertificateRole.Server)]
    [TestCase("k8s/tls.crt", CertificateRole.Unknown)]
    [TestCase("certs/ca.pem", CertificateRole.Unknown)]
    [TestCase("certs\\client\\a.pem", CertificateRole.Client)]
    [TestCase("mail/smime/alice.pem", CertificateRole.Email)]
    [TestCase("certs/alice-SMIME.crt", CertificateRole.Email)]
    [TestCase("mail/mail.example.com.pem", CertificateRole.Unknown)]   // a mail server's TLS certificate is no S/MIME one
    public void Role_from_path_segments_and_file_stem(string path, CertificateRole role) => RoleResolver.FromPath(path).ShouldBe(role);

    [Test]
    public void Extension_does_not_count_towards_the_role()
    {
        RoleResolver.FromPath("certs/a.server").ShouldBe(CertificateRole.Unknown);
    }

    [Test]
    public void First_matching_configured_glob_wins_over_the_path()
    {
        var root = TestPki.CreateRoot("Root");
        var a = root.Issue("a");
        var b = root.Issue("b");
        var c = root.Issue("c");
        var roles = new List<PathRole>
        {
            new("edge/**/*.pem", CertificateRole.Server),
            new("edge/clients/*.pem", CertificateRole.Client),
            new("**/mutual.crt", CertificateRole.Client | CertificateRole.Server),
        };
        var inventory = new TestScan()
            .Pem("edge/clients/a.pem", a)
            .Pem("other/mutual.crt", b)
            .Pem("client/c.pem", c)
            .Build(roles: roles);

        inventory.RoleOf(inventory.Cert(a)).ShouldBe(CertificateRole.Server);
        inventory.RoleOf(inventory.Cert(b)).ShouldBe(CertificateRole.Client | CertificateRole.Server);
        inventory.RoleOf(inventory.Cert(c)).ShouldBe(CertificateRole.Client);
        inventory.Roles.Count.ShouldBe(3);
    }

    [Test]
    public void Expected_mailboxes_make_a_certificate_an_smime_one_and_hosts_a_server_one()
    {
        var root = TestPki.CreateRoot("Root");
        var settings = new LintSettings
        {
            Root = "/scan",
            Paths = ["/scan"],
            Now = TestPki.DefaultNow,
            HostsByPath = [new PathHosts("web/**", ["www.example.com"])],
            MailboxesByPath = [new PathHosts("people/**", ["alice@example.com"]), new PathHosts("web/**", ["web@example.com"])],
        };
        var resolver = new RoleResolver(settings);
        CertificateInfo Cert(string path) => TestScan.Certificate(root.Issue(path), new SourceFile("/scan/" + path, path, 0, null));

        resolver.RoleOf(Cert("people/alice.pem")).ShouldBe((CertificateRole.Email, RoleResolver.FromMailboxes));
        resolver.RoleOf(Cert("web/www.pem")).ShouldBe((CertificateRole.Server, RoleResolver.FromHosts));   // hosts first
        resolver.RoleOf(Cert("other/x.pem")).ShouldBe((CertificateRole.Unknown, (string?)null));
    }
}
