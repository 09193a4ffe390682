using CertLint.Inventory.Paths;
using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// Everything the scan found, cross-referenced: key–certificate pairs, issuer links, chains, bundles and roles.
/// Built once per run by <see cref="InventoryBuilder"/>; rules only read it.
/// </summary>
public sealed class CertificateInventory
{
    public required IReadOnlyList<ParsedFile> Files { get; init; }
    /// <summary>Every certificate from the scanned files and the --ca files, in a deterministic order (path, then position).</summary>
    public required IReadOnlyList<CertificateInfo> Certificates { get; init; }
    public required IReadOnlyList<KeyInfo> Keys { get; init; }
    /// <summary>Trust anchors: --ca / trust.anchors certificates; self-signed CA certificates found in the scan when no anchor file is given or trust.fromScan is true.</summary>
    public required IReadOnlyList<CertificateInfo> Anchors { get; init; }
    public required IReadOnlyList<KeyCertPair> Pairs { get; init; }
    public required IReadOnlyList<KeyMismatch> Mismatches { get; init; }
    public required IReadOnlyList<BundleInfo> Bundles { get; init; }
    public required IReadOnlyDictionary<CertificateInfo, ChainResult> Chains { get; init; }
    public required IReadOnlyDictionary<CertificateInfo, CertificateRole> Roles { get; init; }
    /// <summary>Certificates whose signature was verified by their issuer's key (used by rules such as self-signed-leaf).</summary>
    public required IReadOnlySet<CertificateInfo> SelfSigned { get; init; }
    /// <summary>Every CRL used for revocation (scan and --crl), with its issuer and whether it is usable and current.</summary>
    public IReadOnlyList<CrlStatus> Crls { get; init; } = [];

    /// <summary>Where each certificate's role came from: a configuration line, `.certlint.yml roles`, its path, or null (unknown).</summary>
    public IReadOnlyDictionary<CertificateInfo, string?> RoleSources { get; init; } = new Dictionary<CertificateInfo, string?>();
    /// <summary>The TLS usages the repository's configurations describe, references resolved to scanned files.</summary>
    public IReadOnlyList<Usage.TlsUsage> Usages { get; init; } = [];

    private HashSet<string>? _anchorShas;
    private Dictionary<CrlInfo, CrlStatus>? _crlStatuses;

    /// <summary>The revocation status of <paramref name="crl"/> (the same object as parsed), or null when it is not one of <see cref="Crls"/>.</summary>
    public CrlStatus? StatusOf(CrlInfo crl) =>
        // By reference, built on first use (two threads building it at once build the same map): one look-up per CRL
        // subject instead of a scan of every CRL.
        (_crlStatuses ??= CrlStatusMap()).GetValueOrDefault(crl);

    // CrlInfo is a record: two equal CRLs in two files are two objects, each with its own status.
    private Dictionary<CrlInfo, CrlStatus> CrlStatusMap()
    {
        var map = new Dictionary<CrlInfo, CrlStatus>(Crls.Count, ReferenceEqualityComparer.Instance);
        foreach (var status in Crls) map.TryAdd(status.Crl, status);
        return map;
    }

    /// <summary>Is <paramref name="cert"/> (by content: the --ca copy and a scanned copy are one) a trust anchor of this run?</summary>
    public bool IsAnchor(CertificateInfo cert) =>
        // Built on first use; two threads building it at once build the same set.
        (_anchorShas ??= Anchors.Select(a => a.Sha256).ToHashSet(StringComparer.Ordinal)).Contains(cert.Sha256);

    /// <summary>Finds signers by name and signature (see <see cref="SignerOf"/>); null in an inventory made by hand.</summary>
    internal SignerFinder? Signers { get; init; }

    /// <summary>
    /// The certificate whose key signed <paramref name="cert"/> (itself when self-signed), among the scan and the trust
    /// anchors, found by issuer name and signature with key identifiers ignored; null when none verifies. Without a
    /// finder (inventories made by hand) the chosen path's issuer.
    /// </summary>
    public CertificateInfo? SignerOf(CertificateInfo cert) =>
        Signers is { } finder ? finder.SignerOf(cert, this)
        : SelfSigned.Contains(cert) ? cert : ChainOf(cert) is { Path.Count: > 1 } chain ? chain.Path[1] : null;

    public string? RoleSourceOf(CertificateInfo cert) => RoleSources.TryGetValue(cert, out var s) ? s : null;

    public CertificateRole RoleOf(CertificateInfo cert) => Roles.TryGetValue(cert, out var r) ? r : CertificateRole.Unknown;

    public ChainResult? ChainOf(CertificateInfo cert) => Chains.TryGetValue(cert, out var c) ? c : null;

    /// <summary>
    /// Certificates at the start of a path, which get the leaf checks (host name, EKU for the role, leaf-is-ca): every
    /// certificate that is not a CA, and a CA certificate used as an end entity — not an anchor, issuing none of the
    /// scanned certificates, and given a role (path, configuration, expected hosts) or paired with a private key.
    /// </summary>
    /// <remarks>Null in an inventory made by hand (tests, handshake observations): then every non-CA certificate is a leaf.</remarks>
    public IReadOnlySet<CertificateInfo>? EndEntities { get; init; }

    /// <summary>A leaf is a certificate at the start of a path (see <see cref="EndEntities"/>).</summary>
    public bool IsLeaf(CertificateInfo cert) => EndEntities?.Contains(cert) ?? !cert.IsCa;

    /// <summary>An inventory with nothing in it: for results that lint no files (`certlint handshake`, tests).</summary>
    public static CertificateInventory Empty { get; } = new()
    {
        Files = [],
        Certificates = [],
        Keys = [],
        Anchors = [],
        Pairs = [],
        Mismatches = [],
        Bundles = [],
        Chains = new Dictionary<CertificateInfo, ChainResult>(),
        Roles = new Dictionary<CertificateInfo, CertificateRole>(),
        SelfSigned = new HashSet<CertificateInfo>(),
    };
}
