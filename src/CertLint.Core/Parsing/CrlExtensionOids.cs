namespace CertLint.Parsing;

/// <summary>
/// The CRL and CRL entry extensions RFC 5280 defines (§5.2, §5.3): the one list both the revocation reader
/// (<see cref="CrlParser"/>: which critical extensions make a CRL unusable) and the profile fields
/// (`extensions.unknownCritical`) judge by.
/// </summary>
/// <remarks>
/// RFC 5280 §5.2 and §5.3: a relying party MUST NOT use a CRL with a critical extension or entry extension it cannot
/// process. CertLint processes each extension listed here, so marking one critical (against the profile, which the
/// crl-*-critical rules report) does not make the CRL unusable: authorityKeyIdentifier is matched with the issuer's
/// subjectKeyIdentifier, cRLNumber and deltaCRLIndicator pair a delta with its base, issuingDistributionPoint sets
/// the scope (§6.3.3 (b)(2)), certificateIssuer assigns entries to issuers, reasonCode and invalidityDate are read.
/// issuerAltName (§5.2.2) only adds names for the issuer, which CertLint identifies by the issuer field and the
/// signature; freshestCRL (§5.2.6) and authorityInfoAccess (§5.2.7) only point to other objects (a delta CRL, the
/// issuer's certificate), which CertLint looks for among the scanned files. None of the three narrows what the CRL
/// says, so processing them means reading them.
/// </remarks>
internal static class CrlExtensionOids
{
    public const string AuthorityKeyIdentifier = "2.5.29.35", IssuerAltName = "2.5.29.18", CrlNumber = "2.5.29.20";
    public const string DeltaCrlIndicator = "2.5.29.27", IssuingDistributionPoint = "2.5.29.28", FreshestCrl = "2.5.29.46";
    public const string AuthorityInfoAccess = "1.3.6.1.5.5.7.1.1";
    public const string ReasonCode = "2.5.29.21", InvalidityDate = "2.5.29.24", CertificateIssuer = "2.5.29.29";

    /// <summary>The CRL extensions of RFC 5280 §5.2.1–§5.2.7.</summary>
    public static readonly IReadOnlySet<string> Crl = new HashSet<string>(StringComparer.Ordinal)
    {
        AuthorityKeyIdentifier, IssuerAltName, CrlNumber, DeltaCrlIndicator, IssuingDistributionPoint, FreshestCrl, AuthorityInfoAccess,
    };

    /// <summary>The CRL entry extensions of RFC 5280 §5.3.1–§5.3.3.</summary>
    public static readonly IReadOnlySet<string> Entry = new HashSet<string>(StringComparer.Ordinal) { ReasonCode, InvalidityDate, CertificateIssuer };
}
