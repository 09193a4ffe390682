namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// A client and the server it connects to, both in one repository (tests/fixtures/configs/peer-ca): the client's CA
/// must hold the server's chain or its issuer (peer-ca-mismatch), and a name the client requires of the server's
/// certificate must be there (peer-name-mismatch). good: an nginx gateway trusting the API's root, another location
/// its intermediate, and a staging server answering the same name from another PKI (one trusted server is enough); bad: the gateway trusting another PKI, a location proxying to a server that sends no intermediate
/// (one defect: config-chain-incomplete), an unverified location, and OpenVPN profiles tied to the repository's OpenVPN
/// server (wrong CA; a subject it does not have; a matching name prefix).
/// </summary>
public sealed class PeerTrustConfigTests
{
    [Test]
    public void A_client_trusting_the_root_or_the_intermediate_of_its_server_has_no_finding()
    {
        using var repo = new ConfigFixture("peer-ca/good");
        var o = repo.CleanInventory();
        o.ShouldContain("nginx client  proxy_pass www.example.test");
        o.ShouldContain("server CA    certs/root.crt");
        o.ShouldContain("server CA    certs/intermediate.crt");
    }

    [Test]
    public void A_client_not_trusting_its_server_and_a_profile_asking_another_name_are_one_finding_each()
    {
        using var repo = new ConfigFixture("peer-ca/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-chain-incomplete nginx.conf:25",
            "peer-ca-mismatch nginx.conf:31",
            "peer-ca-mismatch vpn/alice.ovpn:8",
            "peer-name-mismatch vpn/bob.ovpn:6",
            "peer-not-verified nginx.conf:35",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "peer-ca-mismatch").ShouldBe([
            "proxy_pass www.example.test verifies its server with certs/other-ca.crt (nginx.conf:31 proxy_ssl_trusted_certificate), "
            + "but server www.example.test listen 443 serves CN=www.example.test, serial 3003 (nginx.conf:12 ssl_certificate), issued by "
            + "CN=Fixture Issuing CA, and neither a certificate of its chain nor its issuer is in that file: every handshake fails (unknown CA). "
            + "Give the client the CA that issues the server's certificate.",
            "openvpn client to vpn.example.test verifies its server with ../certs/other-ca.crt (vpn/alice.ovpn:8 ca), "
            + "but openvpn server serves CN=www.example.test, serial 3003 (vpn/server.conf:5 cert), issued by CN=Fixture Issuing CA, "
            + "and neither a certificate of its chain nor its issuer is in that file: every handshake fails (unknown CA). "
            + "Give the client the CA that issues the server's certificate.",
        ], ignoreOrder: true);
        ConfigFixture.Messages(json, "peer-name-mismatch").ShouldBe([
            "openvpn client to vpn.example.test accepts only a server certificate with the subject 'CN=vpn.example.test' (vpn/bob.ovpn:6), "
            + "but openvpn server serves CN=www.example.test, serial 3003 (vpn/server.conf:5 cert), whose subject is 'CN=www.example.test': "
            + "every connection is refused. Ask for the name the server's certificate carries, or reissue it with that name.",
        ]);
        ConfigFixture.Related(json, "peer-ca-mismatch").ShouldBe([
            "nginx.conf:12 served by server www.example.test listen 443 (ssl_certificate)",
            "vpn/server.conf:5 served by openvpn server (cert)",
        ], ignoreOrder: true);
    }

