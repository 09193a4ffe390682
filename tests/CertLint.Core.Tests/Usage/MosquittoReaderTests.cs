using CertLint.Core.Tests.Hostile;
using CertLint.Tests.Pki;
using CertLint.Usage.Mosquitto;

namespace CertLint.Core.Tests.Usage;

/// <summary>
/// mosquitto.conf readings easy to get wrong, through the engine: which listener an included file's options reach,
/// include_dir's load order, and which .conf files are mosquitto's at all.
/// </summary>
public sealed class MosquittoReaderTests
{
    [Test]
    public void An_included_files_options_before_its_own_listener_line_are_the_default_listeners()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        Directory.CreateDirectory(dir["conf.d"]);
        // config__read_file_core starts every file on the default listener: conf.d/tls.conf's require_certificate is
        // the default listener's, not listener 1883's, which the including file was configuring.
        ConfigComplexityTests.Write(dir, "mosquitto.conf", "port 8883\ncertfile www.crt\nkeyfile www.key\nlistener 1883\ninclude_dir conf.d\n");
        ConfigComplexityTests.Write(dir, "conf.d/tls.conf", "require_certificate true\ncafile www.crt\n");

        var result = BoundedLint.Run(dir.Path, ".");

        var usage = result.Inventory.Usages.ShouldHaveSingleItem();
        (usage.Service, usage.VerifyPeer, usage.RequestsClientCertificate, usage.Location.StartLine).ShouldBe(("mosquitto default listener (port 8883)", (bool?)true, (bool?)true, 2));
        usage.CaFiles.ShouldHaveSingleItem().Source.ShouldBe("conf.d/tls.conf:2 cafile");
        result.Of("parse-error").ShouldBeEmpty();
    }

    [Test]
    public void Include_dir_reads_upper_case_before_lower_case_of_the_same_letter_and_a_before_B()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        Directory.CreateDirectory(dir["conf.d"]);
        ConfigComplexityTests.Write(dir, "mosquitto.conf", "include_dir conf.d\n");
        // mosquitto's order: a.conf, B.conf (ordinal would put B.conf first): the second certfile is B.conf's, refused.
        ConfigComplexityTests.Write(dir, "conf.d/a.conf", "certfile www.crt\nkeyfile www.key\n");
        ConfigComplexityTests.Write(dir, "conf.d/B.conf", "# B\ncertfile www.crt\n");
        ConfigComplexityTests.Write(dir, "conf.d/notes.txt", "certfile other.crt\n");

        var result = BoundedLint.Run(dir.Path, ".");

        result.Inventory.Usages.ShouldHaveSingleItem().Certificate!.Source.ShouldBe("conf.d/a.conf:1 certfile");
        result.Of("parse-error").ShouldBe([
            "conf.d/B.conf:2 conf.d/B.conf:2 cannot be parsed: certfile given twice for one listener: mosquitto refuses the configuration. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ]);
    }

    [Test]
    public void A_psk_listener_and_a_bridge_without_a_ca_are_no_certificate_tls()
    {
        using var dir = new TempDirectory();
        ConfigComplexityTests.ServerCertificate(dir);
        ConfigComplexityTests.Write(dir, "mosquitto.conf", """
            listener 8885
            psk_hint broker
            psk_file /etc/mosquitto/psk
            connection psk
            address peer.example.test:8883
            bridge_identity edge
            bridge_psk 00112233
            connection os
            address 2001:db8::1:8883
            bridge_tls_use_os_certs true
            bridge_insecure 1
            """);

        var result = BoundedLint.Run(dir.Path, ".");

        var bridge = result.Inventory.Usages.ShouldHaveSingleItem();
        (bridge.Service, bridge.PeerHost, bridge.VerifyHost, bridge.CaFiles.Count).ShouldBe(("mosquitto bridge os", "2001:db8::1", (bool?)false, 0));
        result.AllText().ShouldNotContain("00112233");
    }

    [TestCase("mosquitto.conf", "# empty\n", true)]
    [TestCase("mosquitto-tls.conf", "", true)]
    [TestCase("conf.d/tls.conf", "listener 8883\ncertfile /etc/mosquitto/certs/server.crt\n", true)]
    [TestCase("conf.d/bridge.conf", "connection cloud\nbridge_cafile /etc/ssl/certs/ca.crt\n", true)]
    [TestCase("broker.conf", "require_certificate true\n", true)]
    [TestCase("redis.conf", "tls-port 6380\n", false)]
    [TestCase("server.conf", "dev tun\nca ca.crt\ncert server.crt\n", false)]
    [TestCase("haproxy.conf", "listen stats\n  bind :8404\n", false)]
    [TestCase("postgresql.conf", "listen_addresses = '*'\nssl_cert_file = 'server.crt'\n", false)]
    [TestCase("mosquitto.conf.example", "listener 8883\n", false)]
    public void Detects_mosquittos_files_and_not_its_neighbours(string path, string text, bool expected) =>
        new MosquittoReader().Detect(path, text).ShouldBe(expected);
}
