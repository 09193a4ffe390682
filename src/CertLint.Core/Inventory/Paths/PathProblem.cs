using CertLint.Model;

namespace CertLint.Inventory.Paths;

/// <summary>The step of path validation that failed; each has its own rule (see docs/chains.md).</summary>
public enum PathCheck
{
    /// <summary>A signature does not verify with the issuer's key, or cannot be verified (chain-invalid).</summary>
    Signature,
    /// <summary>An issuer is outside its validity period (chain-invalid; the path's own first certificate has cert-expired).</summary>
    Validity,
    /// <summary>A duplicated or undecodable extension (chain-invalid).</summary>
    Malformed,
    /// <summary>An issuer is not a CA: basicConstraints cA not TRUE, or keyUsage without keyCertSign (issuer-not-ca).</summary>
    IssuerNotCa,
    /// <summary>pathLenConstraint exceeded (path-length-exceeded).</summary>
    PathLength,
    /// <summary>A name outside the permitted or inside the excluded subtrees, or uncheckable constraints (name-constraints-violated).</summary>
    NameConstraints,
    /// <summary>A critical extension CertLint does not process (unknown-critical-extension).</summary>
    UnknownCriticalExtension,
    /// <summary>Revoked by a CRL (cert-revoked).</summary>
    Revoked,
    /// <summary>The path's PKI publishes CRLs but none usable and current covers the certificate (revocation-unknown).</summary>
    RevocationUnknown,
    /// <summary>No acceptable certificate policy (policy-not-satisfied).</summary>
    Policy,
    /// <summary>An issuer's extendedKeyUsage excludes the purpose of the path's first certificate (eku-server-auth / eku-client-auth).</summary>
    Eku,
    /// <summary>More intermediates than the maximum depth (chain-too-deep).</summary>
    Depth,
}

/// <summary>One failed check: which certificate of the path (0 = the path's first), and what, in words.</summary>
public sealed record PathProblem(PathCheck Check, int Position, CertificateInfo Certificate, string Message)
{
    /// <summary>The rule-facing name of a check (the `checks` values of the chain-valid primitive).</summary>
    public static string Name(PathCheck check) => check switch
    {
        PathCheck.IssuerNotCa => "issuer-not-ca",
        PathCheck.PathLength => "path-length",
        PathCheck.NameConstraints => "name-constraints",
        PathCheck.UnknownCriticalExtension => "unknown-critical-extension",
        PathCheck.Revoked => "revocation",
        PathCheck.RevocationUnknown => "revocation-status",
        PathCheck.Policy => "policy",
        PathCheck.Eku => "eku",
        PathCheck.Depth => "depth",
        PathCheck.Validity => "validity",
        PathCheck.Malformed => "malformed",
        _ => "signature",
    };
}
