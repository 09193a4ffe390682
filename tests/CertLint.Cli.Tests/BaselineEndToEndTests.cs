using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace CertLint.Cli.Tests;

/// <summary>
/// Adopting CertLint on a legacy repository: the first run's SARIF is the baseline; later runs with
/// --baseline --new-only fail only on what a change introduced, and the SARIF marks every result's baselineState.
/// </summary>
public class BaselineEndToEndTests
{
    private string _dir = "";

    [SetUp]
    public void MakeRepo()
    {
        _dir = Path.Combine(Path.GetTempPath(), "certlint-baseline-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_dir, "certs"));
        Directory.CreateDirectory(Path.Combine(_dir, ".git")); // a repository: its top is the root, so URIs start at certs/
        WriteExpired("old-a.crt", "a.legacy.test");
        WriteExpired("old-b.crt", "b.legacy.test");
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void New_only_fails_on_new_findings_and_sarif_marks_new_unchanged_and_absent()
    {
        var first = CliRunner.InProcess(_dir, null, "certs", "--now", "2026-06-01", "--sarif", "baseline.sarif");
        first.ExitCode.ShouldBe(1, first.Error);

        // Nothing changed: legacy findings do not fail the run.
        var same = CliRunner.InProcess(_dir, null, "certs", "--now", "2026-06-01", "--baseline", "baseline.sarif", "--new-only");
        same.ExitCode.ShouldBe(0, same.Out + same.Error);

        // One legacy certificate removed, one new problem added.
        File.Delete(Path.Combine(_dir, "certs", "old-b.crt"));
        WriteExpired("new.crt", "new.legacy.test");
        var next = CliRunner.InProcess(_dir, null, "certs", "--now", "2026-06-01", "--baseline", "baseline.sarif", "--new-only", "--sarif", "next.sarif");
        next.ExitCode.ShouldBe(1, next.Out + next.Error);

        using var sarif = JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "next.sarif")));
        var states = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray()
            .Where(r => r.GetProperty("ruleId").GetString() == "CL0101")
            .Select(r => (Uri: r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString(),
                          State: r.GetProperty("baselineState").GetString()))
            .ToArray();
        states.ShouldContain(("certs/old-a.crt", "unchanged"));
        states.ShouldContain(("certs/new.crt", "new"));
        states.ShouldContain(("certs/old-b.crt", "absent"));
    }

    [Test]
    public void A_missing_baseline_is_a_usage_error()
    {
        var r = CliRunner.InProcess(_dir, null, "certs", "--baseline", "nope.sarif");
        r.ExitCode.ShouldBe(2);
        r.Error.ShouldContain("nope.sarif");
    }

    private void WriteExpired(string file, string host)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var req = new CertificateRequest($"CN={host}", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName(host);
        req.CertificateExtensions.Add(san.Build());
        using var cert = req.CreateSelfSigned(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        File.WriteAllText(Path.Combine(_dir, "certs", file), cert.ExportCertificatePem() + "\n");
    }
}
