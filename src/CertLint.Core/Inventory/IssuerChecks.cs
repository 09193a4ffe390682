using CertLint.Inventory.Signatures;
using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>What must hold for one certificate to issue another, in words for ChainResult.Problems.</summary>
internal static class IssuerChecks
{
    /// <summary>A certificate's name for messages: its subject, or its label when the subject is empty.</summary>
    public static string Name(CertificateInfo cert) => cert.Subject.IsEmpty ? cert.Label : cert.Subject.Text;

    /// <summary>Problems with <paramref name="issuer"/> signing <paramref name="child"/> that do not depend on the rest of the path.</summary>
    public static List<string> EdgeProblems(CertificateInfo child, CertificateInfo issuer, SignatureCheck signature, bool issuerIsAnchor)
    {
        var problems = new List<string>();
        switch (signature.Status)
        {
            case SignatureStatus.Invalid:
                problems.Add($"signature of {Name(child)} does not verify with the key of issuer {Name(issuer)} ({signature.Reason})");
                break;
            case SignatureStatus.Unverifiable:
                problems.Add($"unverifiable signature on {Name(child)}: {signature.Reason}");
                break;
        }
        // A version 1 trust anchor has no extensions at all; RFC 5280 §6.1 trusts it as given.
        if (issuerIsAnchor && issuer.Version < 3 && issuer.Extensions.Count == 0) return problems;
        if (!issuer.IsCa)
        {
            var why = issuer.BasicConstraints is null ? "no basicConstraints" : "basicConstraints cA is not TRUE";
            problems.Add($"issuer {Name(issuer)} is not a CA ({why})");
        }
        if (issuer.KeyUsage is { } usage && !usage.HasFlag(KeyUsageFlags.KeyCertSign))
        {
            problems.Add($"issuer {Name(issuer)} keyUsage lacks keyCertSign");
        }
        return problems;
    }

    /// <summary>pathLenConstraint of every issuer in <paramref name="path"/> (Path[0] the certificate, issuers after it).</summary>
    public static IEnumerable<string> PathLengthProblems(IReadOnlyList<CertificateInfo> path)
    {
        var intermediatesBelow = 0;
        for (var k = 1; k < path.Count; k++)
        {
            if (path[k].BasicConstraints?.PathLength is int max && intermediatesBelow > max)
            {
                yield return $"issuer {Name(path[k])} allows {max} intermediate CA(s) below it (pathLenConstraint) but the chain has {intermediatesBelow}";
            }
            // Self-issued certificates (key rollover) do not count against pathLenConstraint (RFC 5280 §4.2.1.9).
            if (!path[k].IsSelfIssued) intermediatesBelow++;
        }
    }
}
