using Org.BouncyCastle.Tls;

namespace CertLint.Tls;

/// <summary>A TLS alert explained: its RFC name, what it usually means here, and what to do.</summary>
public sealed record AlertExplanation(short Code, string Name, string Cause, string Fix)
{
    public string Label => $"{Name} ({Code})";
}

/// <summary>Plain-language causes and fixes for the alerts a server sends about a client certificate or handshake.</summary>
public static class AlertCatalog
{
    /// <summary>Alerts that speak about the client's certificate once the server asked for one.</summary>
    public static bool IsAboutCertificate(short code) => code is AlertDescription.bad_certificate or AlertDescription.unsupported_certificate
        or AlertDescription.certificate_revoked or AlertDescription.certificate_expired or AlertDescription.certificate_unknown
        or AlertDescription.unknown_ca or AlertDescription.access_denied or AlertDescription.decrypt_error
        or AlertDescription.certificate_required or AlertDescription.handshake_failure;

    public static AlertExplanation Explain(short code) => code switch
    {
        AlertDescription.handshake_failure => new(code, "handshake_failure",
            "the server refused the handshake: no protocol version, cipher suite or signature algorithm in common, or it rejected (or missed) the client certificate",
            "compare the server's TLS settings with --tls; if it requires a client certificate, pass one with --cert/--key"),
        AlertDescription.bad_certificate => new(code, "bad_certificate",
            "the server could not use the client certificate: malformed, a bad signature, or a key that does not match it",
            "check that the key belongs to the certificate and that the certificate file is intact"),
        AlertDescription.unsupported_certificate => new(code, "unsupported_certificate",
            "the server does not accept this kind of client certificate, typically because its extendedKeyUsage lacks clientAuth (or keyUsage lacks digitalSignature)",
            "re-issue the client certificate with extendedKeyUsage clientAuth and keyUsage digitalSignature"),
        AlertDescription.certificate_revoked => new(code, "certificate_revoked",
            "the server found the client certificate (or its issuer) revoked",
            "issue a new client certificate"),
        AlertDescription.certificate_expired => new(code, "certificate_expired",
            "the server judged the client certificate, or a certificate in its chain, expired or not yet valid",
            "renew the client certificate; if it looks valid, check the clocks of both machines"),
        AlertDescription.certificate_unknown => new(code, "certificate_unknown",
            "the server rejected the client certificate for a reason it did not name",
            "check the server's log for the reason; compare the certificate with what the server requires"),
        AlertDescription.unknown_ca => new(code, "unknown_ca",
            "the server could not chain the client certificate to a CA it trusts: issued by another CA, or the intermediate was not sent",
            "use a client certificate issued by a CA the server trusts (see the accepted CA names), and put the intermediate after the leaf in the --cert file"),
        AlertDescription.access_denied => new(code, "access_denied",
            "the server accepted the certificate as valid but does not authorise this client",
            "ask the server's operators to allow this certificate's subject"),
        AlertDescription.decrypt_error => new(code, "decrypt_error",
            "the server could not verify the client's signature (CertificateVerify): the key probably does not belong to the certificate",
            "pair the certificate with its own private key"),
        AlertDescription.certificate_required => new(code, "certificate_required",
            "the server requires a client certificate and none was sent",
            "pass a client certificate with --cert/--key (or a PKCS#12 with --pkcs12)"),
        AlertDescription.protocol_version => new(code, "protocol_version",
            "the server does not support the TLS version offered",
            "try the other version with --tls, or update the server's TLS settings"),
        AlertDescription.insufficient_security => new(code, "insufficient_security",
            "the server requires stronger cipher suites than offered",
            "update the server's or client's cipher configuration"),
        AlertDescription.unrecognized_name => new(code, "unrecognized_name",
            "the server does not serve the name sent in SNI",
            "set --servername to a name the server is configured for"),
        _ => new(code, AlertDescription.GetName(code), "the server aborted the handshake", "check the server's log for the reason"),
    };
}
