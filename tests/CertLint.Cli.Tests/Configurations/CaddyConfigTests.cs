using System.Text.Json;

namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// Caddy: tests/fixtures/configs/caddy/good is a Caddyfile with global options, snippets (one with arguments), a site
/// serving its own files and proxying with a client certificate, an mTLS site whose certificate Caddy manages, managed
/// and plain-HTTP sites, and an imported site file; caddy/bad has one of each defect and a file Caddy refuses.
/// </summary>
public sealed class CaddyConfigTests
{
    [Test]
    public void Sites_snippets_and_proxies_are_usages_with_roles_from_use()
    {
        using var repo = new ConfigFixture("caddy/good");
        var o = repo.CleanInventory();
        o.ShouldContain("TLS usages (4):");
        o.ShouldContain("Caddyfile:28  caddy server  site www.example.test");
        o.ShouldContain("certificate  certs/server.crt  (Caddyfile:28 tls cert_file)");
        o.ShouldContain("key          certs/server.key  (Caddyfile:28 tls key_file)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (Caddyfile:29 protocols)");
        o.ShouldContain("hosts        www.example.test, example.test");
        o.ShouldContain("Caddyfile:31  caddy client  reverse_proxy api.example.test");
        o.ShouldContain("certificate  certs/client.crt  (Caddyfile:33 tls_client_auth cert_file)");
        o.ShouldContain("server CA    certs/ca.crt  (Caddyfile:34 tls_trust_pool file)");
        // The snippet's tls block, imported by admin.example.test: a CA and no mode is require_and_verify.
        o.ShouldContain("Caddyfile:9  caddy server  site admin.example.test");
        o.ShouldContain("client CA    certs/ca.crt  (Caddyfile:12 trusted_ca_cert_file)");
        o.ShouldContain("verify peer  on (default)");
        // The snippet with arguments, imported from sites/shop.caddy: tls_server_name {args[1]} is the peer.
        o.ShouldContain("Caddyfile:19  caddy client  reverse_proxy www.example.test");
        o.ShouldContain("verify host  on (Caddyfile:22)");
        o.ShouldContain("CN=alice, serial 2003  role client (from Caddyfile:33 tls_client_auth cert_file)");
        o.ShouldContain("CN=www.example.test, serial 2002  role server (from Caddyfile:28 tls cert_file)");
        // Managed (tls internal, tls EMAIL, a placeholder address) and http:// sites have nothing to lint.
        o.ShouldNotContain("staging");
        o.ShouldNotContain("shop.example.test");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("caddy/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "client-cert-not-verified Caddyfile:6",
            "config-file-missing Caddyfile:23",
            "config-host-mismatch Caddyfile:1",
            "config-key-mismatch Caddyfile:2",
            "mtls-client-ca-mismatch Caddyfile:17",
            "parse-error Caddyfile:24",
            "parse-error broken/Caddyfile:1",
            "peer-not-verified Caddyfile:26",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "client-cert-not-verified").ShouldBe([
            "site partners.example.test at Caddyfile:6 asks clients for a certificate but does not verify it (Caddyfile:8): any certificate is accepted, "
            + "so none can be trusted to say who the client is; verify it against the clients' CA, or stop requesting it.",
        ]);
        ConfigFixture.Messages(json, "peer-not-verified").ShouldBe([
            "reverse_proxy 10.0.0.5 at Caddyfile:26 does not verify the server's certificate (Caddyfile:28): turn peer verification on and give it the CA file.",
        ]);
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldHaveSingleItem().ShouldStartWith("site api.example.test requires client certificates but names no CA file");
        ConfigFixture.Messages(json, "config-host-mismatch").ShouldHaveSingleItem().ShouldStartWith("site shop.example.test answers for shop.example.test");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "Caddyfile:24 cannot be parsed: tls protocols takes one or two of tls1.2 and tls1.3 (Caddy refuses other versions). Fix or regenerate the file, or exclude it if it is not a certificate.",
            "broken/Caddyfile:1 cannot be parsed: block is not closed: '}' missing at the end of the file. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }

    [Test]
    public void Modes_defaults_placeholders_and_imports_decide_what_is_judged()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        Directory.CreateDirectory(dir["conf"]);
        // No mode: a CA given is require_and_verify; a verifier alone is require (asks, verifies nothing); an inline
        // pool is verification with no file to compare; a CA path from the environment names no file.
        File.WriteAllText(dir["Caddyfile"], """
            a.example.test {
            	tls {
            		client_auth {
            			trust_pool inline {
            				trust_der MIIB
            			}
            		}
            	}
            }
            b.example.test {
            	tls {
            		client_auth {
            			verifier leaf file clients.pem
            		}
            	}
            }
            c.example.test {
            	tls {$CERT} {$KEY} {
            		client_auth {
            			trusted_ca_cert_file {$CLIENT_CA}
            		}
            	}
            }
            http://d.example.test {
            	tls d.crt d.key
            	reverse_proxy backend:8443 {
            		transport fastcgi
            	}
            	reverse_proxy h2c://plain:8080
            	reverse_proxy https://api.example.test
            }
            import conf/*.caddy
            """.Replace("\r", ""));
        File.WriteAllText(dir["conf/e.caddy"], "e.example.test {\n\ttls e.crt e.key\n}\n");
        File.Copy(Path.Combine(ConfigFixture.FixturesRoot, "pki", "server.crt"), dir["e.crt"]);
        // One site, no braces (Caddy allows it when the file holds one site), named as Caddy names its other Caddyfiles.
        File.WriteAllText(dir["Caddyfile.prod"], "*.example.test:8443\ntls wild.crt wild.key\n");
        File.WriteAllText(dir["loop.caddyfile"], "(a) {\n\timport a\n}\nf.example.test {\n\timport a\n}\n");
        File.WriteAllText(dir["quote.caddyfile"], "g.example.test {\n\trespond \"unterminated\n}\n");
        // Caddy's JSON configuration is no Caddyfile.
        File.WriteAllText(dir["Caddyfile.json"], "{\"apps\": {}}\n");
        var json = CliRunner.InProcess(dir.Path, null, "inventory", "--json", "--now", "2030-01-01").Out;
        using var doc = JsonDocument.Parse(json);
        var usages = doc.RootElement.GetProperty("usages").EnumerateArray()
            .ToDictionary(u => $"{u.GetProperty("file").GetString()}:{u.GetProperty("line").GetInt32()} {u.GetProperty("service").GetString()}", u => u);
        usages.Keys.Order(StringComparer.Ordinal).ShouldBe([
            "Caddyfile.prod:2 site *.example.test",
            "Caddyfile:11 site b.example.test",
            "Caddyfile:18 site c.example.test",
            "Caddyfile:2 site a.example.test",
            "Caddyfile:30 reverse_proxy api.example.test",
            "conf/e.caddy:2 site e.example.test",
        ]);
        var a = usages["Caddyfile:2 site a.example.test"];
        a.GetProperty("verifyPeer").GetBoolean().ShouldBeTrue();
        a.GetProperty("caFiles").GetArrayLength().ShouldBe(0);
        var b = usages["Caddyfile:11 site b.example.test"];
        b.GetProperty("verifyPeer").GetBoolean().ShouldBeFalse();
        b.GetProperty("requestsClientCertificate").GetBoolean().ShouldBeTrue();
        // The certificate and CA paths from the environment are no references; the hosts stay.
        var c = usages["Caddyfile:18 site c.example.test"];
        c.TryGetProperty("certificate", out _).ShouldBeFalse();
        c.GetProperty("caFiles").GetArrayLength().ShouldBe(0);
        c.GetProperty("hosts").EnumerateArray().Select(h => h.GetString()).ShouldBe(["c.example.test"]);
        usages["Caddyfile.prod:2 site *.example.test"].GetProperty("hosts").EnumerateArray().Select(h => h.GetString()).ShouldBe(["*.example.test"]);
        usages["Caddyfile:30 reverse_proxy api.example.test"].GetProperty("verifyHost").GetBoolean().ShouldBeTrue();
        // The imported file's site is at its own file's line; its paths resolve against the Caddyfile's folder (Caddy's working directory).
        usages["conf/e.caddy:2 site e.example.test"].GetProperty("certificate").GetProperty("resolved").GetString().ShouldBe("e.crt");

        var lint = CliRunner.InProcess(dir.Path, null, "--now", "2030-01-01", ".", "--allow-empty");
        lint.Out.ShouldContain("site b.example.test at Caddyfile:11 asks clients for a certificate but does not verify it (Caddyfile:11 (default))");
        lint.Out.ShouldContain("loop.caddyfile:2 cannot be parsed: import loop: the snippet imports itself");
        lint.Out.ShouldContain("quote.caddyfile:2 cannot be parsed: unterminated quoted string");
        // An inline pool or an environment CA verifies against what CertLint cannot see: no "names no CA file".
        lint.Out.ShouldNotContain("mtls-client-ca-mismatch");
        lint.Out.ShouldNotContain("Caddyfile.json");
    }

