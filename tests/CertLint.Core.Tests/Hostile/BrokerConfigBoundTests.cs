using System.Diagnostics;
using System.Text;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// Kafka, RabbitMQ and Mosquitto configurations a pull request writes to fan out: thousands of listeners on one line or in one
/// file, and values of hundreds of kilobytes where PEM is expected. Each run goes through the engine, bounded.
/// </summary>
public sealed class BrokerConfigBoundTests
{
    [Test]
    public void Ten_thousand_kafka_listeners_are_a_thousand_usages_and_one_issue_at_the_line()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        var listeners = string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"L{i}://:{9000 + i}"));
        var map = string.Join(',', Enumerable.Range(0, 10_000).Select(i => $"L{i}:SSL"));
        ConfigComplexityTests.Write(dir, "server.properties",
            $"listeners={listeners}\nlistener.security.protocol.map={map}\nssl.keystore.type=PEM\nssl.keystore.location=www.crt\nssl.client.auth=maybe\n");

        var clock = Stopwatch.StartNew();
        var result = BoundedLint.Run(dir.Path, ".");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        result.Inventory.Usages.Count.ShouldBe(1_000);
        result.Inventory.Usages.ShouldAllBe(u => u.Format == "kafka" && u.Location.StartLine == 1);
        // The invalid ssl.client.auth is told once, not once per listener.
        result.Of("parse-error").ShouldBe([
            "server.properties:1 server.properties:1 cannot be parsed: more than 1000 listeners in listeners: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "server.properties:5 server.properties:5 cannot be parsed: invalid ssl.client.auth: required, requested or none expected. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
    }

    [Test]
    public void A_huge_written_in_pem_value_is_bounded_and_reported_at_its_line_without_its_text()
    {
        using var dir = new TempDirectory();
        // 600 KB of unterminated PEM headers and base64-looking text on one continued property.
        var junk = new StringBuilder("security.protocol=SSL\nssl.keystore.type=PEM\nssl.keystore.certificate.chain=");
        for (var i = 0; i < 20_000; i++) junk.Append("-----BEGIN CERTIFICATE----- QUJD\\\n");
        junk.Append("end\nssl.keystore.key=").Append('A', 200_000).Append('\n');
        ConfigComplexityTests.Write(dir, "client.properties", junk.ToString());

        var clock = Stopwatch.StartNew();
        var result = BoundedLint.Run(dir.Path, ".");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        result.Inventory.Usages.ShouldHaveSingleItem().Format.ShouldBe("kafka");
        var problems = result.Findings.Where(f => f.Rule.Name == "parse-error").Select(f => $"{f.Location.File.RelativePath}:{f.Location.StartLine}").ToList();
        problems.ShouldContain("client.properties:3");
        problems.ShouldContain("client.properties:20004");
        result.AllText().ShouldNotContain("QUJD");
        result.AllText().ShouldNotContain("AAAAAAAA");
    }

    [Test]
    public void Ten_thousand_rabbitmq_listeners_are_a_hundred_usages_and_one_issue_at_the_first_not_read()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        var conf = new StringBuilder("ssl_options.certfile = www.crt\nssl_options.keyfile = www.key\nssl_options.password = ").Append('x', 500_000).Append('\n');
        for (var i = 0; i < 10_000; i++) conf.Append($"listeners.ssl.l{i} = {10_000 + i}\n");
        ConfigComplexityTests.Write(dir, "rabbitmq.conf", conf.ToString());

        var clock = Stopwatch.StartNew();
        var result = BoundedLint.Run(dir.Path, ".");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        result.Inventory.Usages.Count.ShouldBe(100);
        result.Of("parse-error").ShouldBe([
            "rabbitmq.conf:104 rabbitmq.conf:104 cannot be parsed: more than 100 TLS listeners: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
        // The half-megabyte password is one literal, told once, never echoed.
        result.Of("config-password-literal").ShouldHaveSingleItem().ShouldStartWith("rabbitmq.conf:3 ");
        result.AllText().ShouldNotContain("xxxxxxxx");
    }

    [Test]
    public void Five_thousand_mosquitto_listeners_and_bridges_are_a_hundred_usages_each_and_one_issue_each()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        var conf = new StringBuilder();
        // 5,000 of each keep the file under the 1 MB a configuration may have.
        for (var i = 0; i < 5_000; i++) conf.Append($"listener {10_000 + i}\ncertfile www.crt\nkeyfile www.key\n");
        for (var i = 0; i < 5_000; i++) conf.Append($"connection b{i}\naddress peer{i}.example.test:8883\nbridge_cafile www.crt\n");
        ConfigComplexityTests.Write(dir, "mosquitto.conf", conf.ToString());

        var clock = Stopwatch.StartNew();
        var result = BoundedLint.Run(dir.Path, ".");

        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
        result.Inventory.Usages.Count(u => u.Role == CertLint.Usage.UsageRole.Server).ShouldBe(100);
        result.Inventory.Usages.Count(u => u.Role == CertLint.Usage.UsageRole.Client).ShouldBe(100);
        // The listeners past the bound are not read: their certfile lines are no duplicates to tell.
        result.Of("parse-error").ShouldBe([
            "mosquitto.conf:301 mosquitto.conf:301 cannot be parsed: more than 100 listeners in one configuration: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "mosquitto.conf:15301 mosquitto.conf:15301 cannot be parsed: more than 100 bridges in one configuration: the rest are not read. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
    }
}
