using CertLint.Configuration;
using CertLint.Core.Tests.Parsing;
using CertLint.Usage;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// Which files the configuration stage reads: decided from the directory listing's names and entry types (no stat
/// per file), with links to files and directories left out, as certificate discovery's walk leaves them.
/// </summary>
[Platform(Exclude = "Win")]
public class ConfigDiscoveryTests
{
    private TempDirectory _dir = null!;

    [SetUp]
    public void SetUp()
    {
        _dir = new TempDirectory();
        _dir.Write("nginx/site.conf", "server {}\n");
        _dir.Write("nginx/sites-enabled/default", "server {}\n");
        _dir.Write("nginx/notes", "not a configuration\n");
        _dir.Write("k8s/tls.YAML", "kind: Secret\n");
        _dir.Write("k8s/.hidden.yml", "kind: Secret\n");
        _dir.Write("certs/leaf.pem", Fixtures.Bytes("leaf.pem"));
        _dir.Write(".certlint.yml", "failOn: error\n");
        _dir.Write("node_modules/pkg/x.conf", "server {}\n");
        _dir.Write("elsewhere/other.conf", "server {}\n");
        File.CreateSymbolicLink(_dir.Combine("nginx/link.conf"), _dir.Combine("nginx/site.conf"));
        Directory.CreateSymbolicLink(_dir.Combine("linked"), _dir.Combine("elsewhere"));
    }

    [TearDown]
    public void TearDown() => _dir.Dispose();

    [Test]
    public void Finds_configuration_names_and_leaves_out_links_and_skipped_folders()
    {
        var settings = new LintSettings { Root = _dir.Path, Paths = [_dir.Path], Now = DateTimeOffset.UnixEpoch };
        var found = ConfigDiscovery.Find(settings, CancellationToken.None);
        found.Select(f => f.RelativePath).ShouldBe(
            ["elsewhere/other.conf", "k8s/.hidden.yml", "k8s/tls.YAML", "nginx/site.conf", "nginx/sites-enabled/default"]);
        var site = found.Single(f => f.RelativePath == "nginx/site.conf");
        site.FullPath.ShouldBe(_dir.Combine("nginx/site.conf"));
        site.Length.ShouldBe(10);
        site.Mode.ShouldBe(OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(_dir.Combine("nginx/site.conf")));
    }
}
