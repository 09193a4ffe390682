namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// HashiCorp's agents in HCL: tests/fixtures/configs/hashicorp/good is a Vault server (mutual TLS on its API, a Raft
/// join over mutual TLS, a plain-HTTP loopback listener), a Vault agent, a Consul server and a Nomad server, all
/// verifying their peers; hashicorp/bad has the mistakes, one finding each, and bad/broken a file HCL refuses.
/// Certificates: hashicorp/make-certs.sh.
/// </summary>
public sealed class HashicorpConfigTests
{
    [Test]
    public void Vault_consul_and_nomad_agents_are_usages_with_their_defaults()
    {
        using var repo = new ConfigFixture("hashicorp/good");
        var o = repo.CleanInventory();
        o.ShouldContain("TLS usages (10):");
        // Vault: the TLS listener (tls_disable = 1 serves none), the Raft join as a client of the leader, the agent's vault block.
        o.ShouldContain("vault.hcl:4  vault server  listener tcp 0.0.0.0:8200");
        o.ShouldContain("client CA    certs/ca.crt  (vault.hcl:8 tls_client_ca_file)");
        o.ShouldContain("verify peer  on (vault.hcl:9)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (vault.hcl:10 tls_min_version)");
        o.ShouldNotContain("127.0.0.1:8210");
        o.ShouldContain("vault.hcl:23  vault client  raft retry_join vault.example.test");
        o.ShouldContain("certificate  certs/vault.crt  (vault.hcl:26 retry_join.leader_client_cert_file)");
        o.ShouldContain("agent.hcl:5  vault client  agent to vault vault.example.test");
        o.ShouldContain("certificate  certs/client.crt  (agent.hcl:7 vault.client_cert)");
        // Consul: tls.defaults serves RPC (a server agent) and HTTPS (ports.https), and is the client of the servers.
        o.ShouldContain("consul.hcl:12  consul server  consul internal_rpc (server RPC)");
        o.ShouldContain("consul.hcl:12  consul server  consul https");
        o.ShouldContain("consul.hcl:15  consul client  consul internal_rpc (to the servers)");
        o.ShouldContain("verify host  on (consul.hcl:20)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (consul.hcl:16 tls.defaults.tls_min_version)");
        // Nomad: HTTP and RPC served, RPC to the servers, and its vault block.
        o.ShouldContain("nomad.hcl:9  nomad server  nomad http");
        o.ShouldContain("nomad.hcl:9  nomad server  nomad rpc (server)");
        o.ShouldContain("nomad.hcl:9  nomad client  nomad rpc (to the servers)");
        o.ShouldContain("nomad.hcl:22  nomad client  nomad to vault vault.example.test");
        o.ShouldContain("role client,server (from vault.hcl:6 tls_cert_file, vault.hcl:26 retry_join.leader_client_cert_file)");
        o.ShouldContain("role client (from agent.hcl:7 vault.client_cert)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("hashicorp/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "client-cert-not-verified vault.hcl:2",
            "config-file-missing nomad.hcl:10",
            "config-key-mismatch vault.hcl:5",
            "eku-client-auth certs/vault-server-only.crt:1",
            "parse-error broken/vault.hcl:3",
            "peer-host-not-verified consul.hcl:7",
            "peer-host-not-verified nomad.hcl:6",
            "peer-not-verified agent.hcl:3",
            "tls-version-weak nomad.hcl:6",
            "tls-version-weak vault.hcl:2",
            "tls13-not-allowed vault.hcl:2",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        // A client CA without tls_require_and_verify_client_cert: Vault requests a certificate and never reads the CA.
        ConfigFixture.Messages(json, "client-cert-not-verified").ShouldHaveSingleItem().ShouldStartWith(
            "listener tcp 0.0.0.0:8200 at vault.hcl:2 asks clients for a certificate but does not verify it (vault.hcl:6)");
        ConfigFixture.Messages(json, "peer-not-verified").ShouldHaveSingleItem().ShouldStartWith(
            "agent to vault vault.example.test at agent.hcl:3 does not verify the server's certificate (agent.hcl:4)");
        // verify_outgoing checks the servers' chain; without verify_server_hostname any agent certificate of the CA passes as a server.
        ConfigFixture.Messages(json, "peer-host-not-verified").ShouldContain(m => m.StartsWith(
            "consul internal_rpc (to the servers) at consul.hcl:7 verifies the server's certificate chain but not its host name", StringComparison.Ordinal));
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem().ShouldContain(
            "is used as a TLS client certificate (role from vault.hcl:15 retry_join.leader_client_cert_file)");
        ConfigFixture.Messages(json, "tls-version-weak").ShouldContain(m => m.Contains("allows TLSv1.0, TLSv1.1 (vault.hcl:7 tls_min_version)"));
        // The refused file: its line, HCL's reason, none of its text; nothing of it is a usage.
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken/vault.hcl:3 cannot be parsed: unterminated quoted string: HCL refuses the file. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
        CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01").Out.ShouldNotContain("broken/vault.hcl:1 ");
    }

    [Test]
    public void Agents_checking_server_names_want_server_datacenter_domain_and_the_servers_ca()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        var good = Path.Combine(ConfigFixture.FixturesRoot, "hashicorp", "good", "certs");
        Directory.CreateDirectory(dir["certs"]);
        Directory.CreateDirectory(dir["client"]);
        foreach (var f in new[] { "ca.crt", "consul.crt", "consul.key", "nomad.crt", "nomad.key", "client.crt", "client.key" })
            File.Copy(Path.Combine(good, f), dir[$"certs/{f}"]);
        File.Copy(Path.Combine(ConfigFixture.FixturesRoot, "pki", "other-ca.crt"), dir["certs/other-ca.crt"]);
        File.WriteAllText(dir[".certlint.yml"], "rules:\n  validity-too-long: { severity: off }\n  key-file-permissions: { severity: off }\n");
        // The certificates name server.dc1.consul and server.global.nomad; these agents run in datacenter eu1 and region europe.
        File.WriteAllText(dir["server.hcl"], """
            datacenter = "eu1"
            server     = true
            tls {
              defaults {
                ca_file         = "certs/ca.crt"
                cert_file       = "certs/consul.crt"
                key_file        = "certs/consul.key"
                verify_incoming = true
                verify_outgoing = true
              }
              internal_rpc {
                verify_server_hostname = true
              }
            }
            """);
        File.WriteAllText(dir["client/agent.hcl"], """
            datacenter = "EU1"
            tls {
              defaults {
                ca_file         = "../certs/other-ca.crt"
                cert_file       = "../certs/client.crt"
                key_file        = "../certs/client.key"
                verify_outgoing = true
              }
              internal_rpc {
                verify_server_hostname = true
              }
            }
            """);
        File.WriteAllText(dir["nomad.hcl"], """
            region = "europe"
            server {
              enabled = true
            }
            tls {
              rpc                    = true
              ca_file                = "certs/ca.crt"
              cert_file              = "certs/nomad.crt"
              key_file               = "certs/nomad.key"
              verify_server_hostname = true
            }
            """);
        var report = dir["report.json"];
        var lint = CliRunner.InProcess(dir.Path, null, "--now", "2030-01-01", ".", "--json", report);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report));
        var found = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => $"{f.GetProperty("rule").GetString()} {f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()}")
            .Order(StringComparer.Ordinal).ToList();
        // The server's certificate lacks its name (at verify_server_hostname); the client agent (its datacenter written in
        // capitals: DNS names ignore case) is tied to that server by the name and does not trust its CA.
        found.ShouldBe([
            "config-host-mismatch nomad.hcl:10",
            "config-host-mismatch server.hcl:12",
            "peer-ca-mismatch client/agent.hcl:4",
        ], lint.Out);
        lint.Out.ShouldContain("answers for server.eu1.consul");
        lint.Out.ShouldContain("answers for server.europe.nomad");
    }

    [Test]
    public void Json_files_are_read_as_their_hcl_twins_at_their_own_lines()
    {
        // hashicorp/json holds good/'s consul.hcl, nomad.hcl and vault.hcl written in HCL's JSON syntax.
        using var repo = new ConfigFixture("hashicorp/json");
        var o = repo.CleanInventory();
        o.ShouldContain("consul.json:8  consul server  consul https");
        o.ShouldContain("consul.json:8  consul server  consul internal_rpc (server RPC)");
        o.ShouldContain("consul.json:11  consul client  consul internal_rpc (to the servers)");
        o.ShouldContain("verify host  on (consul.json:14)");
        o.ShouldContain("nomad.json:4  nomad server  nomad rpc (server)");
        o.ShouldContain("nomad.json:13  nomad client  nomad to vault vault.example.test");
        o.ShouldContain("vault.json:5  vault server  listener tcp 0.0.0.0:8200");
        o.ShouldContain("vault.json:21  vault client  raft retry_join vault.example.test");
        o.ShouldContain("client CA    certs/ca.crt  (vault.json:9 tls_client_ca_file)");
        // The loopback listener with tls_disable, the second element of the listener list, serves no TLS.
        o.ShouldNotContain("127.0.0.1:8210");
    }

    [Test]
    public void A_json_file_json_refuses_is_a_parse_error_at_its_line_without_its_text()
    {
        using var repo = new ConfigFixture("hashicorp/json-broken");
        var (findings, outcome, json) = repo.Lint("--allow-empty");
        findings.ShouldBe(["parse-error consul.json:5", "parse-error deep.json:3", "parse-error vault.json:5"], outcome.Out);
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "consul.json:5 cannot be parsed: invalid JSON at column 1. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "deep.json:3 cannot be parsed: invalid HCL JSON: nested deeper than 32 levels. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "vault.json:5 cannot be parsed: invalid JSON at column 19. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
        outcome.Out.ShouldNotContain("0x1F");
    }
}
