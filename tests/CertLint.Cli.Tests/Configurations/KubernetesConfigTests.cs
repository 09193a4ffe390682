using System.Text.RegularExpressions;

namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// Kubernetes: Secrets decoded and linted in place, Ingress hosts against the served certificate's SAN, cert-manager
/// requests. tests/fixtures/configs/kubernetes/good is clean; kubernetes/bad holds one of each defect.
/// </summary>
public sealed partial class KubernetesConfigTests
{
    [Test]
    public void A_tls_secret_served_by_an_ingress_is_a_server_certificate_and_lints_clean()
    {
        using var repo = new ConfigFixture("kubernetes/good");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBeEmpty(outcome.Out);
        json.ShouldContain("\"path\": \"secret.yaml\"");   // the certificates are reported inside the manifest

        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01").Out;
        inventory.ShouldContain("secret.yaml:9  CN=www.example.test, serial 2002  role server (from secret.yaml:9 Secret shop/web-tls data.tls.crt)");
        inventory.ShouldContain("ingress.yaml:16  cert-manager server  Certificate shop/api");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_manifest_line()
    {
        using var repo = new ConfigFixture("kubernetes/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "cert-manager-renewal manifests.yaml:51",
            "cert-manager-weak-key manifests.yaml:51",
            "config-host-mismatch manifests.yaml:46",
            "config-host-mismatch manifests.yaml:48",
            "config-key-mismatch manifests.yaml:8",
            "parse-error manifests.yaml:38",
            "role-unknown manifests.yaml:18",
        ], outcome.Out);
        ConfigFixture.Messages(json, "config-host-mismatch").ShouldBe([
            "Ingress default/web answers for api.example.test (manifests.yaml:46), but CN=www.example.test, serial 2002 from manifests.yaml:7 Secret default/web-tls data.tls.crt covers only DNS:www.example.test, DNS:example.test: reissue it with these names.",
            "Ingress default/web answers for shop.example.test (manifests.yaml:48), but Certificate default/shop from its dnsNames covers only www.example.test: reissue it with these names.",
        ]);
    }

    [Test]
    public void What_a_base64_value_holds_is_reported_at_the_values_own_lines()
    {
        // data.server.der: one line of base64 (a DER certificate), line 11; data.ca.crt: a literal block of 20 base64
        // lines (a PEM bundle of two CA certificates), lines 13-32. Before, the DER certificate was reported at line 1
        // and the bundle at the decoded PEM's line numbers.
        using var repo = new ConfigFixture("kubernetes/encoded");
        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01");
        inventory.Out.ShouldContain("secret.yaml:11  CN=www.example.test, serial 2002");
        inventory.Out.ShouldContain("secret.yaml:13-32  CN=Fixture TLS CA, serial 2000");
        inventory.Out.ShouldContain("secret.yaml:13-32  CN=Fixture Other CA, serial 2001");

        var (findings, outcome, json) = repo.LintAt("2100-06-01", null);
        findings.ShouldBe([
            "cert-expired secret.yaml:11",
            "cert-expired secret.yaml:13",
            "cert-expired secret.yaml:13",
            "role-unknown secret.yaml:11",
            "validity-too-long secret.yaml:11",
        ], outcome.Out);
        ConfigFixture.Messages(json, "cert-expired").Count(m => m.Contains("CN=Fixture", StringComparison.Ordinal)).ShouldBe(2);
    }

    [Test]
    public void A_secrets_key_is_never_printed_in_any_output_or_report()
    {
        using var repo = new ConfigFixture("kubernetes/bad");
        var manifest = File.ReadAllText(Path.Combine(repo.Root, "manifests.yaml"));
        var base64Key = KeyValue().Match(manifest).Groups[1].Value;
        base64Key.Length.ShouldBeGreaterThan(100);
        var pem = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64Key));
        var pemBody = string.Concat(pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal)));

        var reports = Path.Combine(repo.Root, "..", Path.GetFileName(repo.Root) + "-reports");
        Directory.CreateDirectory(reports);
        try
        {
            var outputs = new List<string>();
            var lint = CliRunner.InProcess(repo.Root, null, "--now", "2030-01-01", ".", "-v",
                "--sarif", Path.Combine(reports, "r.sarif"), "--junit", Path.Combine(reports, "r.xml"),
                "--json", Path.Combine(reports, "r.json"), "--markdown", Path.Combine(reports, "r.md"));
            outputs.Add(lint.Out + lint.Error);
            var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--json", "--now", "2030-01-01");
            outputs.Add(inventory.Out + inventory.Error);
            outputs.AddRange(Directory.GetFiles(reports).Select(File.ReadAllText));
            outputs.Count.ShouldBe(6);
            foreach (var text in outputs)
            {
                text.ShouldNotContain(base64Key[..40]);
                text.ShouldNotContain(pemBody[..40]);
            }
            lint.Out.ShouldContain("CL0703 config-key-mismatch");
        }
        finally
        {
            Directory.Delete(reports, recursive: true);
        }
    }

    [GeneratedRegex(@"tls\.key: (\S+)")]
    private static partial Regex KeyValue();
}
