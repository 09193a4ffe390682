using CertLint.Core.Tests.Hostile;
using CertLint.Engine;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// peer-host-not-verified: a client that verifies the server's chain but not its host name, in every format that can
/// say so, and nothing where the name is checked or where nothing is verified at all (peer-not-verified's finding).
/// </summary>
public sealed class HostVerificationTests
{
    private const string Rule = "peer-host-not-verified";

    [Test]
    public void Mysql_clients_check_the_host_only_with_verify_identity_or_mariadbs_verify_server_cert()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.Write(dir, "my.cnf", """
            [client]
            ssl-ca = ca.crt
            [mysql]
            ssl-mode = VERIFY_CA
            ssl-ca = ca.crt
            [mysqldump]
            ssl-mode = VERIFY_IDENTITY
            ssl-ca = ca.crt
            [mysqladmin]
            ssl-verify-server-cert
            ssl-ca = ca.crt
            [mysqlcheck]
            ssl-mode = REQUIRED
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of(Rule).ShouldBe([
            Finding("my.cnf:1", "mysql client [client]", "my.cnf:2"),
            Finding("my.cnf:3", "mysql client [mysql]", "my.cnf:4"),
        ], ignoreOrder: true);
        // REQUIRED verifies nothing: that is one finding, peer-not-verified's.
        result.Of("peer-not-verified").ShouldHaveSingleItem().ShouldContain("mysql client [mysqlcheck]");
        Inventory(result).ShouldBe([
            "mysql client [client] verifyHost=False", "mysql client [mysql] verifyHost=False", "mysql client [mysqladmin] verifyHost=True",
            "mysql client [mysqlcheck] verifyHost=", "mysql client [mysqldump] verifyHost=True",
        ], ignoreOrder: true);
    }

    [Test]
    public void Libpq_services_check_the_host_only_with_verify_full()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.Write(dir, "pg_service.conf", """
            [ca]
            sslmode=verify-ca
            sslrootcert=ca.crt
            [full]
            sslmode=verify-full
            sslrootcert=ca.crt
            [require]
            sslmode=require
            sslrootcert=ca.crt
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of(Rule).ShouldBe([
            Finding("pg_service.conf:1", "pg_service [ca]", "pg_service.conf:2"),
            Finding("pg_service.conf:7", "pg_service [require]", "pg_service.conf:8"),
        ], ignoreOrder: true);
        result.Of("peer-not-verified").ShouldBeEmpty();
    }

    [Test]
    public void Kafka_clients_check_the_host_unless_the_endpoint_algorithm_is_emptied()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.Write(dir, "checked/client.properties", """
            bootstrap.servers=broker1.example.test:9093
            security.protocol=SSL
            """);
        ConfigComplexityTests.Write(dir, "unchecked/client.properties", """
            bootstrap.servers=broker1.example.test:9093
            security.protocol=SSL
            ssl.endpoint.identification.algorithm=
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of(Rule).ShouldBe([Finding("unchecked/client.properties:2", "kafka client to broker1.example.test", "unchecked/client.properties:3")]);
        result.Of("peer-not-verified").ShouldBeEmpty();
    }

    [Test]
    public void Mongodb_members_allowing_invalid_hostnames_verify_the_chain_only()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        ConfigComplexityTests.Write(dir, "mongod.conf", """
            net:
              tls:
                mode: requireTLS
                certificateKeyFile: www.crt
                allowInvalidHostnames: true
            replication:
              replSetName: rs0
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of(Rule).ShouldBe([Finding("mongod.conf:7", "mongod connections to cluster members", "mongod.conf:5")]);
        result.Of("peer-not-verified").ShouldBeEmpty();
    }

    [Test]
    public void Haproxy_servers_check_the_host_against_the_sni_sent_or_verifyhost()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.Write(dir, "haproxy.cfg", """
            backend app
                server sni 10.0.0.1:443 ssl ca-file ca.crt verify required sni str(app.example.test)
                server fixed 10.0.0.2:443 ssl ca-file ca.crt verifyhost app.example.test
                server none 10.0.0.3:443 ssl ca-file ca.crt verifyhost none
                server bare 10.0.0.4:443 ssl ca-file ca.crt
                server off 10.0.0.5:443 ssl verify none
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of(Rule).ShouldBe([
            Finding("haproxy.cfg:4", "backend app server none 10.0.0.3:443", "haproxy.cfg:4"),
            Finding("haproxy.cfg:5", "backend app server bare 10.0.0.4:443", "haproxy.cfg:5 (default)"),
        ], ignoreOrder: true);
        result.Of("peer-not-verified").ShouldHaveSingleItem().ShouldContain("server off 10.0.0.5:443");
    }

    [Test]
    public void Apache_proxies_check_the_host_unless_both_peer_name_checks_are_off()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.Write(dir, "httpd.conf", """
            <VirtualHost *:8080>
                ServerName off.example.test
                SSLProxyEngine on
                SSLProxyVerify require
                SSLProxyCACertificateFile ca.crt
                SSLProxyCheckPeerName off
                SSLProxyCheckPeerCN off
            </VirtualHost>
            <VirtualHost *:8081>
                ServerName cn.example.test
                SSLProxyEngine on
                SSLProxyVerify require
                SSLProxyCACertificateFile ca.crt
                SSLProxyCheckPeerName off
            </VirtualHost>
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        // The second still checks the first CN (SSLProxyCheckPeerCN is on by default): a name check, if a weak one.
        result.Of(Rule).ShouldBe([Finding("httpd.conf:3", "VirtualHost *:8080 off.example.test proxy", "httpd.conf:6")]);
        result.Of("peer-not-verified").ShouldBeEmpty();
    }

