using CertLint.Engine;
using CertLint.Rules;

namespace CertLint.Handshake.Tests;

/// <summary>
/// Interoperability with `openssl s_server -Verify N -verify_return_error`, which sends the CA names it accepts and
/// real alerts: unsupported_certificate (43) for a client certificate without clientAuth, certificate_expired (45)
/// for an expired one. In TLS 1.3 those alerts arrive after the client's handshake is done. Also the wire checks:
/// legacy versions, forward secrecy.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OpenSslInteropTests : PkiFixture
{
    private OpenSslServer Start(string tls, string clientCa = "", params string[] more) => OpenSslServer.Start(
        ["-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile,
        "-CAfile", clientCa.Length > 0 ? clientCa : Pki.ClientRootFile, "-Verify", "2", "-verify_return_error", tls, .. more]);

    [TestCase("-tls1_3", "TLS 1.3")]
    [TestCase("-tls1_2", "TLS 1.2")]
    public async Task Good_client_is_accepted_and_the_CA_names_are_reported(string tls, string protocol)
    {
        using var server = Start(tls);
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ServerRootFile);

        report.Rules().ShouldBe(["tls-session"], report.Describe());
        report.Outcome!.Protocol.ShouldBe(protocol);
        report.Message("tls-session").ShouldContain("accepted CAs: CN=Client CA)");
        report.ExitCode.ShouldBe(ExitCodes.Success);
    }

    /// <summary>The server's alert is seen, and its cause is the one finding: the lint's, on the client file.</summary>
    [TestCase("-tls1_3", "serverauth-only", (short)43, "eku-client-auth")]
    [TestCase("-tls1_2", "serverauth-only", (short)43, "eku-client-auth")]
    [TestCase("-tls1_3", "expired", (short)45, "cert-expired")]
    [TestCase("-tls1_2", "expired", (short)45, "cert-expired")]
    public async Task Client_certificate_the_server_refuses_with_an_alert_is_the_lints_finding(string tls, string client, short alert, string lintRule)
    {
        using var server = Start(tls);
        var report = await Probe.RunAsync(server.Port, client == "expired" ? Pki.ExpiredClient : Pki.ServerAuthOnlyClient, Pki.ServerRootFile);

        report.Outcome!.AlertReceived.ShouldBe(alert);
        report.Rules().ShouldBe([lintRule], report.Describe());
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    /// <summary>No .certlint.yml gave the role: the handshake did, and the message says so (it said ".certlint.yml roles").</summary>
    [Test]
    public async Task The_client_certificates_role_is_said_to_come_from_the_handshake()
    {
        using var server = Start("-tls1_3");
        var report = await Probe.RunAsync(server.Port, Pki.ServerAuthOnlyClient, Pki.ServerRootFile);

        var message = report.Message("eku-client-auth");
        message.ShouldContain($"is used as a TLS client certificate (role from the client credential of certlint handshake, TLS endpoint ");
        message.ShouldContain($":{server.Port}), but its extendedKeyUsage allows only serverAuth");
        message.ShouldNotContain(".certlint.yml");
    }

    [Test]
    public async Task Client_certificate_from_another_CA_gets_unknown_ca()
    {
        using var server = Start("-tls1_3");
        var report = await Probe.RunAsync(server.Port, Pki.ForeignClient, Pki.ServerRootFile);

        report.Rules().ShouldBe(["tls-client-cert-rejected"], report.Describe());
        report.Message("tls-client-cert-rejected").ShouldContain("unknown_ca (48)");
        report.Message("tls-client-cert-rejected").ShouldContain("The cause: the client certificate CN=client.acme.test (issuer CN=Other CA)");
    }

    [TestCase("-tls1_3")]
    [TestCase("-tls1_2")]
    public async Task No_client_certificate_is_reported_as_required(string tls)
    {
        using var server = Start(tls);
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile);

        report.Rules().ShouldBe(["tls-client-cert-required"], report.Describe());
        report.Message("tls-client-cert-required").ShouldContain("no client certificate was given; it answered with the alert");
    }

    /// <summary>Wrong verdict 3 of issue 17, against OpenSSL: a leaf-only client file, its intermediate in the server's CA file.</summary>
    [TestCase("-tls1_3")]
    [TestCase("-tls1_2")]
    public async Task Client_whose_intermediate_is_in_the_servers_CA_file_is_accepted_by_openssl(string tls)
    {
        using var server = OpenSslServer.Start("-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile,
            "-CAfile", Pki.ClientCasFile, "-Verify", "1", "-verify_return_error", tls);
        var report = await Probe.RunAsync(server.Port, Pki.ClientViaIntermediate, Pki.ServerRootFile);

        report.Rules().ShouldBe(["tls-session"], report.Describe());
        report.ExitCode.ShouldBe(ExitCodes.Success);
    }

    [Test]
    public async Task Server_offering_only_TLS_1_0_is_an_obsolete_protocol()
    {
        using var server = OpenSslServer.Start("-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile,
            "-tls1", "-cipher", "ALL:@SECLEVEL=0");
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile);

        report.Outcome!.Protocol.ShouldBe("TLS 1.0");
        report.Rules().ShouldBe(["tls-protocol-obsolete", "tls-session"], ignoreOrder: true, report.Describe());
        report.Message("tls-protocol-obsolete").ShouldBe(
            $"127.0.0.1:{server.Port} negotiated TLS 1.0: TLS 1.0 and 1.1 are deprecated (RFC 8996); the server offers nothing newer to this client. Fix: enable TLS 1.2 and 1.3 on the server");
    }

    [Test]
    public async Task Probe_versions_reports_a_server_that_still_accepts_TLS_1_0_and_1_1()
    {
        using var server = OpenSslServer.Start("-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile,
            "-min_protocol", "TLSv1", "-cipher", "ALL:@SECLEVEL=0");
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile, probeVersions: true);

        report.Outcome!.Protocol.ShouldBe("TLS 1.3");
        // One defect (the server's minimum protocol), one finding naming both versions.
        report.Rules().ShouldBe(["tls-legacy-version-accepted", "tls-session"], ignoreOrder: true, report.Describe());
        report.Message("tls-legacy-version-accepted").Split(" when ")[0].ShouldBe($"127.0.0.1:{server.Port} accepts TLS 1.0, TLS 1.1");

        // The same server without the legacy versions: nothing to report.
        using var modern = Start("-tls1_2", "", "-naccept", "3");
        var clean = await Probe.RunAsync(modern.Port, Pki.GoodClient, Pki.ServerRootFile, probeVersions: true);
        clean.Rules().ShouldBe(["tls-session"], clean.Describe());
    }

    [Test]
    public async Task Static_RSA_key_exchange_in_TLS_1_2_lacks_forward_secrecy()
    {
        using var server = OpenSslServer.Start("-cert", Pki.RsaServerFiles.Certificate!, "-key", Pki.RsaServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile,
            "-tls1_2", "-cipher", "AES128-GCM-SHA256");
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile);

        report.Rules().ShouldBe(["tls-no-forward-secrecy", "tls-session"], ignoreOrder: true, report.Describe());
        report.Message("tls-no-forward-secrecy").ShouldStartWith($"127.0.0.1:{server.Port} chose TLS_RSA_WITH_AES_128_GCM_SHA256 in TLS 1.2: a static RSA key exchange");
    }
}
