using System.Globalization;
using System.Numerics;
using CertLint.Inventory.Signatures;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Inventory.Paths;

/// <summary>
/// Offline revocation checking (RFC 5280 §6.3) with the CRLs of the scan and of --crl. A CRL counts for a certificate
/// when it is one for the certificate (<see cref="CrlScope"/>: its issuer's, or an indirect CRL of a cRLIssuer its
/// distribution points name, whose issuingDistributionPoint covers it), a certificate that may sign CRLs signed it
/// (<see cref="CrlSigners"/>: the issuer on the path, or another whose own path is valid, §6.3.3 (f)), it is already
/// issued at the validation time and it has no critical extension CertLint does not process. In an indirect CRL an
/// entry is the certificate's when its certificateIssuer (or the one before it, or the CRL's issuer) is the
/// certificate's issuer (§5.3.3). A delta CRL is applied on top of a complete CRL of its issuer whose number is at
/// least the delta's base. No network access. A CRL past its nextUpdate still counts (a revocation is not undone by a
/// late CRL); crl-stale reports it.
///
/// The status is undetermined (§6.3.3 (k)) when a path's PKI publishes CRLs (one of its CAs or its anchor has a CRL
/// in the scan) but no current complete CRL that CertLint can use covers a certificate for every reason: that is
/// revocation-unknown.
/// </summary>
internal sealed class Revocation
{
    private readonly Dictionary<string, List<CrlInfo>> _byIssuer = new(StringComparer.Ordinal);
    private readonly SignatureVerifier _verifier;
    private readonly DateTimeOffset _now;
    private readonly CrlSigners _signers;

    /// <param name="signers">The certificates of the scan that may have signed a CRL (other keys of its issuer): IssuerIndex.CrlSigners.</param>
    public Revocation(IEnumerable<CrlInfo> crls, SignatureVerifier verifier, DateTimeOffset now, Func<DistinguishedName, string?, IssuerCandidates> signers)
    {
        foreach (var crl in crls)
        {
            if (!_byIssuer.TryGetValue(crl.Issuer.NormalizedKey, out var list)) _byIssuer[crl.Issuer.NormalizedKey] = list = [];
            list.Add(crl);
        }
        _verifier = verifier;
        _now = now;
        _signers = new CrlSigners(Unusable, signers, now);
    }

    public bool IsEmpty => _byIssuer.Count == 0;

    /// <summary>Whether a CRL issued under <paramref name="name"/> is known: the PKI of a path through it publishes CRLs.</summary>
    public bool HasCrlsFrom(DistinguishedName name) => _byIssuer.ContainsKey(name.NormalizedKey);

    /// <summary>
    /// Validates the paths of the CRLs' signers with <paramref name="build"/> (the chain builder), before any path that
    /// needs them; see <see cref="CrlSigners"/>. Nothing to do without CRLs.
    /// </summary>
    public void ValidateSigners(Func<CertificateInfo, ChainResult> build)
    {
        if (!IsEmpty) _signers.Validate(_byIssuer.Values.SelectMany(l => l), build);
    }

    /// <summary>Why a CRL cannot be used with <paramref name="issuer"/>'s key, or null when it can (for crl-invalid).</summary>
    public string? Unusable(CrlInfo crl, CertificateInfo issuer)
    {
        if (crl.UnknownCriticalExtensions is { Count: > 0 } unknown)
        {
            var more = unknown.Count > CrlParser.MaxUnknownCritical ? ", and more" : "";
            return $"it has critical extension(s) CertLint does not process ({string.Join(", ", unknown.Take(CrlParser.MaxUnknownCritical))}{more})";
        }
        if (crl.DistributionPoint is { OnlyAttributeCerts: true }) return "it is an attribute-certificate CRL, which CertLint does not use";
        if (crl.AuthorityKeyIdentifier is { } aki && issuer.SubjectKeyIdentifier is { } ski && !string.Equals(aki, ski, StringComparison.OrdinalIgnoreCase))
        {
            return "its authorityKeyIdentifier does not match the issuer's subjectKeyIdentifier";
        }
        if (issuer.KeyUsage is { } usage && !usage.HasFlag(KeyUsageFlags.CrlSign)) return $"issuer {issuer.Name} keyUsage lacks cRLSign";
        var signature = _verifier.CheckCrl(crl, issuer);
        if (!signature.IsValid) return $"its signature does not verify with the key of {issuer.Name} ({signature.Reason})";
        if (crl.ThisUpdate > _now) return $"it is not issued yet (thisUpdate {crl.ThisUpdate:u})";
        return null;
    }

