using CertLint.Inventory.Signatures;
using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// The certificate whose key signed another, found by name and signature alone: a certificate of the scan or a trust
/// anchor whose subject equals the certificate's issuer name and whose public key verifies its signature, key
/// identifiers ignored. Path building uses the AKI to choose issuers, so the chosen path cannot show a wrong AKI; this
/// can (rule aki-not-issuer-ski). Every signature check goes through the inventory's verifier and its cache.
/// </summary>
internal sealed class SignerFinder(IssuerIndex index, SignatureVerifier verifier)
{
    /// <summary>The signer of <paramref name="cert"/>: itself when self-signed, else the chosen path's issuer when its key verifies, else the first certificate of that name whose key does; null when none does.</summary>
    public CertificateInfo? SignerOf(CertificateInfo cert, CertificateInventory inventory)
    {
        if (inventory.SelfSigned.Contains(cert)) return cert;
        if (inventory.ChainOf(cert) is { Path.Count: > 1 } chain && verifier.Check(cert, chain.Path[1]).IsValid) return chain.Path[1];
        // Bounded like the path search's candidates: look-alike CAs would make every pair of them a signature check.
        var checks = 0;
        foreach (var candidate in index.Named(cert.Issuer))
        {
            if (candidate.Sha256 == cert.Sha256) continue;
            if (++checks > ChainBuilder.MaxCandidatesPerCertificate) break;
            if (verifier.Check(cert, candidate).IsValid) return candidate;
        }
        return null;
    }
}
