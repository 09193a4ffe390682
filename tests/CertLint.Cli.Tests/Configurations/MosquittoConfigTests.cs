namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// Eclipse Mosquitto: tests/fixtures/configs/mosquitto/good is a broker with MQTT over TLS and client certificates, secure
/// WebSockets, a plain loopback listener and a TLS bridge in conf.d (include_dir); mosquitto/bad has the mistakes
/// tutorials spread, one finding each. Certificates: mosquitto/make-certs.sh.
/// </summary>
public sealed class MosquittoConfigTests
{
    [Test]
    public void Listeners_and_the_bridge_in_conf_d_are_usages_with_mosquittos_defaults()
    {
        using var repo = new ConfigFixture("mosquitto/good");
        var o = repo.CleanInventory();
        o.ShouldContain("mosquitto.conf:7  mosquitto server  mosquitto listener 8883");
        o.ShouldContain("client CA    /mosquitto/config/certs/ca.crt  -> certs/ca.crt  (mosquitto.conf:11 cafile)");
        o.ShouldContain("verify peer  on (mosquitto.conf:12)");
        // tls_version is the lowest version allowed (mosquitto 2.x).
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (mosquitto.conf:14 tls_version)");
        // require_certificate defaults to false: clients are not asked for a certificate.
        o.ShouldContain("mosquitto.conf:16  mosquitto server  mosquitto listener 8884 on 0.0.0.0 (websockets)");
        o.ShouldContain("verify peer  off (default)");
        // The plain listener has no certificate: no usage.
        o.ShouldNotContain("listener 1883");
        // The bridge is read in mosquitto.conf's context (include_dir conf.d), not again on its own.
        o.ShouldContain("conf.d/bridge.conf:2  mosquitto client  mosquitto bridge cloud to cloud.example.test");
        o.ShouldContain("verify host  on (default)");
        o.ShouldContain("protocols    TLSv1.3 (conf.d/bridge.conf:7 bridge_tls_version)");
        o.ShouldContain("role client (from conf.d/bridge.conf:5 bridge_certfile)");
        o.ShouldContain("TLS usages (3):");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("mosquitto/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing mosquitto.conf:10",
            "config-key-mismatch mosquitto.conf:5",
            "eku-client-auth certs/broker-server-only.crt:1",
            "parse-error mosquitto.conf:12",
            "parse-error mosquitto.conf:2",
            "parse-error mosquitto.conf:26",
            "parse-error mosquitto.conf:7",
            "peer-host-not-verified mosquitto.conf:14",
            "tls-version-weak mosquitto.conf:3",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "peer-host-not-verified").ShouldHaveSingleItem().ShouldStartWith(
            "mosquitto bridge edge to cloud.example.test at mosquitto.conf:14 verifies the server's certificate chain but not its host name (mosquitto.conf:19)");
        ConfigFixture.Messages(json, "tls-version-weak").ShouldHaveSingleItem().ShouldStartWith(
            "mosquitto listener 8883 allows TLSv1.1 (mosquitto.conf:6 tls_version)");
        ConfigFixture.Messages(json, "eku-client-auth").ShouldHaveSingleItem().ShouldContain("(role from mosquitto.conf:17 bridge_certfile)");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "mosquitto.conf:2 cannot be parsed: bridge_insecure outside a bridge (no connection line before it in this file): mosquitto refuses the configuration. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "mosquitto.conf:7 cannot be parsed: use_identity_as_username needs require_certificate true: the listener asks no client for a certificate, so no client gets a user name from one. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "mosquitto.conf:12 cannot be parsed: certfile given twice for one listener: mosquitto refuses the configuration. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "mosquitto.conf:26 cannot be parsed: bridge_certfile without bridge_cafile, bridge_capath or bridge_tls_use_os_certs: the bridge does not use certificate TLS. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
        // The bridge's MQTT password is never read into a message, nor printed.
        outcome.Out.ShouldNotContain("s3cr3t");
        json.ShouldNotContain("s3cr3t");
    }
}
