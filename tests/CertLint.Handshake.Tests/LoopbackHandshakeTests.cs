using CertLint.Engine;
using CertLint.Rules;

namespace CertLint.Handshake.Tests;

/// <summary>
/// `certlint handshake` against real SslStream servers on 127.0.0.1, one per test, each on a free port. Every
/// scenario asserts its exact finding set: certificates are judged by the lint's rules, the tls-* rules say only what
/// the protocol showed, and one defect gives one finding.
/// </summary>
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

        report.Rules().ShouldBe(["tls-session"], report.Describe());
        report.ExitCode.ShouldBe(ExitCodes.Success);
        report.Outcome!.Established.ShouldBeTrue();
        report.Outcome.Protocol.ShouldBe(protocol);
        var session = report.Message("tls-session");
        session.ShouldContain(protocol);
        session.ShouldContain("TLS_");
        session.ShouldContain("CN=localhost <- CN=Server Issuing CA");
        session.ShouldContain("accepted CAs: CN=Client CA)");
        session.ShouldContain("accepted CN=client.acme.test");
        report.Outcome.ServerCertificates.Count.ShouldBe(2);
        (await server.FirstVerdict).Accepted.ShouldBeTrue();
        // The lint's rules ran, with roles: the chain as received is a server, the --cert file a client.
        report.Result.Checks.ShouldContain(c => c.Rule.Name == "eku-server-auth" && c.Subject.Location.File.RelativePath == $"tls://127.0.0.1:{server.Port}");
        report.Result.Checks.ShouldContain(c => c.Rule.Name == "hostname-mismatch" && c.Subject.Location.File.RelativePath == $"tls://127.0.0.1:{server.Port}");
        report.Result.Checks.ShouldContain(c => c.Rule.Name == "eku-client-auth" && c.Subject.Location.File.FullPath == Pki.GoodClient.Certificate);
        report.Result.Checks.ShouldContain(c => c.Rule.Name == "key-mismatch");
    }

    [Test]
    public async Task Rsa_client_key_signs_with_pss_in_tls13()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, Pki.RsaClient, Pki.ServerRootFile, version: TlsVersionChoice.Tls13);
        report.Rules().ShouldBe(["tls-session"], report.Describe());
    }

    [TestCase(TlsVersionChoice.Tls13)]
    [TestCase(TlsVersionChoice.Tls12)]
    public async Task Server_requiring_a_client_certificate_and_none_sent(TlsVersionChoice version)
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile, version: version);

        report.Rules().ShouldBe(["tls-client-cert-required"], report.Describe());
        report.Message("tls-client-cert-required").ShouldContain("requires a client certificate and no client certificate was given; it closed the connection right after the handshake");
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    [TestCase(TlsVersionChoice.Tls13)]
    [TestCase(TlsVersionChoice.Tls12)]
    public async Task Client_certificate_from_another_CA_is_one_rejection_that_names_the_cause(TlsVersionChoice version)
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, Pki.ForeignClient, Pki.ServerRootFile, version: version);

        report.Rules().ShouldBe(["tls-client-cert-rejected"], report.Describe());
        report.Message("tls-client-cert-rejected").ShouldBe(
            $"127.0.0.1:{server.Port} closed the connection right after the handshake without an alert: it probably rejected the client certificate CN=client.acme.test; " +
            "the server's log names the reason. The cause: the client certificate CN=client.acme.test (issuer CN=Other CA) does not chain to any CA the server accepts: CN=Client CA");
        report.Outcome!.Established.ShouldBeFalse();
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    /// <summary>The server refuses these clients; the cause is the lint's finding on the client file, and nothing repeats it.</summary>
    [TestCase("expired", TlsVersionChoice.Tls13, "cert-expired")]
    [TestCase("expired", TlsVersionChoice.Tls12, "cert-expired")]
    [TestCase("serverauth-only", TlsVersionChoice.Tls13, "eku-client-auth")]
    [TestCase("serverauth-only", TlsVersionChoice.Tls12, "eku-client-auth")]
    public async Task Client_certificate_the_server_cannot_accept_is_the_lints_finding(string client, TlsVersionChoice version, string lintRule)
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var files = client == "expired" ? Pki.ExpiredClient : Pki.ServerAuthOnlyClient;
        var report = await Probe.RunAsync(server.Port, files, Pki.ServerRootFile, version: version);

        report.Rules().ShouldBe([lintRule], report.Describe());
        report.Result.Findings.Single().Location.File.FullPath.ShouldBe(files.Certificate);
        report.Outcome!.Established.ShouldBeFalse();
        (await server.FirstVerdict).Accepted.ShouldBeFalse();
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    /// <summary>Wrong verdict 2 of issue 17: a --key of another certificate is key-mismatch, not "no client certificate was given".</summary>
    [TestCase(TlsVersionChoice.Tls13)]
    [TestCase(TlsVersionChoice.Tls12)]
    public async Task Key_that_does_not_match_the_certificate_is_key_mismatch_only(TlsVersionChoice version)
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var mixed = new CredentialFiles(Pki.GoodClient.Certificate, Pki.ForeignClient.Key);
        var report = await Probe.RunAsync(server.Port, mixed, Pki.ServerRootFile, version: version);

        report.Rules().ShouldBe(["key-mismatch"], report.Describe());
        report.Message("key-mismatch").ShouldContain("foreign.key and client.crt are named as a pair, but the private key does not match the certificate CN=client.acme.test");
        report.Result.Findings.ShouldAllBe(f => !f.Message.Contains("Parameter") && !f.Message.Contains("privateKey"));
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    [Test]
    public async Task Server_chain_missing_its_intermediate_with_only_the_root_known_is_the_chain_finding()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions(sendIntermediate: false));
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ServerRootFile);

        report.Rules().ShouldBe(["chain-incomplete", "tls-session"], ignoreOrder: true, report.Describe());
        var chain = report.Result.Findings.Single(f => f.Rule.Name == "chain-incomplete");
        chain.Location.File.RelativePath.ShouldBe($"tls://127.0.0.1:{server.Port}");
        chain.Message.ShouldContain("issuer CN=Server Issuing CA not found");
        report.Outcome!.ServerCertificates.Count.ShouldBe(1);
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    [Test]
    public async Task Server_chain_missing_an_intermediate_the_CA_file_holds_is_the_handshake_fact()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions(sendIntermediate: false));
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ServerCasFile);

        report.Rules().ShouldBe(["tls-server-chain-incomplete", "tls-session"], ignoreOrder: true, report.Describe());
        report.Message("tls-server-chain-incomplete").ShouldBe(
            $"TLS endpoint 127.0.0.1:{server.Port} does not send the intermediate CN=Server Issuing CA (found in server-cas.crt); clients that hold only the root cannot build its chain");
    }

    /// <summary>Wrong verdict 1 of issue 17: a private CA and no --ca is an untrusted root, not an incomplete chain.</summary>
    [Test]
    public async Task Full_chain_from_a_private_CA_without_ca_is_an_untrusted_root()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, ca: null);

        report.Rules().ShouldBe(["chain-incomplete", "tls-session"], ignoreOrder: true, report.Describe());
        var chain = report.Message("chain-incomplete");
        chain.ShouldContain("issuer CN=Server Root CA not found: the CA CN=Server Issuing CA hangs from a root that is not a trust anchor (an untrusted or unknown root: pass it with --ca)");
        report.Rules().ShouldNotContain("tls-server-chain-incomplete");
    }

    [Test]
    public async Task Server_root_not_among_the_given_CAs_is_one_chain_finding()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ClientRootFile);

        report.Rules().ShouldBe(["chain-incomplete", "tls-session"], ignoreOrder: true, report.Describe());
        report.Message("chain-incomplete").ShouldContain("CN=Server Root CA");
    }

    [Test]
    public async Task Server_certificate_for_another_host_is_the_lints_hostname_mismatch()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ServerRootFile, serverName: "api.acme.test");

        report.Rules().ShouldBe(["hostname-mismatch", "tls-session"], ignoreOrder: true, report.Describe());
        report.Message("hostname-mismatch").ShouldContain("api.acme.test");
        report.Result.Findings.Single(f => f.Rule.Name == "hostname-mismatch").Location.File.RelativePath.ShouldBe($"tls://127.0.0.1:{server.Port}");
    }

    [Test]
    public async Task Server_that_does_not_request_a_client_certificate()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions(mode: ClientCertificateMode.None));
        var report = await Probe.RunAsync(server.Port, Pki.GoodClient, Pki.ServerRootFile);

        report.Rules().ShouldBe(["tls-client-cert-not-requested", "tls-session"], ignoreOrder: true, report.Describe());
        report.Message("tls-client-cert-not-requested").ShouldContain("does not enforce mutual TLS");
        report.Message("tls-session").ShouldContain("did not request a client certificate");
        report.ExitCode.ShouldBe(ExitCodes.Success);
    }

    [Test]
    public async Task Now_moves_the_certificate_checks_not_the_handshake()
    {
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions());
        var settings = Probe.Settings(ca: Pki.ServerRootFile, workingDirectory: Pki.Dir);
        var request = new HandshakeRequest
        {
            Target = $"127.0.0.1:{server.Port}",
            Client = Pki.GoodClient,
            Settings = settings with { Lint = settings.Lint with { Now = DateTimeOffset.UtcNow.AddDays(400) } },
        };
        var report = await new HandshakeChecker().CheckAsync(request).WaitAsync(TimeSpan.FromSeconds(30));

        // Every certificate has expired by then, on the wire and on disk; the handshake itself still worked today.
        report.Result.Findings.Where(f => f.Rule.Name == "cert-expired").Select(f => f.Location.File.RelativePath).Distinct()
            .ShouldBe([$"tls://127.0.0.1:{server.Port}", "client.crt"], ignoreOrder: true, report.Describe());
        report.Rules().ShouldContain("tls-session");
    }
}
