namespace CertLint.Cli.Tests.Configurations;

/// <summary>PostgreSQL: tests/fixtures/configs/postgresql/good is a correct mTLS set-up; postgresql/bad has one of each defect.</summary>
public sealed class PostgresConfigTests
{
    [Test]
    public void A_correct_mtls_setup_has_no_findings_and_roles_come_from_use()
    {
        using var repo = new ConfigFixture("postgresql/good");
        var o = repo.CleanInventory();
        o.ShouldContain("postgresql.conf:5  postgresql server  postgresql port 5432");
        o.ShouldContain("certificate  certs/server.crt  (postgresql.conf:6 ssl_cert_file)");
        o.ShouldContain("key          certs/server.key  (postgresql.conf:7 ssl_key_file)");
        o.ShouldContain("client CA    certs/ca.crt  (postgresql.conf:8 ssl_ca_file)");
        o.ShouldContain("verify peer  on (pg_hba.conf:3)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (postgresql.conf:9 ssl_min_protocol_version)");
        o.ShouldContain("pg_service.conf:1  postgresql client  pg_service [app] to db");
        o.ShouldContain("CN=alice, serial 2003  role client (from pg_service.conf:5 sslcert)");
        o.ShouldContain("CN=www.example.test, serial 2002  role server (from postgresql.conf:6 ssl_cert_file)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("postgresql/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing postgresql.conf:5",
            "config-key-mismatch postgresql.conf:3",
            "mtls-client-ca-mismatch postgresql.conf:4",
            "parse-error broken/postgresql.conf:2",
            "parse-error pg_hba.conf:2",
            "peer-host-not-verified pg_service.conf:1",
            "tls-version-weak postgresql.conf:1",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldHaveSingleItem().ShouldContain("allows TLSv1.0, TLSv1.1 (postgresql.conf:6 ssl_min_protocol_version)");
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldHaveSingleItem().ShouldContain("presented at pg_service.conf:4 sslcert");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken/postgresql.conf:2 cannot be parsed: syntax error: unterminated quoted value of 'ssl_cert_file'. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "pg_hba.conf:2 cannot be parsed: invalid authentication method 'certificate'. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }

    [Test]
    public void Without_settings_the_data_directory_holds_server_crt_and_key_and_an_absolute_ca_is_found_by_its_tail()
    {
        using var repo = new ConfigFixture("postgresql/defaults");
        var o = repo.CleanInventory();
        o.ShouldContain("data/postgresql.conf:2  postgresql server  postgresql port 5432");
        o.ShouldContain("certificate  server.crt  -> data/server.crt  (data/postgresql.conf:2 ssl_cert_file (default))");
        o.ShouldContain("key          server.key  -> data/server.key  (data/postgresql.conf:2 ssl_key_file (default))");
        o.ShouldContain("/etc/postgresql/ca.crt  -> ca.crt  (data/postgresql.conf:3 ssl_ca_file)");
        // No pg_hba.conf in the repository: a CA file means client certificates are asked for and verified.
        o.ShouldContain("verify peer  on (data/postgresql.conf:3)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (data/postgresql.conf:4 ssl_max_protocol_version)");
        o.ShouldContain("data/server.crt:1-12  CN=www.example.test, serial 2002  role server (from data/postgresql.conf:2 ssl_cert_file (default))");
    }

    [Test]
    public void Includes_are_read_in_place_once_and_their_problems_are_at_the_include_line()
    {
        using var repo = new ConfigFixture("postgresql/includes");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "parse-error pg_hba.conf:1",
            "parse-error postgresql.conf:2",
            "parse-error postgresql.conf:3",
        ], outcome.Out);
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "pg_hba.conf:1 cannot be parsed: cert authentication is only supported on hostssl records. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "postgresql.conf:2 cannot be parsed: include loop: the file includes itself. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "postgresql.conf:3 cannot be parsed: include names a file that is not there (PostgreSQL does not start). Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
        var o = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01").Out;
        // conf.d/ssl.conf is read in postgresql.conf's context (its paths from the data directory), not again on its own.
        o.ShouldContain("TLS usages (1):");
        o.ShouldContain("certificate  certs/server.crt  (conf.d/ssl.conf:2 ssl_cert_file)");
        o.ShouldContain("verify peer  off");
    }
}
