namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// The Elastic Stack: tests/fixtures/configs/elastic/good is a node (HTTPS, mutual TLS on the transport layer), Kibana
/// (HTTPS, and a verified connection to Elasticsearch) and Filebeat (a client certificate to Elasticsearch); elastic/bad
/// has the mistakes tutorials spread, one finding each (metricbeat.docker.yml: a Beat file under a Docker image's name),
/// and elastic/bad/node2 a node that does not boot. Certificates: elastic/make-certs.sh.
/// </summary>
public sealed class ElasticConfigTests
{
    [Test]
    public void Nodes_kibana_and_beats_are_usages_with_elastics_defaults()
    {
        using var repo = new ConfigFixture("elastic/good");
        var o = repo.CleanInventory();
        // Nested (xpack.security.http.ssl: {...}) and dotted keys are one.
        o.ShouldContain("elasticsearch.yml:8  elastic server  elasticsearch http");
        o.ShouldContain("certificate  certs/node.crt  (elasticsearch.yml:9 xpack.security.http.ssl.certificate)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (elasticsearch.yml:12 xpack.security.http.ssl.supported_protocols)");
        // The transport layer requires the other nodes' certificates by default, and is their client with the same ones.
        o.ShouldContain("elasticsearch.yml:14  elastic server  elasticsearch transport");
        o.ShouldContain("elasticsearch.yml:14  elastic client  elasticsearch transport (to the other nodes)");
        o.ShouldContain("verify host  on (elasticsearch.yml:15)");
        o.ShouldContain("kibana.yml:3  elastic server  kibana server");
        o.ShouldContain("hosts        kibana.example.test");
        o.ShouldContain("kibana.yml:9  elastic client  kibana to elasticsearch");
        o.ShouldContain("filebeat.yml:9  elastic client  filebeat output.elasticsearch");
        o.ShouldContain("role client,server (from elasticsearch.yml:9 xpack.security.http.ssl.certificate, elasticsearch.yml:16 xpack.security.transport.ssl.certificate)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("elastic/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "client-cert-not-verified elasticsearch.yml:3",
            "config-file-missing metricbeat.docker.yml:4",
            "config-host-mismatch kibana.yml:2",
            "config-key-mismatch elasticsearch.yml:5",
            "config-password-literal elasticsearch.yml:16",
            "eku-client-auth certs/node-server-only.crt:1",
            "parse-error kibana.yml:5",
            "parse-error node2/elasticsearch.yml:2",
            "peer-host-not-verified elasticsearch.yml:11",
            "peer-host-not-verified metricbeat.docker.yml:9",
            "peer-not-verified kibana.yml:8",
            "tls-version-weak elasticsearch.yml:3",
            "tls-version-weak metricbeat.docker.yml:3",
            "tls13-not-allowed elasticsearch.yml:3",
            "tls13-not-allowed metricbeat.docker.yml:3",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        // verification_mode: certificate checks the other nodes' chain, not their names.
        ConfigFixture.Messages(json, "peer-host-not-verified").ShouldContain(m => m.StartsWith(
            "elasticsearch transport (to the other nodes) at elasticsearch.yml:11 verifies the server's certificate chain but not its host name (elasticsearch.yml:12)", StringComparison.Ordinal));
        // A certificate a public CA issued for serverAuth only cannot be the transport layer's client certificate.
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem().ShouldContain(
            "is used as a TLS client certificate (role from elasticsearch.yml:4 xpack.security.http.ssl.certificate, elasticsearch.yml:13 xpack.security.transport.ssl.certificate)");
        ConfigFixture.Messages(json, "client-cert-not-verified").ShouldHaveSingleItem().ShouldStartWith(
            "elasticsearch http at elasticsearch.yml:3 asks clients for a certificate but does not verify it (elasticsearch.yml:7)");
        ConfigFixture.Messages(json, "config-password-literal").ShouldHaveSingleItem().ShouldStartWith(
            "elasticsearch.yml:16 xpack.security.transport.ssl.key_passphrase writes the password of certs/node-server-only.key into the repository");
        outcome.Out.ShouldNotContain("changeme");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "kibana.yml:5 cannot be parsed: invalid server.ssl.clientAuthentication: none, optional or required expected. Fix or regenerate the file, or exclude it if it is not a certificate.",
            // Transport settings without `enabled`: the node does not boot (its files are still linted).
            "node2/elasticsearch.yml:2 cannot be parsed: xpack.security.transport.ssl.enabled is not set, but other xpack.security.transport.ssl settings are: Elasticsearch refuses to start; set it to true or false. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }
}
