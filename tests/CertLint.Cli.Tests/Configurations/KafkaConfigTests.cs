namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// Apache Kafka: tests/fixtures/configs/kafka/good is a KRaft node (PKCS#12 keystore, JKS truststore written here)
/// with a consumer (PEM keystore file) and a producer (PEM written into the properties); kafka/bad has one defect per
/// setting, a client from another CA, a producer whose written-in key is not its certificate's, and two broken files.
/// </summary>
public sealed class KafkaConfigTests
{
    private const string Password = "fixture-pass";
    private static readonly Dictionary<string, string> Env = new() { ["CERTLINT_PASSWORD"] = Password };

    private static ConfigFixture Good()
    {
        var repo = new ConfigFixture("kafka/good");
        var pki = Path.Combine(ConfigFixture.FixturesRoot, "pki-chain");
        JksFixture.WriteTrustStore(Path.Combine(repo.Root, "ssl/truststore.jks"), Password,
            Path.Combine(pki, "intermediate.crt"), Path.Combine(pki, "root.crt"));
        return repo;
    }

    [Test]
    public void A_correct_kraft_node_and_its_clients_have_no_findings_and_roles_come_from_use()
    {
        using var repo = Good();
        var (findings, outcome, _) = repo.Lint(Env);
        findings.ShouldBeEmpty(outcome.Out);
        outcome.ExitCode.ShouldBe(0);

        var o = CliRunner.InProcess(repo.Root, Env, "inventory", "--now", "2030-01-01").Out;
        o.ShouldContain("config/server.properties:6  kafka server  kafka listener CLIENTS");
        o.ShouldContain("config/server.properties:6  kafka server  kafka listener REPLICATION");
        o.ShouldContain("config/server.properties:6  kafka server  kafka listener CONTROLLER");
        o.ShouldContain("certificate  ../ssl/server.p12  -> ssl/server.p12  (config/server.properties:12 ssl.keystore.location)");
        o.ShouldContain("client CA    ../ssl/truststore.jks  -> ssl/truststore.jks  (config/server.properties:14 ssl.truststore.location)");
        o.ShouldContain("verify peer  on (config/server.properties:17)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (config/server.properties:16 ssl.enabled.protocols)");
        o.ShouldContain("hosts        www.example.test");
        // The nodes' own connections present no certificate: their listeners do not ask for one.
        o.ShouldContain("config/server.properties:9  kafka client  kafka inter-broker client (REPLICATION)\n    server CA    ../ssl/truststore.jks");
        o.ShouldContain("config/server.properties:10  kafka client  kafka controller client (CONTROLLER)\n    server CA    ../ssl/truststore.jks");
        o.ShouldContain("config/client.properties:3  kafka client  kafka client to www.example.test");
        o.ShouldContain("certificate  ssl.keystore.certificate.chain  -> embedded in config/producer.properties  (config/producer.properties:5 ssl.keystore.certificate.chain)");
        o.ShouldContain("key          ssl.keystore.key  -> embedded in config/producer.properties  (config/producer.properties:27 ssl.keystore.key)");
        o.ShouldContain("server CA    ssl.truststore.certificates  -> embedded in config/producer.properties  (config/producer.properties:33 ssl.truststore.certificates)");
        o.ShouldContain("ssl/server.p12:1  CN=www.example.test, serial 3003  role server (from config/server.properties:12 ssl.keystore.location)");
        o.ShouldContain("ssl/client.pem:1-11  CN=alice, serial 3004  role client (from config/client.properties:5 ssl.keystore.location)");
        o.ShouldContain("config/producer.properties:5  CN=alice, serial 3004  role client (from config/producer.properties:5 ssl.keystore.certificate.chain)");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("kafka/bad");
        var (findings, outcome, json) = repo.Lint(Env);
        findings.ShouldBe([
            "config-file-missing server.properties:13",
            "config-key-mismatch producer.properties:27",
            "config-password-literal server.properties:7",
            "eku-client-auth ssl/server.p12:1",
            "mtls-client-ca-mismatch server.properties:9",
            "parse-error broken/client.properties:2",
            "parse-error broken/server.properties:1",
            "peer-host-not-verified server.properties:5",
            "tls-version-weak server.properties:2",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe([
            "kafka listener EXTERNAL allows TLSv1.1 (server.properties:12 listener.name.external.ssl.enabled.protocols): allow TLSv1.2 and TLSv1.3 only.",
        ]);
        // ssl.client.auth=required applies to INTERNAL, the inter-broker listener: the broker presents its keystore there.
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem()
            .ShouldContain("(role from server.properties:6 ssl.keystore.location, server.properties:6 ssl.keystore.location (inter-broker connections))");
        // An empty ssl.endpoint.identification.algorithm drops the host-name check only: JSSE still verifies the chain.
        ConfigFixture.Messages(json, "peer-host-not-verified").ShouldBe([
            "kafka inter-broker client (INTERNAL) at server.properties:5 verifies the server's certificate chain but not its host name (server.properties:11): any certificate its CA issued to another host is accepted; turn host-name verification on.",
        ]);
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldHaveSingleItem().ShouldContain("CN=carol, serial 2006 presented at client.properties:5 ssl.keystore.location");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken/client.properties:2 cannot be parsed: invalid security.protocol: PLAINTEXT, SSL, SASL_PLAINTEXT or SASL_SSL expected. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "broken/server.properties:1 cannot be parsed: invalid listeners entry: NAME://HOST:PORT expected. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
        (outcome.Out + json).ShouldNotContain("kafka-literal-secret");
    }
}
