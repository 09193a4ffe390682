using CertLint.Configuration;
using CertLint.Inventory.Paths;
using CertLint.Inventory.Signatures;
using CertLint.Model;
using CertLint.Usage;

namespace CertLint.Inventory;

/// <summary>
/// Cross-references everything the scan parsed: key–certificate pairs and mismatches, issuers, self-signed certificates,
/// trust anchors, chains, bundles and roles. Signatures are verified up front, in parallel, once per (certificate,
/// issuer key) pair; everything after that is sequential lookups, so the result is the same whatever the scheduling.
/// </summary>
public static class InventoryBuilder
{
    /// <param name="files">Every parsed file of the scan, in any order.</param>
    /// <param name="extraAnchors">Trust anchors: the certificates of the --ca files (which the lint also passes among
    /// <paramref name="files"/>, so they are linted) and system roots (which are not).</param>
    /// <param name="extraCrls">CRLs that are not in <paramref name="files"/> (hosts that do not lint --crl files): used for revocation only.</param>
    /// <param name="usages">What the repository's TLS configurations say about the files (roles from use).</param>
    public static CertificateInventory Build(IReadOnlyList<ParsedFile> files, IReadOnlyList<CertificateInfo> extraAnchors, LintSettings settings,
        IReadOnlyList<CrlInfo>? extraCrls = null, IReadOnlyList<TlsUsage>? usages = null) =>
        Build(files, extraAnchors, settings, new SignatureVerifier(), extraCrls, usages);

    internal static CertificateInventory Build(IReadOnlyList<ParsedFile> files, IReadOnlyList<CertificateInfo> extraAnchors, LintSettings settings,
        SignatureVerifier verifier, IReadOnlyList<CrlInfo>? extraCrls = null, IReadOnlyList<TlsUsage>? usages = null)
    {
        // CertificateInfo has reference equality: the same certificate in two files is two entries.
        // The engine hands the files over in this order already: then a look at each neighbour replaces the sort.
        var ordered = InOrder(files)
            ? [.. files]
            : files.OrderBy(f => f.File.RelativePath, StringComparer.Ordinal).ThenBy(f => f.File.FullPath, StringComparer.Ordinal).ToList();
        var certificates = ordered.SelectMany(f => f.Certificates).ToList();
        var keys = ordered.SelectMany(f => f.Keys).ToList();
        var crls = ordered.SelectMany(f => f.Crls).Concat(extraCrls ?? []).ToList();

        // Scanned certificates first: when a --ca file repeats one, paths end on the scanned copy.
        var index = new IssuerIndex(certificates.Concat(extraAnchors));
        verifier.InheritDsaParametersFrom(cert => index.Candidates(cert).Bounded());
        verifier.VerifyAll(CandidatePairs(certificates, index));

        var selfSigned = new HashSet<CertificateInfo>(certificates.Where(c => IsSelfSigned(c, verifier)));
        var selfSignedShas = selfSigned.Select(c => c.Sha256).ToHashSet(StringComparer.Ordinal);
        var anchors = Anchors(extraAnchors, settings.AnchorsFromScan ? certificates.Where(c => c.IsCa && selfSigned.Contains(c)) : []);
        var anchorShas = anchors.Select(c => c.Sha256).ToHashSet(StringComparer.Ordinal);

        var linker = new UsageLinker(ordered);
        var linked = linker.Link(usages ?? []);
        var roleResolver = new RoleResolver(settings, linker.Roles(linked));
        var roles = new Dictionary<CertificateInfo, CertificateRole>(ReferenceEqualityComparer.Instance);
        var roleSources = new Dictionary<CertificateInfo, string?>(ReferenceEqualityComparer.Instance);
        foreach (var cert in certificates) (roles[cert], roleSources[cert]) = roleResolver.RoleOf(cert);
        var revocation = new Revocation(crls, verifier, settings.Now, index.CrlSigners);
        var chainBuilder = new ChainBuilder(index, verifier, anchorShas, selfSignedShas, settings.Now, settings.Validation, revocation,
            cert => cert.IsCa ? null : Purpose(roles.GetValueOrDefault(cert)));
        // CRL signers other than a path's own issuer need valid paths themselves (RFC 5280 §6.3.3 (f)): validated first,
        // one at a time, so the parallel search below only looks them up. Nothing happens without CRLs.
        revocation.ValidateSigners(chainBuilder.Build);
        // Each certificate's path search is independent (the builder's caches are thread-safe): on 10,000 leaves this
        // is the inventory's largest step, so it runs on every core. Results are collected in certificate order.
        var built = new ChainResult[certificates.Count];
        Engine.Workers.For(certificates.Count, i => built[i] = chainBuilder.Build(certificates[i]));
        var chains = new Dictionary<CertificateInfo, ChainResult>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < certificates.Count; i++) chains[certificates[i]] = built[i];

