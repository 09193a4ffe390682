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
}
