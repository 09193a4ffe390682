namespace CertLint.Cli.Tests.Configurations;

/// <summary>
/// OpenVPN: tests/fixtures/configs/openvpn/good is a server configuration and a client profile with its files inline;
/// openvpn/bad has one of each defect (a client checking only the chain, TLS 1.0, an inline key of another
/// certificate, an inline password, a server CA that did not issue the client, a missing chain file, an unknown
/// version, an inline file never closed).
/// </summary>
public sealed class OpenvpnConfigTests
{
    [Test]
    public void A_server_and_a_profile_with_inline_files_have_no_findings_and_roles_come_from_use()
    {
        using var repo = new ConfigFixture("openvpn/good");
        var o = repo.CleanInventory();
        o.ShouldContain("server/server.conf:5  openvpn server  openvpn server port 1194");
        o.ShouldContain("certificate  pki/server.crt  -> server/pki/server.crt  (server/server.conf:7 cert)");
        o.ShouldContain("key          pki/server.key  -> server/pki/server.key  (server/server.conf:8 key)");
        o.ShouldContain("client CA    pki/ca.crt  -> server/pki/ca.crt  (server/server.conf:6 ca)");
        o.ShouldContain("verify peer  on (server/server.conf:12)");
        o.ShouldContain("protocols    TLSv1.2, TLSv1.3 (server/server.conf:11 tls-version-min)");
        o.ShouldContain("client/alice.ovpn:1  openvpn client  openvpn client to vpn.example.test");
        o.ShouldContain("certificate  the inline file  -> embedded in client/alice.ovpn  (client/alice.ovpn:21 <cert>)");
        o.ShouldContain("server CA    the inline file  -> embedded in client/alice.ovpn  (client/alice.ovpn:9 <ca>)");
        o.ShouldContain("verify host  on (client/alice.ovpn:7)");
        o.ShouldContain("CN=alice, serial 2003  role client (from client/alice.ovpn:21 <cert>)");
        o.ShouldContain("CN=www.example.test, serial 2002  role server (from server/server.conf:7 cert)");
        // The profile's CA, certificate and key are linted at its own lines, one inline file each.
        o.ShouldContain("client/alice.ovpn:22-32  CN=alice");
    }

    [Test]
    public void Each_defect_is_one_finding_at_its_line()
    {
        using var repo = new ConfigFixture("openvpn/bad");
        var (findings, outcome, json) = repo.Lint();
        findings.ShouldBe([
            "config-file-missing server/server.conf:7",
            "config-key-mismatch client/bob.ovpn:30",
            "config-key-mismatch server/server.conf:6",
            "config-password-literal client/bob.ovpn:37",
            "mtls-client-ca-mismatch server/server.conf:4",
            "parse-error broken/unclosed.ovpn:3",
            "parse-error broken/unclosed.ovpn:4",
            "parse-error server/server.conf:8",
            "peer-host-not-verified client/bob.ovpn:1",
            "tls-version-weak client/bob.ovpn:1",
        ], outcome.Out);
        outcome.ExitCode.ShouldBe(1);
        ConfigFixture.Messages(json, "peer-host-not-verified").ShouldBe([
            "openvpn client to 203.0.113.7 at client/bob.ovpn:1 verifies the server's certificate chain but not its host name (client/bob.ovpn:1 (default)): "
            + "any certificate its CA issued to another host is accepted; turn host-name verification on.",
        ]);
        ConfigFixture.Messages(json, "tls-version-weak").ShouldBe([
            "openvpn client to 203.0.113.7 allows TLSv1.0, TLSv1.1 (client/bob.ovpn:4 tls-version-min): allow TLSv1.2 and TLSv1.3 only.",
        ]);
        ConfigFixture.Messages(json, "config-password-literal").ShouldBe([
            "client/bob.ovpn:37 <auth-user-pass> writes the password of the VPN account into the repository (openvpn client to 203.0.113.7): "
            + "take it from an environment variable or secret store, and rotate the key.",
        ]);
        ConfigFixture.Messages(json, "mtls-client-ca-mismatch").ShouldHaveSingleItem().ShouldContain("presented at client/bob.ovpn:17 <cert>");
        ConfigFixture.Messages(json, "parse-error").ShouldBe([
            "broken/unclosed.ovpn:3 cannot be parsed: unterminated quoted string. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "broken/unclosed.ovpn:4 cannot be parsed: inline file <ca> is not closed: OpenVPN refuses the configuration. Fix or regenerate the file, or exclude it if it is not a certificate.",
            "server/server.conf:8 cannot be parsed: unknown version for tls-version-max: 1.0, 1.1, 1.2 or 1.3 expected. Fix or regenerate the file, or exclude it if it is not a certificate.",
        ], ignoreOrder: true);
        // Neither the password nor the key is echoed.
        (outcome.Out + json).ShouldNotContain("correct-horse-battery-staple");
    }

