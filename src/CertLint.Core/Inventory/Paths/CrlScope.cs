using System.Formats.Asn1;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Inventory.Paths;

/// <summary>
/// Whether a CRL's issuer and scope make it one for a certificate (RFC 5280 §6.3.3 (b)): a CRL of the certificate's
/// issuer, or an indirect CRL of a cRLIssuer its distribution points name, whose issuingDistributionPoint covers it.
/// </summary>
internal static class CrlScope
{
    /// <summary>
    /// Why <paramref name="crl"/> is not a CRL for <paramref name="cert"/>, or null when it is: the phrase follows the
    /// CRL's location in messages.
    /// </summary>
    public static string? Problem(CrlInfo crl, CertificateInfo cert, PathFacts facts)
    {
        var key = crl.Issuer.NormalizedKey;
        string? problem = null;
        foreach (var point in facts.DistributionPoints)
        {
            if (!point.CrlIssuers.Any(n => n.NormalizedKey == key)) continue;
            // §6.3.3 (b)(1): a CRL named by a cRLIssuer must say it is indirect, or its entries are its issuer's alone.
            if (crl.DistributionPoint is not { IndirectCrl: true }) problem ??= "is not an indirect CRL, so it does not cover a certificate of another issuer (cRLIssuer)";
            else if (CoversIndirect(crl, cert, point)) return null;
            else problem ??= "does not cover it (issuingDistributionPoint scope)";
        }
        if (key == cert.Issuer.NormalizedKey)
        {
            if (Covers(crl, cert, facts)) return null;
            problem ??= "does not cover it (issuingDistributionPoint scope)";
        }
        return problem ?? "is not from its issuer or a cRLIssuer of its distribution points";
    }

    /// <summary>
    /// The CRL's issuingDistributionPoint scope includes the certificate (§6.3.3 (b)(2)): a CRL that names a
    /// distribution point covers the certificates listing that point in cRLDistributionPoints; for the others the
    /// RFC assumes a distribution point named after the certificate's issuer (§6.3.3, last paragraph), so a CRL
    /// partitioned by URI does not cover a certificate without a matching point.
    /// </summary>
    private static bool Covers(CrlInfo crl, CertificateInfo cert, PathFacts facts)
    {
        if (crl.DistributionPoint is not { } idp) return true;
        if (!ForKind(idp, cert)) return false;
        if (idp.Names.Count == 0) return true;
        var scope = Scope(idp, crl);
        if (facts.DistributionPoints.Any(dp => !dp.HasCrlIssuer && dp.Names.Any(n => scope.Contains(FullName(n, cert.Issuer))))) return true;
        return scope.Contains(IssuerAsGeneralName(cert));
    }

    /// <summary>
    /// An indirect CRL of the point's cRLIssuer covers the certificate (§6.3.3 (b)(2)(i)): one of the point's names
    /// (a nameRelativeToCRLIssuer is relative to the cRLIssuer, §4.2.1.13), or without names one of its cRLIssuer
    /// names, is among the CRL's distribution point names.
    /// </summary>
    private static bool CoversIndirect(CrlInfo crl, CertificateInfo cert, CrlDistributionPoint point)
    {
        var idp = crl.DistributionPoint!;
        if (!ForKind(idp, cert)) return false;
        if (idp.Names.Count == 0) return true;
        var scope = Scope(idp, crl);
        return point.Names.Count > 0
            ? point.Names.Any(n => scope.Contains(FullName(n, crl.Issuer)))
            : point.CrlIssuerNames.Any(scope.Contains);
    }

    private static bool ForKind(IssuingDistributionPoint idp, CertificateInfo cert) =>
        !(idp.OnlyUserCerts && cert.IsCa) && !(idp.OnlyCaCerts && !cert.IsCa);

    private static HashSet<string> Scope(IssuingDistributionPoint idp, CrlInfo crl) =>
        idp.Names.Select(n => FullName(n, crl.Issuer)).ToHashSet(StringComparer.Ordinal);

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
            return Hex.Upper(w.Encode());
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
        return Hex.Upper(w.Encode());
    }
}
