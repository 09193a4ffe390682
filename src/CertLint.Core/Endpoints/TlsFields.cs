using CertLint.Endpoints;
using CertLint.Findings;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// Fields of an endpoint subject: the facts one observed TLS handshake showed (<see cref="HandshakeFacts"/>), so that
/// every tls-* rule is a plain YAML check. The certificates the server sent are not here: they are certificate
/// subjects of their own, judged by the ordinary certificate rules.
/// </summary>
internal static class TlsFields
{
    private static readonly IReadOnlySet<SubjectKind> EndpointKind = new HashSet<SubjectKind> { SubjectKind.Endpoint };

    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Field("tls.attempted", T.Boolean, "A connection was tried (false: the credentials could not be loaded to try one)", h => h.Attempted);
        yield return Field("tls.endpoint", T.String, "host:port", h => h.Endpoint);
        yield return Field("tls.serverName", T.String, "The name sent in SNI", h => h.ServerName);
        yield return Field("tls.connected", T.Boolean, "A TCP connection was made", h => h.Connected);
        yield return Field("tls.failure", T.String,
            "How the connection ended when it failed: none, dnsFailure, connectionRefused, connectTimeout, connectError, handshakeTimeout, notTls, closedByServer, alertReceived, alertRaised, closedAfterHandshake, tlsFeatureMissing (this client refused a certificate whose TLS feature extension the server did not honour)",
            h => h.Failure);
        yield return Field("tls.failure.afterHandshake", T.Boolean, "The failure came after the handshake messages (a TLS 1.3 post-handshake verdict)", h => h.FailedAfterHandshake);
        yield return Field("tls.error", T.String, "The failure told as a sentence (socket error, what the peer sent, the alert with its usual cause and fix); absent without failure", h => h.Error);
        yield return Field("tls.handshake.completed", T.Boolean, "The handshake messages completed", h => h.HandshakeCompleted);
        yield return Field("tls.established", T.Boolean, "The handshake completed and the server did not reject the client afterwards", h => h.Established);
        yield return Field("tls.version", T.String, "Negotiated protocol: SSL 3.0, TLS 1.0, TLS 1.1, TLS 1.2 or TLS 1.3", h => h.Version);
        yield return Field("tls.cipher", T.String, "Negotiated cipher suite (IANA name)", h => h.Cipher);
        yield return Field("tls.forwardSecret", T.Boolean, "The key exchange is ephemeral (ECDHE/DHE; always in TLS 1.3)", h => h.ForwardSecret);
        yield return Field("tls.legacyVersionsAccepted", T.List, "--probe-versions: legacy versions (TLS 1.0, TLS 1.1) the server accepted when offered alone", h => h.LegacyVersionsAccepted);
        yield return Field("tls.ocsp.stapled", T.Boolean, "The server stapled an OCSP response", h => h.OcspStatus is not null);
        yield return Field("tls.ocsp.status", T.String, "The stapled OCSP response about the server's certificate: good, revoked, unknown or invalid", h => h.OcspStatus);
        yield return Field("tls.peer.mustStaple", T.Boolean, "The leaf the server sent carries the TLS feature status_request (RFC 7633 \"must-staple\")", h => h.LeafMustStaple);
        yield return Field("tls.ocsp.thisUpdate", T.Date, "The stapled response's thisUpdate for the server's certificate", h => h.OcspThisUpdate);
        yield return Field("tls.ocsp.nextUpdate", T.Date, "The stapled response's nextUpdate for the server's certificate (absent when it gives none)", h => h.OcspNextUpdate);
        yield return Field("tls.ocsp.signatureValid", T.Boolean,
            "The stapled response is signed by the server certificate's issuer or by a responder certificate it issued for id-kp-OCSPSigning (RFC 6960 §4.2.2.2); absent when the issuer is unknown or the response is invalid",
            h => h.OcspSignatureValid);
        yield return Field("tls.ocsp.summary", T.String, "The stapled OCSP response in words (status, revocation time, thisUpdate and nextUpdate, whether its signature verified)", h => h.OcspSummary);
        yield return Field("tls.peer.count", T.Integer, "Certificates the server sent", h => (long)h.PeerSubjects.Count);
        yield return Field("tls.peer.subjects", T.List, "Subjects of the certificates the server sent, leaf first", h => h.PeerSubjects);
        yield return Field("tls.peer.chain", T.String, "The chain the server sent as text: leaf <- issuer <- ...", h => string.Join(" <- ", h.PeerSubjects));
        yield return Field("tls.clientCertificate.requested", T.Boolean, "The server asked for a client certificate", h => h.ClientCertificateRequested);
        yield return Field("tls.acceptedCas", T.List, "The CA names the server listed in its certificate request (RFC 4514 text)", h => h.AcceptedCas);
        yield return Field("tls.clientCertificate.given", T.Boolean, "A client credential was given", h => h.ClientCertificateGiven);
        yield return Field("tls.clientCertificate.usable", T.Boolean, "The client credential given could be loaded (its key belongs to its certificate)", h => h.ClientCertificateUsable);
        yield return Field("tls.clientCertificate.sent", T.Boolean, "The client certificate was sent", h => h.ClientCertificateSent);
        yield return Field("tls.clientCertificate.problem", T.String, "Why a requested client certificate could not be sent", h => h.ClientCertificateProblem);
        yield return Field("tls.clientCertificate.subject", T.String, "Subject of the client certificate given", h => h.ClientSubject);
        yield return Field("tls.clientCertificate.issuer", T.String, "Issuer of the client certificate given", h => h.ClientIssuer);
        yield return Field("tls.clientCertificate.issuerListed", T.Boolean,
            "A name of the client's chain (the leaf's issuer, a chain certificate) is among the CA names the server listed; absent when it listed none", h => h.ClientIssuerListed);
        yield return Field("tls.clientCertificate.accepted", T.Boolean,
            "The client certificate was sent and the server accepted it (true) or refused it with a certificate alert or a close right after the handshake (false); absent otherwise", h => h.ClientCertificateAccepted);
        yield return Field("tls.clientCertificate.required", T.Boolean,
            "The server asked for a client certificate, none was sent, and it ended the connection", h => h.ClientCertificateRequired);
        yield return Field("tls.alert", T.String, "The fatal alert the server sent, as 'name (code)'", h => h.Alert);
        yield return Field("tls.alert.name", T.String, "The alert's name (RFC 8446 §6)", h => h.AlertName);
        yield return Field("tls.alert.code", T.Integer, "The alert's code", h => h.AlertCode is { } c ? (long)c : null);
        yield return Field("tls.alert.cause", T.String, "What the alert usually means here", h => h.AlertCause);
        yield return Field("tls.alert.fix", T.String, "What usually fixes it", h => h.AlertFix);
        yield return Field("tls.alert.aboutCertificate", T.Boolean, "The alert speaks about the client's certificate (bad_certificate, unknown_ca, certificate_expired, ...)", h => h.AlertAboutCertificate);
        yield return Field("tls.credentials.problems", T.List, "Credentials that could not be used, each with its role and reason", h => h.CredentialProblems);
        yield return Field("tls.credentials.faulty", T.Boolean,
            "The lint reports an error on the credential files themselves (then that finding is the one that counts)", h => h.CredentialsFaulty);
        yield return Field("tls.server.reasons", T.List, "Self-test: why our own server refused the client", h => h.ServerReasons);
        yield return Field("tls.intermediatesNotSent", T.List,
            "Intermediates of the server's path that it did not send (found in a --ca file), each with that file", h => h.IntermediatesNotSent);
    }

    private static FieldDefinition Field(string path, T type, string description, Func<HandshakeFacts, object?> get) =>
        new(path, type, EndpointKind, description, (s, _) => s.Handshake is { } h ? get(h) : null);
}
