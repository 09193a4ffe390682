using CertLint.Model;

namespace CertLint.Inventory;

public enum ChainStatus
{
    /// <summary>A path to a trust anchor exists and every signature verifies.</summary>
    Complete,
    /// <summary>No path to an anchor with what is present (missing intermediate or unknown root).</summary>
    Incomplete,
    /// <summary>A path exists by name but a signature does not verify, or an issuer is not a CA.</summary>
    Invalid,
}

/// <summary>The chain built for one certificate.</summary>
public sealed record ChainResult(
    ChainStatus Status,
    IReadOnlyList<CertificateInfo> Path,
    IReadOnlyList<string> Problems)
{
    /// <summary>Path[0] is the certificate itself; the last element is the anchor when Complete.</summary>
    public CertificateInfo? Root => Status == ChainStatus.Complete && Path.Count > 0 ? Path[^1] : null;
    public int Depth => Path.Count;
}

/// <summary>A file holding several certificates (a fullchain): it must be self-contained and in order.</summary>
public sealed record BundleInfo(
    SourceFile File,
    IReadOnlyList<CertificateInfo> Certificates,
    bool Complete,
    bool Ordered,
    IReadOnlyList<string> Problems);

/// <summary>A key and the certificate with the same public key.</summary>
public sealed record KeyCertPair(KeyInfo Key, CertificateInfo Certificate);

/// <summary>A key and a certificate meant to go together (same stem, same PEM or PKCS#12) whose public keys differ.</summary>
public sealed record KeyMismatch(KeyInfo Key, CertificateInfo Certificate, string Reason);