        var bundles = new BundleAnalyzer(index, verifier, anchorShas, selfSignedShas);
        var pairs = KeyPairing.Pairs(keys, certificates);
        return new CertificateInventory
        {
            Files = ordered,
            Certificates = certificates,
            Keys = keys,
            Anchors = anchors,
            Pairs = pairs,
            Mismatches = KeyPairing.Mismatches([.. ordered.Where(f => f.EmbeddedIn is null)], settings.KeyPairs), // embedded pairs: config-key-mismatch
            Bundles = [.. ordered.Where(f => f.Certificates.Count > 1).Select(bundles.Analyze)],
            Chains = chains,
            Roles = roles,
            RoleSources = roleSources,
            Usages = linked,
            SelfSigned = selfSigned,
            EndEntities = EndEntities(certificates, chains, anchorShas, roles, pairs),
            Crls = CrlChecks.Check(crls, index, revocation, settings.Now),
            Signers = new SignerFinder(index, verifier),
        };
    }

    /// <summary>Whether the files are already ordered by relative path, then full path (what the sort would give: it is stable).</summary>
    private static bool InOrder(IReadOnlyList<ParsedFile> files)
    {
        for (var i = 1; i < files.Count; i++)
        {
            var c = string.CompareOrdinal(files[i - 1].File.RelativePath, files[i].File.RelativePath);
            if (c > 0 || (c == 0 && string.CompareOrdinal(files[i - 1].File.FullPath, files[i].File.FullPath) > 0)) return false;
        }
        return true;
    }

    private static HashSet<CertificateInfo> EndEntities(List<CertificateInfo> certificates, Dictionary<CertificateInfo, ChainResult> chains,
        HashSet<string> anchors, Dictionary<CertificateInfo, CertificateRole> roles, IReadOnlyList<KeyCertPair> pairs)
    {
        var issuing = chains.Values.SelectMany(c => c.Path.Skip(1)).Select(c => c.Sha256).ToHashSet(StringComparer.Ordinal);
        var paired = pairs.Select(p => p.Certificate).ToHashSet(ReferenceEqualityComparer.Instance);
        // A trust anchor on another certificate's path stands as its issuer even without cA=TRUE (a v3 root lacking
        // basicConstraints fails those paths with issuer-not-ca): it is not an end entity, so no leaf-is-ca on it.
        return new HashSet<CertificateInfo>(certificates.Where(c => c.IsCa
            ? !anchors.Contains(c.Sha256) && !issuing.Contains(c.Sha256) && (roles[c] != CertificateRole.Unknown || paired.Contains(c))
            : !(anchors.Contains(c.Sha256) && issuing.Contains(c.Sha256))),
            ReferenceEqualityComparer.Instance);
    }

    /// <summary>The EKU purpose a path is chosen for: serverAuth for a server leaf, clientAuth for a client leaf, emailProtection for S/MIME.</summary>
    private static string? Purpose(CertificateRole role) => role switch
    {
        CertificateRole.Server => Oids.ServerAuth,
        CertificateRole.Client => Oids.ClientAuth,
        CertificateRole.Email => Oids.EmailProtection,
        _ => null,
    };

    /// <summary>Every (certificate, candidate issuer) pair chain building can ask about, including self pairs.</summary>
    private static List<(CertificateInfo, CertificateInfo)> CandidatePairs(IReadOnlyList<CertificateInfo> certificates, IssuerIndex index)
    {
        var seen = new HashSet<(string, string)>();
        var pairs = new List<(CertificateInfo, CertificateInfo)>();
        foreach (var cert in certificates)
        {
            var found = index.Candidates(cert);
            // Look-alike CAs (one name, one key identifier) are candidates of each other: verifying every pair is
            // quadratic. The path search chooses which of them to verify (ChainBuilder.MaxCandidatesPerCertificate).
            var candidates = found.Count > ChainBuilder.MaxCandidatesPerCertificate ? [] : found.Bounded();
            foreach (var issuer in MaySignItself(cert) ? candidates.Append(cert) : candidates)
            {
                if (seen.Add((cert.Sha256, issuer.PublicKey.Sha256))) pairs.Add((cert, issuer));
            }
        }
        return pairs;
    }

    /// <summary>Self-issued, or its AKI names its own SKI: the only certificates worth checking for self-signature.</summary>
    private static bool MaySignItself(CertificateInfo cert) =>
        cert.IsSelfIssued || (cert.AuthorityKeyIdentifier is { } aki && string.Equals(aki, cert.SubjectKeyIdentifier, StringComparison.OrdinalIgnoreCase));

    private static bool IsSelfSigned(CertificateInfo cert, SignatureVerifier verifier) => MaySignItself(cert) && verifier.Check(cert, cert).IsValid;

    private static List<CertificateInfo> Anchors(IEnumerable<CertificateInfo> extra, IEnumerable<CertificateInfo> fromScan)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. extra.Concat(fromScan).Where(c => seen.Add(c.Sha256))];
    }
}
