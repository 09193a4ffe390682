using System.Runtime.Versioning;

namespace CertLint.Cli.Tests;

/// <summary>
/// The README's first command, through the real built program: `certlint samples` finds the documented problems
/// (samples/README.md) and exits 1; reports are written; no secret reaches any output.
/// </summary>
[NonParallelizable]
[UnsupportedOSPlatform("windows")]
public class SamplesEndToEndTests
{
    private string _work = "";

    [OneTimeSetUp]
    public void CopySamples()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("POSIX file modes are part of these expectations.");
        _work = Path.Combine(Path.GetTempPath(), "certlint-e2e-" + Guid.NewGuid().ToString("N"));
        CopyTree(Path.Combine(CliRunner.RepoRoot, "samples"), Path.Combine(_work, "samples"));
        // Git keeps no read bits: set the modes samples/README.md describes.
        foreach (var key in Directory.EnumerateFiles(Path.Combine(_work, "samples"), "*.key", SearchOption.AllDirectories))
        {
            File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        File.SetUnixFileMode(Path.Combine(_work, "samples", "permissions", "world-readable.key"),
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    [OneTimeTearDown]
    public void Cleanup()
    {
        if (Directory.Exists(_work)) Directory.Delete(_work, recursive: true);
    }

    [Test]
    public void Samples_fail_with_every_documented_finding()
    {
        var r = CliRunner.Process(_work, null, "samples", "--now", "2026-06-01");

        r.ExitCode.ShouldBe(1, r.Out + r.Error);
        r.Error.ShouldNotContain("   at ");
        var expected = new (string File, string Rule)[]
        {
            ("server/expired.crt", "cert-expired"),
            ("server/not-yet-valid.crt", "cert-not-yet-valid"),
            ("server/missing-intermediate.fullchain.pem", "chain-incomplete"),
            ("server/out-of-order.fullchain.pem", "chain-order"),
            ("server/mismatch.key", "key-mismatch"),
            ("server/weak-rsa1024.crt", "weak-key"),
            ("server/sha1-signed.crt", "weak-signature"),
            ("server/no-san.crt", "san-missing"),
            ("server/cn-not-in-san.crt", "cn-not-in-san"),
            ("server/wildcard.crt", "hostname-mismatch"),
            ("server/self-signed.crt", "self-signed-leaf"),
            ("mtls/client-no-clientauth.crt", "eku-client-auth"),
            ("mtls/client-no-eku.crt", "eku-missing"),
            ("permissions/world-readable.key", "key-file-permissions"),
            ("keystores/www.p12", "password-required"),
            ("broken/truncated.crt", "parse-error"),
            ("broken/garbage.pem", "parse-error"),
            ("iris/certs/app-client.cer", "eku-client-auth"),
            ("iris/SSLDefs.ini", "peer-not-verified"),
            ("iris/SSLDefs.ini", "tls-version-weak"),
        };
        foreach (var (file, rule) in expected)
        {
            var lines = r.Out.Split('\n');
            var inFile = false;
            var found = false;
            foreach (var line in lines)
            {
                if (!line.StartsWith(' ') && line.Length > 0) inFile = line.Contains(file, StringComparison.Ordinal);
                if (inFile && line.Contains(rule, StringComparison.Ordinal)) found = true;
            }
            found.ShouldBeTrue($"{rule} not reported under {file}:\n{r.Out}");
        }
        // Messages (and so SARIF) are the same from any folder: paths in them are relative to the root, samples/.
        r.Out.ShouldContain("chmod 600 permissions/world-readable.key");
    }

    [Test]
    public void Clean_samples_pass_and_reports_are_written()
    {
        var reports = Path.Combine(_work, "reports");
        var r = CliRunner.Process(_work, null, "samples/mtls/client.crt", "samples/mtls/client.key", "samples/mtls/ca.crt",
            "--now", "2026-06-01", "--sarif", "reports/out.sarif", "--junit", "reports/out.xml", "--json", "reports/out.json", "--markdown", "reports/out.md");

        r.ExitCode.ShouldBe(0, r.Out + r.Error);
        foreach (var f in new[] { "out.sarif", "out.xml", "out.json", "out.md" })
        {
            File.Exists(Path.Combine(reports, f)).ShouldBeTrue(f);
        }
    }

    [Test]
    public void GitLab_code_quality_report_lists_the_same_findings_as_the_json_report()
    {
        var r = CliRunner.Process(_work, null, "samples", "--now", "2026-06-01", "--quiet",
            "--json", "cq/out.json", "--gitlab-codequality", "cq/gl-code-quality-report.json");
        r.ExitCode.ShouldBe(1, r.Out + r.Error);

        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "cq", "out.json")));
        var expected = json.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("suppression").ValueKind == System.Text.Json.JsonValueKind.Null)
            .Select(f => (f.GetProperty("fingerprint").GetString(), (string?)("certlint/" + f.GetProperty("rule").GetString()), f.GetProperty("path").GetString(), f.GetProperty("startLine").GetInt32()))
            .ToList();
        using var cq = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_work, "cq", "gl-code-quality-report.json")));
        var actual = cq.RootElement.EnumerateArray()
            .Select(i => (i.GetProperty("fingerprint").GetString(), i.GetProperty("check_name").GetString(),
                i.GetProperty("location").GetProperty("path").GetString(), i.GetProperty("location").GetProperty("lines").GetProperty("begin").GetInt32()))
            .ToList();
        expected.Count.ShouldBeGreaterThan(10);
        actual.ShouldBe(expected);
        // Paths are relative to the repository root: samples/ holds the .certlint.yml in use.
        actual.ShouldAllBe(a => File.Exists(Path.Combine(_work, "samples", a.Item3!)));
    }

    [Test]
    public void The_password_from_the_environment_opens_keystores_and_never_appears_in_output()
    {
        var env = new Dictionary<string, string> { ["CERTLINT_PASSWORD"] = "changeit" };
        var r = CliRunner.Process(_work, env, "samples/keystores", "--now", "2026-06-01", "--verbose", "--sarif", "ks.sarif", "--json", "ks.json");

        r.Out.ShouldNotContain("password-required");
        r.Out.ShouldNotContain("changeit");
        r.Error.ShouldNotContain("changeit");
        File.ReadAllText(Path.Combine(_work, "ks.sarif")).ShouldNotContain("changeit");
        File.ReadAllText(Path.Combine(_work, "ks.json")).ShouldNotContain("changeit");
        // www.p12 holds the same key as server/www.key: no piece of its base64 may show up in a report.
        var keyBase64 = string.Concat(File.ReadAllLines(Path.Combine(_work, "samples", "server", "www.key")).Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        foreach (var report in new[] { "ks.sarif", "ks.json" })
        {
            var text = File.ReadAllText(Path.Combine(_work, report));
            text.ShouldNotMatch(@"-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]{32}");
            for (var i = 0; i + 24 <= keyBase64.Length; i += 24) text.ShouldNotContain(keyBase64.Substring(i, 24), Case.Sensitive);
        }
    }

    [Test]
    public void Fail_on_none_exits_0_even_with_findings()
    {
        var r = CliRunner.Process(_work, null, "samples", "--now", "2026-06-01", "--fail-on", "none", "--quiet");
        r.ExitCode.ShouldBe(0, r.Out + r.Error);
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var dir in Directory.EnumerateDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(Path.Combine(to, Path.GetRelativePath(from, dir)));
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            File.Copy(file, Path.Combine(to, Path.GetRelativePath(from, file)));
    }
}
