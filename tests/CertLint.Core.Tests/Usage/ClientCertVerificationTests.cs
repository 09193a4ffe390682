using CertLint.Core.Tests.Hostile;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// client-cert-not-verified: a server that asks clients for a certificate but accepts any, in each format that can say
/// so; nothing for servers that verify what they ask for or do not ask at all.
/// </summary>
public sealed class ClientCertVerificationTests
{
    private const string Rule = "client-cert-not-verified";

    private static string Finding(string at, string service, string source) =>
        $"{at} {service} at {at} asks clients for a certificate but does not verify it ({source}): any certificate is accepted, so none can be trusted to say who the client is; verify it against the clients' CA, or stop requesting it.";

    [Test]
    public void Nginx_and_apache_optional_no_ca_ask_without_verifying()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        TestPki.WritePem(dir.Path, "clients-ca.crt", TestPki.CreateRoot("Clients CA"));
        ConfigComplexityTests.Write(dir, "nginx.conf", """
            http {
                server {
                    listen 443 ssl;
                    server_name www.example.test;
                    ssl_certificate www.crt;
                    ssl_certificate_key www.key;
                    ssl_verify_client optional_no_ca;
                }
                server {
                    listen 8443 ssl;
                    server_name www.example.test;
                    ssl_certificate www.crt;
                    ssl_certificate_key www.key;
                    ssl_verify_client optional;
                    ssl_client_certificate clients-ca.crt;
                }
                server {
                    listen 9443 ssl;
                    server_name www.example.test;
                    ssl_certificate www.crt;
                    ssl_certificate_key www.key;
                }
            }
            """);
        ConfigComplexityTests.Write(dir, "httpd.conf", """
            <VirtualHost *:443>
                ServerName www.example.test
                SSLEngine on
                SSLCertificateFile www.crt
                SSLCertificateKeyFile www.key
                SSLVerifyClient optional_no_ca
            </VirtualHost>
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of(Rule).ShouldBe([
            Finding("httpd.conf:1", "VirtualHost *:443 www.example.test", "httpd.conf:6"),
            Finding("nginx.conf:2", "server www.example.test listen 443", "nginx.conf:7"),
        ]);
        result.Inventory.Usages.Select(u => $"{u.Service} requests={u.RequestsClientCertificate} verifies={u.VerifyPeer}").ShouldBe([
            "server www.example.test listen 443 requests=True verifies=False",
            "server www.example.test listen 8443 requests=True verifies=True",
            "server www.example.test listen 9443 requests=False verifies=False",
            "VirtualHost *:443 www.example.test requests=True verifies=False",
        ], ignoreOrder: true);
    }

    [Test]
    public void An_haproxy_bind_ignoring_every_client_certificate_error_asks_without_verifying()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        TestPki.WritePem(dir.Path, "clients-ca.crt", TestPki.CreateRoot("Clients CA"));
        ConfigComplexityTests.Write(dir, "haproxy.cfg", """
            frontend any
                bind :443 ssl crt www.crt verify required ca-file clients-ca.crt crt-ignore-err all
            frontend checked
                bind :8443 ssl crt www.crt verify required ca-file clients-ca.crt ca-ignore-err all
            frontend plain
                bind :9443 ssl crt www.crt
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of(Rule).ShouldHaveSingleItem().ShouldStartWith("haproxy.cfg:2 frontend any bind :443 at haproxy.cfg:2 asks clients for a certificate but does not verify it (haproxy.cfg:2)");
        result.Inventory.Usages.Select(u => $"{u.Service} requests={u.RequestsClientCertificate} verifies={u.VerifyPeer}").ShouldBe([
            "frontend any bind :443 requests=True verifies=False", "frontend checked bind :8443 requests=True verifies=True",
            "frontend plain bind :9443 requests=False verifies=False",
        ], ignoreOrder: true);
    }

    [Test]
    public void An_envoy_listener_accepting_untrusted_chains_asks_without_verifying()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.Write(dir, "envoy.yaml", """
            static_resources:
              listeners:
              - name: untrusted
                filter_chains:
                - transport_socket:
                    name: envoy.transport_sockets.tls
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext
                      require_client_certificate: true
                      common_tls_context:
                        validation_context:
                          trusted_ca: { filename: ca.crt }
                          trust_chain_verification: ACCEPT_UNTRUSTED
              - name: verified
                filter_chains:
                - transport_socket:
                    name: envoy.transport_sockets.tls
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext
                      common_tls_context:
                        validation_context: { trusted_ca: { filename: ca.crt } }
              - name: plain
                filter_chains:
                - transport_socket:
                    name: envoy.transport_sockets.tls
                    typed_config:
                      "@type": type.googleapis.com/envoy.extensions.transport_sockets.tls.v3.DownstreamTlsContext
                      common_tls_context: { tls_params: { tls_minimum_protocol_version: TLSv1_2 } }
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Of(Rule).ShouldBe([Finding("envoy.yaml:8", "listener untrusted", "envoy.yaml:13")]);
        // certlint inventory says it too, in text and JSON.
        var text = new StringWriter();
        CertLint.Usage.UsageInventoryReport.WriteText(result, text);
        text.ToString().ShouldContain("    verify peer  off (envoy.yaml:13)\n    client cert  requested, any accepted\n");
        text.ToString().Split("client cert  requested").Length.ShouldBe(2); // once: the verified listener does not say it
        using var json = new MemoryStream();
        CertLint.Usage.UsageInventoryReport.WriteJson(result, json);
        using var doc = System.Text.Json.JsonDocument.Parse(json.ToArray());
        doc.RootElement.GetProperty("usages").EnumerateArray()
            .Select(u => $"{u.GetProperty("service").GetString()} {u.GetProperty("requestsClientCertificate").GetBoolean()}")
            .ShouldBe(["listener untrusted True", "listener verified True", "listener plain False"], ignoreOrder: true);
        result.Inventory.Usages.Select(u => $"{u.Service} requests={u.RequestsClientCertificate} verifies={u.VerifyPeer}").ShouldBe([
            "listener untrusted requests=True verifies=False", "listener verified requests=True verifies=True", "listener plain requests=False verifies=False",
        ], ignoreOrder: true);
    }
}
