using CertLint.Model;

namespace CertLint.Inventory.Paths;

/// <summary>
/// The certification paths of CRL signers (RFC 5280 §6.3.3 (f)). A CRL signed by the certificate's issuer on the path
/// needs nothing more: that issuer is validated with the path. Any other signer (a CA's separate CRL-signing
/// certificate or new key, the issuer of an indirect CRL) must have a valid path, revocation included, to the trust
/// anchor of the certificate's path, and be within its validity period.
///
/// Every signer is validated once, before the certificates' paths are built in parallel (<see cref="Validate"/>): in a
/// fixed order, one at a time, so the answers never depend on scheduling. Validating a signer's path checks the
/// revocation of its certificates, which may need other signers: that recursion is bounded in depth
/// (<see cref="MaxDepth"/>) and in total (<see cref="MaxBuilds"/>), since a repository controls every file. A signer
/// met again while its own path is being validated (a CRL issuer whose status its own CRL gives, PKITS 4.14.30) is
/// taken as valid for that inner check: its CRL then settles its status, revoked or not.
/// </summary>
internal sealed class CrlSigners
{
    /// <summary>CRL signers whose paths may be validated inside another signer's.</summary>
    public const int MaxDepth = 4;

    /// <summary>Signer paths built in one run at most.</summary>
    public const int MaxBuilds = 1024;

    private readonly Func<CrlInfo, CertificateInfo, string?> _unusable;
    private readonly Func<DistinguishedName, string?, IssuerCandidates> _signers;
    private readonly DateTimeOffset _now;
    private readonly Dictionary<CertificateInfo, Status> _known = new(ReferenceEqualityComparer.Instance);
    // The signers being validated, innermost last, each with the lowest position whose assumption its result used.
    private readonly List<(CertificateInfo Signer, int DependsOn)> _validating = [];
    private Func<CertificateInfo, ChainResult>? _build;
    private int _builds;

    /// <param name="unusable">Why a CRL cannot be used with a certificate's key, or null (Revocation.Unusable).</param>
    /// <param name="signers">The certificates that may have signed a CRL of a name and key identifier (IssuerIndex.CrlSigners).</param>
    public CrlSigners(Func<CrlInfo, CertificateInfo, string?> unusable, Func<DistinguishedName, string?, IssuerCandidates> signers, DateTimeOffset now)
    {
        _unusable = unusable;
        _signers = signers;
        _now = now;
    }

    /// <summary>
    /// Validates the path of every certificate that can sign one of <paramref name="crls"/> for another certificate's
    /// path than its own issuer's, one at a time. A CRL that is not indirect, from a name only one certificate has, is
    /// only ever signed by the path's own issuer: the common case costs nothing here.
    /// </summary>
    public void Validate(IEnumerable<CrlInfo> crls, Func<CertificateInfo, ChainResult> build)
    {
        _build = build;
        try
        {
            foreach (var crl in crls)
            {
                var named = Candidates(crl);
                if (named.Count < 2 && crl.DistributionPoint is not { IndirectCrl: true }) continue;
                foreach (var signer in named.Bounded())
                {
                    if (!_known.ContainsKey(signer) && _unusable(crl, signer) is null) Of(signer);
                }
            }
        }
        finally
        {
            _build = null;
        }
    }

    /// <summary>
    /// Why no certificate can sign <paramref name="crl"/> for a path that has <paramref name="pathIssuer"/> (the
    /// certificate's issuer on it, or null for an indirect CRL) and <paramref name="anchor"/>, or null when one can.
    /// A signer whose key fits but whose path fails is the reason told first: it says the most.
    /// </summary>
    public string? Problem(CrlInfo crl, CertificateInfo? pathIssuer, CertificateInfo anchor)
    {
        string? keyProblem = null;
        if (pathIssuer is not null && pathIssuer.Subject.NormalizedKey == crl.Issuer.NormalizedKey)
        {
            keyProblem = _unusable(crl, pathIssuer);
            if (keyProblem is null) return null;
        }
        string? pathProblem = null;
        foreach (var other in Candidates(crl).Bounded())
        {
            if (ReferenceEquals(other, pathIssuer)) continue;
            if (_unusable(crl, other) is { } why)
            {
                keyProblem ??= why;
                continue;
            }
            if (PathProblem(other, anchor) is not { } problem) return null;
            pathProblem ??= problem;
        }
        return pathProblem ?? keyProblem ?? $"its issuer {crl.Issuer.Text} is not among the certificates found or the trust anchors";
    }