    [Test]
    public void Imports_are_bounded_in_depth_and_in_tokens()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        // Each snippet imports the one before sixteen times: five levels would be a million tokens.
        var bomb = new System.Text.StringBuilder("(s0) {\n\theader X-A a\n}\n");
        for (var i = 1; i <= 5; i++) bomb.Append($"(s{i}) {{\n{string.Concat(Enumerable.Repeat($"\timport s{i - 1}\n", 16))}}}\n");
        bomb.Append("www.example.test {\n\ttls www.crt www.key\n\timport s5\n}\n");
        File.WriteAllText(dir["bomb.caddyfile"], bomb.ToString());
        // Nine snippets deep: past the eight levels includes may nest.
        var deep = new System.Text.StringBuilder("(d0) {\n\theader X-A a\n}\n");
        for (var i = 1; i <= 9; i++) deep.Append($"(d{i}) {{\n\timport d{i - 1}\n}}\n");
        deep.Append("www.example.test {\n\timport d9\n}\n");
        File.WriteAllText(dir["deep.caddyfile"], deep.ToString());
        var lint = CliRunner.InProcess(dir.Path, null, "--now", "2030-01-01", ".", "--allow-empty");
        lint.Out.ShouldContain("bomb.caddyfile:2 cannot be parsed: more than 250000 tokens with the imports expanded: the configuration is not read");
        lint.Out.ShouldContain("deep.caddyfile:8 cannot be parsed: imports nested more than 8 deep: the deeper ones are not read");
        // The bomb configures nothing: its site's missing files are not judged.
        lint.Out.ShouldNotContain("www.crt");
    }
}
