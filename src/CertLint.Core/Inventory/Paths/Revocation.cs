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
/// A CRL may also be signed by another certificate with its issuer's name (a CA's new key after a rollover, or a
/// separate CRL-signing key, §6.3.3 (f)) that may sign CRLs, as crl-invalid judges it; that signer's own path is not
/// validated.
///
/// The status is undetermined (§6.3.3 (k)) when a path's PKI publishes CRLs (one of its CAs or its anchor has a CRL
/// in the scan) but no current complete CRL that CertLint can use covers a certificate for every reason: that is
/// revocation-unknown. Certificates whose distribution points name a separate cRLIssuer (indirect CRLs) are not judged.
/// </summary>
internal sealed class Revocation
{
    private readonly Dictionary<string, List<CrlInfo>> _byIssuer = new(StringComparer.Ordinal);
    private readonly SignatureVerifier _verifier;
    private readonly DateTimeOffset _now;

    private readonly Func<DistinguishedName, IReadOnlyList<CertificateInfo>> _named;

    /// <param name="named">The certificates of the scan with a given subject (other keys of a CRL's issuer).</param>
    public Revocation(IEnumerable<CrlInfo> crls, SignatureVerifier verifier, DateTimeOffset now, Func<DistinguishedName, IReadOnlyList<CertificateInfo>> named)
    {
        _named = named;
        foreach (var crl in crls)
        {
            if (!_byIssuer.TryGetValue(crl.Issuer.NormalizedKey, out var list)) _byIssuer[crl.Issuer.NormalizedKey] = list = [];
            list.Add(crl);
        }
        _verifier = verifier;
        _now = now;
    }

    public bool IsEmpty => _byIssuer.Count == 0;

    /// <summary>Whether a CRL issued under <paramref name="name"/> is known: the PKI of a path through it publishes CRLs.</summary>
    public bool HasCrlsFrom(DistinguishedName name) => _byIssuer.ContainsKey(name.NormalizedKey);

    /// <summary>Why a CRL cannot be used with <paramref name="issuer"/>'s key, or null when it can (for crl-invalid).</summary>
    public string? Unusable(CrlInfo crl, CertificateInfo issuer)
    {
        if (crl.UnknownCriticalExtensions.Count > 0) return $"it has critical extension(s) CertLint does not process ({string.Join(", ", crl.UnknownCriticalExtensions)})";
        // An indirect CRL's entries belong to its own issuer until a certificateIssuer entry extension (always critical,
        // not processed: such a CRL is unusable above) names another CA, so one without those is used as direct.
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

    /// <summary>The revocation of <paramref name="cert"/> issued by <paramref name="issuer"/>, or null.</summary>
    public string? Check(CertificateInfo cert, CertificateInfo issuer, PathFacts facts)
    {
        if (!_byIssuer.TryGetValue(cert.Issuer.NormalizedKey, out var crls)) return null;
        var usable = crls.Where(c => Covers(c, cert, facts) && UsableWith(c, issuer)).ToList();
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
    /// Why the revocation status of <paramref name="cert"/> cannot be determined from the CRLs of its issuer, or null
    /// when a current complete CRL covers it for every reason (or it relies on indirect CRLs, which are not judged).
    /// </summary>
    public string? Undetermined(CertificateInfo cert, CertificateInfo issuer, PathFacts facts)
    {
        if (facts.DistributionPoints.Any(dp => dp.HasCrlIssuer)) return null;
        if (!_byIssuer.TryGetValue(cert.Issuer.NormalizedKey, out var crls))
        {
            return $"no CRL from its issuer {cert.Issuer} was found, though CAs on its path publish CRLs";
        }
        var reasons = 0;
        var why = new List<string>();
        foreach (var crl in crls)
        {
            if (crl.IsDelta) why.Add($"{crl.Location} is a delta CRL, which needs a complete CRL");
            else if (!Covers(crl, cert, facts)) why.Add($"{crl.Location} does not cover it (issuingDistributionPoint scope)");
            else if (!UsableWith(crl, issuer)) why.Add($"{crl.Location} cannot be used: {Unusable(crl, issuer)}");
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

    /// <summary>Whether the path's issuer, or another certificate with its name that may sign CRLs, signed the CRL.</summary>
    private bool UsableWith(CrlInfo crl, CertificateInfo issuer)
    {
        if (Unusable(crl, issuer) is null) return true;
        foreach (var other in _named(crl.Issuer))
        {
            // The same test as crl-invalid's (CrlChecks): one judge of whether a CRL is usable.
            if (!ReferenceEquals(other, issuer) && Unusable(crl, other) is null) return true;
        }
        return false;
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
        var scope = idp.Names.Select(n => FullName(n, crl.Issuer)).ToHashSet(StringComparer.Ordinal);
        if (facts.DistributionPoints.Any(dp => !dp.HasCrlIssuer && dp.Names.Any(n => scope.Contains(FullName(n, cert.Issuer))))) return true;
        return scope.Contains(IssuerAsGeneralName(cert));
    }

    /// <summary>
    /// A distribution point name as a full name: nameRelativeToCRLIssuer ("rdn:" and the [1]-tagged RDN, as the
    /// decoder keeps it) appended to the CRL issuer's name, as the directoryName GeneralName full names are compared in.
    /// </summary>
    private static string FullName(string name, DistinguishedName crlIssuer)
    {
        if (!name.StartsWith("rdn:", StringComparison.Ordinal)) return name;
        try
        {
            var rdn = Convert.FromHexString(name.AsSpan(4));
            if (rdn.Length == 0 || rdn[0] != 0xA1) return name;
            rdn[0] = 0x31; // [1] IMPLICIT SET OF → SET OF: the same RelativeDistinguishedName
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true)))
            using (w.PushSequence())
            {
                var issuer = new AsnReader(crlIssuer.Raw, AsnEncodingRules.BER).ReadSequence();
                while (issuer.HasData) w.WriteEncodedValue(issuer.ReadEncodedValue().Span);
                w.WriteEncodedValue(rdn);
            }
            return Convert.ToHexString(w.Encode());
        }
        catch (Exception e) when (e is AsnContentException or ArgumentException or FormatException)
        {
            return name; // undecodable: compared as written, so it matches nothing else
        }
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
