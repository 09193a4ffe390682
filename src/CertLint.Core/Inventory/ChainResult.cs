using CertLint.Inventory.Paths;
using CertLint.Model;

namespace CertLint.Inventory;

public enum ChainStatus
{
    /// <summary>A path to a trust anchor exists and every signature verifies.</summary>
    Complete,
    /// <summary>No path to an anchor with what is present (missing intermediate or unknown root).</summary>
    Incomplete,
    /// <summary>A path exists but a check of RFC 5280 §6 on it fails (see <see cref="ChainResult.Failures"/>).</summary>
    Invalid,
}

/// <summary>
/// The path chosen for one certificate: a valid path to a trust anchor when one exists, else the best failed one.
/// This is the path rules see (issuer on the path = Path[1]); <see cref="Failures"/> say which step failed where.
/// </summary>
public sealed record ChainResult(
    ChainStatus Status,
    IReadOnlyList<CertificateInfo> Path,
    IReadOnlyList<string> Problems)
{
    /// <summary>The failed checks on the path, in path order from the anchor down (empty when Complete or Incomplete).</summary>
    public IReadOnlyList<PathProblem> Failures { get; init; } = [];

    /// <summary>Candidate issuers the search tried for this certificate (at most 512: docs/chains.md).</summary>
    public int Explored { get; init; }

    /// <summary>
    /// Why the verdict of a chain that is not valid is bounded (look-alike candidate issuers cut at
    /// ChainBuilder.MaxCandidatesPerCertificate, or the search's node limit), or null when the search saw everything.
    /// The chain findings add it to their problems.
    /// </summary>
    public string? Bound { get; init; }

    /// <summary>The problems a chain finding reports: <paramref name="problems"/> and <see cref="Bound"/>, "; "-joined.</summary>
    public string WithBound(string problems) => Bound is null ? problems : $"{problems}; {Bound}";

    /// <summary>The failures of some checks (what one rule reports).</summary>
    public IEnumerable<PathProblem> FailuresOf(IReadOnlySet<PathCheck> checks) => Failures.Where(f => checks.Contains(f.Check));

    /// <summary>The issuer of Path[0] on the chosen path, or null when none was found.</summary>
    public CertificateInfo? Issuer => Path.Count > 1 ? Path[1] : null;

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
