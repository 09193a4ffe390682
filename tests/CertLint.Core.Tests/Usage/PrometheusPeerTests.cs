using CertLint.Core.Tests.Hostile;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// The peer a Prometheus client names: tls_config.server_name, else the one host its static targets share (or the
/// remote endpoint's url host); none for several hosts or targets service discovery supplies.
/// </summary>
public sealed class PrometheusPeerTests
{
    [Test]
    public void A_client_names_server_name_or_the_one_host_of_its_targets()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.Write(dir, "prometheus.yml", """
            scrape_configs:
              - job_name: one-host
                scheme: https
                static_configs:
                  - targets: ["node1.example.test:9100"]
                  - targets: ["NODE1.example.test:9101"]
              - job_name: two-hosts
                scheme: https
                static_configs:
                  - targets: ["node1.example.test:9100", "node2.example.test:9100"]
              - job_name: named
                scheme: https
                tls_config:
                  server_name: exporters.example.test
                static_configs:
                  - targets: ["10.0.0.1:9100", "10.0.0.2:9100"]
              - job_name: discovered
                scheme: https
                file_sd_configs:
                  - files: [targets.json]
                static_configs:
                  - targets: ["node1.example.test:9100"]
              - job_name: plain
                static_configs:
                  - targets: ["node1.example.test:9100"]
            remote_read:
              - url: https://[2001:db8::1]:9201/read
              - url: http://reader.example.test/read
                tls_config:
                  ca_file: ca.crt
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.Select(u => $"{u.Service} {u.PeerHost}").ShouldBe([
            "scrape job one-host node1.example.test",
            "scrape job two-hosts ",
            "scrape job named exporters.example.test",
            "scrape job discovered ",
            "remote_read [0] 2001:db8::1",
        ]);
        result.Inventory.Usages.ShouldAllBe(u => u.VerifyPeer == true && u.VerifyHost == true);
    }

    [Test]
    public void Files_of_other_formats_are_not_taken()
    {
        var reader = new CertLint.Usage.Prometheus.PrometheusReader();
        reader.Detect("monitoring/prometheus.yml", "global:\n  scrape_interval: 15s\nscrape_configs:\n").ShouldBeTrue();
        reader.Detect("web-config.yml", "tls_server_config:\n  cert_file: a.crt\n").ShouldBeTrue();
        reader.Detect("prometheus-agent.yaml", "remote_write:\n  - url: https://x\n").ShouldBeTrue();
        // A ConfigMap holding prometheus.yml indents it; a values file names no top-level key of Prometheus's own.
        reader.Detect("k8s/prometheus.yaml", "apiVersion: v1\nkind: ConfigMap\ndata:\n  prometheus.yml: |\n    scrape_configs:\n").ShouldBeFalse();
        reader.Detect("values.yaml", "alerting:\n  enabled: true\n").ShouldBeFalse();
        reader.Detect("prometheus.json", "scrape_configs:\n").ShouldBeFalse();
    }
}
