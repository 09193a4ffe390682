using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// One DistributionPoint of a certificate's cRLDistributionPoints (RFC 5280 §4.2.1.13), as revocation compares it with
/// a CRL: its names (fullName URIs as text, other general names and nameRelativeToCRLIssuer as hex, see
/// <see cref="ExtensionDecoder.DistributionPointNames"/>) and its cRLIssuer, both as general names in that hex form and
/// as the directory names a CRL's issuer is matched against.
/// </summary>
internal sealed record CrlDistributionPoint(IReadOnlyList<string> Names, IReadOnlyList<string> CrlIssuerNames, IReadOnlyList<DistinguishedName> CrlIssuers)
{
    /// <summary>The CRL for this point is issued by another authority than the certificate's issuer (an indirect CRL).</summary>
    public bool HasCrlIssuer => CrlIssuerNames.Count > 0;
}
