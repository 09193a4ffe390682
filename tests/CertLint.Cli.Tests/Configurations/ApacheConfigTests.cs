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
            "config-chain-incomplete httpd.conf:7",
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

    [Test]
    public void A_ca_folder_is_every_certificate_in_it()
    {
        using var repo = new ConfigFixture("apache/ca-path-good");
        var o = repo.CleanInventory();
        o.ShouldContain("client CA    certs/client-cas/issuing-ca.pem  (httpd.conf:13 SSLCACertificatePath)");
        o.ShouldContain("client CA    certs/client-cas/root-ca.crt  (httpd.conf:13 SSLCACertificatePath)");
        o.ShouldContain("server CA    certs/backend-cas/root.crt  (httpd.conf:18 SSLProxyCACertificatePath)");
    }

    [Test]
    public void A_ca_folder_whose_cas_did_not_issue_the_clients_and_missing_revocation_files_are_findings()
    {
        using var repo = new ConfigFixture("apache/ca-path-bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing httpd.conf:10",
            "config-file-missing httpd.conf:11",
            "config-file-missing httpd.conf:15",
            "mtls-client-ca-mismatch httpd.conf:9",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldHaveSingleItem()
            .ShouldContain("verifies client certificates with certs/other-cas/other-ca.crt, but the client certificate CN=alice, serial 3004");
        ConfigFixture.Messages(json, "config-file-missing").ShouldBe([
            "httpd.conf:10 SSLCARevocationFile names certs/missing.crl, which is not in the repository: commit the file or fix the path.",
            "httpd.conf:11 SSLCARevocationPath names crl, which is not in the repository: commit the file or fix the path.",
            "httpd.conf:15 SSLProxyCACertificatePath names certs/no-such-folder, which is not in the repository: commit the file or fix the path.",
        ]);
    }
}
