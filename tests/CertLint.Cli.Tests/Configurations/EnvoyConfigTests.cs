namespace CertLint.Cli.Tests.Configurations;

/// <summary>Envoy: tests/fixtures/configs/envoy/good is a correct mTLS set-up (YAML); envoy/bad has one of each defect (JSON).</summary>
public sealed class EnvoyConfigTests
{
    [Test]
    public void A_correct_mtls_setup_has_no_findings_and_roles_come_from_use()
    {
        using var repo = new ConfigFixture("envoy/good");
        var o = repo.CleanInventory();
        o.ShouldContain("envoy.yaml:20  envoy server  listener https");
        o.ShouldContain("certificate  /etc/envoy/certs/server.crt  -> certs/server.crt  (envoy.yaml:20 certificate_chain)");
        o.ShouldContain("key          /etc/envoy/certs/server.key  -> certs/server.key  (envoy.yaml:21 private_key)");
        o.ShouldContain("client CA    certs/ca.crt  (envoy.yaml:23 trusted_ca)");
        o.ShouldContain("verify peer  on (envoy.yaml:15)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (envoy.yaml:18 tls_minimum_protocol_version)");
        o.ShouldContain("hosts        www.example.test");
        o.ShouldContain("envoy.yaml:34  envoy client  cluster backend");
        // The upstream's CA is PEM written in the bootstrap (inline_string): linted in place, at its lines.
        o.ShouldContain("server CA    trusted_ca  -> embedded in envoy.yaml  (envoy.yaml:38 trusted_ca inline_string)");
        o.ShouldContain("envoy.yaml:39-48  CN=Fixture TLS CA, serial 2000  role ca");
        // Envoy checks an upstream's name only against SAN matchers (or auto SAN validation).
        o.ShouldContain("verify host  on (envoy.yaml:51)");
        o.ShouldContain("CN=alice, serial 2003  role client (from envoy.yaml:34 certificate_chain)");
        o.ShouldContain("CN=www.example.test, serial 2002  role server (from envoy.yaml:20 certificate_chain)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("envoy/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing envoy.json:19",
            "config-key-mismatch envoy.json:15",
            "mtls-client-ca-mismatch envoy.json:18",
            "parse-error broken.yaml:5",
            "peer-not-verified envoy.json:34",
            "tls-version-weak envoy.json:13",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe(["listener https allows TLSv1.0, TLSv1.1 (envoy.json:12 tls_minimum_protocol_version): allow TLSv1.2 and TLSv1.3 only."]);
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldHaveSingleItem().ShouldContain("presented at envoy.json:35 certificate_chain");
        ConfigFixture.Messages(json, "peer-not-verified").ShouldBe(["cluster backend at envoy.json:34 does not verify the server's certificate (envoy.json:34 (default)): turn peer verification on and give it the CA file."]);
        ConfigFixture.Messages(json, "parse-error").ShouldHaveSingleItem().ShouldStartWith("broken.yaml:5 cannot be parsed: invalid YAML");
    }

    [Test]
    public void Secrets_taken_through_sds_are_read_from_static_secrets_and_sds_files()
    {
        using var repo = new ConfigFixture("envoy/sds-good");
        var o = repo.CleanInventory();
        // The listener's certificate and client CA are static secrets: usage at the reference, files at the secret's lines.
        o.ShouldContain("envoy.yaml:26  envoy server  listener https");
        o.ShouldContain("certificate  /etc/envoy/certs/server.crt  -> certs/server.crt  (envoy.yaml:7 certificate_chain)");
        o.ShouldContain("key          /etc/envoy/certs/server.key  -> certs/server.key  (envoy.yaml:8 private_key)");
        o.ShouldContain("client CA    certs/ca.crt  (envoy.yaml:11 trusted_ca)");
        // The cluster's come from SDS files (YAML, and JSON through the older `path`), their paths at those files' lines.
        o.ShouldContain("envoy.yaml:39  envoy client  cluster backend");
        o.ShouldContain("certificate  /etc/envoy/certs/client.crt  -> certs/client.crt  (sds/client.yaml:5 certificate_chain)");
        o.ShouldContain("key          /etc/envoy/certs/client.key  -> certs/client.key  (sds/client.yaml:6 private_key)");
        o.ShouldContain("server CA    /etc/envoy/certs/ca.crt  -> certs/ca.crt  (sds/ca.json:7 trusted_ca)");
        o.ShouldContain("CN=alice, serial 2003  role client (from sds/client.yaml:5 certificate_chain)");
        // The SAN matchers come with the CA, from the SDS file: the name is checked.
        o.ShouldContain("verify host  on (sds/ca.json:8)");
        // Secrets a management server sends are not read, and their validation context still counts as verifying.
        o.ShouldContain("envoy.yaml:52  envoy client  cluster mesh\n    verify peer  on (envoy.yaml:59)");
    }

    [Test]
    public void Each_sds_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("envoy/sds-bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing envoy.yaml:28",
            "config-key-mismatch envoy.yaml:7",
            "parse-error envoy.yaml:18",
            "parse-error envoy.yaml:38",
            "parse-error sds/broken.yaml:5",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        var messages = ConfigFixture.Messages(json, "parse-error");
        messages.ShouldContain(m => m.Contains("tls_certificate_sds_secret_configs names a secret that static_resources.secrets does not define"));
        messages.ShouldContain(m => m.Contains("tls_certificate_sds_secret_configs: the SDS file holds no Secret of the name given"));
        // Names written in the configuration are not echoed.
        messages.ShouldAllBe(m => !m.Contains("server_cert_typo") && !m.Contains("other_cert"));
    }
}
