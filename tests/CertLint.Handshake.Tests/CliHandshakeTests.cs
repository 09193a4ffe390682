using CertLint.Cli;
using CertLint.Engine;

using CertLint.Tls;

namespace CertLint.Handshake.Tests;

/// <summary>`certlint handshake` through the real command line: options, console output, exit codes.</summary>
[TestFixture]
public sealed class CliHandshakeTests : PkiFixture
{
    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext(output, error, false, false, _ => null, Pki.Dir, TimeProvider.System);
        var exit = CliApp.Run(args, context);
        return (exit, output.ToString(), error.ToString());
    }

    [Test]
    public void Self_test_of_a_good_pair_exits_0_and_prints_the_session()
    {
        var (exit, output, _) = Run("handshake", "--self-test", "--server-cert", "server.crt", "--server-key", "server.key",
            "--cert", "client.crt", "--key", "client.key", "--ca", "server-root.crt", "--client-ca", "client-ca.crt", "--tls", "1.3", "--timeout", "60");

        exit.ShouldBe(ExitCodes.Success);
        output.ShouldContain("client.crt\n");
        output.ShouldContain("note     CL0600 tls-session  TLS established with 127.0.0.1:");
        output.ShouldContain("TLS 1.3");
    }

    [Test]
    public void Self_test_takes_the_pair_from_the_configuration_when_no_option_names_it()
    {
        File.WriteAllText(Path.Combine(Pki.Dir, "pair.yml"), """
            selfTest:
              server: { cert: server.crt, key: server.key, trusts: [client-ca.crt] }
              client: { cert: expired.crt, key: expired.key, trusts: [server-root.crt] }
            """);

        var (bad, badOutput, _) = Run("handshake", "--self-test", "--config", "pair.yml", "--timeout", "60");
        bad.ShouldBe(ExitCodes.Findings, badOutput);
        badOutput.ShouldContain("error    CL0610 tls-client-cert-rejected  ");

        // An option still wins over the configuration: the good client passes with the configured server.
        var (good, goodOutput, _) = Run("handshake", "--self-test", "--config", "pair.yml", "--cert", "client.crt", "--key", "client.key", "--timeout", "60");
        good.ShouldBe(ExitCodes.Success, goodOutput);
        goodOutput.ShouldContain("CL0600 tls-session");
    }

    [Test]
    public void A_self_test_section_without_a_client_is_a_configuration_error_at_its_line()
    {
        File.WriteAllText(Path.Combine(Pki.Dir, "half.yml"), "failOn: error\nselfTest:\n  server: { cert: server.crt, key: server.key }\n");
        var (exit, _, error) = Run("handshake", "--self-test", "--config", "half.yml");
        exit.ShouldBe(ExitCodes.UsageError);
        error.ShouldContain("half.yml:3:");
        error.ShouldContain("'selfTest' needs 'client'");
    }

    [Test]
    public void Self_test_of_a_bad_pair_exits_1_with_the_reason()
    {
        var (exit, output, _) = Run("handshake", "--self-test", "--server-cert", "server.crt", "--server-key", "server.key",
            "--cert", "expired.crt", "--key", "expired.key", "--ca", "server-root.crt", "--client-ca", "client-ca.crt", "--timeout", "60");

        exit.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("error    CL0610 tls-client-cert-rejected  ");
        output.ShouldContain("expired on");
    }

    [Test]
    public void Reports_of_a_live_probe_carry_the_endpoint_subject()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var (exit, output, _) = Run("handshake", $"127.0.0.1:{port}", "--timeout", "3", "--sarif", "out/hs.sarif", "--json", "out/hs.json", "--junit", "out/hs.xml");

        exit.ShouldBe(ExitCodes.Findings);
        output.ShouldContain($"tls://127.0.0.1:{port}");
        using var sarif = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Pki.Dir, "out/hs.sarif")));
        var result = sarif.RootElement.GetProperty("runs")[0].GetProperty("results")[0];
        result.GetProperty("ruleId").GetString().ShouldBe("CL0601");
        result.GetProperty("properties").GetProperty("objectKind").GetString().ShouldBe("endpoint");
        // An endpoint is an absolute URI of its own, not a path under %SRCROOT%.
        var artifact = result.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation");
        artifact.GetProperty("uri").GetString().ShouldBe($"tls://127.0.0.1:{port}");
        artifact.TryGetProperty("uriBaseId", out _).ShouldBeFalse();
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Pki.Dir, "out/hs.json")));
        json.RootElement.GetProperty("findings")[0].GetProperty("path").GetString().ShouldBe($"tls://127.0.0.1:{port}");
        File.ReadAllText(Path.Combine(Pki.Dir, "out/hs.xml")).ShouldContain("CL0601 tls-connect-failed");
    }

    [Test]
    public async Task Configuration_sets_rule_severities_for_handshake_rules()
    {
        File.WriteAllText(Path.Combine(Pki.Dir, "strict.yml"), "rules:\n  tls-client-cert-not-requested: { severity: error }\n  tls-session: { severity: off }\n");
        await using var server = LoopbackTlsServer.Start(Pki.ServerOptions(mode: ClientCertificateMode.None));

        var (exit, output, _) = Run("handshake", $"127.0.0.1:{server.Port}", "--servername", "localhost", "--ca", "server-root.crt",
            "--cert", "client.crt", "--key", "client.key", "--config", "strict.yml", "--timeout", "60");

        exit.ShouldBe(ExitCodes.Findings);
        output.ShouldContain("error    CL0608 tls-client-cert-not-requested");
        output.ShouldNotContain("CL0600");
    }

    [TestCase(new[] { "handshake" }, "needs HOST:PORT")]
    [TestCase(new[] { "handshake", "localhost:1", "--tls", "1.1" }, "--tls: '1.1' is not 1.2 or 1.3")]
    [TestCase(new[] { "handshake", "localhost:1", "--timeout", "soon" }, "--timeout: 'soon'")]
    [TestCase(new[] { "handshake", "localhost:1", "--cert", "missing.crt", "--key", "missing.key" }, "missing.crt: cannot read")]
    [TestCase(new[] { "handshake", "--self-test" }, "--self-test needs the server's certificate and key")]
    public void Usage_errors_exit_2(string[] args, string message)
    {
        var (exit, _, error) = Run(args);

        exit.ShouldBe(ExitCodes.UsageError);
        error.ShouldContain(message);
    }
}
