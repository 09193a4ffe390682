namespace CertLint.Cli.Tests.Configurations;

/// <summary>nginx: tests/fixtures/configs/nginx/good is a correct mTLS set-up; nginx/bad has one of each defect.</summary>
public sealed class NginxConfigTests
{
    [Test]
    public void A_correct_mtls_setup_has_no_findings_and_roles_come_from_use()
    {
        using var repo = new ConfigFixture("nginx/good");
        var (findings, outcome, _) = repo.Lint();
        findings.ShouldBeEmpty(outcome.Out);
        outcome.ExitCode.ShouldBe(0);

        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01");
        inventory.ExitCode.ShouldBe(0);
        inventory.Out.ShouldContain("conf.d/www.conf:1  nginx server  server www.example.test listen 443");
        inventory.Out.ShouldContain("/etc/nginx/certs/server.crt  -> certs/server.crt  (conf.d/www.conf:5 ssl_certificate)");
        inventory.Out.ShouldContain("protocols    TLSv1.2, TLSv1.3 (nginx.conf:6 ssl_protocols)");
        inventory.Out.ShouldContain("CN=alice, serial 2003  role client (from conf.d/www.conf:12 proxy_ssl_certificate)");
        inventory.Out.ShouldContain("CN=www.example.test, serial 2002  role server (from conf.d/www.conf:5 ssl_certificate)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("nginx/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-external nginx.conf:21",
            "config-file-missing nginx.conf:20",
            "config-host-mismatch nginx.conf:5",
            "config-key-mismatch nginx.conf:7",
            "eku-client-auth certs/client-serverauth.crt:1",
            "mtls-client-ca-mismatch nginx.conf:9",
            "parse-error broken.conf:1",
            "peer-not-verified nginx.conf:13",
            "role-unknown partners/acme.crt:1",
            "tls-version-weak nginx.conf:3",
            "tls13-not-allowed nginx.conf:3",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem().ShouldContain("(role from nginx.conf:14 proxy_ssl_certificate)");
        ConfigFixture.Messages(json, "tls-version-weak").ShouldHaveSingleItem().ShouldContain("allows TLSv1.0 (nginx.conf:8 ssl_protocols)");
        ConfigFixture.Messages(json, "role-unknown").ShouldHaveSingleItem().ShouldContain("roles: \"partners/acme.crt\": server|client");
        ConfigFixture.Messages(json, "parse-error").ShouldHaveSingleItem().ShouldContain("block 'server' is not closed");
    }

    [Test]
    public void A_proxy_client_certificate_is_judged_by_the_server_it_is_presented_to()
    {
        // nginx/bad proxies to api.example.test, which the same nginx serves and which requires client certificates
        // from other-ca: the proxy's certificate (from ca) is refused there. Proxying to a partner's API instead, the
        // certificate is presented to a server outside the repository, which nginx's own client CA says nothing about.
        using var repo = new ConfigFixture("nginx/bad");
        var conf = Path.Combine(repo.Root, "nginx.conf");
        File.WriteAllText(conf, File.ReadAllText(conf).Replace("proxy_pass https://api.example.test;", "proxy_pass https://api.partner.example.com:8443/v1;", StringComparison.Ordinal));
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldNotContain("mtls-client-ca-mismatch nginx.conf:9", outcome.Out);
        findings.Count.ShouldBe(10, outcome.Out);
        ConfigFixture.Related(json, "eku-client-auth").ShouldBe([
            "nginx.conf:14 presented as the client certificate of proxy_pass api.partner.example.com:8443 (proxy_ssl_certificate)",
        ]);
    }

    [Test]
    public void Inventory_json_lists_every_usage_with_its_references()
    {
        using var repo = new ConfigFixture("nginx/bad");
        var r = CliRunner.InProcess(repo.Root, null, "inventory", "--json", "--now", "2030-01-01");
        r.ExitCode.ShouldBe(0);
        using var doc = System.Text.Json.JsonDocument.Parse(r.Out);
        var usages = doc.RootElement.GetProperty("usages").EnumerateArray().ToList();
        usages.Select(u => $"{u.GetProperty("file").GetString()}:{u.GetProperty("line").GetInt32()} {u.GetProperty("role").GetString()}")
            .ShouldBe(["nginx.conf:3 server", "nginx.conf:13 client", "nginx.conf:18 server"]);
        usages[0].GetProperty("protocols").EnumerateArray().Select(p => p.GetString()).ShouldBe(["TLSv1.0", "TLSv1.2"]);
        usages[2].GetProperty("key").GetProperty("resolved").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }
}
