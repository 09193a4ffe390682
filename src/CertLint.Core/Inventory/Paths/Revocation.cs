using System.Formats.Asn1;
using System.Globalization;
using System.Numerics;
using CertLint.Inventory.Signatures;
using CertLint.Model;

namespace CertLint.Inventory.Paths;

/// <summary>
/// Offline revocation checking (RFC 5280 §6.3) with the CRLs of the scan and of --crl. A CRL counts for a certificate
/// when its issuer is the certificate's issuer on the path (the same name, and the issuer's key verifies the CRL's
/// signature; the issuer may sign CRLs), it is already issued at the validation time, it has no critical extension
/// CertLint does not process, and its issuingDistributionPoint scope covers the certificate. A delta CRL is applied
/// on top of a complete CRL whose number is at least the delta's base. Indirect CRLs are not used. No network access.
/// A CRL past its nextUpdate still counts (a revocation is not undone by a late CRL); crl-stale reports it.
/// </summary>
internal sealed class Revocation
{
    private readonly Dictionary<string, List<CrlInfo>> _byIssuer = new(StringComparer.Ordinal);
    private readonly SignatureVerifier _verifier;
    private readonly DateTimeOffset _now;

    public Revocation(IEnumerable<CrlInfo> crls, SignatureVerifier verifier, DateTimeOffset now)
    {
        foreach (var crl in crls)
        {
            if (!_byIssuer.TryGetValue(crl.Issuer.NormalizedKey, out var list)) _byIssuer[crl.Issuer.NormalizedKey] = list = [];
            list.Add(crl);
        }
        _verifier = verifier;
        _now = now;
    }

    public bool IsEmpty => _byIssuer.Count == 0;

    /// <summary>Why a CRL cannot be used with <paramref name="issuer"/>'s key, or null when it can (for crl-invalid).</summary>
    public string? Unusable(CrlInfo crl, CertificateInfo issuer)
    {
        if (crl.UnknownCriticalExtensions.Count > 0) return $"it has critical extension(s) CertLint does not process ({string.Join(", ", crl.UnknownCriticalExtensions)})";
        if (crl.DistributionPoint is { IndirectCrl: true } or { OnlyAttributeCerts: true }) return "it is an indirect or attribute-certificate CRL, which CertLint does not use";
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

    /// <summary>The revocation of <paramref name="cert"/> issued by <paramref name="issuer"/>, or null.</summary>
    public string? Check(CertificateInfo cert, CertificateInfo issuer, PathFacts facts)
    {
        if (!_byIssuer.TryGetValue(cert.Issuer.NormalizedKey, out var crls)) return null;
        var usable = crls.Where(c => Covers(c, cert, facts) && Unusable(c, issuer) is null).ToList();
        var complete = usable.Where(c => !c.IsDelta).ToList();
        RevokedEntry? revoked = null;
        CrlInfo? by = null;
        foreach (var crl in complete)
        {
            if (crl.Revoked.TryGetValue(cert.SerialNumber, out var entry) && entry.Reason != "removeFromCRL")
            {
                revoked = entry;
                by = crl;
                break;
            }
        }
        var newestBase = complete.Select(c => Number(c.Number)).DefaultIfEmpty(BigInteger.MinusOne).Max();
        foreach (var delta in usable.Where(c => c.IsDelta && newestBase >= Number(c.DeltaBase)).OrderByDescending(c => c.ThisUpdate))
        {
            if (!delta.Revoked.TryGetValue(cert.SerialNumber, out var entry)) continue;
            // removeFromCRL in a delta releases a certificate held on the base CRL (RFC 5280 §5.3.1).
            (revoked, by) = entry.Reason == "removeFromCRL" ? (null, null) : (entry, delta);
            break;
        }
        if (revoked is null || by is null) return null;
        var reason = revoked.Reason is null ? "no reason given" : $"reason {revoked.Reason}";
        return $"{cert.Name} (serial {cert.SerialNumber}) was revoked on {revoked.RevocationDate.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)} ({reason}) according to the {(by.IsDelta ? "delta " : "")}CRL {by.Location}";
    }

    /// <summary>
    /// The CRL's issuingDistributionPoint scope includes the certificate (RFC 5280 §6.3.3 (b)(2)): a CRL that names a
    /// distribution point covers the certificates listing that point in cRLDistributionPoints; for the others the
    /// RFC assumes a distribution point named after the certificate's issuer (§6.3.3, last paragraph), so a CRL
    /// partitioned by URI does not cover a certificate without a matching point.
    /// </summary>
    private static bool Covers(CrlInfo crl, CertificateInfo cert, PathFacts facts)
    {
        if (crl.DistributionPoint is not { } idp) return true;
        if (idp.OnlyUserCerts && cert.IsCa) return false;
        if (idp.OnlyCaCerts && !cert.IsCa) return false;
        if (idp.Names.Count == 0) return true;
        if (facts.DistributionPoints.Any(dp => !dp.HasCrlIssuer && dp.Names.Any(n => idp.Names.Contains(n, StringComparer.Ordinal)))) return true;
        return idp.Names.Contains(IssuerAsGeneralName(cert), StringComparer.Ordinal);
    }

    /// <summary>The certificate's issuer as a directoryName GeneralName, in the hex form distribution point names are compared in.</summary>
    private static string IssuerAsGeneralName(CertificateInfo cert)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true))) w.WriteEncodedValue(cert.Issuer.Raw.Span);
        return Convert.ToHexString(w.Encode());
    }

    private static BigInteger Number(string? hex) =>
        hex is null ? BigInteger.MinusOne : BigInteger.Parse("0" + hex.TrimStart('-'), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
