namespace CertLint.Cli.Tests.Configurations;

/// <summary>MySQL and MariaDB option files: tests/fixtures/configs/mysql/good is a correct mTLS set-up; mysql/bad has one of each defect.</summary>
public sealed class MysqlConfigTests
{
    [Test]
    public void A_correct_mtls_setup_has_no_findings_and_roles_come_from_use()
    {
        using var repo = new ConfigFixture("mysql/good");
        var o = repo.CleanInventory();
        // conf.d/tuning.cnf is read through !includedir, in my.cnf's context, not as a configuration of its own.
        o.ShouldContain("TLS usages (3):");
        o.ShouldContain("my.cnf:2  mysql server  mysql server [mysqld] port 3306");
        o.ShouldContain("certificate  certs/server.crt  (my.cnf:5 ssl-cert)");
        o.ShouldContain("key          certs/server.key  (my.cnf:6 ssl-key)");
        o.ShouldContain("client CA    certs/ca.crt  (my.cnf:4 ssl-ca)");
        o.ShouldContain("verify peer  on (my.cnf:4)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (my.cnf:7 tls_version)");
        o.ShouldContain("my.cnf:11  mysql client  mysql client [client] to www.example.test");
        o.ShouldContain("verify peer  on (my.cnf:15)");
        // [mysqldump] reads [client] first: the same certificate, its own ssl-mode.
        o.ShouldContain("my.cnf:20  mysql client  mysql client [mysqldump] to www.example.test");
        o.ShouldContain("verify peer  on (my.cnf:21)");
        o.ShouldContain("CN=alice, serial 2003  role client (from my.cnf:17 ssl-cert)");
        o.ShouldContain("CN=www.example.test, serial 2002  role server (from my.cnf:5 ssl-cert)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("mysql/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing my.cnf:6",
            "config-key-mismatch my.cnf:3",
            "config-password-literal my.cnf:13",
            "mtls-client-ca-mismatch my.cnf:4",
            "parse-error broken/my.cnf:1",
            "parse-error broken/my.cnf:2",
            "parse-error broken/my.cnf:4",
            "peer-host-not-verified my.cnf:15",
            "peer-not-verified my.cnf:8",
            "tls-version-weak my.cnf:1",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe(["mysql server [mysqld] allows TLSv1.0 (my.cnf:5 tls_version): allow TLSv1.2 and TLSv1.3 only."]);
        ConfigFixture.Messages(json, "peer-not-verified").ShouldHaveSingleItem().ShouldContain("mysql client [client] at my.cnf:8 does not verify the server's certificate (my.cnf:9)");
        ConfigFixture.Messages(json, "peer-host-not-verified").ShouldBe(["mysql client [mysqldump] at my.cnf:15 verifies the server's certificate chain but not its host name (my.cnf:16): any certificate its CA issued to another host is accepted; turn host-name verification on."]);
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldHaveSingleItem().ShouldContain("presented at my.cnf:10 ssl-cert");
        // The account's password is named by where it is written, never echoed.
        var literal = ConfigFixture.Messages(json, "config-password-literal").ShouldHaveSingleItem();
        literal.ShouldContain("my.cnf:13 [client] password writes the password of the MySQL account app into the repository");
        json.ShouldNotContain("battery");
        outcome.Out.ShouldNotContain("battery");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken/my.cnf:1 cannot be parsed: option without a preceding [group]. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "broken/my.cnf:2 cannot be parsed: wrong group definition: a [group] header is not closed with ']'. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "broken/my.cnf:4 cannot be parsed: invalid ssl-mode: DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY expected. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }
}
