using CertLint.Engine;
using CertLint.Rules;

using CertLint.Tls;

namespace CertLint.Handshake.Tests;

/// <summary>
/// Interoperability with `openssl s_server -Verify 2 -verify_return_error`, which sends the CA names it accepts and
/// real alerts: unsupported_certificate (43) for a client certificate without clientAuth, certificate_expired (45)
/// for an expired one. In TLS 1.3 those alerts arrive after the client's handshake is done.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class OpenSslInteropTests : PkiFixture
{
    private OpenSslServer Start(string tls) => OpenSslServer.Start(
        "-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", Pki.ServerIntermediateFile,
        "-CAfile", Pki.ClientRootFile, "-Verify", "2", "-verify_return_error", tls);

    [TestCase("-tls1_3", "TLS 1.3")]
    [TestCase("-tls1_2", "TLS 1.2")]
    public async Task Good_client_is_accepted_and_the_CA_names_are_reported(string tls, string protocol)
    {
        using var server = Start(tls);
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ServerRootFile);

        report.RuleIds().ShouldBe([RuleIds.TlsSession]);
        report.Outcome!.Protocol.ShouldBe(protocol);
        report.Message(RuleIds.TlsSession).ShouldContain("accepted CAs: 'CN=Client CA'");
        report.ExitCode.ShouldBe(ExitCodes.Success);
    }

    [TestCase("-tls1_3")]
    [TestCase("-tls1_2")]
    public async Task Client_certificate_with_serverAuth_only_gets_alert_43(string tls)
    {
        using var server = Start(tls);
        var report = await Probe.RunAsync(server.Port, Pki.ServerAuthOnlyClient, Pki.ServerRootFile);

        report.Outcome!.AlertReceived.ShouldBe((short)43);
        report.Message(RuleIds.ClientCertRejected).ShouldContain("with the alert unsupported_certificate (43)");
        report.Message(RuleIds.ClientCertRejected).ShouldContain("extendedKeyUsage lacks clientAuth");
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    [TestCase("-tls1_3")]
    [TestCase("-tls1_2")]
    public async Task Expired_client_certificate_gets_alert_45(string tls)
    {
        using var server = Start(tls);
        var report = await Probe.RunAsync(server.Port, Pki.ExpiredClient, Pki.ServerRootFile);

        report.Outcome!.AlertReceived.ShouldBe((short)45);
        report.Message(RuleIds.ClientCertRejected).ShouldContain("with the alert certificate_expired (45)");
    }

    [Test]
    public async Task Client_certificate_from_another_CA_gets_unknown_ca()
    {
        using var server = Start("-tls1_3");
        var report = await Probe.RunAsync(server.Port, Pki.ForeignClient, Pki.ServerRootFile);

        report.RuleIds().ShouldBe([RuleIds.ClientCaNotAccepted, RuleIds.ClientCertRejected], ignoreOrder: true);
        report.Message(RuleIds.ClientCertRejected).ShouldContain("unknown_ca (48)");
    }

    [TestCase("-tls1_3")]
    [TestCase("-tls1_2")]
    public async Task No_client_certificate_is_reported_as_required(string tls)
    {
        using var server = Start(tls);
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile);

        report.RuleIds().ShouldBe([RuleIds.ClientCertRequired]);
        report.Message(RuleIds.ClientCertRequired).ShouldContain("no client certificate was given; it answered with the alert");
    }
}
