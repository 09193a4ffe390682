namespace CertLint.Rules;

/// <summary>
/// Names (not ids: a rule's id lives in its YAML only) of the built-in rules the handshake and report code reports
/// or looks up; <see cref="Loading.RuleLoader.IdOf"/> gives the id. A test checks that each names a loaded rule.
/// </summary>
public static class BuiltInRules
{
    public const string ParseError = "parse-error";
    public const string ChainIncomplete = "chain-incomplete";
    public const string ChainInvalid = "chain-invalid";
    public const string TlsSession = "tls-session";
    public const string TlsConnectFailed = "tls-connect-failed";
    public const string TlsHandshakeFailed = "tls-handshake-failed";
    public const string ServerChainIncomplete = "tls-server-chain-incomplete";
    public const string ClientCertNotRequested = "tls-client-cert-not-requested";
    public const string ClientCaNotAccepted = "tls-client-ca-not-accepted";
    public const string ClientCertRejected = "tls-client-cert-rejected";
    public const string ClientCertRequired = "tls-client-cert-required";
    public const string ClientCertUnusable = "tls-client-cert-unusable";
    public const string TlsProtocolObsolete = "tls-protocol-obsolete";
    public const string TlsNoForwardSecrecy = "tls-no-forward-secrecy";
    public const string TlsLegacyVersionAccepted = "tls-legacy-version-accepted";
    public const string TlsOcspRevoked = "tls-ocsp-revoked";
    public const string TlsOcspStapled = "tls-ocsp-stapled";

    /// <summary>The rules an observed handshake reports (kind endpoint).</summary>
    public static readonly IReadOnlyList<string> Handshake =
    [
        TlsSession, TlsConnectFailed, TlsHandshakeFailed, ServerChainIncomplete, ClientCertNotRequested, ClientCaNotAccepted,
        ClientCertRejected, ClientCertRequired, ClientCertUnusable, TlsProtocolObsolete, TlsNoForwardSecrecy,
        TlsLegacyVersionAccepted, TlsOcspRevoked, TlsOcspStapled,
    ];
}
