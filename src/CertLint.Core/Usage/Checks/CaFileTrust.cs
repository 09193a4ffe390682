using CertLint.Model;

namespace CertLint.Usage.Checks;

/// <summary>
/// Whether a CA file a configuration names lets its owner verify a peer's certificate: the one judgement behind
/// mtls-client-ca-mismatch (a server's client CA and the clients' certificates) and peer-ca-mismatch (a client's server
/// CA and the server's certificate).
/// </summary>
internal static class CaFileTrust
{
    /// <summary>
    /// Whether a verifier holding <paramref name="cas"/> can reach a peer's certificate: a certificate on its path (the
    /// peer's own included, as Java trust stores pin one) is in the file (the same certificate, or the same name and key:
    /// a CA reissued or cross-signed), or a certificate of the file issued one on that path (name, and key identifier
    /// where both say).
    /// </summary>
    public static bool Reaches(IReadOnlyList<CertificateInfo> cas, IReadOnlyList<CertificateInfo> path)
    {
        foreach (var cert in path)
        {
            foreach (var ca in cas)
            {
                if (ca.Sha256 == cert.Sha256
                    || (ca.Subject.NormalizedKey == cert.Subject.NormalizedKey && ca.PublicKey.Sha256 == cert.PublicKey.Sha256)) return true;
                if (ca.Subject.NormalizedKey == cert.Issuer.NormalizedKey
                    && (cert.AuthorityKeyIdentifier is null || ca.SubjectKeyIdentifier is null
                        || string.Equals(cert.AuthorityKeyIdentifier, ca.SubjectKeyIdentifier, StringComparison.OrdinalIgnoreCase))) return true;
            }
        }
        return false;
    }
}
