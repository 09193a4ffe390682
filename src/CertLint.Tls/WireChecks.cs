using CertLint.Endpoints;
using CertLint.Rules;

namespace CertLint.Tls;

/// <summary>
/// What the negotiated session says about the endpoint's TLS configuration: the protocol version (below TLS 1.2 is an
/// error, RFC 8996), forward secrecy in TLS 1.2 (a static RSA key exchange lets whoever gets the server key later read
/// recorded traffic), and the OCSP response the server stapled.
/// </summary>
internal static class WireChecks
{
    public static IEnumerable<HandshakeObservation> Check(ProbeOutcome outcome)
    {
        if (outcome.NegotiatedVersion is { } version && version < ProtocolVersions.Tls12)
        {
            yield return new(BuiltInRules.TlsProtocolObsolete,
                $"{outcome.Endpoint} negotiated {outcome.Protocol}: TLS 1.0 and 1.1 are deprecated (RFC 8996); the server offers nothing newer to this client. Fix: enable TLS 1.2 and 1.3 on the server");
        }
        if (outcome.HandshakeCompleted && outcome.NegotiatedVersion is { } v && v < ProtocolVersions.Tls13 && outcome.ForwardSecret == false)
        {
            yield return new(BuiltInRules.TlsNoForwardSecrecy,
                $"{outcome.Endpoint} chose {outcome.CipherSuite} in {outcome.Protocol}: a static RSA key exchange without forward secrecy. Fix: prefer ECDHE (or DHE) cipher suites on the server");
        }
        foreach (var legacy in outcome.LegacyVersionsAccepted)
        {
            yield return new(BuiltInRules.TlsLegacyVersionAccepted,
                $"{outcome.Endpoint} accepts {legacy} when a client asks for it alone (--probe-versions): TLS 1.0 and 1.1 are deprecated (RFC 8996). Fix: set the server's minimum protocol to TLS 1.2");
        }
        if (outcome.OcspStatus is { Revoked: true } ocsp)
        {
            yield return new(BuiltInRules.TlsOcspRevoked, $"{outcome.Endpoint} stapled an OCSP response saying its certificate is revoked ({ocsp.Summary}). Fix: replace the server certificate");
        }
        else if (outcome.OcspStatus is { } stapled)
        {
            yield return new(BuiltInRules.TlsOcspStapled, $"{outcome.Endpoint} staples OCSP: {stapled.Summary}");
        }
    }
}

/// <summary>TLS versions as their wire numbers (0x0301 = TLS 1.0 ... 0x0304 = TLS 1.3), for comparisons.</summary>
internal static class ProtocolVersions
{
    public const int Tls10 = 0x0301;
    public const int Tls11 = 0x0302;
    public const int Tls12 = 0x0303;
    public const int Tls13 = 0x0304;
}
