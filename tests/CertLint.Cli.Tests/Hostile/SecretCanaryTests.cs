using System.Security.Cryptography;
using System.Text;

namespace CertLint.Cli.Tests.Hostile;

/// <summary>
/// A pull request can put a runner's secret (or its own, to see what CertLint echoes) into any file CertLint reads. A
/// canary password and key-like bytes go into a malformed file of every kind CertLint reads, and into the password
/// environment variable; the real CLI then writes every report, and the canary must appear in none of them, nor on
/// the console or stderr.
/// </summary>
[NonParallelizable]
public class SecretCanaryTests
{
    private const string Canary = "Cnry7pw-h13f-Zq9xW4";
    /// <summary>Key-like bytes: their base64 and hex are checked too (a report must not dump a file's bytes).</summary>
    private static readonly byte[] KeyBytes = Encoding.ASCII.GetBytes("KEYBYTES-" + Canary);

    private string _dir = "";

    [SetUp]
    public void MakeDir()
    {
        _dir = Path.Combine(Path.GetTempPath(), "certlint-canary-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TearDown]
    public void Remove() => Directory.Delete(_dir, recursive: true);

    private void Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private void Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    // The canary stands only where a secret stands (a password, a key's bytes, a comment, garbage), never as a path: paths
    // are what findings name (config-file-missing quotes them by design).

    /// <summary>Bytes that start like a DER SEQUENCE and stop short, the canary inside.</summary>
    private static byte[] TruncatedDer() => [0x30, 0x82, 0x04, 0x00, 0x30, 0x82, 0x03, 0xF0, 0x04, (byte)KeyBytes.Length, .. KeyBytes, 0x02, 0x01];

    private void WriteEveryKind()
    {
        var b64 = Convert.ToBase64String([.. "0\u0082"u8, .. KeyBytes]);
        Write("broken.pem", $"password: {Canary}\n-----BEGIN PRIVATE KEY-----\n{b64}\n-----END PRIVATE KEY-----\n-----BEGIN CERTIFICATE-----\n{b64}\n-----END CERTIFICATE-----\n");
        Write("broken.der", TruncatedDer());
        Write("broken.p12", TruncatedDer());
        Write("broken.p7b", TruncatedDer());
        // JKS: magic, version 2, one entry, a private-key entry whose alias is the canary, then cut short.
        Write("broken.jks", [0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0, (byte)Canary.Length, .. Encoding.ASCII.GetBytes(Canary), 0, 0, 1]);
        Write("corrupt.key", HostileInputs.Pem("ENCRYPTED PRIVATE KEY", HostileInputs.CorruptEncryptedKey(Canary)));
        using (var key = ECDsa.Create(ECCurve.NamedCurves.nistP256))
        {
            var pbe = new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 1000);
            Write("right.key", HostileInputs.Pem("ENCRYPTED PRIVATE KEY", key.ExportEncryptedPkcs8PrivateKey(Canary, pbe)));
        }
        Write("nginx.conf", $"http {{\n  server {{\n    listen 443 ssl;\n    ssl_password_file \"pass.txt;\n    # {Canary}\n    ssl_certificate www.crt;\n");
        Write("apache/httpd.conf", $"<VirtualHost *:443>\n  SSLEngine on\n  SSLPassPhraseDialog \"exec:/bin/echo {Canary}\n  SSLCertificateFile www.crt\n");
        Write("haproxy.cfg", $"frontend www\n    bind :443 ssl crt www.pem [{Canary}\n    bind :444 ssl crt-list \"crt.crtlist\n    # {Canary}\n");
        Write("crt.crtlist", $"www.pem [{Canary}\n");
        Write("appsettings.json", $"{{ \"Kestrel\": {{ \"Certificates\": {{ \"Default\": {{ \"Path\": \"www.pfx\", \"Password\": \"{Canary}\" }} }}, \"Endpoints\": {{ \"x\": {Canary} ");
        Write("iris/SSLDefs.ini", $"[Client]\nCertFile=c.crt\nPrivateKeyPassword={Canary}\n[broken\nPrivateKeyPassword {Canary}\n");
        Write("iris/merge.cpf", $"[Actions]\nCreateSSLConfig:Name=x,PrivateKeyPassword={Canary},CertificateFile=\"c.crt\n");
        Write("iris/SSLConfigsExport.xml", $"<?xml version=\"1.0\"?>\n<SSLConfigsExport><SSLConfigs><Name>x</Name><PrivateKeyPassword>{Canary}</PrivateKeyPassword><CertificateFile>c.crt<\n");
        Write("k8s/secret.yaml", $"apiVersion: v1\nkind: Secret\ntype: kubernetes.io/tls\nstringData:\n  password: {Canary}\n  tls.key: |\n    -----BEGIN PRIVATE KEY-----\n    {b64}\n    -----END PRIVATE KEY-----\ndata:\n  tls.crt: {Convert.ToBase64String(KeyBytes)}\n  other: [{Canary}\n");
        Write("docker-compose.yml", $"services:\n  web:\n    environment:\n      DB_PASSWORD: {Canary}\n    secrets: [{Canary}\n");
        Write("application.properties", $"server.ssl.key-store=ks.p12\nserver.ssl.key-store-password={Canary}\nserver.ssl.key-password=\\u00{Canary}\n");
        Write("spring/application.yml", $"server:\n  ssl:\n    key-store-password: {Canary}\n    key-password: [{Canary}\n");
        // A repeated key: YamlDotNet's message names it ("Duplicate key ..."), which the parse error must not repeat.
        Write("spring/dup/application.yml", $"server:\n  ssl:\n    {Canary}: 1\n    {Canary}: 2\n");
    }

    private static readonly string[] Malformed =
    [
        "broken.pem", "broken.der", "broken.p12", "broken.p7b", "broken.jks", "corrupt.key", "nginx.conf", "apache/httpd.conf", "haproxy.cfg",
        "appsettings.json", "iris/SSLDefs.ini", "iris/merge.cpf", "iris/SSLConfigsExport.xml", "k8s/secret.yaml", "docker-compose.yml",
        "application.properties", "spring/application.yml", "spring/dup/application.yml",
    ];

    private static readonly string[] Reports = ["report.sarif", "report.junit.xml", "report.json", "report.md", "report.codequality.json", "report.html"];

    private CliRunner.Outcome Lint(IReadOnlyDictionary<string, string>? env, params string[] extra) =>
        CliRunner.Process(_dir, env, [".", "--now", "2026-06-01", "--verbose", "--sarif", "report.sarif", "--junit", "report.junit.xml",
            "--json", "report.json", "--markdown", "report.md", "--gitlab-codequality", "report.codequality.json", "--html", "report.html", .. extra]);

    private void ShouldNotLeak(CliRunner.Outcome r, bool reports = true)
    {
        var outputs = new List<(string Name, string Text)> { ("stdout", r.Out), ("stderr", r.Error) };
        if (reports) outputs.AddRange(Reports.Select(n => (n, File.ReadAllText(Path.Combine(_dir, n)))));
        foreach (var (name, text) in outputs)
        {
            foreach (var secret in new[] { Canary, Convert.ToBase64String(KeyBytes), Convert.ToHexString(KeyBytes), Convert.ToHexString(KeyBytes).ToLowerInvariant(), "Cnry7pw" })
                text.Contains(secret, StringComparison.Ordinal).ShouldBeFalse($"{name} shows the canary ({secret}):\n{Around(text, "Cnry7pw")}");
        }
    }

    private static string Around(string text, string what)
    {
        var at = text.IndexOf(what, StringComparison.Ordinal);
        return at < 0 ? "(as encoded)" : text[Math.Max(0, at - 300)..Math.Min(text.Length, at + 100)];
    }

    [TestCase(null)]
    [TestCase("wrong-password")]
    [TestCase(Canary)]
    public void A_canary_in_malformed_files_of_every_kind_and_in_the_password_reaches_no_output(string? password)
    {
        WriteEveryKind();
        var env = password is null ? null : new Dictionary<string, string> { ["CERTLINT_PASSWORD"] = password };

        var r = Lint(env);

        r.ExitCode.ShouldBe(1, r.Out + r.Error);
        // Every malformed file was read and has a finding (it was judged, not skipped).
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_dir, "report.json")));
        var flagged = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("path").GetString()).ToHashSet();
        Malformed.Where(f => !flagged.Contains(f)).ShouldBeEmpty();
        ShouldNotLeak(r);
    }

    [Test]
    public void A_canary_in_a_malformed_certlint_yml_or_rule_file_reaches_no_output()
    {
        WriteEveryKind();
        Write(".certlint.yml", $"failOn: error\n# password: {Canary}\ntrust: [\n");
        var config = Lint(null);
        config.ExitCode.ShouldBe(2, config.Out + config.Error);
        ShouldNotLeak(config, reports: false);

        File.Delete(Path.Combine(_dir, ".certlint.yml"));
        Write("rules/custom.yml", $"id: X0001\nname: custom\n# token: {Canary}\ncheck: {{ primitive: [\n");
        var rule = Lint(null, "--rules", "rules");
        rule.ExitCode.ShouldBe(2, rule.Out + rule.Error);
        ShouldNotLeak(rule, reports: false);
    }
}