    [Test]
    public void Envoy_clusters_check_the_host_only_with_san_matchers_or_auto_san_validation()
    {
        using var dir = new TempDirectory();
        // One cluster per case; the validation context's own line is where the missing check shows.
        ConfigComplexityTests.Write(dir, "envoy.yaml", """
            static_resources:
              listeners:
              - name: https
                filter_chains:
                - transport_socket:
                    name: envoy.transport_sockets.tls
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext
                      require_client_certificate: true
                      common_tls_context:
                        validation_context: { trusted_ca: { filename: ca.crt } }
              clusters:
              - name: chain-only
                transport_socket:
                  name: envoy.transport_sockets.tls
                  typed_config:
                    "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
                    sni: api.example.test
                    common_tls_context:
                      validation_context:
                        trusted_ca: { filename: ca.crt }
              - name: matched
                transport_socket:
                  name: envoy.transport_sockets.tls
                  typed_config:
                    "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
                    common_tls_context:
                      validation_context:
                        trusted_ca: { filename: ca.crt }
                        match_typed_subject_alt_names:
                        - { san_type: DNS, matcher: { exact: api.example.test } }
              - name: auto-sni
                transport_socket:
                  name: envoy.transport_sockets.tls
                  typed_config:
                    "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
                    auto_sni_san_validation: true
                    common_tls_context: { validation_context: { trusted_ca: { filename: ca.crt } } }
              - name: auto-san
                typed_extension_protocol_options:
                  envoy.extensions.upstreams.http.v3.HttpProtocolOptions:
                    "@type": type.googleapis.com/envoy.extensions.upstreams.http.v3.HttpProtocolOptions
                    upstream_http_protocol_options: { auto_sni: true, auto_san_validation: true }
                    explicit_http_config: { http2_protocol_options: {} }
                transport_socket:
                  name: envoy.transport_sockets.tls
                  typed_config:
                    "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
                    common_tls_context: { validation_context: { trusted_ca: { filename: ca.crt } } }
              - name: pinned
                transport_socket:
                  name: envoy.transport_sockets.tls
                  typed_config:
                    "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
                    common_tls_context:
                      validation_context:
                        trusted_ca: { filename: ca.crt }
                        verify_certificate_spki: [NvqYIYSbgK2vCJpQhObf77vv+bQWtc5ek5RIOwPiC9A=]
              - name: untrusted
                transport_socket:
                  name: envoy.transport_sockets.tls
                  typed_config:
                    "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
                    common_tls_context:
                      validation_context:
                        trusted_ca: { filename: ca.crt }
                        trust_chain_verification: ACCEPT_UNTRUSTED
              - name: spiffe
                transport_socket:
                  name: envoy.transport_sockets.tls
                  typed_config:
                    "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
                    common_tls_context:
                      validation_context:
                        custom_validator_config:
                          name: envoy.tls.cert_validator.spiffe
                          typed_config:
                            "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.SPIFFECertValidatorConfig
                            trust_domains: [{ name: example.test, trust_bundle: { filename: ca.crt } }]
              - name: merged
                transport_socket:
                  name: envoy.transport_sockets.tls
                  typed_config:
                    "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.UpstreamTlsContext
                    common_tls_context:
                      combined_validation_context:
                        default_validation_context:
                          match_typed_subject_alt_names: [{ san_type: DNS, matcher: { exact: api.example.test } }]
                        validation_context_sds_secret_config: { name: backend_ca }
              secrets:
              - name: backend_ca
                validation_context:
                  trusted_ca: { filename: ca.crt }
                  match_typed_subject_alt_names: []
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of(Rule).ShouldBe([Finding("envoy.yaml:17", "cluster chain-only", "envoy.yaml:21")]);
        // ACCEPT_UNTRUSTED verifies nothing: peer-not-verified's one finding, at the setting.
        result.Of("peer-not-verified").ShouldBe([
            "envoy.yaml:63 cluster untrusted at envoy.yaml:63 does not verify the server's certificate (envoy.yaml:67): turn peer verification on and give it the CA file.",
        ]);
        Inventory(result).ShouldBe([
            "listener https verifyHost=", "cluster chain-only verifyHost=False", "cluster matched verifyHost=True",
            "cluster auto-sni verifyHost=True", "cluster auto-san verifyHost=True", "cluster pinned verifyHost=",
            "cluster untrusted verifyHost=", "cluster spiffe verifyHost=",
            // The Secret's CA and empty matcher list merge with the default context's matchers, as Envoy merges them.
            "cluster merged verifyHost=True",
        ], ignoreOrder: true);
        result.Inventory.Usages.Single(u => u.Service == "cluster spiffe").VerifyPeer.ShouldBe(true);
        result.Inventory.Usages.Single(u => u.Service == "cluster auto-san").VerifyHostAt!.StartLine.ShouldBe(43);
    }

    private static string Finding(string at, string service, string source) =>
        $"{at} {service} at {at} verifies the server's certificate chain but not its host name ({source}): any certificate its CA issued to another host is accepted; turn host-name verification on.";

    private static IEnumerable<string> Inventory(LintResult result) =>
        result.Inventory.Usages.Select(u => $"{u.Service} verifyHost={u.VerifyHost}");
}
