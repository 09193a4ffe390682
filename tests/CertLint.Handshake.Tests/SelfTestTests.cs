using CertLint.Engine;
using CertLint.Rules;

using CertLint.Tls;

namespace CertLint.Handshake.Tests;

/// <summary>`certlint handshake --self-test`: the pair's own server on loopback, judged from both sides.</summary>
[TestFixture]
public sealed class SelfTestTests : PkiFixture
{
    private Task<HandshakeReport> SelfTest(CredentialFiles client, CredentialFiles? server = null, string? serverName = null)
    {
        var request = new SelfTestRequest
        {
            Server = server ?? Pki.ServerFiles,
            Client = client,
            ServerCaFiles = [Pki.ServerRootFile],
            ClientCaFiles = [Pki.ClientRootFile],
            Settings = Probe.Settings(serverName, workingDirectory: Pki.Dir),
        };
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return new HandshakeChecker().SelfTestAsync(request, guard.Token).WaitAsync(guard.Token);
    }

    [Test]
    public async Task Matching_pair_authenticates_both_ways()
    {
        var report = await SelfTest(Pki.GoodClient, serverName: "localhost");

        report.RuleIds().ShouldBe([RuleIds.TlsSession]);
        report.ServerVerdict!.Accepted.ShouldBeTrue();
        report.ExitCode.ShouldBe(ExitCodes.Success);
        report.Result.Findings[0].Subject.Kind.ShouldBe(Findings.SubjectKind.Endpoint);
        report.Result.Findings[0].Location.File.RelativePath.ShouldBe("client.crt");
        report.Result.Findings[0].Subject.ObjectId.ShouldBe("self-test://server.crt+client.crt");
    }

    [Test]
    public async Task Client_from_another_CA_is_explained_by_the_server_side()
    {
        var report = await SelfTest(Pki.ForeignClient);

        report.ServerVerdict!.Accepted.ShouldBeFalse();
        report.RuleIds().ShouldBe([RuleIds.ClientCaNotAccepted, RuleIds.ClientCertRejected, RuleIds.ChainIncomplete], ignoreOrder: true);
        report.Message(RuleIds.ClientCertRejected).ShouldContain(
            "The server side says: the client's chain ends at 'CN=client.acme.test', whose issuer 'CN=Other CA' the client did not send and the CA file the server trusts does not hold");
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    [Test]
    public async Task Expired_client_is_explained_by_the_server_side()
    {
        var report = await SelfTest(Pki.ExpiredClient);

        report.ServerVerdict!.Accepted.ShouldBeFalse();
        report.Message(RuleIds.ClientCertRejected).ShouldContain("The server side says: 'CN=client.acme.test' sent by the client expired on");
    }

    [Test]
    public async Task Client_without_clientAuth_is_explained_by_the_server_side()
    {
        var report = await SelfTest(Pki.ServerAuthOnlyClient);

        report.Message(RuleIds.ClientCertRejected).ShouldContain("The server side says: the client certificate 'CN=client.acme.test' has extendedKeyUsage");
        report.Message(RuleIds.ClientCertRejected).ShouldContain("without TLS Web Client Authentication");
    }

    [Test]
    public async Task Server_without_its_intermediate_is_reported()
    {
        var report = await SelfTest(Pki.GoodClient, Pki.Files("server-leaf-only", Pki.ServerLeaf));

        report.RuleIds().ShouldBe([RuleIds.ServerChainIncomplete, RuleIds.ChainIncomplete, RuleIds.TlsSession], ignoreOrder: true);
        report.Result.Findings.Where(f => f.Rule.Id != RuleIds.TlsSession).ShouldAllBe(f => f.Location.File.RelativePath == "server-leaf-only.crt");
        report.Message(RuleIds.ServerChainIncomplete).ShouldContain("'CN=Server Issuing CA' the server did not send");
    }

    [Test]
    public async Task Key_that_does_not_match_is_a_finding_not_a_crash()
    {
        var mixed = new CredentialFiles(Pki.GoodClient.Certificate, Pki.ForeignClient.Key);
        var report = await SelfTest(mixed);

        report.Message(RuleIds.ClientCertUnusable).ShouldContain("client credential: the key in");
        report.RuleIds().ShouldContain(RuleIds.ClientCertRequired);
    }

    [Test]
    public async Task Pkcs12_client_reads_its_password_from_the_named_environment_variable()
    {
        var client = Pki.ClientRootCa.Issue("p12.acme.test", o => o.ClientAuth().Valid(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(90)));
        var path = CertLint.Tests.Pki.TestPki.WritePkcs12(Pki.Dir, "client.p12", "s3cret", client);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var request = new SelfTestRequest
        {
            Server = Pki.ServerFiles,
            Client = new CredentialFiles(Pkcs12: path),
            ServerCaFiles = [Pki.ServerRootFile],
            ClientCaFiles = [Pki.ClientRootFile],
            Settings = new HandshakeSettings { PasswordEnv = "TEAM_P12_PASSWORD", Environment = n => n == "TEAM_P12_PASSWORD" ? "s3cret" : null },
        };
        var report = await new HandshakeChecker().SelfTestAsync(request).WaitAsync(TimeSpan.FromSeconds(20));

        report.RuleIds().ShouldBe([RuleIds.TlsSession]);
        var wrong = new SelfTestRequest { Server = request.Server, Client = request.Client, Settings = new HandshakeSettings { Environment = _ => "nope" } };
        (await Should.ThrowAsync<UserErrorException>(() => new HandshakeChecker().SelfTestAsync(wrong))).Message.ShouldContain("wrong password");
    }
}
