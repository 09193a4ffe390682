using CertLint.Cli;
using CertLint.Engine;
using CertLint.Tls;

namespace CertLint.Handshake.Tests;

/// <summary>
/// Issue 11 item 8 through `certlint handshake` and real TLS on loopback: a legitimate server certificate message
/// above BouncyCastle's default 32 KB is accepted, and one above CertLint's 512 KB bound is refused with a finding,
/// not a crash or a hang. Each test waits for the probe's verdict (the CLI returns when the handshake ends).
/// </summary>
[TestFixture]
public sealed class LargeCertificateMessageTests : PkiFixture
{
    private (int Exit, string Out, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = CliApp.Run(args, new CliContext(output, error, false, false, _ => null, Pki.Dir, TimeProvider.System));
        return (exit, output.ToString(), error.ToString());
    }

    [Test]
    public async Task A_chain_of_about_80_KB_is_accepted()
    {
        var options = Pki.ServerWithManyNames(2_000, out var leafBytes);
        leafBytes.ShouldBeGreaterThan(64 * 1024, "the certificate message must be well above 32 KB");
        await using var server = LoopbackTlsServer.Start(options);

        var (exit, output, error) = Run("handshake", $"127.0.0.1:{server.Port}", "--servername", "localhost", "--ca", "server-root.crt",
            "--timeout", "60", "--json", "big.json");

        exit.ShouldBe(ExitCodes.Success, output + error);
        output.ShouldContain("CL0600 tls-session");
        output.ShouldNotContain("CL0602");
        error.ShouldBeEmpty();
        // The chain received is linted like files: its leaf is there, with every name.
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(Pki.Dir, "big.json")));
        json.RootElement.GetProperty("certificates").EnumerateArray()
            .ShouldContain(c => c.GetProperty("subject").GetString() == "CN=localhost" && c.GetProperty("subjectAltNames").GetProperty("dns").GetArrayLength() == 2_001);
    }

    [Test]
    public async Task A_certificate_message_above_512_KB_is_refused_with_a_finding()
    {
        var options = Pki.ServerWithManyNames(16_000, out var leafBytes);
        leafBytes.ShouldBeGreaterThan(ProbeTlsClient.MaxHandshakeMessageBytes);
        await using var server = LoopbackTlsServer.Start(options);

        var (exit, output, error) = Run("handshake", $"127.0.0.1:{server.Port}", "--servername", "localhost", "--ca", "server-root.crt", "--timeout", "60");

        TestContext.Out.WriteLine(output + error);
        exit.ShouldBe(ExitCodes.Findings, output + error);
        output.ShouldContain("error    CL0602 tls-handshake-failed");
        output.ShouldContain("512 KB");
        output.ShouldNotContain("CL0600");
        error.ShouldNotContain("internal error");
    }
}
