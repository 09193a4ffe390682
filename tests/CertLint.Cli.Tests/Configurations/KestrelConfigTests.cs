namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// ASP.NET Core Kestrel appsettings*.json: endpoints, Sni, the default certificate, client certificate mode and
/// SslProtocols. tests/fixtures/configs/kestrel/good is a correct mutual-TLS set-up; kestrel/bad has one of each defect.
/// </summary>
public sealed class KestrelConfigTests
{
    [Test]
    public void A_correct_setup_with_comments_and_trailing_commas_has_no_findings()
    {
        using var repo = new ConfigFixture("kestrel/good");
        var (findings, outcome, _) = repo.Lint();
        findings.ShouldBeEmpty(outcome.Out);
        outcome.ExitCode.ShouldBe(0);

        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01");
        inventory.ExitCode.ShouldBe(0);
        inventory.Out.ShouldContain("appsettings.json:11  kestrel server  Kestrel endpoint Https (https://www.example.test:8443)");
        inventory.Out.ShouldContain("certificate  certs/server.crt  (appsettings.json:15 Kestrel:Endpoints:Https:Certificate:Path)");
        inventory.Out.ShouldContain("verify peer  on (appsettings.json:13)");
        inventory.Out.ShouldContain("protocols    TLSv1.2, TLSv1.3 (appsettings.json:7 SslProtocols)");
        inventory.Out.ShouldContain("appsettings.json:22  kestrel server  Kestrel endpoint Internal Sni example.test");
        inventory.Out.ShouldContain("appsettings.json:23  kestrel server  Kestrel endpoint Internal Sni *.example.test");
        inventory.Out.ShouldContain("protocols    TLSv1.3 (appsettings.json:23 SslProtocols)");
        inventory.Out.ShouldContain("appsettings.json:29  kestrel server  Kestrel default certificate");
        inventory.Out.ShouldContain("CN=www.example.test, serial 2002  role server (from appsettings.json:15 Kestrel:Endpoints:Https:Certificate:Path)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("kestrel/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-cert-store appsettings.json:16",
            "config-file-missing appsettings.json:27",
            "config-host-mismatch appsettings.json:4",
            "config-key-mismatch appsettings.json:9",
            "config-password-literal appsettings.json:28",
            "parse-error appsettings.Staging.json:7",
            "parse-error appsettings.json:14",
            "parse-error appsettings.json:21",
            "tls-version-weak appsettings.json:12",
            "tls13-not-allowed appsettings.json:12",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "config-host-mismatch").ShouldHaveSingleItem().ShouldContain("answers for api.example.test");
        ConfigFixture.Messages(json, "config-cert-store").ShouldHaveSingleItem()
            .ShouldBe("Kestrel endpoint FromStore (https://*:10443) at appsettings.json:16 takes its certificate from Subject=www.example.test, Store=My, Location=LocalMachine: CertLint cannot lint it.");
        ConfigFixture.Messages(json, "tls-version-weak").ShouldHaveSingleItem().ShouldContain("allows TLSv1.0 (appsettings.json:14 SslProtocols)");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "appsettings.Staging.json:7 cannot be parsed: invalid JSON at line 7. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "appsettings.json:14 cannot be parsed: SslProtocols value is not an SslProtocols name (Tls12, Tls13...): Kestrel ignores it. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "appsettings.json:21 cannot be parsed: Kestrel endpoint with an http:// Url has HTTPS settings (Certificate, ClientCertificateMode, SslProtocols or Sni): Kestrel refuses to start. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }

    [Test]
    public void The_certificate_password_never_appears_in_any_output_or_report()
    {
        using var repo = new ConfigFixture("kestrel/bad");
        var reports = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "-reports");
        Directory.CreateDirectory(reports);
        try
        {
            var lint = CliRunner.InProcess(repo.Root, null, "--now", "2030-01-01", ".", "-v",
                "--sarif", Path.Combine(reports, "r.sarif"), "--junit", Path.Combine(reports, "r.xml"), "--json", Path.Combine(reports, "r.json"));
            var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--json", "--now", "2030-01-01");
            string[] outputs = [lint.Out + lint.Error, inventory.Out + inventory.Error, .. Directory.GetFiles(reports).Select(File.ReadAllText)];
            outputs.Length.ShouldBe(5);
            foreach (var text in outputs) text.ShouldNotContain("hunter2");
            lint.Out.ShouldContain("appsettings.json:28 Kestrel:Certificates:Default:Password writes the password of certs/missing.crt into the repository");
        }
        finally
        {
            Directory.Delete(reports, recursive: true);
        }
    }

    [Test]
    public void An_environment_file_is_read_over_appsettings_json_each_value_at_its_own_line()
    {
        using var repo = new ConfigFixture("kestrel/overlay");
        var (findings, outcome, json) = repo.Lint();
        // appsettings.json alone is correct. Production changes only the key of Https (its own usage, the key's line);
        // Canary's one-item SslProtocols replaces item 0 of the base list, so Canary allows TLS 1.0 on both endpoints.
        findings.ShouldBe([
            "config-key-mismatch appsettings.Production.json:5",
            "tls-version-weak appsettings.json:10",
            "tls-version-weak appsettings.json:6",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "config-key-mismatch").ShouldHaveSingleItem()
            .ShouldContain("appsettings.Production.json:5 Kestrel:Endpoints:Https:Certificate:KeyPath names certs/other.key, whose key does not belong to CN=www.example.test, serial 2002 named at appsettings.json:8 Kestrel:Endpoints:Https:Certificate:Path");
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe([
            "Kestrel endpoint Https (https://www.example.test:8443) in Canary allows TLSv1.0 (appsettings.Canary.json:4 SslProtocols): allow TLSv1.2 and TLSv1.3 only.",
            "Kestrel endpoint Admin (https://www.example.test:9443) in Canary allows TLSv1.0 (appsettings.Canary.json:4 SslProtocols): allow TLSv1.2 and TLSv1.3 only.",
        ], ignoreOrder: true);

        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01");
        var o = inventory.Out;
        o.ShouldContain("appsettings.json:6  kestrel server  Kestrel endpoint Https (https://www.example.test:8443)\n");
        o.ShouldContain("appsettings.Production.json:4  kestrel server  Kestrel endpoint Https (https://www.example.test:8443) in Production");
        o.ShouldContain("key          certs/other.key  (appsettings.Production.json:5 Kestrel:Endpoints:Https:Certificate:KeyPath)");
        o.ShouldContain("appsettings.json:6  kestrel server  Kestrel endpoint Https (https://www.example.test:8443) in Canary");
        o.ShouldContain("protocols    TLSv1.0, TLSv1.3 (appsettings.Canary.json:4 SslProtocols)");
        // Admin is unchanged in Production: the base file's usage stands for it.
        o.ShouldNotContain("Kestrel endpoint Admin (https://www.example.test:9443) in Production");
    }
}
