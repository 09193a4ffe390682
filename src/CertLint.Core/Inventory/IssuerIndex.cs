using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// Every certificate that could issue another (scanned ones and --ca anchors), indexed by subject name and by
/// subjectKeyIdentifier. A candidate issuer's subject must equal the certificate's issuer name and, when both
/// identifiers are present, its SKI must equal the certificate's AKI keyIdentifier. Identical certificates found
/// in several files are one candidate (the first seen).
/// </summary>
internal sealed class IssuerIndex
{
    // A name or key identifier held by one certificate (every leaf's) maps to a one-element array, a list only once a
    // second shares it: the index lives for the whole run, and a list per entry was two objects with spare slots.
    private readonly Dictionary<string, IReadOnlyList<CertificateInfo>> _bySubject = new(StringComparer.Ordinal);
    // Name and SKI together (the SKI upper-cased: key identifiers compare without case), and per name those without
    // an SKI and how many have one: every lookup then costs what it returns, not the number of look-alikes.
    private readonly Dictionary<string, IReadOnlyList<CertificateInfo>> _byNameAndKeyId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<CertificateInfo>> _withoutKeyId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _withKeyId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);

    public IssuerIndex(IEnumerable<CertificateInfo> pool)
    {
        foreach (var cert in pool)
        {
            if (!_order.TryAdd(cert.Sha256, _order.Count)) continue;
            var name = cert.Subject.NormalizedKey;
            Add(_bySubject, name, cert);
            if (cert.SubjectKeyIdentifier is { } ski)
            {
                Add(_byNameAndKeyId, NameAndKeyId(name, ski), cert);
                _withKeyId[name] = _withKeyId.GetValueOrDefault(name) + 1;
            }
            else
            {
                Add(_withoutKeyId, name, cert);
            }
        }
    }

    /// <summary>Position of the certificate's first occurrence: the tie-breaker that keeps path choice deterministic.</summary>
    public int OrderOf(CertificateInfo cert) => _order.GetValueOrDefault(cert.Sha256, int.MaxValue);

    /// <summary>Candidate issuers of <paramref name="cert"/> in index order (may include the certificate itself when self-issued).</summary>
    public IssuerCandidates Candidates(CertificateInfo cert) => Candidates(cert.Issuer, cert.AuthorityKeyIdentifier);

    /// <summary>
    /// Certificates named <paramref name="issuer"/>: those whose SKI equals <paramref name="aki"/> first, then those
    /// without an SKI (the identifiers only order the search; the signature decides). Without an AKI, all of them.
    /// </summary>
    public IssuerCandidates Candidates(DistinguishedName issuer, string? aki)
    {
        var name = issuer.NormalizedKey;
        if (aki is null) return AllNamed(name);
        var matching = _byNameAndKeyId.GetValueOrDefault(NameAndKeyId(name, aki)) ?? [];
        var rest = _withoutKeyId.GetValueOrDefault(name) ?? [];
        return new IssuerCandidates(matching, rest, matching.Count + rest.Count);
    }

    /// <summary>
    /// Every certificate named <paramref name="issuer"/> that may have signed a CRL, those whose SKI equals
    /// <paramref name="aki"/> first (a CRL signer's SKI may differ from the AKI: the signature decides). When no more
    /// than the bound share the name they come in index order, as before the bound existed.
    /// </summary>
    public IssuerCandidates CrlSigners(DistinguishedName issuer, string? aki)
    {
        var name = issuer.NormalizedKey;
        var all = AllNamed(name);
        if (aki is null || all.Count <= ChainBuilder.MaxCandidatesPerCertificate) return all;
        var matching = _byNameAndKeyId.GetValueOrDefault(NameAndKeyId(name, aki)) ?? [];
        return new IssuerCandidates(matching, _bySubject[name], all.Count, skipKeyId: aki);
    }

    /// <summary>Every certificate whose subject is <paramref name="name"/>, in index order, key identifiers ignored.</summary>
    public IReadOnlyList<CertificateInfo> Named(DistinguishedName name) =>
        _bySubject.TryGetValue(name.NormalizedKey, out var byName) ? byName : [];

    /// <summary>Certificates with the issuer's name whose SKI differs from the AKI: said in "not found" messages.</summary>
    public bool HasNameMatchWithOtherKeyId(CertificateInfo cert)
    {
        if (cert.AuthorityKeyIdentifier is not { } aki) return false;
        var name = cert.Issuer.NormalizedKey;
        var matching = _byNameAndKeyId.GetValueOrDefault(NameAndKeyId(name, aki))?.Count ?? 0;
        return _withKeyId.GetValueOrDefault(name) > matching;
    }

    private IssuerCandidates AllNamed(string name)
    {
        var all = _bySubject.GetValueOrDefault(name) ?? [];
        return new IssuerCandidates([], all, all.Count);
    }

    private static string NameAndKeyId(string name, string keyId) => string.Concat(name, "\n", keyId.ToUpperInvariant());

    private static void Add(Dictionary<string, IReadOnlyList<CertificateInfo>> index, string key, CertificateInfo cert)
    {
        if (!index.TryGetValue(key, out var known)) index[key] = new[] { cert };
        else if (known is List<CertificateInfo> list) list.Add(cert);
        else index[key] = new List<CertificateInfo>(known) { cert };
    }
}
