using CertLint.Core.Tests.Hostile;
using CertLint.Tests.Pki;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// Kafka and RabbitMQ settings whose reading is easy to get wrong, through the engine: which ssl.client.auth a
/// SASL_SSL listener takes, HTTP(S) listeners of Kafka's neighbours, cuttlefish's quoting and comments.
/// </summary>
public sealed class BrokerReaderTests
{
    private static string Usages(TempDirectory dir) =>
        string.Join("; ", BoundedLint.Run(dir.Path, ".").Inventory.Usages.Select(u => $"{u.Service} verify={u.VerifyPeer}"));

    [Test]
    public void A_sasl_ssl_listener_requires_client_certificates_only_by_its_prefixed_setting()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        // KIP-684: the broker-wide ssl.client.auth applies to SSL listeners, not to SASL_SSL ones.
        ConfigComplexityTests.Write(dir, "server.properties", """
            listeners=MTLS://:9093,SASL://:9094,SASL_MTLS://:9095
            listener.security.protocol.map=MTLS:SSL,SASL:SASL_SSL,SASL_MTLS:SASL_SSL
            ssl.keystore.type=PEM
            ssl.keystore.location=www.crt
            ssl.client.auth=required
            listener.name.sasl_mtls.ssl.client.auth=required
            """);

        Usages(dir).ShouldBe("kafka listener MTLS verify=True; kafka listener SASL verify=False; kafka listener SASL_MTLS verify=True");
    }

    [Test]
    public void Https_listeners_of_schema_registry_are_not_kafka_listeners_and_no_error()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        ConfigComplexityTests.Write(dir, "schema-registry.properties", """
            listeners=https://0.0.0.0:8081
            ssl.keystore.location=www.crt
            ssl.client.auth=true
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.ShouldBeEmpty();
        result.Of("parse-error").ShouldBeEmpty();
    }

    [Test]
    public void A_rabbitmq_value_ends_at_a_comment_unless_single_quoted()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        Directory.CreateDirectory(dir["tls#1"]);
        File.Copy(dir["www.crt"], dir["tls#1/www.crt"]);
        ConfigComplexityTests.Write(dir, "rabbitmq.conf", """
            listeners.ssl.default = 5671   # AMQPS
            ssl_options.certfile = 'tls#1/www.crt'
            ssl_options.keyfile = www.key# the key
            ssl_options.verify = verify_peer
            ssl_options.fail_if_no_peer_cert = true
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        var usage = result.Inventory.Usages.ShouldHaveSingleItem();
        (usage.Service, usage.Certificate!.Path, usage.Key!.Path, usage.VerifyPeer).ShouldBe(("rabbitmq listeners.ssl.default", "tls#1/www.crt", "www.key", (bool?)true));
        result.Of("config-file-missing").ShouldBeEmpty();
        result.Of("config-key-mismatch").ShouldBeEmpty();
        result.Of("parse-error").ShouldBeEmpty();
    }

    [Test]
    public void Optional_client_certificates_are_verified_when_sent_as_in_every_other_reader()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        // Kafka `requested` and RabbitMQ verify_peer without fail_if_no_peer_cert verify a certificate the client
        // sends (nginx `optional`, Spring `want`), so their CA must issue the clients' certificates too.
        ConfigComplexityTests.Write(dir, "server.properties", """
            listeners=REQ://:9093,NONE://:9094
            listener.security.protocol.map=REQ:SSL,NONE:SSL
            ssl.keystore.type=PEM
            ssl.keystore.location=www.crt
            listener.name.req.ssl.client.auth=requested
            listener.name.none.ssl.client.auth=none
            """);
        ConfigComplexityTests.Write(dir, "rabbitmq.conf", """
            listeners.ssl.default = 5671
            ssl_options.certfile = www.crt
            ssl_options.keyfile = www.key
            ssl_options.verify = verify_peer
            """);

        Usages(dir).ShouldBe("rabbitmq listeners.ssl.default (client certificate optional) verify=True; kafka listener NONE verify=False; kafka listener REQ verify=True");
    }

    [Test]
    public void Listeners_whose_names_cannot_be_printed_stay_apart_and_a_name_listed_twice_is_an_error()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        var longA = "A" + new string('X', 50);
        var longB = "B" + new string('X', 50);
        ConfigComplexityTests.Write(dir, "server.properties", $"""
            listeners={longA}://:9093,{longB}://:9094,TWICE://:9095,TWICE://:9096
            listener.security.protocol.map={longA}:SSL,{longB}:SSL,TWICE:SSL
            ssl.keystore.type=PEM
            ssl.keystore.location=www.crt
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        string.Join("; ", result.Inventory.Usages.Select(u => u.Service))
            .ShouldBe("kafka listener (unnamed #1); kafka listener (unnamed #2); kafka listener TWICE");
        result.Of("parse-error").ShouldHaveSingleItem()
            .ShouldBe("server.properties:1 server.properties:1 cannot be parsed: listener TWICE is listed twice in listeners: each listener needs its own name. Fix or regenerate the file, or exclude it if it is not a certificate.");
    }
}
