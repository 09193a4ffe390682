using System.Security.Cryptography;
using System.Text;
using CertLint.Engine;
using CertLint.Reporting;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Reporting;

/// <summary>
/// The real pipeline (LintEngine) on a fixed folder written at test time from <see cref="ReportPki"/>, with a fixed
/// --now and file modes: every report is approved, schema-valid and free of key material and the password.
/// </summary>
public class EngineReportTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private TempDirectory _dir = null!;
    private ReportPki _pki = null!;
    private LintResult _result = null!;

    [OneTimeSetUp]
    public void Scan()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("file modes are POSIX");
        _pki = new ReportPki();
        _dir = new TempDirectory();
        Write("certs/ca.pem", _pki.Ca.ExportCertificatePem() + "\n");
        Write("certs/server-fullchain.pem", _pki.Server.ExportCertificatePem() + "\n" + _pki.Ca.ExportCertificatePem() + "\n");
        Write("certs/client.crt", _pki.Client.ExportCertificatePem() + "\n");
        Write("certs/client.key", _pki.KeyPems["client"]);  // 0644: key-file-permissions fires
        Write("certs/legacy.der", _pki.Legacy.RawData);
        Write("certs/broken.pem", "-----BEGIN CERTIFICATE-----\nthis is not base64!\n-----END CERTIFICATE-----\n");
        var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 100_000);
        Write("secrets/server.key", _pki.Keys["server"].ExportEncryptedPkcs8PrivateKeyPem(ReportFixture.Password, pbe), OwnerOnly);
        Write("secrets/locked.key", _pki.Keys["legacy"].ExportEncryptedPkcs8PrivateKeyPem("another password", pbe), OwnerOnly);

        var request = new LintRequest
        {
            Paths = [_dir.Path],
            WorkingDirectory = _dir.Path,
            Now = ReportFixture.Now,
            // The goldens pin the core rules: the rfc5280 pack has its own fixtures (tests/fixtures/rules/rfc5280).
            Packs = ["core"],
            Environment = name => name == "CERTLINT_PASSWORD" ? ReportFixture.Password : null,
        };
        // Elapsed is the only input that changes between runs.
        _result = TestResults.With(new LintEngine().Run(request), elapsed: TimeSpan.FromMilliseconds(1234));
    }

    [OneTimeTearDown]
    public void CleanUp() => _dir?.Dispose();

    private void Write(string relative, string text, UnixFileMode mode = (UnixFileMode)0b110_100_100) => Write(relative, Encoding.ASCII.GetBytes(text), mode);

    private void Write(string relative, byte[] bytes, UnixFileMode mode = (UnixFileMode)0b110_100_100)
    {
        var path = _dir[relative];
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, mode);
    }

    [Test]
    public void The_scan_found_what_the_folder_holds()
    {
        _result.Inventory.Certificates.Count.ShouldBe(5);
        _result.Inventory.Keys.Count.ShouldBeGreaterThanOrEqualTo(2);
        _result.Findings.Select(f => f.Rule.Name).ShouldContain("cert-expired");
        _result.Findings.Select(f => f.Rule.Name).ShouldContain("password-required");
    }

    [Test]
    public void Sarif_matches_the_approved_report()
    {
        var bytes = ReportWriter.Render(ReportFormat.Sarif, _result, Golden.Settings);
        SchemaValidation.ShouldBeValidSarif(bytes);
        // The rules' Markdown pages belong to rules/*.md; ReportFixture's approved SARIF covers how help is written.
        var text = System.Text.RegularExpressions.Regex.Replace(Golden.Text(bytes, _result), "\"markdown\": \".*\"", "\"markdown\": \"(rules/NAME.md)\"");
        text.ShouldContain("\"markdown\": \"(rules/NAME.md)\"");
        text.ShouldMatchApproved(Golden.Config("sarif"));
    }

    [Test]
    public void JUnit_matches_the_approved_report()
    {
        var bytes = ReportWriter.Render(ReportFormat.JUnit, _result, Golden.Settings);
        SchemaValidation.ShouldBeValidJUnit(bytes);
        Golden.Text(bytes, _result).ShouldMatchApproved(Golden.Config("xml"));
    }

    [Test]
    public void JUnit_has_cases_only_for_the_file_rules_that_apply_to_each_file()
    {
        var doc = System.Xml.Linq.XDocument.Parse(Golden.Render(ReportFormat.JUnit, _result));
        string[] FileCases(string path) => doc.Descendants("testsuite").Single(s => (string)s.Attribute("name")! == path)
            .Elements("testcase").Select(c => (string)c.Attribute("name")!).Where(n => n.EndsWith(": " + path, StringComparison.Ordinal))
            .Select(n => n[..n.IndexOf(':', StringComparison.Ordinal)]).Order(StringComparer.Ordinal).ToArray();

        // A certificate file: only parsing; no key, password, CRL or bundle rule.
        FileCases("certs/client.crt").ShouldBe(["parse-error"]);
        // A bundle: its completeness and order too.
        FileCases("certs/server-fullchain.pem").ShouldBe(["chain-incomplete", "chain-order", "parse-error"]);
        // A plain private key: its mode and whether git tracks it.
        FileCases("certs/client.key").ShouldBe(["key-file-permissions", "parse-error", "private-key-committed"]);
        // An encrypted key the password opened: its protection as well.
        FileCases("secrets/server.key").ShouldBe(["key-derivation-limit", "key-file-permissions", "keystore-no-password",
            "keystore-weak-protection", "parse-error", "password-required", "private-key-committed"]);
        doc.Descendants("testcase").Select(c => (string)c.Attribute("classname")!).ShouldAllBe(n => n.StartsWith("certlint.", StringComparison.Ordinal));
    }

    [Test]
    public void Json_matches_the_approved_report()
    {
        var bytes = ReportWriter.Render(ReportFormat.Json, _result, Golden.Settings);
        SchemaValidation.ShouldBeValidCertLintJson(bytes);
        Golden.Text(bytes, _result).ShouldMatchApproved(Golden.Config("json"));
    }

    [Test]
    public void Markdown_matches_the_approved_report() =>
        Golden.Render(ReportFormat.Markdown, _result).ShouldMatchApproved(Golden.Config("md"));

    [Test]
    public void Console_matches_the_approved_output()
    {
        using var w = new StringWriter { NewLine = "\n" };
        ConsoleReport.Write(_result, w, new ConsoleOptions(false, ConsoleVerbosity.Verbose));
        Golden.Text(Encoding.UTF8.GetBytes(w.ToString()), _result).ShouldMatchApproved(Golden.Config("txt"));
    }

    [Test]
    public void No_report_contains_key_material_or_the_password()
    {
        var secrets = LeakCheck.Secrets(_pki.KeyPems.Values, ReportFixture.Password);
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            var text = Encoding.UTF8.GetString(ReportWriter.Render(format, _result, Golden.Settings with { IncludeSuppressedInSarif = true }));
            LeakCheck.ShouldNotLeak(text, secrets, format.ToString());
        }
        using var console = new StringWriter();
        ConsoleReport.Write(_result, console, new ConsoleOptions(true, ConsoleVerbosity.Verbose));
        LeakCheck.ShouldNotLeak(console.ToString(), secrets, "console");
    }
}
