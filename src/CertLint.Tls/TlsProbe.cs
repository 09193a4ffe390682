using System.Net.Sockets;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace CertLint.Tls;

/// <summary>
/// Connects to a TLS endpoint once and records what happened. Never throws for network or TLS trouble: refused,
/// unresolvable, silent and non-TLS peers all end as a <see cref="ProbeFailure"/> in the outcome. Every wait is bounded
/// by <see cref="ProbeOptions.Timeout"/> (connect + handshake) and <see cref="ProbeOptions.VerdictWait"/> (after it).
/// </summary>
public static class TlsProbe
{
    public static async Task<ProbeOutcome> RunAsync(ProbeOptions options, CancellationToken cancellationToken = default)
    {
        var outcome = new ProbeOutcome { Endpoint = options.Endpoint };
        using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(options.Timeout);
        if (!await ConnectAsync(socket, options, outcome, deadline.Token).ConfigureAwait(false)) return outcome;

        // The BouncyCastle protocol is blocking: run it on the pool, and close the socket if the deadline passes.
        using var closeOnDeadline = deadline.Token.Register(socket.Dispose);
        await Task.Run(() => Handshake(socket, options, outcome, deadline), CancellationToken.None).ConfigureAwait(false);
        return outcome;
    }

    private static async Task<bool> ConnectAsync(Socket socket, ProbeOptions options, ProbeOutcome outcome, CancellationToken token)
    {
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, token).ConfigureAwait(false);
            outcome.Connected = true;
            return true;
        }
        catch (OperationCanceledException)
        {
            Fail(outcome, ProbeFailure.ConnectTimeout, $"no TCP connection within {options.Timeout.TotalSeconds:0.#} s");
        }
        catch (SocketException e)
        {
            var kind = e.SocketErrorCode switch
            {
                SocketError.ConnectionRefused => ProbeFailure.ConnectionRefused,
                SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => ProbeFailure.DnsFailure,
                SocketError.TimedOut => ProbeFailure.ConnectTimeout,
                _ => ProbeFailure.ConnectError,
            };
            Fail(outcome, kind, SocketText(e.SocketErrorCode));
        }
        return false;
    }

    private static void Handshake(Socket socket, ProbeOptions options, ProbeOutcome outcome, CancellationTokenSource deadline)
    {
        RecordingStream? recording = null;
        try
        {
            using var network = new NetworkStream(socket, ownsSocket: false);
            recording = new RecordingStream(network);
            var protocol = new TlsClientProtocol(recording);
            var client = new ProbeTlsClient(new BcTlsCrypto(new SecureRandom()), options, outcome);
            protocol.Connect(client);
            outcome.FirstBytes = recording.Captured;
            AwaitVerdict(socket, protocol, options, outcome, deadline);
            CloseQuietly(protocol);
        }
        catch (Exception e)
        {
            recording?.TakeAvailable(socket);
            outcome.FirstBytes = recording?.Captured ?? [];
            Classify(e, outcome, deadline.IsCancellationRequested, recording?.SawEnd == true, options);
        }
    }

    private static void CloseQuietly(TlsClientProtocol protocol)
    {
        try
        {
            protocol.Close();
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or TlsException)
        {
            // The server may already be gone; nothing to learn from it.
        }
    }

    /// <summary>
    /// After the handshake, read briefly: a TLS 1.3 server sends its verdict on our certificate now. A time-out or
    /// application data means it accepted us; an alert means it did not. One byte of application data ends the wait, and
    /// the deadline (the verdict wait plus 1 s) closes the socket under a server that keeps every read busy without
    /// completing a record, so the wait is bounded in time and in what is read (one record, BouncyCastle's 16 KB).
    /// </summary>
    private static void AwaitVerdict(Socket socket, TlsClientProtocol protocol, ProbeOptions options, ProbeOutcome outcome, CancellationTokenSource deadline)
    {
        deadline.CancelAfter(options.VerdictWait + TimeSpan.FromSeconds(1));
        socket.ReceiveTimeout = (int)Math.Max(1, options.VerdictWait.TotalMilliseconds);
        try
        {
            var buffer = new byte[1];
            if (protocol.Stream.Read(buffer, 0, 1) == 0 && outcome.AlertReceived is null && outcome.ClientCertificateRequested)
            {
                // A close right after the handshake, before any request, is how some servers (SslStream) reject a client.
                Fail(outcome, ProbeFailure.ClosedAfterHandshake, "the server closed the connection right after the handshake");
            }
        }
        catch (TlsFatalAlertReceived e)
        {
            Fail(outcome, ProbeFailure.AlertReceived, null);
            outcome.AlertReceived ??= e.AlertDescription;
        }
        catch (IOException e) when (IsTimeout(e))
        {
            // Silence: the server accepted us and waits for a request.
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException && deadline.IsCancellationRequested && outcome.AlertReceived is null)
        {
            // Our deadline closed the socket: the server kept the connection open and kept sending without completing a
            // record (a trickle), so no read ever timed out. No alert and no hang-up within the wait: no verdict, as silence.
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            if (outcome.AlertReceived is not null) Fail(outcome, ProbeFailure.AlertReceived, null);
            else if (outcome.ClientCertificateRequested)
                Fail(outcome, ProbeFailure.ClosedAfterHandshake, "the server closed the connection right after the handshake");
        }
    }

    private static void Classify(Exception e, ProbeOutcome outcome, bool timedOut, bool sawEnd, ProbeOptions options)
    {
        if (outcome.Failure != ProbeFailure.None) return;
        if (outcome.AlertReceived is not null || e is TlsFatalAlertReceived)
        {
            outcome.AlertReceived ??= ((TlsFatalAlertReceived)e).AlertDescription;
            Fail(outcome, ProbeFailure.AlertReceived, null);
        }
        else if (timedOut || IsTimeout(e))
        {
            Fail(outcome, ProbeFailure.HandshakeTimeout, $"no complete TLS answer within {options.Timeout.TotalSeconds:0.#} s");
        }
        else if (outcome.FirstBytes.Length > 0 && !RecordingStream.StartsLikeTls(outcome.FirstBytes))
        {
            Fail(outcome, ProbeFailure.NotTls, $"the server answered with data that is not TLS: \"{RecordingStream.Printable(outcome.FirstBytes)}\"");
        }
        else if (sawEnd || ClosedByPeer(e))
        {
            Fail(outcome, ProbeFailure.ClosedByServer, outcome.FirstBytes.Length == 0
                ? "the server closed the connection without answering the TLS ClientHello"
                : "the server closed the connection in the middle of the handshake");
        }
        else if (outcome.TlsFeatureMissing is { } feature)
        {
            Fail(outcome, ProbeFailure.TlsFeatureMissing, feature == ExtensionType.status_request
                ? "the server's certificate demands OCSP stapling (TLS feature status_request, RFC 7633) and the server did not agree to staple; this client refused it, as Firefox does"
                : $"the server's certificate demands the TLS extension {feature} (TLS feature, RFC 7633) and the server did not agree to it; this client refused it");
        }
        else if (outcome.AlertRaised is not null)
        {
            Fail(outcome, ProbeFailure.AlertRaised, outcome.FailureDetail ?? "this client could not complete the handshake");
        }
        else
        {
            Fail(outcome, ProbeFailure.AlertRaised, e is TlsFatalAlert fatal
                ? $"this client aborted the handshake with the alert {AlertDescription.GetName(fatal.AlertDescription)}"
                : "this client could not complete the handshake");
        }
    }

    /// <summary>
    /// A reset: the peer hung up. An end of stream counts only when the socket showed it (<see cref="RecordingStream.SawEnd"/>):
    /// BouncyCastle's ASN.1 parser throws EndOfStreamException too, for a truncated structure inside a message.
    /// </summary>
    private static bool ClosedByPeer(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is TlsNoCloseNotifyException or SocketException { SocketErrorCode: SocketError.ConnectionReset }) return true;
        }
        return false;
    }

    private static bool IsTimeout(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (x is SocketException { SocketErrorCode: SocketError.TimedOut or SocketError.WouldBlock }) return true;
        }
        return false;
    }

    /// <summary>Our words for a socket error (the framework's text varies by platform and language).</summary>
    private static string SocketText(SocketError error) => error switch
    {
        SocketError.HostNotFound or SocketError.NoData => "no such host name",
        SocketError.TryAgain => "the name server did not answer (temporary failure)",
        SocketError.TimedOut => "the connection attempt timed out",
        SocketError.NetworkUnreachable => "the network is unreachable",
        SocketError.HostUnreachable => "the host is unreachable",
        SocketError.ConnectionRefused => "connection refused",
        SocketError.AddressNotAvailable => "the address is not available",
        _ => $"socket error {error}",
    };

    private static void Fail(ProbeOutcome outcome, ProbeFailure failure, string? detail)
    {
        outcome.Failure = failure;
        if (detail is not null) outcome.FailureDetail = detail;
    }
}
