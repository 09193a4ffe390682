namespace CertLint.Cli.Tests.Configurations;

/// <summary>Redis: tests/fixtures/configs/redis/good is a correct mTLS set-up; redis/bad has one of each defect.</summary>
public sealed class RedisConfigTests
{
    [Test]
    public void A_correct_mtls_setup_has_no_findings_and_roles_come_from_use()
    {
        using var repo = new ConfigFixture("redis/good");
        var o = repo.CleanInventory();
        o.ShouldContain("redis.conf:4  redis server  redis tls-port 6379");
        o.ShouldContain("certificate  certs/server.crt  (redis.conf:5 tls-cert-file)");
        o.ShouldContain("key          certs/server.key  (redis.conf:6 tls-key-file)");
        o.ShouldContain("client CA    certs/ca.crt  (redis.conf:9 tls-ca-cert-file)");
        o.ShouldContain("verify peer  on (redis.conf:10)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (redis.conf:11 tls-protocols)");
        o.ShouldContain("redis.conf:12  redis client  redis replication to 10.0.0.1");
        o.ShouldContain("CN=alice, serial 2003  role client (from redis.conf:7 tls-client-cert-file)");
        o.ShouldContain("CN=www.example.test, serial 2002  role server (from redis.conf:5 tls-cert-file)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("redis/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing redis.conf:10",
            "config-key-mismatch redis.conf:3",
            "mtls-client-ca-mismatch redis.conf:4",
            "parse-error broken/redis.conf:2",
            "parse-error broken/redis.conf:3",
            "tls-version-weak redis.conf:1",
            "tls-version-weak redis.conf:7",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe([
            "redis tls-port 6379 allows TLSv1.0 (redis.conf:9 tls-protocols): allow TLSv1.2 and TLSv1.3 only.",
            "redis replication to 10.0.0.1 allows TLSv1.0 (redis.conf:9 tls-protocols): allow TLSv1.2 and TLSv1.3 only.",
        ], ignoreOrder: true);
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldHaveSingleItem().ShouldContain("presented at redis.conf:5 tls-client-cert-file");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken/redis.conf:2 cannot be parsed: unterminated quoted string. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "broken/redis.conf:3 cannot be parsed: argument of tls-auth-clients must be yes, no, optional. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }

    [Test]
    public void A_cluster_node_presents_its_server_certificate_on_the_cluster_bus()
    {
        using var repo = new ConfigFixture("redis/cluster");
        var (findings, outcome, json) = repo.Lint();
        // Without tls-client-cert-file the node presents its server certificate to the other nodes, which lacks clientAuth.
        findings.ShouldBe(["eku-client-auth tls/server.crt:1"], outcome.Out);
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem().ShouldContain("(role from valkey.conf:3 tls-cert-file, valkey.conf:3 tls-cert-file (outgoing connections))");
        var o = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01").Out;
        o.ShouldContain("valkey.conf:2  redis server  redis tls-port 7000");
        o.ShouldContain("/etc/valkey/tls/server.crt  -> tls/server.crt  (valkey.conf:3 tls-cert-file)");
        o.ShouldContain("verify peer  on (valkey.conf:6)");
        o.ShouldContain("valkey.conf:7  redis client  redis cluster bus");
    }
}
