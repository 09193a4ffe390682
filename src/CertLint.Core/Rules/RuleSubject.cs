using CertLint.Findings;
using CertLint.Model;

namespace CertLint.Rules;

/// <summary>
/// One object a rule is evaluated against. Exactly one of Certificate / Key / Keystore / Handshake / Usage / Crl is set, or none for a File subject.
/// </summary>
public sealed class RuleSubject
{
    public required CheckedObject Object { get; init; }
    public required ParsedFile File { get; init; }
    public CertificateInfo? Certificate { get; init; }
    public KeyInfo? Key { get; init; }
    public KeystoreInfo? Keystore { get; init; }
    /// <summary>For an Endpoint subject: what the TLS handshake showed (the tls.* fields).</summary>
    public Endpoints.HandshakeFacts? Handshake { get; init; }
    /// <summary>For a Usage subject: the server or client a configuration describes, its references resolved.</summary>
    public Usage.TlsUsage? Usage { get; init; }
    /// <summary>For a Crl subject: the CRL (its profile facts decoded lazily from its DER).</summary>
    public CrlInfo? Crl { get; init; }
    public SubjectKind Kind => Object.Kind;
}

/// <summary>
/// A violation reported by a check: an optional more precise location (e.g. a PEM block's lines, a parse issue's line)
/// and values for the rule's message template (e.g. {{daysRemaining}}), and other places the same defect shows.
/// </summary>
public sealed record Violation(
    IReadOnlyDictionary<string, object?> Values,
    SourceLocation? Location = null,
    string? Message = null,
    IReadOnlyList<RelatedLocation>? Related = null);
