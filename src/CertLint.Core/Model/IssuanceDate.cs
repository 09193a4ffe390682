namespace CertLint.Model;

/// <summary>
/// When a certificate was issued, for the rules' `effective` dates. That is its notBefore, unless the notBefore is
/// earlier than the X.509 version the certificate is encoded in: version 1 exists since 1988, version 2 since 1993
/// and version 3 (extensions) since 1996. Such a date cannot be the issuance date: a device whose clock was never set
/// (1970-01-01 is common), or backdating, which has been used to slip past a requirement's effective date. Taking it
/// at its word would make every dated requirement not effective and the certificate silently green, so it is judged
/// as of the validation time instead. The fact is written once here; `not-before-predates-format` reports it.
/// </summary>
public static class IssuanceDate
{
    private static readonly DateTimeOffset Version1 = new(1988, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Version2 = new(1993, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Version3 = new(1996, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The first day a certificate of <paramref name="version"/> (1-3; above 3 read as 3) could be issued.</summary>
    public static DateTimeOffset FormatSince(int version) => version switch { <= 1 => Version1, 2 => Version2, _ => Version3 };

    /// <summary>Whether the notBefore can be the issuance date: not earlier than the certificate's format.</summary>
    public static bool NotBeforeCredible(CertificateInfo certificate) => certificate.NotBefore >= FormatSince(certificate.Version);

    /// <summary>The issuance date as UTC ticks: the notBefore, or <paramref name="validationTicks"/> when it is not credible.</summary>
    public static long Ticks(CertificateInfo certificate, long validationTicks) =>
        NotBeforeCredible(certificate) ? certificate.NotBefore.UtcTicks : validationTicks;
}
