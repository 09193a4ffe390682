using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace CertLint.Handshake.Tests;

/// <summary>
/// One-connection loopback peers that misbehave on purpose: raw TCP writing crafted bytes, or a TLS server (SslStream)
/// that completes the handshake and then misbehaves. The peer stops when the probe hangs up or the test disposes it.
/// </summary>
internal sealed class HostilePeer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serve;

    private HostilePeer(Func<NetworkStream, CancellationToken, Task> behave)
    {
        _listener.Start();
        _serve = Task.Run(async () =>
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            try
            {
                await behave(client.GetStream(), _stop.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException or OperationCanceledException or AuthenticationException)
            {
                // The probe hung up or the test ended: what the peer wanted to do next no longer matters.
            }
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>A raw TCP peer: <paramref name="behave"/> gets the connection's stream.</summary>
    public static HostilePeer Raw(Func<NetworkStream, CancellationToken, Task> behave) => new(behave);

    /// <summary>
    /// A TLS server (SslStream, <paramref name="certificate"/> with its key, asking for any client certificate) that
    /// completes the handshake and then runs <paramref name="after"/> with the TLS stream and the raw connection.
    /// </summary>
    public static HostilePeer Tls(X509Certificate2 certificate, X509Certificate2Collection chain, Func<SslStream, NetworkStream, CancellationToken, Task> after) =>
        new(async (network, token) =>
        {
            await using var tls = new SslStream(network, leaveInnerStreamOpen: true);
            await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = SslStreamCertificateContext.Create(certificate, chain, offline: true),
                ClientCertificateRequired = true,
                RemoteCertificateValidationCallback = (_, presented, _, _) => presented is not null,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            }, token);
            await after(tls, network, token);
        });

    /// <summary>Reads what the client sent first (its ClientHello), at most one buffer, without waiting for more.</summary>
    public static async Task ReadClientHello(NetworkStream stream, CancellationToken token) => _ = await stream.ReadAsync(new byte[16 * 1024], token);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _serve.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}
