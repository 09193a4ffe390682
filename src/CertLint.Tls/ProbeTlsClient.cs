using System.Text;
using Org.BouncyCastle.Tls;
using Org.BouncyCastle.Tls.Crypto.Impl.BC;

namespace CertLint.Tls;

/// <summary>
/// BouncyCastle's TLS client, instrumented: it records what the server sent and said. BouncyCastle rather than
/// SslStream because on Linux SslStream never shows the CertificateRequest's certificate_authorities, nor the exact
/// alert a server sent. It does not judge the server itself: it records the chain and lets the handshake go on, so one
/// connection tells both sides' story; <see cref="ServerChainCheck"/> judges the chain afterwards.
/// </summary>
internal sealed class ProbeTlsClient : DefaultTlsClient
{
    private readonly ProbeOptions _options;
    private readonly ProbeOutcome _outcome;

    public ProbeTlsClient(BcTlsCrypto crypto, ProbeOptions options, ProbeOutcome outcome) : base(crypto)
    {
        _options = options;
        _outcome = outcome;
    }

    internal TlsClientContext Context => m_context;

    protected override ProtocolVersion[] GetSupportedVersions() => _options.Version switch
    {
        TlsVersionChoice.Tls12 => ProtocolVersion.TLSv12.Only(),
        TlsVersionChoice.Tls13 => ProtocolVersion.TLSv13.Only(),
        TlsVersionChoice.Tls11 => ProtocolVersion.TLSv11.Only(),
        TlsVersionChoice.Tls10 => ProtocolVersion.TLSv10.Only(),
        // TLS 1.0 and 1.1 are offered too, so that a server with nothing newer is reported rather than unreachable.
        _ => ProtocolVersion.TLSv13.DownTo(ProtocolVersion.TLSv10),
    };

    public override void NotifyServerVersion(ProtocolVersion serverVersion)
    {
        base.NotifyServerVersion(serverVersion);
        _outcome.NegotiatedVersion = serverVersion.FullVersion;
        _outcome.Protocol = serverVersion.Name;
    }

    protected override IList<ServerName>? GetSniServerNames()
    {
        var name = _options.EffectiveServerName;
        return name is null ? null : [new ServerName(NameType.host_name, Encoding.ASCII.GetBytes(name))];
    }

    /// <summary>
    /// Largest handshake message accepted (BouncyCastle's default is 32 KB). Certificate messages of real chains with
    /// big certificates (many SANs, embedded SCTs, long chains) exceed it; 512 KB admits them and still bounds what a
    /// hostile server can make us buffer.
    /// </summary>
    public const int MaxHandshakeMessageBytes = 512 * 1024;

    public override int GetMaxHandshakeMessageSize() => MaxHandshakeMessageBytes;

    public override TlsAuthentication GetAuthentication() => new ProbeAuthentication(this, _options.Client, _outcome);

    public override void NotifyAlertReceived(short alertLevel, short alertDescription)
    {
        if (alertLevel == AlertLevel.fatal || alertDescription != AlertDescription.close_notify) _outcome.AlertReceived ??= alertDescription;
    }

    public override void NotifyAlertRaised(short alertLevel, short alertDescription, string message, Exception cause)
    {
        if (_outcome.HandshakeCompleted) return;
        _outcome.AlertRaised ??= alertDescription;
        // BouncyCastle's message and exception text are not ours to show: the alert's name says what happened, and
        // our own bound on a handshake message gets its own words (a server may send what it likes).
        _outcome.FailureDetail ??= TooLarge(message, cause)
            ? $"the server sent a handshake message larger than CertLint's bound of {MaxHandshakeMessageBytes / 1024} KB; it was not read"
            : $"this client aborted the handshake with the alert {AlertDescription.GetName(alertDescription)}";
    }

    /// <summary>BouncyCastle refused a handshake message above <see cref="GetMaxHandshakeMessageSize"/> (its own words, not shown).</summary>
    private static bool TooLarge(string? message, Exception? cause)
    {
        const string Refusal = "Handshake message length exceeds the maximum";
        if (message?.Contains(Refusal, StringComparison.Ordinal) == true) return true;
        for (var e = cause; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains(Refusal, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    public override void NotifyHandshakeComplete()
    {
        base.NotifyHandshakeComplete();
        var parameters = m_context.SecurityParameters;
        _outcome.HandshakeCompleted = true;
        _outcome.Protocol = parameters.NegotiatedVersion?.Name;
        _outcome.CipherSuite = CipherSuiteName(parameters.CipherSuite);
        _outcome.ForwardSecret = TlsUtilities.IsTlsV13(parameters.NegotiatedVersion) || IsEphemeral(TlsUtilities.GetKeyExchangeAlgorithm(parameters.CipherSuite));
    }

    private static bool IsEphemeral(int keyExchange) => keyExchange is KeyExchangeAlgorithm.DHE_DSS or KeyExchangeAlgorithm.DHE_RSA
        or KeyExchangeAlgorithm.ECDHE_ECDSA or KeyExchangeAlgorithm.ECDHE_RSA or KeyExchangeAlgorithm.DHE_PSK or KeyExchangeAlgorithm.ECDHE_PSK;

    /// <summary>IANA name of a cipher suite, taken from .NET's table of them.</summary>
    internal static string CipherSuiteName(int suite) =>
        Enum.IsDefined(typeof(System.Net.Security.TlsCipherSuite), (ushort)suite)
            ? ((System.Net.Security.TlsCipherSuite)(ushort)suite).ToString()
            : $"0x{suite:X4}";
}
