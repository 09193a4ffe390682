namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// The Prometheus ecosystem: tests/fixtures/configs/prometheus/good is a prometheus.yml scraping node_exporter over
/// mutual TLS (and sending alerts and remote writes over TLS, one with its CA written in) and node_exporter's
/// exporter-toolkit web configuration requiring Prometheus's client certificate; prometheus/bad has one defect per scrape
/// job and per web configuration. Certificates: prometheus/make-certs.sh.
/// </summary>
public sealed class PrometheusConfigTests
{
    [Test]
    public void Scrape_jobs_remote_endpoints_and_web_configurations_are_usages()
    {
        using var repo = new ConfigFixture("prometheus/good");
        var o = repo.CleanInventory();
        o.ShouldContain("node_exporter/web-config.yml:2  prometheus server  web server (tls_server_config)");
        o.ShouldContain("certificate  ../certs/node.crt  -> certs/node.crt  (node_exporter/web-config.yml:3 tls_server_config.cert_file)");
        o.ShouldContain("client CA    ../certs/ca.crt  -> certs/ca.crt  (node_exporter/web-config.yml:6 tls_server_config.client_ca_file)");
        o.ShouldContain("verify peer  on (node_exporter/web-config.yml:5)");
        o.ShouldContain("protocols    TLSv1.3 (node_exporter/web-config.yml:7 tls_server_config.min_version)");
        o.ShouldContain("prometheus.yml:7  prometheus client  alertmanagers[0]");
        o.ShouldContain("prometheus.yml:19  prometheus client  scrape job node");
        o.ShouldContain("certificate  certs/prometheus.crt  (prometheus.yml:23 tls_config.cert_file)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (prometheus.yml:25 tls_config.min_version)");
        o.ShouldContain("prometheus.yml:30  prometheus client  remote_write longterm");
        o.ShouldContain("server CA    the PEM text  -> embedded in prometheus.yml  (prometheus.yml:34 tls_config.ca)");
        // The plain-HTTP job is no usage; the CA written into the YAML is linted at its lines.
        o.ShouldNotContain("scrape job prometheus");
        o.ShouldContain("prometheus.yml:35-45  CN=Fixture Prometheus CA");
        o.ShouldContain("CN=prometheus.example.test, serial 3BBC92EFE23AC82B0E7A981F96C4E40074361888  role client (from prometheus.yml:23 tls_config.cert_file)");
        o.ShouldContain("CN=node1.example.test, serial 3BBC92EFE23AC82B0E7A981F96C4E40074361889  role server (from node_exporter/web-config.yml:3 tls_server_config.cert_file)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("prometheus/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "client-cert-not-verified web-config.yml:1",
            "config-file-missing prometheus.yml:31",
            "config-key-mismatch prometheus.yml:44",
            "eku-client-auth certs/server-only.crt:1",
            "mtls-client-ca-mismatch mtls/web-config.yml:5",
            "parse-error exporter/web.yml:5",
            "parse-error prometheus.yml:21",
            "parse-error prometheus.yml:26",
            "peer-not-verified prometheus.yml:3",
            "tls-version-weak prometheus.yml:10",
            "tls-version-weak web-config.yml:1",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "peer-not-verified").ShouldHaveSingleItem().ShouldStartWith(
            "scrape job insecure at prometheus.yml:3 does not verify the server's certificate (prometheus.yml:6)");
        ConfigFixture.Messages(json, "client-cert-not-verified").ShouldHaveSingleItem().ShouldStartWith(
            "web server (tls_server_config) at web-config.yml:1 asks clients for a certificate but does not verify it (web-config.yml:4)");
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe([
            "scrape job old-tls allows TLSv1.0, TLSv1.1 (prometheus.yml:14 tls_config.min_version): allow TLSv1.2 and TLSv1.3 only.",
            "web server (tls_server_config) allows TLSv1.1 (web-config.yml:5 tls_server_config.min_version): allow TLSv1.2 and TLSv1.3 only.",
        ], ignoreOrder: true);
        // A certificate issued for serverAuth only cannot be Prometheus's client certificate; the server it is presented
        // to (the one requiring client certificates) is a related location.
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem().ShouldContain(
            "is used as a TLS client certificate (role from prometheus.yml:37 tls_config.cert_file)");
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldHaveSingleItem().ShouldStartWith(
            "web server (tls_server_config) requires client certificates but names no CA file to verify them with");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "exporter/web.yml:5 cannot be parsed: tls_server_config.client_ca_file without a client_auth_type that asks for client certificates: the server does not start. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "prometheus.yml:21 cannot be parsed: tls_config names a client certificate without its key, or a key without its certificate (Prometheus does not load the file). Fix or regenerate the file, or exclude it if it is not a certificate.",
            "prometheus.yml:26 cannot be parsed: unknown tls_config.max_version: TLS10, TLS11, TLS12 or TLS13 expected (Prometheus does not load the file). Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }
}
