namespace CertLint.Cli.Tests.Configurations;

/// <summary>Apache httpd: tests/fixtures/configs/apache/good is a correct mTLS set-up; apache/bad has one of each defect.</summary>
public sealed class ApacheConfigTests
{
    [Test]
    public void A_correct_mtls_setup_has_no_findings_and_roles_come_from_use()
    {
        using var repo = new ConfigFixture("apache/good");
        var (findings, outcome, _) = repo.Lint();
        findings.ShouldBeEmpty(outcome.Out);
        outcome.ExitCode.ShouldBe(0);

        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01");
        inventory.ExitCode.ShouldBe(0);
        var o = inventory.Out;
        o.ShouldContain("conf.d/ssl-vhost.conf:1  apache server  VirtualHost *:443 www.example.test");
        o.ShouldContain("/etc/httpd/certs/server.crt  -> certs/server.crt  (conf.d/ssl-vhost.conf:5 SSLCertificateFile)");
        o.ShouldContain("chain        certs/intermediate.crt  (conf.d/ssl-vhost.conf:7 SSLCertificateChainFile)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (httpd.conf:8 SSLProtocol)");
        o.ShouldContain("hosts        www.example.test, example.test");
        o.ShouldContain("conf.d/ssl-vhost.conf:12  apache client  VirtualHost *:443 www.example.test proxy");
        o.ShouldContain("CN=alice, serial 3004  role client (from conf.d/ssl-vhost.conf:12 SSLProxyMachineCertificateFile)");
        o.ShouldContain("CN=www.example.test, serial 3003  role server (from conf.d/ssl-vhost.conf:5 SSLCertificateFile)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("apache/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-external httpd.conf:19",
            "config-file-missing httpd.conf:18",
            "config-host-mismatch httpd.conf:5",
            "config-key-mismatch httpd.conf:8",
            "eku-client-auth certs/proxy-client.pem:1",
            "mtls-client-ca-mismatch httpd.conf:9",
            "parse-error broken.conf:1",
            "parse-error loop.conf:2",
            "peer-not-verified httpd.conf:12",
            "tls-version-weak httpd.conf:16",
            "tls-version-weak httpd.conf:4",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldAllBe(m => m.Contains("allows TLSv1.0, TLSv1.1 (httpd.conf:2 SSLProtocol)"));
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem().ShouldContain("(role from httpd.conf:12 SSLProxyMachineCertificateFile)");
        ConfigFixture.Messages(json, "peer-not-verified").ShouldHaveSingleItem().ShouldContain("(httpd.conf:13)");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken.conf:1 cannot be parsed: section '<VirtualHost>' is not closed: '</VirtualHost>' missing at the end of the file. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "loop.conf:2 cannot be parsed: include loop: the file includes itself. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }
}
