namespace CertLint.Tls;

/// <summary>How far a probe got, or why it stopped.</summary>
public enum ProbeFailure
{
    None,
    /// <summary>The host name did not resolve.</summary>
    DnsFailure,
    /// <summary>Nothing listens on the port (TCP RST).</summary>
    ConnectionRefused,
    /// <summary>No TCP connection within the time-out.</summary>
    ConnectTimeout,
    /// <summary>Another socket error while connecting (unreachable network...).</summary>
    ConnectError,
    /// <summary>Connected, but no complete TLS answer within the time-out.</summary>
    HandshakeTimeout,
    /// <summary>The peer answered with bytes that are not TLS records.</summary>
    NotTls,
    /// <summary>The server closed the connection during the handshake without an alert.</summary>
    ClosedByServer,
    /// <summary>The server sent a fatal alert (see <see cref="ProbeOutcome.AlertReceived"/>).</summary>
    AlertReceived,
    /// <summary>Our TLS stack aborted the handshake (see <see cref="ProbeOutcome.AlertRaised"/>).</summary>
    AlertRaised,
    /// <summary>The handshake finished but the server closed the connection at once without an alert.</summary>
    ClosedAfterHandshake,
    /// <summary>
    /// Our TLS stack refused the server because its certificate's TLS feature extension (RFC 7633) demands a TLS
    /// extension this client offered and the server did not agree to (status_request: OCSP must-staple).
    /// </summary>
    TlsFeatureMissing,
}

/// <summary>The raw facts one handshake produced; <see cref="HandshakeAnalyzer"/> turns them into findings.</summary>
public sealed class ProbeOutcome
{
    public required string Endpoint { get; init; }
    public ProbeFailure Failure { get; set; }
    /// <summary>Plain text detail of the failure (socket error, local alert reason).</summary>
    public string? FailureDetail { get; set; }
    public bool Connected { get; set; }
    /// <summary>The TLS handshake messages completed (in TLS 1.3 the server may still reject the client afterwards).</summary>
    public bool HandshakeCompleted { get; set; }
    /// <summary>The handshake completed and the server did not reject us afterwards.</summary>
    public bool Established => HandshakeCompleted && Failure == ProbeFailure.None;
    /// <summary>True when the failure happened after the handshake messages (a TLS 1.3 post-handshake verdict).</summary>
    public bool FailedAfterHandshake => HandshakeCompleted && Failure != ProbeFailure.None;
    public string? Protocol { get; set; }
    /// <summary>The version the server chose in its ServerHello (wire number, e.g. 0x0303 for TLS 1.2).</summary>
    public int? NegotiatedVersion { get; set; }
    /// <summary>Whether the negotiated key exchange is ephemeral (ECDHE/DHE; always in TLS 1.3); null before it is known.</summary>
    public bool? ForwardSecret { get; set; }
    /// <summary>--probe-versions: the legacy versions ("TLS 1.0", "TLS 1.1") the server accepted when offered alone.</summary>
    public IReadOnlyList<string> LegacyVersionsAccepted { get; set; } = [];
    /// <summary>The OCSPResponse (DER) the server stapled for its certificate, if any; Core reads and judges it.</summary>
    public byte[]? OcspStaple { get; set; }
    public string? CipherSuite { get; set; }
    /// <summary>The server's certificates as it sent them (DER, leaf first).</summary>
    public IReadOnlyList<byte[]> ServerCertificates { get; set; } = [];
    /// <summary>The TLS extension type the server's certificate demands (RFC 7633) that the server did not agree to.</summary>
    public int? TlsFeatureMissing { get; set; }
    public bool ClientCertificateRequested { get; set; }
    /// <summary>The certificate_authorities of the CertificateRequest (DER Names); empty when the server sent none.</summary>
    public IReadOnlyList<byte[]> AcceptedCaNames { get; set; } = [];
    public bool ClientCertificateSent { get; set; }
    /// <summary>Why a requested client certificate could not be sent (e.g. no common signature algorithm).</summary>
    public string? ClientCertificateProblem { get; set; }
    public short? AlertReceived { get; set; }
    public short? AlertRaised { get; set; }
    /// <summary>The first bytes the peer sent, to name what a non-TLS server is.</summary>
    public byte[] FirstBytes { get; set; } = [];
}
