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
            "config-file-missing haproxy.cfg:6",
            "eku-client-auth certs/bob.pem:1",
            "key-mismatch certs/alice.pem.key:1",
            "mtls-client-ca-mismatch haproxy.cfg:5",
            "mtls-client-ca-mismatch haproxy.cfg:5",
            "parse-error broken.cfg:1",
            "parse-error broken.cfg:3",
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
    }
}
