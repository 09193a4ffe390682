using System.Diagnostics;
using CertLint.Engine;
using CertLint.Findings;
using CertLint.Tls;
using CertLint.Tests.Pki;

namespace CertLint.Handshake.Tests;

/// <summary>
/// Hostile TLS peers: a server CertLint probes is input like a file, so no peer may make the probe run longer than its
/// bounds (--timeout for connect + handshake, the verdict wait after it) or read without limit. Each test waits for the
/// probe's end; the time bounds asserted are about 20 times the expected time, to prove termination only.
/// </summary>
[TestFixture]
[Parallelizable(ParallelScope.Self)]
public sealed class HostilePeerTests : PkiFixture
{
    [Test]
    public async Task Handshake_trickled_one_byte_at_a_time_ends_at_the_overall_timeout()
    {
        // A ServerHello record announced in full (16 KB), then sent one byte every 0.5 s for ever: every read succeeds.
        var trickling = NewSignal();
        await using var peer = HostilePeer.Raw(async (stream, token) =>
        {
            await HostilePeer.ReadClientHello(stream, token);
            byte[] start = [22, 3, 3, 0x40, 0x00, 2, 0, 0x3F, 0xFC, 3, 3];
            for (var i = 0; ; i++)
            {
                await stream.WriteAsync(start.AsMemory(Math.Min(i, start.Length - 1), 1), token);
                trickling.TrySetResult();
                await Task.Delay(500, token);
            }
        });

        var clock = Stopwatch.StartNew();
        var report = await Probe.RunAsync(peer.Port, timeoutSeconds: 2);
        clock.Stop();

        trickling.Task.IsCompleted.ShouldBeTrue();
        report.Rules().ShouldBe(["tls-handshake-failed"], report.Describe());
        report.Message("tls-handshake-failed").ShouldContain("no complete TLS answer within 2 s");
        report.ExitCode.ShouldBe(ExitCodes.Findings);
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(40));
    }

    [Test]
    public async Task Endless_application_data_after_the_handshake_is_a_session_and_the_probe_ends()
    {
        var sending = NewSignal();
        await using var peer = HostilePeer.Tls(Pki.Server, [Pki.ServerIntermediate], async (tls, _, token) =>
        {
            var chunk = new byte[16 * 1024];
            while (true)
            {
                await tls.WriteAsync(chunk, token);
                sending.TrySetResult();
            }
        });

        var clock = Stopwatch.StartNew();
        var report = await Probe.RunAsync(peer.Port, Pki.GoodClient, Pki.ServerRootFile);
        clock.Stop();

        sending.Task.IsCompleted.ShouldBeTrue();
        report.Rules().ShouldBe(["tls-session"], report.Describe());
        report.Outcome!.Established.ShouldBeTrue();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
    }

    [Test]
    public async Task Record_trickled_after_the_handshake_is_no_rejection_and_ends_after_the_verdict_wait()
    {
        // After the handshake the server neither closes nor alerts: it announces a 16 KB record and sends its body a
        // byte every 0.2 s for ever, so no read times out. That is no verdict (no alert, no hang-up): a session.
        var trickling = NewSignal();
        await using var peer = HostilePeer.Tls(Pki.Server, [Pki.ServerIntermediate], async (_, network, token) =>
        {
            await network.WriteAsync(new byte[] { 23, 3, 3, 0x40, 0x00 }, token);
            while (true)
            {
                await network.WriteAsync(new byte[] { 0x5A }, token);
                trickling.TrySetResult();
                await Task.Delay(200, token);
            }
        });

        var clock = Stopwatch.StartNew();
        var report = await Probe.RunAsync(peer.Port, Pki.GoodClient, Pki.ServerRootFile);
        clock.Stop();

        trickling.Task.IsCompleted.ShouldBeTrue();
        report.Rules().ShouldBe(["tls-session"], report.Describe());
        report.Outcome!.Established.ShouldBeTrue();
        // Verdict wait 2 s (+1 s grace) after the handshake.
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
    }

    [Test]
    public async Task A_chain_of_the_bound_of_10_certificates_all_copies_of_the_issuer_is_linted()
    {
        // The leaf, its real intermediate, then copies of that intermediate re-issued by itself (same subject, same key,
        // same key ids, other serials): each copy is an issuer candidate of the leaf and of every other copy.
        using var server = OpenSslServer.Start("-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", IssuerCopies(8), "-tls1_3");

        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile, timeoutSeconds: 20);

        report.Outcome!.ServerCertificates.Count.ShouldBe(ProbeTlsClient.MaxCertificateChainLength);
        // The path (leaf, intermediate, root) is found; each copy off it is one more server certificate, judged once
        // by the same rules (a self-signed CA without the host name): findings grow linearly with the copies.
        report.Rules().GroupBy(r => r).Select(g => $"{g.Key} x{g.Count()}").ShouldBe(
            ["validity-too-long x8", "eku-missing x8", "ku-server-auth x8", "self-signed-leaf x8", "leaf-is-ca x8", "san-missing x8",
             "hostname-mismatch x8", "tls-session x1"], report.Describe());
        report.Message("tls-session").Length.ShouldBeLessThanOrEqualTo(Finding.MessageLength + SafeText.ShortenMark);
    }

    [TestCase(9)]
    [TestCase(1_000)]
    public async Task More_certificates_than_the_bound_are_refused_with_a_finding(int copies)
    {
        using var server = OpenSslServer.Start("-cert", Pki.ServerFiles.Certificate!, "-key", Pki.ServerFiles.Key!, "-cert_chain", IssuerCopies(copies), "-tls1_3");

        var clock = Stopwatch.StartNew();
        var report = await Probe.RunAsync(server.Port, null, Pki.ServerRootFile, timeoutSeconds: 20);
        clock.Stop();

        report.Rules().ShouldBe(["tls-handshake-failed"], report.Describe());
        report.Message("tls-handshake-failed").ShouldContain("the server sent more certificates than CertLint's bound of 10 in one chain; they were not read");
        report.Outcome!.ServerCertificates.ShouldBeEmpty();
        clock.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(60));
    }

    /// <summary>A PEM file: the server's issuing CA, then <paramref name="copies"/> copies of it issued by itself.</summary>
    private string IssuerCopies(int copies)
    {
        var issuer = Pki.ServerIssuingCa;
        return TestPki.WritePem(Pki.Dir, $"copies-{copies}.crt",
            [issuer, .. Enumerable.Range(0, copies).Select(i => issuer.CrossSign(issuer, o => o.Serial(0x10, (byte)(i >> 8), (byte)i)))]);
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
