namespace CertLint.Endpoints;

/// <summary>
/// What one TLS handshake showed, as plain facts (the `tls.*` fields of an endpoint subject). A TLS host fills it from
/// its probe; Core adds what only the lint knows (<see cref="IntermediatesNotSent"/>, <see cref="CredentialsFaulty"/>).
/// No judgement here: whether a fact is a problem, and how it is worded, is the tls-* rules' YAML.
/// </summary>
public sealed record HandshakeFacts
{
    /// <summary>A connection was tried (false: the credentials could not even be loaded to try one).</summary>
    public bool Attempted { get; init; }
    /// <summary>host:port.</summary>
    public required string Endpoint { get; init; }
    /// <summary>The name sent in SNI, if any.</summary>
    public string? ServerName { get; init; }
    public bool Connected { get; init; }
    /// <summary>
    /// How the connection ended when it failed: dnsFailure, connectionRefused, connectTimeout, connectError, handshakeTimeout,
    /// notTls, closedByServer, alertReceived, alertRaised, closedAfterHandshake, tlsFeatureMissing (this client refused a
    /// certificate whose TLS feature extension, RFC 7633, the server did not honour); "none" when it did not.
    /// </summary>
    public string Failure { get; init; } = "none";
    /// <summary>The failure happened after the handshake messages completed (a TLS 1.3 post-handshake verdict).</summary>
    public bool FailedAfterHandshake { get; init; }
    /// <summary>The failure told as a sentence (socket error, what the peer sent, the alert with its usual cause and fix).</summary>
    public string? Error { get; init; }
    public bool HandshakeCompleted { get; init; }
    /// <summary>The handshake completed and the server did not reject us afterwards.</summary>
    public bool Established { get; init; }
    /// <summary>The negotiated protocol: "SSL 3.0", "TLS 1.0" ... "TLS 1.3".</summary>
    public string? Version { get; init; }
    public string? Cipher { get; init; }
    /// <summary>The key exchange is ephemeral (ECDHE/DHE; always in TLS 1.3); null before it is known.</summary>
    public bool? ForwardSecret { get; init; }
    /// <summary>--probe-versions: legacy versions the server accepted when a client offered one alone.</summary>
    public IReadOnlyList<string> LegacyVersionsAccepted { get; init; } = [];
    /// <summary>Set by Core from the staple: good, revoked, unknown or invalid; null when none was stapled.</summary>
    public string? OcspStatus { get; init; }
    public string? OcspSummary { get; init; }
    /// <summary>Set by Core: the staple's thisUpdate and nextUpdate for the leaf (null when it has none or is invalid).</summary>
    public DateTimeOffset? OcspThisUpdate { get; init; }
    public DateTimeOffset? OcspNextUpdate { get; init; }
    /// <summary>Set by Core: the staple's signature verifies for the leaf's issuer (RFC 6960 §4.2.2.2); null: the issuer is unknown or the staple invalid.</summary>
    public bool? OcspSignatureValid { get; init; }
    /// <summary>Subjects of the certificates the server sent, leaf first.</summary>
    public IReadOnlyList<string> PeerSubjects { get; init; } = [];
    public bool ClientCertificateRequested { get; init; }
    /// <summary>The certificate_authorities of the CertificateRequest, as RFC 4514 text.</summary>
    public IReadOnlyList<string> AcceptedCas { get; init; } = [];
    /// <summary>A client credential was given.</summary>
    public bool ClientCertificateGiven { get; init; }
    /// <summary>The client credential given could be loaded (certificate and key belong together).</summary>
    public bool ClientCertificateUsable { get; init; }
    public bool ClientCertificateSent { get; init; }
    /// <summary>Why a requested client certificate could not be sent.</summary>
    public string? ClientCertificateProblem { get; init; }
    public string? ClientSubject { get; init; }
    public string? ClientIssuer { get; init; }
    /// <summary>A name of our client chain (the leaf's issuer, a chain certificate) is one the server listed; null: it listed none.</summary>
    public bool? ClientIssuerListed { get; init; }
    /// <summary>Sent and then: accepted (the session stands) or refused (a certificate alert, or a close right after); null: unknown.</summary>
    public bool? ClientCertificateAccepted { get; init; }
    /// <summary>The server asked for a client certificate, none was sent, and it ended the connection (alert or close).</summary>
    public bool ClientCertificateRequired { get; init; }
    /// <summary>The fatal alert the server sent: label "name (code)", its name, code, usual cause and fix.</summary>
    public string? Alert { get; init; }
    public string? AlertName { get; init; }
    public int? AlertCode { get; init; }
    public string? AlertCause { get; init; }
    public string? AlertFix { get; init; }
    /// <summary>The alert speaks about the client's certificate (bad_certificate, unknown_ca, ...).</summary>
    public bool AlertAboutCertificate { get; init; }
    /// <summary>Credentials that could not be used ("server credential: ...", "client credential: ...").</summary>
    public IReadOnlyList<string> CredentialProblems { get; init; } = [];
    /// <summary>Self-test: why our own server refused the client (empty when it accepted or did not judge).</summary>
    public IReadOnlyList<string> ServerReasons { get; init; } = [];

    /// <summary>Set by Core: intermediates of the server's path it did not send ("CN=... (found in FILE)").</summary>
    public IReadOnlyList<string> IntermediatesNotSent { get; init; } = [];
    /// <summary>Set by Core: the leaf the server sent carries the TLS feature status_request (RFC 7633 "must-staple").</summary>
    public bool LeafMustStaple { get; init; }
    /// <summary>Set by Core: the lint reports an error on our own credential files, which then is the finding.</summary>
    public bool CredentialsFaulty { get; init; }
}