    /// <summary>The revocation of <paramref name="cert"/> issued by <paramref name="issuer"/> on a path to <paramref name="anchor"/>, or null.</summary>
    public string? Check(CertificateInfo cert, CertificateInfo issuer, CertificateInfo anchor, PathFacts facts)
    {
        if (IsEmpty) return null; // every certificate of every path asks: a run without CRLs answers at once
        List<CrlInfo>? usable = null;
        foreach (var (crl, problem) in Candidates(cert, issuer, anchor, facts))
        {
            if (problem is null) (usable ??= []).Add(crl);
        }
        if (usable is null) return null;
        RevokedEntry? revoked = null;
        CrlInfo? by = null;
        foreach (var crl in usable)
        {
            if (!crl.IsDelta && crl.Entry(cert.Issuer, cert.SerialNumber) is { } entry && entry.Reason != "removeFromCRL")
            {
                revoked = entry;
                by = crl;
                break;
            }
        }
        foreach (var delta in usable.Where(c => c.IsDelta && NewestBase(usable, c.Issuer) >= Number(c.DeltaBase)).OrderByDescending(c => c.ThisUpdate))
        {
            if (delta.Entry(cert.Issuer, cert.SerialNumber) is not { } entry) continue;
            // removeFromCRL in a delta releases a certificate held on the base CRL (RFC 5280 §5.3.1).
            (revoked, by) = entry.Reason == "removeFromCRL" ? (null, null) : (entry, delta);
            break;
        }
        if (revoked is null || by is null) return null;
        var reason = revoked.Reason is null ? "no reason given" : $"reason {revoked.Reason}";
        return $"{cert.Name} (serial {cert.SerialNumber}) was revoked on {revoked.RevocationDate.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} ({reason}) according to the {(by.IsDelta ? "delta " : "")}CRL {by.Location}";
    }

    /// <summary>
    /// Why the revocation status of <paramref name="cert"/> cannot be determined from the CRLs of its issuer and of the
    /// cRLIssuers its distribution points name, or null when a current complete CRL covers it for every reason.
    /// </summary>
    public string? Undetermined(CertificateInfo cert, CertificateInfo issuer, CertificateInfo anchor, PathFacts facts)
    {
        var candidates = Candidates(cert, issuer, anchor, facts);
        if (candidates.Count == 0)
        {
            var crlIssuers = facts.DistributionPoints.SelectMany(dp => dp.CrlIssuers).Select(n => n.Text).Distinct(StringComparer.Ordinal).ToList();
            return crlIssuers.Count == 0
                ? $"no CRL from its issuer {cert.Issuer} was found, though CAs on its path publish CRLs"
                : $"no CRL from its issuer {cert.Issuer} or from the cRLIssuer its distribution points name ({string.Join("; ", crlIssuers)}) was found, though CAs on its path publish CRLs";
        }
        var reasons = 0;
        var why = new List<string>();
        foreach (var (crl, problem) in candidates)
        {
            if (crl.IsDelta) why.Add($"{crl.Location} is a delta CRL, which needs a complete CRL");
            else if (problem is not null) why.Add($"{crl.Location} {problem}");
            else if (crl.NextUpdate is { } next && next < _now) why.Add($"{crl.Location} is past its nextUpdate ({next:u})");
            else
            {
                reasons |= crl.DistributionPoint?.Reasons ?? IssuingDistributionPoint.AllReasons;
                if ((reasons & IssuingDistributionPoint.AllReasons) == IssuingDistributionPoint.AllReasons) return null;
            }
        }
        if (reasons != 0) why.Add("the usable CRLs cover only some revocation reasons (onlySomeReasons)");
        return string.Join("; ", why);
    }

    /// <summary>
    /// The CRLs that may hold the certificate's status: its issuer's and those of the cRLIssuers its distribution
    /// points name, each with why it cannot be used for the certificate (null when it can): out of scope, or no
    /// certificate that may sign it (with a valid path, for a signer other than the path's issuer) signed it.
    /// </summary>
    private List<(CrlInfo Crl, string? Problem)> Candidates(CertificateInfo cert, CertificateInfo issuer, CertificateInfo anchor, PathFacts facts)
    {
        var result = new List<(CrlInfo, string?)>();
        HashSet<string>? issuers = null;
        foreach (var point in facts.DistributionPoints)
        {
            foreach (var name in point.CrlIssuers)
            {
                if ((issuers ??= new HashSet<string>(StringComparer.Ordinal) { cert.Issuer.NormalizedKey }).Add(name.NormalizedKey)) Add(name.NormalizedKey, null);
            }
        }
        Add(cert.Issuer.NormalizedKey, issuer);
        return result;

        void Add(string crlIssuer, CertificateInfo? pathIssuer)
        {
            if (!_byIssuer.TryGetValue(crlIssuer, out var crls)) return;
            foreach (var crl in crls)
            {
                var problem = CrlScope.Problem(crl, cert, facts);
                if (problem is null && _signers.Problem(crl, pathIssuer, anchor) is { } signer) problem = $"cannot be used: {signer}";
                result.Add((crl, problem));
            }
        }
    }

    /// <summary>The highest cRLNumber of the usable complete CRLs of <paramref name="crlIssuer"/>: a delta applies on it.</summary>
    private static BigInteger NewestBase(List<CrlInfo> usable, DistinguishedName crlIssuer) =>
        usable.Where(c => !c.IsDelta && c.Issuer.NormalizedKey == crlIssuer.NormalizedKey).Select(c => Number(c.Number)).DefaultIfEmpty(BigInteger.MinusOne).Max();

    private static BigInteger Number(string? hex) =>
        hex is null ? BigInteger.MinusOne : BigInteger.Parse("0" + hex.TrimStart('-'), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
