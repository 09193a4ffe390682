namespace CertLint.Model;

/// <summary>
/// The certificates rules are evaluating on this thread, whose <see cref="CertificateInfo.Details"/> live only as long
/// as their evaluation: decoded at most once per subject, then garbage while still young, instead of one copy per
/// certificate kept to the end of the run. Details of any other certificate (the issuer a chain-aware field reads,
/// a report rendering a message later) are kept on that certificate as before: issuers are few and read often.
/// The evaluator works on a block of subjects at a time, rule by rule: each subject has its <see cref="Slot"/>, and the
/// one whose rule runs now is <see cref="Enter"/>ed.
/// </summary>
internal static class DetailsScope
{
    [ThreadStatic] private static Slot? _current;

    /// <summary>One subject's certificate and its details, once decoded.</summary>
    internal sealed class Slot
    {
        public CertificateInfo? Subject;
        public CertificateDetails? Details;

        /// <summary>Opens the slot for one subject (null: a subject that is not a certificate).</summary>
        public void Begin(CertificateInfo? subject)
        {
            Subject = subject;
            Details = null;
        }

        public void End()
        {
            Subject = null;
            Details = null;
        }
    }

    /// <summary>Makes <paramref name="slot"/> the subject of this thread's evaluation (null: none).</summary>
    public static void Enter(Slot? slot) => _current = slot;

    public static CertificateDetails Read(CertificateInfo certificate) =>
        _current is { } slot && ReferenceEquals(certificate, slot.Subject)
            ? slot.Details ??= Parsing.CertificateDetailsParser.ParseSafely(certificate)
            : certificate.KeptDetails;
}
