using CertLint.Engine;
using CertLint.Rules;


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
            ClientCaFiles = [Pki.ClientRootFile],
            Settings = Probe.Settings(serverName, workingDirectory: Pki.Dir, ca: Pki.ServerRootFile),
        };
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        return new HandshakeChecker().SelfTestAsync(request, guard.Token).WaitAsync(guard.Token);
    }

    [Test]
    public async Task Matching_pair_authenticates_both_ways()
    {
        var report = await SelfTest(Pki.GoodClient, serverName: "localhost");

        report.Rules().ShouldBe(["tls-session"]);
        report.ServerVerdict!.Accepted.ShouldBeTrue();
        report.ExitCode.ShouldBe(ExitCodes.Success);
        report.Result.Findings[0].Subject.Kind.ShouldBe(Findings.SubjectKind.Endpoint);
        report.Result.Findings[0].Location.File.RelativePath.ShouldBe("client.crt");
        report.Result.Findings[0].Subject.ObjectId.ShouldBe("self-test://server.crt+client.crt");
    }

    [Test]
    public async Task Client_from_another_CA_is_the_lints_chain_finding_and_the_server_says_why()
    {
        var report = await SelfTest(Pki.ForeignClient);

        report.Rules().ShouldBe(["chain-incomplete"], report.Describe());
        report.Result.Findings.Single().Location.File.RelativePath.ShouldBe("foreign.crt");
        report.ServerVerdict!.Accepted.ShouldBeFalse();
        report.ServerVerdict.Reasons.ShouldBe(["the client's certificate does not chain to a CA in the server's CA file"]);
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    [Test]
    public async Task Expired_client_is_the_lints_expiry_finding()
    {
        var report = await SelfTest(Pki.ExpiredClient);

        report.Rules().ShouldBe(["cert-expired"], report.Describe());
        report.Result.Findings.Single().Location.File.RelativePath.ShouldBe("expired.crt");
        report.ServerVerdict!.Accepted.ShouldBeFalse();
        report.ServerVerdict.Reasons.ShouldContain("a certificate in the client's chain is expired or not yet valid");
    }

    [Test]
    public async Task Client_without_clientAuth_is_the_lints_eku_finding()
    {
        var report = await SelfTest(Pki.ServerAuthOnlyClient);

        report.Rules().ShouldBe(["eku-client-auth"], report.Describe());
        report.ServerVerdict!.Reasons.ShouldContain("the client certificate's extendedKeyUsage does not allow clientAuth");
    }

    [Test]
    public async Task Server_without_its_intermediate_is_the_chain_finding_on_its_file()
    {
        var report = await SelfTest(Pki.GoodClient, Pki.Files("server-leaf-only", Pki.ServerLeaf));

        report.Rules().ShouldBe(["chain-incomplete", "tls-session"], ignoreOrder: true, report.Describe());
        report.Result.Findings.Single(f => f.Rule.Name == "chain-incomplete").Location.File.RelativePath.ShouldBe("server-leaf-only.crt");
        report.Message("chain-incomplete").ShouldContain("issuer CN=Server Issuing CA not found");
    }

    [Test]
    public async Task Key_that_does_not_match_is_key_mismatch_only()
    {
        var mixed = new CredentialFiles(Pki.GoodClient.Certificate, Pki.ForeignClient.Key);
        var report = await SelfTest(mixed);

        report.Rules().ShouldBe(["key-mismatch"], report.Describe());
        report.Result.Findings.Single().Location.File.RelativePath.ShouldBe("foreign.key");
    }

    /// <summary>
    /// Wrong verdict 3 of issue 17: the client file holds only the leaf, its intermediate is in the server's CA file.
    /// A server accepts that (openssl s_server does too: <see cref="OpenSslInteropTests"/>), and so does the self-test.
    /// </summary>
    [Test]
    public async Task Client_whose_intermediate_is_in_the_servers_CA_file_is_accepted()
    {
        var request = new SelfTestRequest
        {
            Server = Pki.ServerFiles,
            Client = Pki.ClientViaIntermediate,
            ClientCaFiles = [Pki.ClientCasFile],
            Settings = Probe.Settings(null, workingDirectory: Pki.Dir, ca: Pki.ServerRootFile),
        };
        var report = await new HandshakeChecker().SelfTestAsync(request).WaitAsync(TimeSpan.FromSeconds(30));

        report.Rules().ShouldBe(["tls-session"], report.Describe());
        report.ServerVerdict!.Accepted.ShouldBeTrue();
        report.ExitCode.ShouldBe(ExitCodes.Success);
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
            ClientCaFiles = [Pki.ClientRootFile],
            Settings = Probe.Settings(null, workingDirectory: Pki.Dir, ca: Pki.ServerRootFile) is var s
                ? s with { Lint = s.Lint with { PasswordEnv = "TEAM_P12_PASSWORD", Environment = n => n == "TEAM_P12_PASSWORD" ? "s3cret" : null } } : null!,
        };
        var report = await new HandshakeChecker().SelfTestAsync(request).WaitAsync(TimeSpan.FromSeconds(20));

        report.Rules().ShouldBe(["tls-session"]);
        var wrong = new SelfTestRequest { Server = request.Server, Client = request.Client, Settings = request.Settings with { Lint = request.Settings.Lint with { Environment = _ => "nope" } } };
        (await Should.ThrowAsync<UserErrorException>(() => new HandshakeChecker().SelfTestAsync(wrong))).Message.ShouldContain("wrong password");
    }
}
