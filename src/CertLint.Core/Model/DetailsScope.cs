namespace CertLint.Model;

/// <summary>
/// The certificate rules are evaluating on this thread, whose <see cref="CertificateInfo.Details"/> live only as long
/// as its evaluation: decoded at most once per subject, then garbage while still young, instead of one copy per
/// certificate kept to the end of the run. Details of any other certificate (the issuer a chain-aware field reads,
/// a report rendering a message later) are kept on that certificate as before: issuers are few and read often.
/// </summary>
internal static class DetailsScope
{
    [ThreadStatic] private static CertificateInfo? _subject;
    [ThreadStatic] private static CertificateDetails? _details;

    /// <summary>Opens the scope of one subject on this thread (null: a subject that is not a certificate).</summary>
    public static void Begin(CertificateInfo? subject)
    {
        _subject = subject;
        _details = null;
    }

    public static void End()
    {
        _subject = null;
        _details = null;
    }

    public static CertificateDetails Read(CertificateInfo certificate) =>
        ReferenceEquals(certificate, _subject)
            ? _details ??= Parsing.CertificateDetailsParser.ParseSafely(certificate)
            : certificate.KeptDetails;
}
