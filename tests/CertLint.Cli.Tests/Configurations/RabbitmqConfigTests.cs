namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// RabbitMQ: tests/fixtures/configs/rabbitmq/good is a node requiring client certificates on AMQPS and MQTTS with the
/// management UI over HTTPS (and an advanced.config, which is not read); rabbitmq/bad has one defect per setting and
/// a broken file.
/// </summary>
public sealed class RabbitmqConfigTests
{
    [Test]
    public void A_correct_mtls_node_has_no_findings_and_roles_come_from_use()
    {
        using var repo = new ConfigFixture("rabbitmq/good");
        var o = repo.CleanInventory();
        o.ShouldContain("rabbitmq.conf:4  rabbitmq server  rabbitmq listeners.ssl.default");
        o.ShouldContain("rabbitmq.conf:5  rabbitmq server  rabbitmq mqtt.listeners.ssl.default");
        o.ShouldContain("certificate  tls/server-fullchain.pem  (rabbitmq.conf:7 ssl_options.certfile)");
        o.ShouldContain("key          tls/server.key  (rabbitmq.conf:8 ssl_options.keyfile)");
        o.ShouldContain("client CA    tls/ca.pem  (rabbitmq.conf:6 ssl_options.cacertfile)");
        o.ShouldContain("verify peer  on (rabbitmq.conf:10)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (rabbitmq.conf:11 ssl_options.versions.N)");
        o.ShouldContain("rabbitmq.conf:14  rabbitmq server  rabbitmq management.ssl.port");
        o.ShouldContain("certificate  tls/server-fullchain.pem  (rabbitmq.conf:16 management.ssl.certfile)");
        o.ShouldContain("tls/server-fullchain.pem:1-12  CN=www.example.test, serial 3003  role server (from rabbitmq.conf:7 ssl_options.certfile)");
        o.ShouldContain("TLS usages (3):");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("rabbitmq/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing rabbitmq.conf:12",
            "config-key-mismatch rabbitmq.conf:4",
            "config-password-literal rabbitmq.conf:5",
            "parse-error broken/rabbitmq.conf:3",
            "parse-error broken/rabbitmq.conf:4",
            "tls-version-weak rabbitmq.conf:1",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        // verify_peer without fail_if_no_peer_cert = true accepts a client that sends no certificate: the listener says so.
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe([
            "rabbitmq listeners.ssl.default (client certificate optional) allows TLSv1.1 (rabbitmq.conf:8 ssl_options.versions.N): allow TLSv1.2 and TLSv1.3 only.",
        ]);
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken/rabbitmq.conf:3 cannot be parsed: invalid ssl_options.verify: verify_peer or verify_none expected. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "broken/rabbitmq.conf:4 cannot be parsed: syntax error: 'ssl_options.certfile' is not followed by '='. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
        (outcome.Out + json).ShouldNotContain("rabbit-literal-secret");
        var inventory = CliRunner.InProcess(repo.Root, null, "inventory", "--now", "2030-01-01").Out;
        // Optional client certificates are still verified when sent (as nginx `optional`): on, at the verify line.
        inventory.ShouldContain("verify peer  on (rabbitmq.conf:6)");
    }
}
