using CertLint.Engine;
using CertLint.Rules;

using CertLint.Tls;

namespace CertLint.Handshake.Tests;

/// <summary>`certlint handshake` against real SslStream servers on 127.0.0.1, one per test, each on a free port.</summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class LoopbackHandshakeTests : PkiFixture
{
    [TestCase(TlsVersionChoice.Tls13, "TLS 1.3")]
    [TestCase(TlsVersionChoice.Tls12, "TLS 1.2")]
    public async Task Mutual_authentication_succeeds_and_reports_the_session(TlsVersionChoice version, string protocol)
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ServerRootFile, version: version);

        report.RuleIds().ShouldBe([RuleIds.TlsSession]);
        report.ExitCode.ShouldBe(ExitCodes.Success);
        report.Outcome!.Established.ShouldBeTrue();
        report.Outcome.Protocol.ShouldBe(protocol);
        var session = report.Message(RuleIds.TlsSession);
        session.ShouldContain(protocol);
        session.ShouldContain("TLS_");
        session.ShouldContain("accepted CAs: 'CN=Client CA'");
        session.ShouldContain("accepted 'CN=client.acme.test'");
        report.Outcome.ServerCertificates.Count.ShouldBe(2);
        (await server.FirstVerdict).Accepted.ShouldBeTrue();
        // The lint's rules ran, with roles: the chain as received is a server, the --cert file a client.
        report.Result.Checks.ShouldContain(c => c.Rule.Id == RuleIds.EkuServerAuth && c.Subject.Location.File.RelativePath == $"tls://127.0.0.1:{server.Port}");
        report.Result.Checks.ShouldContain(c => c.Rule.Id == RuleIds.EkuClientAuth && c.Subject.Location.File.FullPath == Pki.GoodClient.Certificate);
        report.Result.Checks.ShouldContain(c => c.Rule.Id == RuleIds.KeyMismatch);
    }

    [Test]
    public async Task Rsa_client_key_signs_with_pss_in_tls13()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, Pki.RsaClient, Pki.ServerRootFile, version: TlsVersionChoice.Tls13);
        report.RuleIds().ShouldBe([RuleIds.TlsSession]);
    }

    [TestCase(TlsVersionChoice.Tls13)]
    [TestCase(TlsVersionChoice.Tls12)]
    public async Task Server_requiring_a_client_certificate_and_none_sent(TlsVersionChoice version)
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile, version: version);

        report.RuleIds().ShouldBe([RuleIds.ClientCertRequired]);
        report.Message(RuleIds.ClientCertRequired).ShouldContain("requires a client certificate and no client certificate was given; it closed the connection right after the handshake");
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    [TestCase(TlsVersionChoice.Tls13)]
    [TestCase(TlsVersionChoice.Tls12)]
    public async Task Client_certificate_from_another_CA_is_rejected(TlsVersionChoice version)
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, Pki.ForeignClient, Pki.ServerRootFile, version: version);

        report.RuleIds().ShouldBe([RuleIds.ClientCaNotAccepted, RuleIds.ClientCertRejected], ignoreOrder: true);
        report.Message(RuleIds.ClientCaNotAccepted).ShouldContain("issuer 'CN=Other CA'");
        report.Message(RuleIds.ClientCaNotAccepted).ShouldContain("'CN=Client CA'");
        RejectedSilently(report);
        report.Outcome!.Established.ShouldBeFalse();
    }

    [TestCase("expired", TlsVersionChoice.Tls13, "expired on", RuleIds.CertExpired)]
    [TestCase("expired", TlsVersionChoice.Tls12, "expired on", RuleIds.CertExpired)]
    [TestCase("serverauth-only", TlsVersionChoice.Tls13, "without clientAuth", RuleIds.EkuClientAuth)]
    [TestCase("serverauth-only", TlsVersionChoice.Tls12, "without clientAuth", RuleIds.EkuClientAuth)]
    public async Task Client_certificate_the_server_cannot_accept_is_rejected(string client, TlsVersionChoice version, string cause, string lintRule)
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var files = client == "expired" ? Pki.ExpiredClient : Pki.ServerAuthOnlyClient;
        var report = await Probe.RunAsync(server.Port, files, Pki.ServerRootFile, version: version);

        // The handshake's verdict, its pre-flight check, and the lint's own rule on the client certificate file (role client).
        report.RuleIds().ShouldBe([RuleIds.ClientCertRejected, RuleIds.ClientCertUnusable, lintRule], ignoreOrder: true);
        report.Message(RuleIds.ClientCertUnusable).ShouldContain(cause);
        report.Result.Findings.Single(f => f.Rule.Id == lintRule).Location.File.FullPath.ShouldBe(files.Certificate);
        RejectedSilently(report);
    }

    /// <summary>
    /// SslStream servers on Linux judge the client after the handshake and close without an alert, in TLS 1.2 and 1.3
    /// alike; the probe must still report a rejection, never a session. (openssl's alerts: <see cref="OpenSslInteropTests"/>.)
    /// </summary>
    private static void RejectedSilently(HandshakeReport report)
    {
        report.Message(RuleIds.ClientCertRejected).ShouldContain("closed the connection right after the handshake without an alert");
        report.Outcome!.Established.ShouldBeFalse();
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    [Test]
    public async Task Server_chain_missing_its_intermediate()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions(sendIntermediate: false));
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ServerRootFile);

        // The handshake's check, and the lint's chain rule on the chain as received (location tls://127.0.0.1:PORT).
        report.RuleIds().ShouldBe([RuleIds.ServerChainIncomplete, RuleIds.ChainIncomplete, RuleIds.TlsSession], ignoreOrder: true);
        report.Message(RuleIds.ServerChainIncomplete).ShouldContain("issuer 'CN=Server Issuing CA' the server did not send");
        report.Result.Findings.Single(f => f.Rule.Id == RuleIds.ChainIncomplete).Location.File.RelativePath.ShouldBe($"tls://127.0.0.1:{server.Port}");
        report.Outcome!.ServerCertificates.Count.ShouldBe(1);
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    [Test]
    public async Task Server_root_not_trusted()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ClientRootFile);

        report.RuleIds().ShouldContain(RuleIds.ServerChainIncomplete);
        report.Message(RuleIds.ServerChainIncomplete).ShouldContain("'CN=Server Root CA'");
    }

    [Test]
    public async Task Server_certificate_for_another_host()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ServerRootFile, serverName: "api.acme.test");

        report.RuleIds().ShouldBe([RuleIds.ServerHostnameMismatch, RuleIds.TlsSession], ignoreOrder: true);
        report.Message(RuleIds.ServerHostnameMismatch).ShouldBe("the server certificate covers localhost, 127.0.0.1 but not 'api.acme.test'");
    }

    [Test]
    public async Task Server_that_does_not_request_a_client_certificate()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions(mode: ClientCertificateMode.None));
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ServerRootFile);

        report.RuleIds().ShouldBe([RuleIds.ClientCertNotRequested, RuleIds.TlsSession], ignoreOrder: true);
        report.Message(RuleIds.ClientCertNotRequested).ShouldContain("does not enforce mutual TLS");
        report.Message(RuleIds.TlsSession).ShouldContain("did not request a client certificate");
        report.ExitCode.ShouldBe(ExitCodes.Success);
    }
}
