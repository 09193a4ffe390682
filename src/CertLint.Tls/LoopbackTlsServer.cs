using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using CertLint.Model;

namespace CertLint.Tls;

/// <summary>Whether the server asks for a client certificate.</summary>
public enum ClientCertificateMode
{
    None,
    Required,
}

/// <summary>The server side's judgement of a client: accepted, or the reasons it refused.</summary>
public sealed record ServerVerdict(bool Accepted, IReadOnlyList<string> Reasons);

/// <summary>How the loopback server presents itself and judges clients.</summary>
public sealed class LoopbackServerOptions
{
    /// <summary>The server leaf, with its private key.</summary>
    public required X509Certificate2 Certificate { get; init; }
    /// <summary>Intermediates to send after the leaf (none: the server sends only its leaf).</summary>
    public X509Certificate2Collection Chain { get; init; } = [];
    public ClientCertificateMode ClientCertificates { get; init; } = ClientCertificateMode.Required;
    /// <summary>CA certificates that client certificates must chain to; their names go in the CertificateRequest.</summary>
    public X509Certificate2Collection ClientTrust { get; init; } = [];
    public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// A TLS server on 127.0.0.1 (SslStream on a TcpListener, a free port) for the self-test and the tests: it requires
/// client certificates, judges them against the client CA file as real servers do, and records its verdict
/// so the self-test can say why the server side refused.
/// </summary>
public sealed class LoopbackTlsServer : IAsyncDisposable
{
    private readonly LoopbackServerOptions _options;
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly SslStreamCertificateContext _context;
    private readonly Task _loop;

    private LoopbackTlsServer(LoopbackServerOptions options)
    {
        _options = options;
        var trust = options.ClientCertificates == ClientCertificateMode.Required && options.ClientTrust.Count > 0
            ? SslCertificateTrust.CreateForX509Collection(options.ClientTrust, sendTrustInHandshake: true)
            : null;
        _context = SslStreamCertificateContext.Create(options.Certificate, options.Chain, offline: true, trust);
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public static LoopbackTlsServer Start(LoopbackServerOptions options) => new(options);

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private readonly TaskCompletionSource<ServerVerdict> _firstVerdict = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How the server judged the first client that connected, once its handshake has ended.</summary>
    public Task<ServerVerdict> FirstVerdict => _firstVerdict.Task;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        timeout.CancelAfter(_options.Timeout);
        var rejection = new List<string>();
        await using var ssl = new SslStream(client.GetStream(), leaveInnerStreamOpen: false);
        try
        {
            await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
            {
                ServerCertificateContext = _context,
                ClientCertificateRequired = _options.ClientCertificates == ClientCertificateMode.Required,
                EnabledSslProtocols = _options.Protocols,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                CertificateChainPolicy = ClientPolicy(_options.ClientTrust, _options.Time),
                RemoteCertificateValidationCallback = (_, certificate, chain, errors) => JudgeClient(certificate, chain, errors, rejection),
            }, timeout.Token).ConfigureAwait(false);
            _firstVerdict.TrySetResult(new ServerVerdict(true, []));
            // Hold the connection until the client is done or the time-out: a TLS 1.3 client reads for our verdict.
            var buffer = new byte[256];
            while (await ssl.ReadAsync(buffer, timeout.Token).ConfigureAwait(false) > 0) { }
        }
        catch (Exception e) when (e is AuthenticationException or IOException or OperationCanceledException or ObjectDisposedException)
        {
            _firstVerdict.TrySetResult(new ServerVerdict(false, rejection.Count > 0 ? rejection : [Reason(e)]));
        }
    }

    /// <summary>
    /// Judges the client as a server configured with a CA file does (OpenSSL's -CAfile, nginx's ssl_client_certificate):
    /// the roots in it are trusted, the intermediates in it complete chains, the leaf must allow clientAuth.
    /// The reasons are CertLint's own words for the chain status, never the platform's text.
    /// </summary>
    private bool JudgeClient(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors, List<string> rejection)
    {
        if (_options.ClientCertificates == ClientCertificateMode.None) return true;
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            rejection.Add("the client sent no certificate");
            return false;
        }
        if (errors == SslPolicyErrors.None) return true;
        var flags = chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (a, s) => a | s.Status) ?? X509ChainStatusFlags.NoError;
        rejection.AddRange(ChainReasons.Describe(flags));
        if (rejection.Count == 0) rejection.Add("the client's certificate chain did not validate");
        return false;
    }

    private static string Reason(Exception e) => e switch
    {
        OperationCanceledException => "the client did not finish the handshake in time",
        AuthenticationException => "the handshake failed before the client certificate was judged",
        _ => "the client closed the connection during the handshake",
    };

    /// <summary>The chain policy of a server whose CA file is <paramref name="trust"/>.</summary>
    private static X509ChainPolicy ClientPolicy(X509Certificate2Collection trust, TimeProvider time)
    {
        var policy = new X509ChainPolicy
        {
            TrustMode = X509ChainTrustMode.CustomRootTrust,
            RevocationMode = X509RevocationMode.NoCheck,
            DisableCertificateDownloads = true,
            VerificationTime = time.GetUtcNow().UtcDateTime,
        };
        policy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(Oids.ClientAuth));
        foreach (var c in trust)
        {
            if (c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData)) policy.CustomTrustStore.Add(c);
            else policy.ExtraStore.Add(c);
        }
        return policy;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
        _listener.Dispose();
        _stop.Dispose();
    }
}
