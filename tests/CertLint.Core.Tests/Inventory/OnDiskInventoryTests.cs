using CertLint.Configuration;
using CertLint.Inventory;
using CertLint.Model;
using CertLint.Parsing;
using CertLint.Tests.Pki;

namespace CertLint.Tests.Inventory;

/// <summary>End to end from files: TestPki writes PEM/DER/PKCS#12, the real FileParser reads them, the inventory cross-references.</summary>
public sealed class OnDiskInventoryTests
{
    private const string Password = "p12-test-password";

    [Test]
    public void Files_written_in_every_format_are_paired_chained_and_bundled()
    {
        using var dir = new TempDirectory();
        var root = TestPki.CreateRoot("Acme Root", o => o.Rsa());
        var inter = root.IssueCa("Acme Intermediate");
        var client = inter.Issue("client.acme.test", o => o.ClientAuth().EcP384());
        var server = inter.Issue("www.acme.test", o => o.ServerAuth().Dns("www.acme.test"));
        var stranger = inter.Issue("stranger");

        TestPki.WritePem(dir.Path, "clients/client.crt", client, inter);
        TestPki.WriteKey(dir.Path, "clients/client.key", client, KeyFileFormat.Traditional);
        TestPki.WriteKeyAndCertificates(dir.Path, "haproxy/site.pem", server.Key, server, inter);
        TestPki.WritePkcs12(dir.Path, "java/server.p12", Password, server, [inter, root]);
        TestPki.WritePem(dir.Path, "k8s/tls.crt", server, inter);
        TestPki.WriteKey(dir.Path, "k8s/tls.key", stranger, KeyFileFormat.EncryptedPkcs8, Password);
        TestPki.WritePem(dir.Path, "nginx/fullchain.pem", inter, server);
        TestPki.WriteDer(dir.Path, "ca/root.der", root);

        var inventory = Build(dir.Path);

        inventory.Files.Count.ShouldBe(8);
        inventory.Files.SelectMany(f => f.Issues).ShouldBeEmpty();
        inventory.Certificates.Count.ShouldBe(12);
        inventory.Keys.Count.ShouldBe(4);

        inventory.Pairs.Select(p => $"{p.Key.Location.File.RelativePath} > {p.Certificate.Location.File.RelativePath}").Distinct().ShouldBe([
            "clients/client.key > clients/client.crt",
            "haproxy/site.pem > haproxy/site.pem", "haproxy/site.pem > java/server.p12", "haproxy/site.pem > k8s/tls.crt", "haproxy/site.pem > nginx/fullchain.pem",
            "java/server.p12 > haproxy/site.pem", "java/server.p12 > java/server.p12", "java/server.p12 > k8s/tls.crt", "java/server.p12 > nginx/fullchain.pem",
        ]);
        var mismatch = inventory.Mismatches.ShouldHaveSingleItem();
        mismatch.Key.Location.File.RelativePath.ShouldBe("k8s/tls.key");
        mismatch.Certificate.Subject.Text.ShouldBe("CN=www.acme.test");

        inventory.Anchors.ShouldHaveSingleItem().Location.File.RelativePath.ShouldBe("ca/root.der");
        inventory.Chains.Values.ShouldAllBe(c => c.Status == ChainStatus.Complete);
        var clientChain = inventory.Chains[inventory.Certificates.First(c => c.Subject.Text == "CN=client.acme.test")];
        clientChain.Subjects().ShouldBe(["CN=client.acme.test", "CN=Acme Intermediate", "CN=Acme Root"]);

        inventory.Bundles.Select(b => $"{b.File.RelativePath} complete={b.Complete} ordered={b.Ordered}").ShouldBe([
            "clients/client.crt complete=True ordered=True",
            "haproxy/site.pem complete=True ordered=True",
            "java/server.p12 complete=True ordered=True",
            "k8s/tls.crt complete=True ordered=True",
            "nginx/fullchain.pem complete=True ordered=False",
        ]);

        inventory.RoleOf(clientChain.Path[0]).ShouldBe(CertificateRole.Client);
        inventory.RoleOf(inventory.Certificates.First(c => c.Location.File.RelativePath == "k8s/tls.crt")).ShouldBe(CertificateRole.Unknown);
        inventory.RoleOf(inventory.Certificates.First(c => c.Location.File.RelativePath == "java/server.p12")).ShouldBe(CertificateRole.Server);
    }

    [Test]
    public void Openssl_fixture_files_chain_and_pair()
    {
        var fixtures = Core.Tests.Parsing.Fixtures.Directory;
        var names = new[] { "leaf.pem", "leaf.key", "intermediate.pem", "root-ca.pem", "ed25519.pem", "ed25519.key", "leaf-nopass.p12" };
        var files = names.Select(n => FileParser.Parse(new SourceFile(Path.Combine(fixtures, n), n, 0, null), new SettingsPasswordSource(Settings(fixtures)))).ToList();

        var inventory = InventoryBuilder.Build(files, [], Settings(fixtures, Core.Tests.Parsing.Fixtures.ValidAt));

        inventory.Certificates.ShouldAllBe(c => inventory.Chains[c].Status == ChainStatus.Complete || c.Subject.CommonName == "ed25519.fixture.test");
        inventory.SelfSigned.Select(c => c.Location.File.RelativePath).ShouldBe(["ed25519.pem", "root-ca.pem"]);
        inventory.Pairs.Select(p => $"{p.Key.Location.File.RelativePath} > {p.Certificate.Location.File.RelativePath}").ShouldBe([
            "ed25519.key > ed25519.pem", "leaf-nopass.p12 > leaf-nopass.p12", "leaf-nopass.p12 > leaf.pem", "leaf.key > leaf-nopass.p12", "leaf.key > leaf.pem",
        ]);
        inventory.Mismatches.ShouldBeEmpty();
    }

    private static LintSettings Settings(string root, DateTimeOffset? now = null) => new()
    {
        Root = root,
        Paths = [root],
        Now = now ?? TestPki.DefaultNow,
        Environment = name => name == "CERTLINT_PASSWORD" ? Password : null,
    };

    private static CertificateInventory Build(string root)
    {
        var settings = Settings(root);
        var sources = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => new SourceFile(f, Path.GetRelativePath(root, f).Replace('\\', '/'), new FileInfo(f).Length, null))
            .ToList();
        return InventoryBuilder.Build(FileParser.ParseAll(sources, new SettingsPasswordSource(settings)), [], settings);
    }
}
