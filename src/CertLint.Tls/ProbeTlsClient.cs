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

    /// <summary>
    /// Most certificates read from the server's Certificate message (BouncyCastle's and Java's default, stated here so
    /// the bound is ours): real chains have 2 to 4, and a server that sends hundreds of copies of its issuer (each an
    /// issuer candidate of every other) is refused before anything parses or links them.
    /// </summary>
    public const int MaxCertificateChainLength = 10;

    public override int GetMaxCertificateChainLength() => MaxCertificateChainLength;

    public override TlsAuthentication GetAuthentication() => new ProbeAuthentication(this, _options.Client, _outcome);

    public override void NotifyAlertReceived(short alertLevel, short alertDescription)
    {
        if (alertLevel == AlertLevel.fatal || alertDescription != AlertDescription.close_notify) _outcome.AlertReceived ??= alertDescription;
    }

    private IDictionary<int, byte[]>? _clientExtensions;
    private IDictionary<int, byte[]>? _serverExtensions;

    public override IDictionary<int, byte[]> GetClientExtensions() => _clientExtensions = base.GetClientExtensions();

    public override void ProcessServerExtensions(IDictionary<int, byte[]> serverExtensions)
    {
        _serverExtensions = serverExtensions;
        base.ProcessServerExtensions(serverExtensions);
        // In TLS 1.3 a staple travels in the leaf's CertificateEntry (RFC 8446 §4.4.2.1) and status_request never
        // appears in EncryptedExtensions, but BouncyCastle's TLS feature test looks for it there and would refuse every
        // must-staple server, stapling or not. Mark it agreed so the handshake goes on; whether a staple came is then
        // read from the Certificate message (ProbeAuthentication), and the lint judges it.
        if (TlsUtilities.IsTlsV13(m_context.ServerVersion) && _clientExtensions?.ContainsKey(ExtensionType.status_request) == true
            && !serverExtensions.ContainsKey(ExtensionType.status_request))
        {
            serverExtensions[ExtensionType.status_request] = [];
        }
    }

    public override void NotifyAlertRaised(short alertLevel, short alertDescription, string message, Exception cause)
    {
        if (_outcome.HandshakeCompleted) return;
        if (alertDescription == AlertDescription.certificate_unknown) RecordMissingTlsFeature();
        _outcome.AlertRaised ??= alertDescription;
        // BouncyCastle's message and exception text are not ours to show: the alert's name says what happened, and
        // our own bound on a handshake message gets its own words (a server may send what it likes).
        _outcome.FailureDetail ??= Says(message, cause, "Handshake message length exceeds the maximum")
            ? $"the server sent a handshake message larger than CertLint's bound of {MaxHandshakeMessageBytes / 1024} KB; it was not read"
            : Says(message, cause, "Certificate chain longer than maximum")
            ? $"the server sent more certificates than CertLint's bound of {MaxCertificateChainLength} in one chain; they were not read"
            : Undecodable(alertDescription, cause)
            ? $"the server sent a handshake message that does not decode (a certificate, CA name or OCSP response that is not DER, or nested too deep); this client aborted the handshake with the alert {AlertDescription.GetName(alertDescription)}"
            : $"this client aborted the handshake with the alert {AlertDescription.GetName(alertDescription)}";
    }

    /// <summary>
    /// BouncyCastle refuses, as RFC 7633 asks of a client, a server whose certificate lists a TLS feature the
    /// client offered and the server did not agree to (OCSP must-staple without status_request in the ServerHello).
    /// That refusal says nothing about our chain: record the feature and the certificates, which the lint then judges.
    /// </summary>
    private void RecordMissingTlsFeature()
    {
        if (m_context?.SecurityParameters?.PeerCertificate is not { IsEmpty: false } peer || _clientExtensions is null) return;
        var missing = TlsFeatures(peer.GetCertificateAt(0).GetExtension(TlsObjectIdentifiers.id_pe_tlsfeature))
            .FirstOrDefault(f => _clientExtensions.ContainsKey(f) && _serverExtensions?.ContainsKey(f) != true, -1);
        if (missing < 0) return;
        _outcome.TlsFeatureMissing = missing;
        if (_outcome.ServerCertificates.Count == 0)
        {
            _outcome.ServerCertificates = Enumerable.Range(0, peer.Length).Select(i => peer.GetCertificateAt(i).GetEncoded()).ToList();
        }
    }

    /// <summary>The extension types a TLS feature extension lists (Features ::= SEQUENCE OF INTEGER); none when absent or unreadable.</summary>
    private static List<int> TlsFeatures(byte[]? extension)
    {
        if (extension is null) return [];
        try
        {
            var reader = new System.Formats.Asn1.AsnReader(extension, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
            var features = new List<int>();
            while (reader.HasData && features.Count < 64) features.Add(reader.TryReadInt32(out var f) ? f : -1);
            return features;
        }
        catch (System.Formats.Asn1.AsnContentException)
        {
            return [];
        }
    }

    /// <summary>
    /// BouncyCastle could not parse what the server sent: decode_error, or an ASN.1 parser's failure (a truncated or
    /// over-nested structure ends as an end of stream or an Asn1Exception inside the message, not on the socket).
    /// </summary>
    private static bool Undecodable(short alertDescription, Exception? cause)
    {
        if (alertDescription == AlertDescription.decode_error) return true;
        for (var e = cause; e is not null; e = e.InnerException)
        {
            if (e is Org.BouncyCastle.Asn1.Asn1Exception or EndOfStreamException) return true;
        }
        return false;
    }

    /// <summary>
    /// BouncyCastle refused the server for one of our bounds (<see cref="GetMaxHandshakeMessageSize"/>,
    /// <see cref="GetMaxCertificateChainLength"/>): its own words, recognised, never shown.
    /// </summary>
    private static bool Says(string? message, Exception? cause, string refusal)
    {
        if (message?.Contains(refusal, StringComparison.Ordinal) == true) return true;
        for (var e = cause; e is not null; e = e.InnerException)
        {
            if (e.Message.Contains(refusal, StringComparison.Ordinal)) return true;
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
