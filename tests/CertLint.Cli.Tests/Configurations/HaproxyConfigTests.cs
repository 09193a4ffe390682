namespace CertLint.Cli.Tests.Configurations;

/// <summary>HAProxy: tests/fixtures/configs/haproxy/good is a correct mTLS set-up; haproxy/bad has one of each defect.</summary>
public sealed class HaproxyConfigTests
{
    [Test]
    public void A_correct_mtls_setup_has_no_findings_and_roles_come_from_use()
    {
        using var repo = new ConfigFixture("haproxy/good");
        var (findings, outcome, _) = repo.Lint();
        findings.ShouldBeEmpty(outcome.Out);
        outcome.ExitCode.ShouldBe(0);

        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01");
        inventory.ExitCode.ShouldBe(0);
        var o = inventory.Out;
        o.ShouldContain("haproxy.cfg:14  haproxy server  frontend www bind :443");
        o.ShouldContain("/etc/haproxy/certs/server.pem  -> certs/server.pem  (haproxy.cfg:14 crt)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (haproxy.cfg:6 ssl-default-bind-options)");
        o.ShouldContain("verify peer  on (haproxy.cfg:14)");
        o.ShouldContain("haproxy.cfg:18  haproxy client  backend app server app1 10.0.0.1:8443");
        o.ShouldContain("CN=alice, serial 3004  role client (from haproxy.cfg:18 crt)");
        o.ShouldContain("CN=www.example.test, serial 3003  role server (from haproxy.cfg:14 crt)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("haproxy/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-chain-incomplete haproxy.cfg:5",
            "config-file-missing haproxy.cfg:6",
            "eku-client-auth certs/bob.pem:1",
            "key-mismatch certs/alice.pem.key:1",
            "mtls-client-ca-mismatch haproxy.cfg:5",
            "mtls-client-ca-mismatch haproxy.cfg:5",
            "parse-error broken.cfg:1",
            "parse-error broken.cfg:3",
            "peer-host-not-verified haproxy.cfg:11",
            "peer-not-verified haproxy.cfg:10",
            "tls-version-weak haproxy.cfg:11",
            "tls-version-weak haproxy.cfg:5",
            "tls-version-weak haproxy.cfg:6",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe([
            "frontend api bind :443 allows TLSv1.1 (haproxy.cfg:2 ssl-default-bind-options): allow TLSv1.2 and TLSv1.3 only.",
            "frontend api bind :8443 allows TLSv1.1 (haproxy.cfg:2 ssl-default-bind-options): allow TLSv1.2 and TLSv1.3 only.",
            "backend app server app2 10.0.0.2:8443 allows TLSv1.0, TLSv1.1 (haproxy.cfg:11 server): allow TLSv1.2 and TLSv1.3 only.",
        ], ignoreOrder: true);
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem().ShouldContain("(role from haproxy.cfg:10 crt)");
        // verify required by default, but neither sni nor verifyhost: the chain is checked, the name is not.
        ConfigFixture.Messages(json, "peer-host-not-verified").ShouldBe([
            "backend app server app2 10.0.0.2:8443 at haproxy.cfg:11 verifies the server's certificate chain but not its host name (haproxy.cfg:11 (default)): any certificate its CA issued to another host is accepted; turn host-name verification on.",
        ]);
    }

    [Test]
    public void A_crt_list_serves_each_certificate_with_its_own_options_and_a_ca_folder_verifies_clients()
    {
        using var repo = new ConfigFixture("haproxy/crt-list-good");
        var o = repo.CleanInventory();
        o.ShouldContain("lists/sites.crtlist:3  haproxy server  frontend www bind :443 crt server.pem");
        o.ShouldContain("certificate  certs/server.pem  (lists/sites.crtlist:3 crt-list)");
        // The CA folder is every certificate file in it, each a client CA.
        o.ShouldContain("client CA    certs/client-cas/issuing-ca.crt  (lists/sites.crtlist:3 ca-file)");
        o.ShouldContain("client CA    certs/client-cas/root-ca.pem  (lists/sites.crtlist:3 ca-file)");
        o.ShouldContain("verify peer  on (lists/sites.crtlist:3)");
        o.ShouldContain("hosts        www.example.test, example.test");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (haproxy.cfg:4 ssl-default-bind-options)");
        o.ShouldContain("CN=www.example.test, serial 3003  role server (from lists/sites.crtlist:3 crt-list)");
    }

    [Test]
    public void Each_crt_list_defect_is_one_finding_at_its_line_in_the_list()
    {
        using var repo = new ConfigFixture("haproxy/crt-list-bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing crt-list.txt:2",
            "config-file-missing haproxy.cfg:3",
            "config-host-mismatch crt-list.txt:3",
            "mtls-client-ca-mismatch crt-list.txt:1",
            "mtls-client-ca-mismatch crt-list.txt:3",
            "parse-error crt-list.txt:4",
            "peer-host-not-verified haproxy.cfg:7",
            "tls-version-weak crt-list.txt:1",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldHaveSingleItem().ShouldContain("allows TLSv1.0, TLSv1.1 (crt-list.txt:1 crt-list)");
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldBe([
            "frontend www bind :443 crt server.pem verifies client certificates with certs/cas/other-ca.crt, but the client certificate CN=alice, serial 3004 presented at haproxy.cfg:7 crt was issued by CN=Fixture Issuing CA, which is not in that file: give the server the CA that issues its clients' certificates.",
            "frontend www bind :443 crt server.pem requires client certificates but names no CA file to verify them with: give the server the CA that issues its clients' certificates.",
        ]);
        ConfigFixture.Messages(json, "parse-error").ShouldHaveSingleItem().ShouldContain("'[' opens ssl options that no ']' closes");
    }
}