    [Test]
    public void An_openvpn_name_is_compared_as_openvpn_prints_it()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        var pki = Path.Combine(ConfigFixture.FixturesRoot, "pki-chain");
        foreach (var f in new[] { "server.crt", "server.key", "intermediate.crt", "root.crt", "client.crt", "client.key" })
            File.Copy(Path.Combine(pki, f), dir[f]);
        File.WriteAllText(dir[".certlint.yml"], "rules:\n  validity-too-long: { severity: off }\n  key-file-permissions: { severity: off }\n");
        File.WriteAllText(dir["server.conf"], "dev tun\nserver 10.8.0.0 255.255.255.0\nca root.crt\ncert server.crt\nextra-certs intermediate.crt\nkey server.key\n");
        string Profile(string verify) =>
            $"client\nremote vpn.example.test\n{verify}\nca root.crt\ncert client.crt\nkey client.key\n";
        File.WriteAllText(dir["subject.ovpn"], Profile("verify-x509-name 'CN=www.example.test' subject"));
        File.WriteAllText(dir["cn.ovpn"], Profile("verify-x509-name www.example.test name"));
        File.WriteAllText(dir["prefix.ovpn"], Profile("verify-x509-name www.example name-prefix"));
        File.WriteAllText(dir["case.ovpn"], Profile("verify-x509-name WWW.example.test name"));
        File.WriteAllText(dir["other-prefix.ovpn"], Profile("verify-x509-name vpn- name-prefix"));
        File.WriteAllText(dir["field.ovpn"], Profile("verify-x509-name alice name\nx509-username-field emailAddress"));
        var report = dir["report.json"];
        var lint = CliRunner.InProcess(dir.Path, null, "--now", "2030-01-01", ".", "--json", report);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report));
        var found = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("rule").GetString() == "peer-name-mismatch")
            .Select(f => $"{f.GetProperty("path").GetString()}:{f.GetProperty("startLine").GetInt32()}").Order().ToList();
        // OpenVPN compares exactly (strcmp): another case is another name; x509-username-field makes it another attribute.
        found.ShouldBe(["case.ovpn:3", "other-prefix.ovpn:3"], lint.Out);
    }

    [Test]
    public void A_certificate_only_an_openvpn_server_serves_needs_no_subject_alternative_name()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        var ca = CertLint.Tests.Pki.TestPki.CreateRoot("VPN CA");
        var server = ca.Issue("vpn-gw-1", o => o.ServerAuth());
        CertLint.Tests.Pki.TestPki.WritePem(dir.Path, "ca.crt", ca);
        CertLint.Tests.Pki.TestPki.WritePem(dir.Path, "server.crt", server);
        CertLint.Tests.Pki.TestPki.WriteKey(dir.Path, "server.key", server);
        File.WriteAllText(dir[".certlint.yml"], "rules:\n  key-file-permissions: { severity: off }\n");
        File.WriteAllText(dir["server.conf"], "dev tun\nserver 10.8.0.0 255.255.255.0\nca ca.crt\ncert server.crt\nkey server.key\n");
        List<string> Findings()
        {
            var report = Path.Combine(dir.Path, "..", Path.GetFileName(dir.Path) + ".json");
            CliRunner.InProcess(dir.Path, null, "--now", "2030-01-01", ".", "--json", report);
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(report));
            File.Delete(report);
            return [.. doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()!)];
        }

        Findings().ShouldNotContain("san-missing");
        // Served by a web server too, the certificate must name the host its browsers dial.
        File.WriteAllText(dir["nginx.conf"], "events { }\nhttp { server { listen 443 ssl; ssl_certificate server.crt; ssl_certificate_key server.key; } }\n");
        Findings().ShouldContain("san-missing");
    }

    [Test]
    public void Inventory_of_a_folder_inside_a_repository_lists_that_folders_usages()
    {
        // A path below the repository's top scans that folder and lends the rest of the repository as context; the
        // inventory then lost every usage (and role source) while lint still judged them.
        using var repo = new ConfigFixture("peer-ca/good");
        GitKeyRulesTests.RunGit(repo.Root, "init", "-q");
        Directory.CreateDirectory(Path.Combine(repo.Root, "other"));
        File.Copy(Path.Combine(repo.Root, "certs", "root.crt"), Path.Combine(repo.Root, "other", "root.crt"));
        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "nginx.conf", "certs", "--now", "2030-01-01");
        inventory.ExitCode.ShouldBe(0, inventory.Out + inventory.Error);
        inventory.Out.ShouldContain("TLS usages (4):");
        inventory.Out.ShouldContain("nginx.conf:23  nginx client  proxy_pass www.example.test");
        inventory.Out.ShouldNotContain("other/root.crt");
    }
}
