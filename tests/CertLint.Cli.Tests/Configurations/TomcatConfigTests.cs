namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// Apache Tomcat's server.xml: tests/fixtures/configs/tomcat/good is a Tomcat 10.1 server (a PKCS#12 keystore for the
/// default host with client certificates required, PEM files for www.example.test, a commented-out connector);
/// tomcat/bad has one defect per attribute, a Tomcat 8.5 connector of legacy attributes, and broken/server.xml a
/// malformed file. Certificates: tomcat/make-certs.sh.
/// </summary>
public sealed class TomcatConfigTests
{
    private static readonly Dictionary<string, string> Env = new() { ["CERTLINT_PASSWORD"] = "fixture-pass" };

    [Test]
    public void A_correct_server_has_no_findings_and_each_ssl_host_config_is_a_server_usage()
    {
        using var repo = new ConfigFixture("tomcat/good");
        var (findings, outcome, _) = repo.Lint(Env);
        findings.ShouldBeEmpty(outcome.Out);
        outcome.ExitCode.ShouldBe(0);

        var o = CliRunner.InProcess(repo.Root, Env, "inventory", "--now", "2030-01-01").Out;
        o.ShouldContain("TLS usages (2):");
        o.ShouldContain("conf/server.xml:11  tomcat server  Connector :8443\n");
        // A keystore holds certificate and key; paths resolve against $CATALINA_BASE (the folder above conf/).
        o.ShouldContain("certificate  conf/tls/server.p12  (conf/server.xml:13 certificateKeystoreFile)");
        o.ShouldContain("key          conf/tls/server.p12  (conf/server.xml:13 certificateKeystoreFile)");
        o.ShouldContain("client CA    ${catalina.base}/conf/tls/ca.crt  -> conf/tls/ca.crt  (conf/server.xml:12 caCertificateFile)");
        o.ShouldContain("verify peer  on (conf/server.xml:11)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (conf/server.xml:11 protocols)");
        o.ShouldContain("conf/server.xml:16  tomcat server  Connector :8443 www.example.test");
        o.ShouldContain("certificate  conf/tls/www.crt  (conf/server.xml:17 certificateFile)");
        o.ShouldContain("protocols    TLSv1.3 (conf/server.xml:16 protocols)");
        o.ShouldContain("hosts        www.example.test");
        o.ShouldContain("conf/tls/server.p12:1  CN=www.example.test, serial 6737B49186D3657A8D668C0D940CEEB1B44823C8  role server (from conf/server.xml:13 certificateKeystoreFile)");
        // The commented-out connector (port 8444, a literal keystorePass, TLSv1) is not read.
        o.ShouldNotContain(":8444");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("tomcat/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "client-cert-not-verified conf/server.xml:5",
            "config-file-external conf/server.xml:18",
            "config-file-external conf/server.xml:20",
            "config-file-missing conf/server.xml:7",
            "config-host-mismatch conf/server.xml:10",
            "config-key-mismatch conf/server.xml:11",
            "config-password-literal conf/server.xml:19",
            "config-password-literal conf/server.xml:8",
            "mtls-client-ca-mismatch conf/server.xml:13",
            "parse-error broken/server.xml:4",
            "parse-error conf/server.xml:13",
            "parse-error conf/server.xml:13",
            "tls-version-weak conf/server.xml:18",
            "tls-version-weak conf/server.xml:5",
            "tls13-not-allowed conf/server.xml:18",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        // optionalNoCA asks for a certificate and accepts any; `all` includes TLS 1.0 and 1.1.
        ConfigFixture.Messages(json, "client-cert-not-verified").ShouldHaveSingleItem().ShouldStartWith(
            "Connector :8443 at conf/server.xml:5 asks clients for a certificate but does not verify it (conf/server.xml:5)");
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe([
            "Connector :8443 allows TLSv1.0, TLSv1.1 (conf/server.xml:5 protocols): allow TLSv1.2 and TLSv1.3 only.",
            "Connector :8444 allows TLSv1.0, TLSv1.1 (conf/server.xml:19 sslEnabledProtocols): allow TLSv1.2 and TLSv1.3 only.",
        ], ignoreOrder: true);
        ConfigFixture.Messages(json, "config-host-mismatch").ShouldHaveSingleItem().ShouldStartWith(
            "Connector :8443 api.example.test answers for api.example.test (conf/server.xml:10)");
        // The legacy connector names no keystoreFile: Tomcat reads ${user.home}/.keystore, outside the repository.
        ConfigFixture.Messages(json, "config-file-external").ShouldContain(m => m.StartsWith(
            "conf/server.xml:18 certificateKeystoreFile (default) names ${user.home}/.keystore, outside the repository", StringComparison.Ordinal));
        ConfigFixture.Messages(json, "config-password-literal").ShouldBe([
            "conf/server.xml:8 certificateKeystorePassword writes the password of conf/tls/missing.p12 into the repository (Connector :8443): take it from an environment variable or secret store, and rotate the key.",
            "conf/server.xml:19 keystorePass writes the password of ${user.home}/.keystore into the repository (Connector :8444): take it from an environment variable or secret store, and rotate the key.",
        ], ignoreOrder: true);
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken/server.xml:4 cannot be parsed: invalid XML at line 4, column 5. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "conf/server.xml:13 cannot be parsed: invalid certificateVerification: none, optional, optionalNoCA or required expected (true, want or false for clientAuth); Tomcat logs it and requires client certificates. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "conf/server.xml:13 cannot be parsed: invalid protocols: TLSv1, TLSv1.1, TLSv1.2, TLSv1.3 or all expected, joined by + or , (- removes). Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
        // Passwords are never printed, nor the broken file's text.
        outcome.Out.ShouldNotContain("tomcat-demo");
        outcome.Out.ShouldNotContain("tomcat-legacy");
        outcome.Out.ShouldNotContain("never-printed");
        json.ShouldNotContain("tomcat-demo");
        json.ShouldNotContain("tomcat-legacy");
        json.ShouldNotContain("never-printed");
    }
}
