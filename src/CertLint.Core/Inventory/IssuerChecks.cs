using CertLint.Inventory.Paths;
using CertLint.Inventory.Signatures;
using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>What must hold for one certificate to issue another, whatever the rest of the path.</summary>
internal static class IssuerChecks
{
    /// <summary>The signature of <paramref name="child"/> by <paramref name="issuer"/>'s key, as a problem, or null when it verifies.</summary>
    public static PathProblem? SignatureProblem(CertificateInfo child, CertificateInfo issuer, SignatureCheck signature) => signature.Status switch
    {
        SignatureStatus.Invalid => new PathProblem(PathCheck.Signature, 0, child,
            $"signature of {child.Name} does not verify with the key of issuer {issuer.Name} ({signature.Reason})"),
        SignatureStatus.Unverifiable => new PathProblem(PathCheck.Signature, 0, child, $"unverifiable signature on {child.Name}: {signature.Reason}"),
        _ => null,
    };

    /// <summary>
    /// basicConstraints cA and keyUsage keyCertSign of an issuer (RFC 5280 §6.1.4 (k), (n)). A version 1 certificate
    /// without extensions is accepted here: it may be a trust anchor, which §6.1 trusts as given; as an intermediate
    /// the path validator rejects it.
    /// </summary>
    public static IEnumerable<PathProblem> MaySign(CertificateInfo issuer, int position)
    {
        if (issuer.Version < 3 && issuer.Extensions.Count == 0) yield break;
        if (!issuer.IsCa)
        {
            var why = issuer.BasicConstraints is null ? "no basicConstraints" : "basicConstraints cA is not TRUE";
            yield return new PathProblem(PathCheck.IssuerNotCa, position, issuer, $"issuer {issuer.Name} is not a CA ({why})");
        }
        if (issuer.KeyUsage is { } usage && !usage.HasFlag(KeyUsageFlags.KeyCertSign))
        {
            yield return new PathProblem(PathCheck.IssuerNotCa, position, issuer, $"issuer {issuer.Name} keyUsage lacks keyCertSign");
        }
    }
}