    /// <summary>
    /// The certificates of the CRL issuer's name that may have signed it, those whose key identifier the CRL names
    /// first; callers take at most <see cref="ChainBuilder.MaxCandidatesPerCertificate"/> (Bounded): each is a signature
    /// check, and a thousand look-alike CAs would make every CRL of their name cost a thousand.
    /// </summary>
    private IssuerCandidates Candidates(CrlInfo crl) => _signers(crl.Issuer, crl.AuthorityKeyIdentifier);

    private string? PathProblem(CertificateInfo signer, CertificateInfo anchor)
    {
        if (signer.Sha256 == anchor.Sha256) return null;
        var status = Of(signer);
        if (status.Problem is { } problem) return $"its signer {signer.Name} is not valid: {problem}";
        if (status.Anchor is { } other && other.Sha256 != anchor.Sha256)
        {
            return $"its signer {signer.Name} chains to another trust anchor ({other.Name}) than the certificate (RFC 5280 §6.3.3 (f))";
        }
        return null;
    }

    /// <summary>The signer's status: known, assumed (met again inside its own validation), or validated now.</summary>
    private Status Of(CertificateInfo signer)
    {
        if (_known.TryGetValue(signer, out var known)) return known;
        // Only Validate builds paths; afterwards every signer a CRL can have is known.
        if (_build is null) return new Status(null, "its path was not validated");
        var at = _validating.FindIndex(v => ReferenceEquals(v.Signer, signer));
        if (at >= 0)
        {
            DependOn(at);
            return new Status(null, null);
        }
        if (_validating.Count >= MaxDepth || _builds >= MaxBuilds)
        {
            // The answer depends on where the search stands: kept only by the outermost signer, whose answer it is.
            DependOn(0);
            var limited = new Status(null, _builds >= MaxBuilds
                ? $"CertLint validates at most {MaxBuilds} CRL signer paths in a run"
                : $"validating it needs CRL signers nested more than {MaxDepth} deep");
            if (_validating.Count == 0) _known[signer] = limited;
            return limited;
        }
        _builds++;
        _validating.Add((signer, int.MaxValue));
        var chain = _build(signer);
        var (_, dependsOn) = _validating[^1];
        _validating.RemoveAt(_validating.Count - 1);
        var position = _validating.Count;
        var status = chain.Status != ChainStatus.Complete
            ? new Status(null, chain.Problems.Count > 0 ? chain.Problems[0] : "no path to a trust anchor")
            : _now < signer.NotBefore ? new Status(null, $"it is not valid before {signer.NotBefore:u}")
            : _now > signer.NotAfter ? new Status(null, $"it expired on {signer.NotAfter:u}")
            : new Status(chain.Path[^1], null);
        // A result that used an assumption about a signer further out is not that signer's final word: not kept.
        if (dependsOn < position) DependOn(dependsOn);
        else _known[signer] = status;
        return status;
    }

    private void DependOn(int position)
    {
        if (_validating.Count == 0) return;
        var (signer, dependsOn) = _validating[^1];
        _validating[^1] = (signer, Math.Min(dependsOn, position));
    }

    /// <param name="Anchor">The trust anchor of the signer's valid path (null when assumed).</param>
    /// <param name="Problem">Why the signer is not valid, or null.</param>
    private readonly record struct Status(CertificateInfo? Anchor, string? Problem);
}
