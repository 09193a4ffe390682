using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CertLint.MSBuild.Tests.Integration;

namespace CertLint.Cli.Tests;

/// <summary>
/// The hook in .pre-commit-hooks.yaml, through the real `pre-commit` (Debian's package; .ci/run installs it): a
/// temporary repository uses this repository's committed HEAD as its hook repository, pre-commit builds the tool
/// from it with `dotnet pack` (language: dotnet), and `git commit` runs it on the staged files.
/// </summary>
[NonParallelizable]
public class PreCommitHookTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private DirectoryInfo _dir = null!;

    [SetUp]
    public void Create() => _dir = Directory.CreateTempSubdirectory("certlint-precommit-");

    [TearDown]
    public void Delete() => _dir.Delete(recursive: true);

    [Test]
    public void A_commit_with_an_expired_certificate_is_refused_and_a_fixed_one_passes()
    {
        var preCommit = FindOnPath("pre-commit");
        if (preCommit is null)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") Assert.Fail("pre-commit is not installed (.ci/run installs it)");
            Assert.Ignore("pre-commit is not installed (apt-get install pre-commit)");
        }
        var hookRev = Git(CliRunner.RepoRoot, "rev-parse", "HEAD").Output.Trim();
        Git(CliRunner.RepoRoot, "cat-file", "-e", hookRev + ":.pre-commit-hooks.yaml").ExitCode
            .ShouldBe(0, "commit .pre-commit-hooks.yaml first: pre-commit reads the hook repository at its HEAD");

        var repo = Path.Combine(_dir.FullName, "repo");
        Directory.CreateDirectory(repo);
        Git(repo, "init", "-q", "-b", "main").ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(repo, ".pre-commit-config.yaml"), $"""
            repos:
              - repo: {CliRunner.RepoRoot}
                rev: {hookRev}
                hooks:
                  - id: certlint
                    args: [--now, "2026-06-01"]
            """);
        File.WriteAllText(Path.Combine(repo, "README.md"), "certificates\n");
        Git(repo, "add", ".").ExitCode.ShouldBe(0);
        Git(repo, "commit", "-q", "-m", "start").ExitCode.ShouldBe(0);
        ProcessRunner.Run(preCommit, ["install"], repo, Env).ExitCode.ShouldBe(0);

        var root = Ca("Hook Test Root", Now.AddYears(-5), Now.AddYears(5));
        var certs = Path.Combine(repo, "certs");
        Directory.CreateDirectory(certs);
        File.WriteAllText(Path.Combine(certs, "root.crt"), root.ExportCertificatePem() + "\n");
        File.WriteAllText(Path.Combine(certs, "server.crt"), Leaf(root, Now.AddYears(-2), Now.AddDays(-30)).ExportCertificatePem() + "\n");
        Git(repo, "add", "certs").ExitCode.ShouldBe(0);

        var refused = Git(repo, "commit", "-m", "expired server certificate");
        refused.ExitCode.ShouldNotBe(0, refused.ToString());
        refused.Output.ShouldContain("cert-expired");
        refused.Output.ShouldContain("certs/server.crt");
        Git(repo, "log", "--oneline").Output.Trim().Split('\n').Length.ShouldBe(1);

        File.WriteAllText(Path.Combine(certs, "server.crt"), Leaf(root, Now.AddDays(-30), Now.AddDays(300)).ExportCertificatePem() + "\n");
        Git(repo, "add", "certs").ExitCode.ShouldBe(0);
        var accepted = Git(repo, "commit", "-m", "renewed server certificate");
        accepted.ExitCode.ShouldBe(0, accepted.ToString());
        accepted.Output.ShouldContain("certlint");
        Git(repo, "log", "--oneline").Output.Trim().Split('\n').Length.ShouldBe(2);
    }

    /// <summary>pre-commit's cache in the test's folder, so the hook is built from the revision under test.</summary>
    private Dictionary<string, string> Env => new()
    {
        ["PRE_COMMIT_HOME"] = Path.Combine(_dir.FullName, "pre-commit-home"),
        ["GIT_AUTHOR_NAME"] = "t", ["GIT_AUTHOR_EMAIL"] = "t@example.test",
        ["GIT_COMMITTER_NAME"] = "t", ["GIT_COMMITTER_EMAIL"] = "t@example.test",
        ["NO_COLOR"] = "1",
    };

    /// <summary>The first commit builds the tool from source (restore, build, pack): a bound that only proves termination.</summary>
    private ProcessOutput Git(string dir, params string[] args) => ProcessRunner.Run("git", args, dir, Env, TimeSpan.FromMinutes(20));

    private static X509Certificate2 Ca(string name, DateTimeOffset from, DateTimeOffset to)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        return req.CreateSelfSigned(from, to);
    }

    private static X509Certificate2 Leaf(X509Certificate2 issuer, DateTimeOffset from, DateTimeOffset to)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest("CN=www.hook.test", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("www.hook.test");
        req.CertificateExtensions.Add(san.Build());
        req.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        req.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        req.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        req.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(req.PublicKey, false));
        req.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var serial = new byte[16];
        RandomNumberGenerator.Fill(serial);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        return req.Create(issuer, from, to, serial);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
