using System.Diagnostics;
using CertLint.Engine;

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

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
