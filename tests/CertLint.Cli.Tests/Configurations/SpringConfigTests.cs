namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// Spring Boot with Java keystores: tests/fixtures/configs/spring/good is a correct mTLS server (PKCS#12 keystore, JKS
/// truststore written here, passwords from the environment); spring/bad has one of each defect, its JKS written here
/// with the JDK's default password and without the intermediate.
/// </summary>
public sealed class SpringConfigTests
{
    private const string Password = "fixture-pass";
    private static readonly string Pki = Path.Combine(ConfigFixture.FixturesRoot, "pki-chain");
    private static readonly Dictionary<string, string> Env = new() { ["CERTLINT_PASSWORD"] = Password };

    private static ConfigFixture Good()
    {
        var repo = new ConfigFixture("spring/good");
        JksFixture.WriteTrustStore(Path.Combine(repo.Root, "src/main/resources/truststore.jks"), Password,
            Path.Combine(Pki, "intermediate.crt"), Path.Combine(Pki, "root.crt"));
        return repo;
    }

    private static ConfigFixture Bad()
    {
        var repo = new ConfigFixture("spring/bad");
        JksFixture.WriteKeyStore(Path.Combine(repo.Root, "src/main/resources/server.jks"), "changeit",
            Path.Combine(Pki, "server.key"), Path.Combine(Pki, "server.crt"));
        return repo;
    }

    [Test]
    public void A_correct_setup_with_a_jks_truststore_has_no_findings()
    {
        using var repo = Good();
        var (findings, outcome, json) = repo.Lint(Env);
        findings.ShouldBeEmpty(outcome.Out);
        outcome.ExitCode.ShouldBe(0);
        json.ShouldContain("\"path\": \"src/main/resources/truststore.jks\"");

        var o = CliRunner.InProcess(repo.Root, Env, "inventory", "--now", "2030-01-01").Out;
        o.ShouldContain("src/main/resources/application.yml:6  spring server  server.ssl");
        o.ShouldContain("src/main/resources/application.yml:22  spring unknown  spring.ssl.bundle.pem.backend");
        o.ShouldContain("classpath:server.p12  -> src/main/resources/server.p12");
        o.ShouldContain("client CA    classpath:truststore.jks  -> src/main/resources/truststore.jks");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3");
        o.ShouldContain("src/main/resources/truststore.jks:1  CN=Fixture Issuing CA, serial 3001  role ca");
        o.ShouldContain("CN=www.example.test, serial 3003  role server (from src/main/resources/application.yml:7 server.ssl.key-store)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = Bad();
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-chain-incomplete src/main/resources/application.properties:2",
            "config-file-missing src/main/resources/application.properties:6",
            "config-key-mismatch src/main/resources/application.properties:9",
            "config-password-literal src/main/resources/application.properties:4",
            "keystore-no-password src/main/resources/server.jks:1",
            "keystore-weak-protection src/main/resources/server.jks:1",
            "parse-error src/main/resources/corrupt.jks:1",
            "parse-error src/main/resources/legacy.jceks:1",
            "tls-version-weak src/main/resources/application.properties:2",
            "tls13-not-allowed src/main/resources/application.properties:2",
        ], outcome.Out);
        ConfigFixture.Messages(json, "keystore-no-password").ShouldHaveSingleItem().ShouldContain("JKS keystore holds a private key and opens with the JDK's well-known default password");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "src/main/resources/corrupt.jks:1 cannot be parsed: invalid JKS keystore: truncated JKS keystore. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "src/main/resources/legacy.jceks:1 cannot be parsed: invalid JCEKS keystore: JCEKS store digest missing or data after it. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }

    [Test]
    public void A_jks_no_password_opens_still_lints_its_certificates_and_says_the_password_is_required()
    {
        using var repo = Good();
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "password-required src/main/resources/server.p12:1",
            "password-required src/main/resources/truststore.jks:1",
        ], outcome.Out);
        json.ShouldContain("CN=Fixture Chain Root CA");
    }

    [Test]
    public void No_password_or_key_material_appears_in_any_output_or_report()
    {
        foreach (var (repo, env, secret) in new[] { (Good(), (IReadOnlyDictionary<string, string>?)Env, Password), (Bad(), null, "changeit") })
        {
            using var _ = repo;
            var keyPem = File.ReadAllText(Path.Combine(Pki, "server.key"));
            var keyBody = string.Concat(keyPem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)));
            var reports = repo.Root + "-reports";
            Directory.CreateDirectory(reports);
            try
            {
                var lint = CliRunner.InProcess(repo.Root, env, "--now", "2030-01-01", ".", "-v",
                    "--sarif", Path.Combine(reports, "r.sarif"), "--junit", Path.Combine(reports, "r.xml"),
                    "--json", Path.Combine(reports, "r.json"), "--markdown", Path.Combine(reports, "r.md"), "--html", Path.Combine(reports, "r.html"));
                var inventory = CliRunner.InProcess(repo.Root, env, "inventory", "--json", "--now", "2030-01-01");
                var outputs = new[] { lint.Out + lint.Error, inventory.Out + inventory.Error }.Concat(Directory.GetFiles(reports).Select(File.ReadAllText)).ToList();
                outputs.Count.ShouldBe(7);
                foreach (var text in outputs)
                {
                    text.ShouldNotContain(secret);
                    text.ShouldNotContain(keyBody[..40]);
                }
            }
            finally
            {
                Directory.Delete(reports, recursive: true);
            }
        }
    }
}
