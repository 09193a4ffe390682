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
    private readonly Dictionary<string, IReadOnlyList<CertificateInfo>> _byKeyId = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);

    public IssuerIndex(IEnumerable<CertificateInfo> pool)
    {
        foreach (var cert in pool)
        {
            if (!_order.TryAdd(cert.Sha256, _order.Count)) continue;
            Add(_bySubject, cert.Subject.NormalizedKey, cert);
            if (cert.SubjectKeyIdentifier is { } ski) Add(_byKeyId, ski, cert);
        }
    }

    /// <summary>Position of the certificate's first occurrence: the tie-breaker that keeps path choice deterministic.</summary>
    public int OrderOf(CertificateInfo cert) => _order.GetValueOrDefault(cert.Sha256, int.MaxValue);

    /// <summary>Candidate issuers of <paramref name="cert"/> in index order (may include the certificate itself when self-issued).</summary>
    public IReadOnlyList<CertificateInfo> Candidates(CertificateInfo cert) => Candidates(cert.Issuer, cert.AuthorityKeyIdentifier);

    /// <summary>
    /// Certificates named <paramref name="issuer"/>: those whose SKI equals <paramref name="aki"/> first, then those
    /// without an SKI (the identifiers only order the search; the signature decides). Without an AKI, all of them.
    /// </summary>
    public IReadOnlyList<CertificateInfo> Candidates(DistinguishedName issuer, string? aki)
    {
        var issuerName = issuer.NormalizedKey;
        if (!_bySubject.TryGetValue(issuerName, out var byName)) return [];
        if (aki is null) return byName;
        // Loops, not LINQ: every certificate of a scan asks once.
        List<CertificateInfo>? candidates = null;
        if (_byKeyId.TryGetValue(aki, out var byKey))
        {
            for (var i = 0; i < byKey.Count; i++)
            {
                if (byKey[i].Subject.NormalizedKey == issuerName) (candidates ??= []).Add(byKey[i]);
            }
        }
        for (var i = 0; i < byName.Count; i++)
        {
            if (byName[i].SubjectKeyIdentifier is null) (candidates ??= []).Add(byName[i]);
        }
        return candidates is null ? [] : candidates;
    }

    /// <summary>Every certificate whose subject is <paramref name="name"/>, in index order, key identifiers ignored.</summary>
    public IReadOnlyList<CertificateInfo> Named(DistinguishedName name) =>
        _bySubject.TryGetValue(name.NormalizedKey, out var byName) ? byName : [];

    /// <summary>Certificates with the issuer's name whose SKI differs from the AKI: said in "not found" messages.</summary>
    public bool HasNameMatchWithOtherKeyId(CertificateInfo cert) =>
        cert.AuthorityKeyIdentifier is not null && _bySubject.TryGetValue(cert.Issuer.NormalizedKey, out var byName)
        && byName.Any(c => c.SubjectKeyIdentifier is not null && !string.Equals(c.SubjectKeyIdentifier, cert.AuthorityKeyIdentifier, StringComparison.OrdinalIgnoreCase));

    private static void Add(Dictionary<string, IReadOnlyList<CertificateInfo>> index, string key, CertificateInfo cert)
    {
        if (!index.TryGetValue(key, out var known)) index[key] = new[] { cert };
        else if (known is List<CertificateInfo> list) list.Add(cert);
        else index[key] = new List<CertificateInfo>(known) { cert };
    }
}
