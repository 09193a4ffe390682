using CertLint.Model;

namespace CertLint.Inventory;

/// <summary>
/// The candidate issuers of one certificate or CRL, best first: those whose SKI equals the AKI, then the rest, each in
/// index order. <see cref="Count"/> is known without enumerating, and <see cref="Bounded"/> costs at most twice its
/// limit: a repository of N look-alike CAs made every lookup a list of N, so N lookups cost N².
/// </summary>
internal readonly struct IssuerCandidates
{
    private readonly IReadOnlyList<CertificateInfo> _matching;
    private readonly IReadOnlyList<CertificateInfo> _rest;
    // Set when _rest is every certificate of the name: its members whose SKI equals this AKI are in _matching already.
    private readonly string? _skipKeyId;

    public IssuerCandidates(IReadOnlyList<CertificateInfo> matching, IReadOnlyList<CertificateInfo> rest, int count, string? skipKeyId = null)
    {
        _matching = matching;
        _rest = rest;
        _skipKeyId = skipKeyId;
        Count = count;
    }

    /// <summary>How many candidates there are in all.</summary>
    public int Count { get; }

    /// <summary>The first <paramref name="max"/> candidates at most (AKI matches first).</summary>
    public IReadOnlyList<CertificateInfo> Bounded(int max = ChainBuilder.MaxCandidatesPerCertificate)
    {
        if (Count == 0 || max <= 0) return [];
        if (_matching.Count == 0 && Count <= max) return _rest; // the common case: no copy
        var result = new List<CertificateInfo>(Math.Min(Count, max));
        for (var i = 0; i < _matching.Count && result.Count < max; i++) result.Add(_matching[i]);
        // Skipped members are AKI matches, fewer than max once this loop runs: at most 2 x max steps.
        for (var i = 0; i < _rest.Count && result.Count < max; i++)
        {
            if (_skipKeyId is null || !string.Equals(_rest[i].SubjectKeyIdentifier, _skipKeyId, StringComparison.OrdinalIgnoreCase)) result.Add(_rest[i]);
        }
        return result;
    }

    /// <summary>What a message adds when only <paramref name="max"/> candidates were tried, or "" when all were.</summary>
    public string NotTried(int max = ChainBuilder.MaxCandidatesPerCertificate) =>
        Count > max ? $"; {Count - max} more certificates of its issuer's name were not tried" : "";
}
