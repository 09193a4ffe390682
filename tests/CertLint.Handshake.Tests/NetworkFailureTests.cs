using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CertLint.Engine;
using CertLint.Rules;


namespace CertLint.Handshake.Tests;

/// <summary>Peers that are not TLS servers at all: each is a finding with exit code 1, never an exception or a hang.</summary>
[TestFixture]
public sealed class NetworkFailureTests
{
    [Test]
    public async Task Refusing_port_is_a_connect_failure()
    {
        var port = FreePort();
        var report = await Probe.RunAsync(port, timeoutSeconds: 3);

        report.Rules().ShouldBe(["tls-connect-failed"]);
        report.Message("tls-connect-failed").ShouldContain($"connection to 127.0.0.1:{port} refused");
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    [Test]
    public async Task Plain_tcp_server_is_named_as_not_tls()
    {
        var report = await AgainstPeer(async stream =>
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("SSH-2.0-OpenSSH_9.6\r\n"));
            await Task.Delay(500);
        });

        report.Rules().ShouldBe(["tls-handshake-failed"]);
        report.Message("tls-handshake-failed").ShouldContain("does not speak TLS on this port");
        report.Message("tls-handshake-failed").ShouldContain("\"SSH-2.0-OpenSSH_9.6\"");
        report.ExitCode.ShouldBe(ExitCodes.Findings);
    }

    [Test]
    public async Task Server_that_never_answers_times_out()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var held = new CancellationTokenSource();
        var accept = listener.AcceptTcpClientAsync(held.Token).AsTask();
        var clock = Stopwatch.StartNew();
        var report = await Probe.RunAsync(((IPEndPoint)listener.LocalEndpoint).Port, timeoutSeconds: 1);
        clock.Stop();
        await held.CancelAsync();
        (await accept.ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : null))?.Dispose();

        report.Rules().ShouldBe(["tls-handshake-failed"]);
        report.Message("tls-handshake-failed").ShouldContain("no complete TLS answer within 1 s");
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
    }

    [Test]
    public async Task Server_closing_without_answer_is_a_handshake_failure()
    {
        var report = await AgainstPeer(async stream => _ = await stream.ReadAsync(new byte[512]));

        report.Rules().ShouldBe(["tls-handshake-failed"]);
        report.Message("tls-handshake-failed").ShouldContain("closed the connection without answering the TLS ClientHello");
    }

    /// <summary>Probes a one-connection TCP peer on loopback that runs <paramref name="behave"/> on its stream.</summary>
    private static async Task<HandshakeReport> AgainstPeer(Func<NetworkStream, Task> behave)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serve = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(10));
            await behave(client.GetStream()).WaitAsync(TimeSpan.FromSeconds(10));
        });
        var report = await Probe.RunAsync(((IPEndPoint)listener.LocalEndpoint).Port, timeoutSeconds: 3);
        await serve;
        return report;
    }

    /// <summary>A loopback port nothing listens on: bound, read, released.</summary>
    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