    [Test]
    public void Verification_options_decide_what_a_client_checks_and_what_a_server_asks()
    {
        using var dir = new CertLint.Tests.Pki.TempDirectory();
        File.WriteAllText(dir["pinned.ovpn"], "client\nremote vpn.example.test\npeer-fingerprint AD:B0:95\nca ca.crt\n");
        File.WriteAllText(dir["role.ovpn"], "--tls-client\n--remote-cert-tls server\nca ca.crt\ntls-version-min 9.9 or-highest\n");
        File.WriteAllText(dir["open.conf"], "dev tun\nserver 10.8.0.0 255.255.255.0\nverify-client-cert none\nca ca.crt\n");
        File.WriteAllText(dir["typo.conf"], "dev tun\ntls-server\nverify-client-cert sometimes\n");
        File.WriteAllText(dir["static.conf"], "dev tun\nremote peer.example.test\nsecret static.key\n");
        File.WriteAllText(dir["older.ovpn"], "client\nverify-x509-name vpn name\n<ca>\n</ca>\nca [inline]\n");
        var json = CliRunner.InProcess(dir.Path, null, "inventory", "--json", "--now", "2030-01-01").Out;
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var usages = doc.RootElement.GetProperty("usages").EnumerateArray()
            .ToDictionary(u => u.GetProperty("file").GetString()!, u => u);
        usages.Keys.Order().ShouldBe(["older.ovpn", "open.conf", "pinned.ovpn", "role.ovpn", "typo.conf"]); // static-key mode has no TLS
        // "ca [inline]" after the block names the block, which stays the CA.
        usages["older.ovpn"].GetProperty("caFiles").EnumerateArray().Select(c => $"{c.GetProperty("path").GetString()} {c.GetProperty("directive").GetString()} {c.GetProperty("line").GetInt32()}").ShouldBe(["the inline file <ca> 3"]);
        usages["pinned.ovpn"].TryGetProperty("verifyHost", out _).ShouldBeFalse();
        usages["role.ovpn"].TryGetProperty("verifyHost", out _).ShouldBeFalse();
        usages["role.ovpn"].GetProperty("protocols").EnumerateArray().Select(p => p.GetString()).ShouldBe(["TLSv1.3"]);
        usages["open.conf"].GetProperty("verifyPeer").GetBoolean().ShouldBeFalse();
        usages["open.conf"].GetProperty("requestsClientCertificate").GetBoolean().ShouldBeFalse();
        usages["open.conf"].GetProperty("role").GetString().ShouldBe("server");
        usages["typo.conf"].GetProperty("verifyPeer").GetBoolean().ShouldBeTrue();
        var lint = CliRunner.InProcess(dir.Path, null, "--now", "2030-01-01", ".", "--allow-empty");
        lint.Out.ShouldContain("typo.conf:3 cannot be parsed: argument of verify-client-cert must be none, optional or require");
        lint.Out.ShouldNotContain("peer-host-not-verified");
    }
}
