using CertLint.Findings;
using CertLint.Model;
using CertLint.Parsing;
using T = CertLint.Rules.Fields.FieldType;

namespace CertLint.Rules.Fields;

/// <summary>
/// Fields of CRL subjects (RFC 5280 §5). Where a certificate has the same fact (version, signature algorithms, the
/// issuer Name, extensions, aki) the path is the certificate's and the definition is made by the same code
/// (<see cref="ProfileFields.NameFields"/>, <see cref="ProfileFields.TimeFields"/>...); the catalog merges the kinds.
/// </summary>
internal static class CrlFields
{
    internal static readonly IReadOnlySet<SubjectKind> Kind = new HashSet<SubjectKind> { SubjectKind.Crl };

    private const string Aki = CrlExtensionOids.AuthorityKeyIdentifier, CrlNumber = CrlExtensionOids.CrlNumber;
    private const string DeltaCrlIndicator = CrlExtensionOids.DeltaCrlIndicator, Idp = CrlExtensionOids.IssuingDistributionPoint;

    private static readonly ProfileFields.Maker<CrlInfo> Make = (path, type, description, get, elements) =>
        new(path, type, Kind, description, (s, _) => s.Crl is { } c ? get(c) : null) { Elements = elements };

    public static IEnumerable<FieldDefinition> Define()
    {
        yield return Make("version", T.Integer, "CRL version: 1 when the version field is absent, else the encoded INTEGER + 1", c => Boxes.Of(Version(c.Details)));
        yield return Make("version.explicit", T.Boolean, "The version INTEGER is encoded (RFC 5280 §5.1.2.1: required, as v2, when there are extensions)", c => Boxes.Of(c.Details.VersionPresent));
        yield return Make("signature.oid", T.String, "Signature algorithm OID", c => c.Signature?.AlgorithmOid);
        yield return Make("signature.algorithm", T.String, "Signature algorithm name", c => c.Signature?.AlgorithmName);
        yield return Make("signature.hash", T.String, "Hash of the signature", c => c.Signature?.HashName);
        yield return ProfileFields.SignatureValueLength(Make, c => c.Signature);
        foreach (var f in ProfileFields.AlgorithmFields(Make, "signature", "outer signatureAlgorithm", c => c.Details.OuterSignature)) yield return f;
        foreach (var f in ProfileFields.AlgorithmFields(Make, "tbsSignature", "tbsCertList signature", c => c.Details.TbsSignature)) yield return f;
        yield return Make("tbsSignature.oid", T.String, "tbsCertList signature algorithm OID", c => c.Details.TbsSignature?.Oid);
        yield return Make("signature.matchesTbs", T.Boolean, "Outer and TBS AlgorithmIdentifier DER are byte-equal (RFC 5280 §5.1.1.2)",
            c => c.Details is { OuterSignature: { } o, TbsSignature: { } t } ? Boxes.Of(o.Der == t.Der) : null);
        yield return Make("malformed", T.List, "Parts that could not be decoded: issuerName, thisUpdate, nextUpdate, revokedCertificates, extensions, ...", c => c.Details.Malformed);
        yield return Make("der", T.Boolean, "The whole CRL is valid DER (false: it was read with the lenient BER rules)", c => Boxes.Of(c.DerError is null));
        yield return Make("issuerName", T.String, "Issuer DN (RFC 4514 text)", c => c.Issuer.Text);
        foreach (var (name, oid) in Names.DnAttributes)
            yield return Make($"issuerName.{name}", T.String, $"Issuer attribute {name} ({oid}), first value", c => c.Issuer.Get(oid));
        foreach (var f in ProfileFields.NameFields(Make, "issuerName", c => c.Issuer, c => c.Details.IssuerAttributes, c => c.Details.IssuerRdns)) yield return f;
        yield return Make("thisUpdate", T.Date, "thisUpdate (UTC)", c => c.ThisUpdate);
        foreach (var f in ProfileFields.TimeFields(Make, "thisUpdate", "thisUpdate", c => c.Details.ThisUpdate)) yield return f;
        yield return Make("nextUpdate", T.Date, "nextUpdate (UTC); absent when the CRL has none", c => c.NextUpdate);
        yield return Make("nextUpdate.present", T.Boolean, "The CRL has a nextUpdate (RFC 5280 §5.1.2.5: MUST)", c => Boxes.Of(c.NextUpdate is not null));
        foreach (var f in ProfileFields.TimeFields(Make, "nextUpdate", "nextUpdate", c => c.Details.NextUpdate)) yield return f;
        yield return Make("updateInterval.seconds", T.Integer, "Seconds from thisUpdate to nextUpdate (absent without nextUpdate)",
            c => c.NextUpdate is { } n ? Boxes.Of((long)(n - c.ThisUpdate).TotalSeconds) : null);
        yield return Make("updateInterval.months", T.Integer, "The fewest calendar months after thisUpdate that reach nextUpdate (12: within 12 months)",
            c => c.NextUpdate is { } n ? Boxes.Of(CalendarMonths.Spanned(c.ThisUpdate, n)) : null);
        yield return new FieldDefinition("issuerCertificate.found", T.Boolean, Kind, "A certificate of the scan issued this CRL (its signature verifies)",
            (s, ctx) => s.Crl is { } c ? Boxes.Of(IssuerOf(c, ctx) is not null) : null);
        yield return new FieldDefinition("issuerCertificate.selfSigned", T.Boolean, Kind,
            "The CRL's issuer is a self-signed (root) certificate, so the CRL covers CA certificates (absent when the issuer is not found)",
            (s, ctx) => s.Crl is { } c ? IssuerOf(c, ctx) is { } issuer ? Boxes.Of(ctx.Inventory.SelfSigned.Contains(issuer)) : null : null);
        foreach (var f in CrlExtensionFields()) yield return f;
        foreach (var f in CrlEntryFields.Define(Make)) yield return f;
    }

    private static IEnumerable<FieldDefinition> CrlExtensionFields()
    {
        yield return Make("extensions", T.List, "OIDs of every extension", c => Oids(c.Details.Extensions));
        yield return Make("extensions.present", T.Boolean, "The crlExtensions field is encoded", c => Boxes.Of(c.Details.ExtensionsPresent));
        yield return Make("extensions.count", T.Integer, "Number of extensions", c => Boxes.Of((long)c.Details.Extensions.Count));
        yield return Make("extensions.duplicates", T.List, "OIDs that occur more than once", c => ExtensionFields.Repeated(c.Details.Extensions, static e => e.Oid));
        yield return Make("extensions.entries", T.Records, "Every extension: oid, name, critical, length", c => c.Details.Extensions, RecordScopes.Extension);
        yield return Make("extensions.unknownCritical", T.List, "OIDs of critical extensions RFC 5280 §5.2 does not define for CRLs",
            c => ExtensionFields.UnknownCritical(c.Details.Extensions, CrlExtensionOids.Crl));
        foreach (var (name, oid) in new[] { ("aki", Aki), ("ian", CrlExtensionOids.IssuerAltName), ("freshestCrl", CrlExtensionOids.FreshestCrl), ("aia", CrlExtensionOids.AuthorityInfoAccess),
                     ("crlNumber", CrlNumber), ("deltaCrlIndicator", DeltaCrlIndicator), ("idp", Idp) })
        {
            yield return Make($"{name}.present", T.Boolean, $"The {name} extension ({oid}) is present", c => Boxes.Of(c.Details.Extension(oid) is not null));
            yield return Make($"{name}.critical", T.Boolean, $"The {name} extension is critical (absent when it is)", c => Boxes.Of(c.Details.Extension(oid)?.Critical));
        }
        yield return Make("aki.keyId", T.String, "AKI keyIdentifier (hex)", c => AkiOf(c)?.KeyId);
        yield return Make("aki.keyId.length", T.Integer, "AKI keyIdentifier octets", c => AkiOf(c)?.KeyId is { } k ? Boxes.Of((long)k.Length / 2) : null);
        yield return Make("aki.issuer", T.List, "AKI authorityCertIssuer names", c => AkiOf(c)?.Issuer);
        yield return Make("aki.serial", T.String, "AKI authorityCertSerialNumber (hex)", c => AkiOf(c)?.Serial);
        foreach (var (name, oid) in new[] { ("crlNumber", CrlNumber), ("deltaCrlIndicator", DeltaCrlIndicator) })
        {
            yield return Make(name, T.String, $"{name} INTEGER content octets (hex)", c => IntegerOf(c, oid) is { } v ? Hex.Upper(v.Span) : null);
            yield return Make($"{name}.length", T.Integer, $"{name} INTEGER content octets (RFC 5280 §5.2.3: at most 20)", c => IntegerOf(c, oid) is { } v ? Boxes.Of((long)v.Length) : null);
            yield return Make($"{name}.negative", T.Boolean, $"{name} is negative", c => IntegerOf(c, oid) is { } v ? Boxes.Of(ProfileFields.Negative(v.Span)) : null);
        }
        yield return Make("idp.onlyContainsUserCerts", T.Boolean, "issuingDistributionPoint onlyContainsUserCerts", c => Boxes.Of(c.DistributionPoint?.OnlyUserCerts));
        yield return Make("idp.onlyContainsCaCerts", T.Boolean, "issuingDistributionPoint onlyContainsCACerts", c => Boxes.Of(c.DistributionPoint?.OnlyCaCerts));
        yield return Make("idp.onlyContainsAttributeCerts", T.Boolean, "issuingDistributionPoint onlyContainsAttributeCerts", c => Boxes.Of(c.DistributionPoint?.OnlyAttributeCerts));
        yield return Make("idp.onlySomeReasons", T.Boolean, "issuingDistributionPoint has onlySomeReasons", c => Boxes.Of(c.DistributionPoint?.OnlySomeReasons));
        yield return Make("idp.indirectCrl", T.Boolean, "issuingDistributionPoint indirectCRL (false without the extension)", c => Boxes.Of(c.DistributionPoint?.IndirectCrl ?? false));
        yield return Make("idp.scopes", T.Integer, "How many of onlyContainsUserCerts, onlyContainsCACerts, onlyContainsAttributeCerts are TRUE (RFC 5280 §5.2.5: at most one)",
            c => c.DistributionPoint is { } d ? Boxes.Of((long)((d.OnlyUserCerts ? 1 : 0) + (d.OnlyCaCerts ? 1 : 0) + (d.OnlyAttributeCerts ? 1 : 0))) : null);
    }

    private static long? Version(CrlDetails d) => !d.VersionPresent ? 1 : d.Version is { } v && v < long.MaxValue ? v + 1 : null;

    private static string[] Oids(IReadOnlyList<ExtensionInfo> extensions)
    {
        var oids = new string[extensions.Count];
        for (var i = 0; i < oids.Length; i++) oids[i] = extensions[i].Oid;
        return oids;
    }

    private static AkiDetails? AkiOf(CrlInfo c) => c.Details.Extension(Aki) is { } e ? Decode(e) as AkiDetails : null;

    /// <summary>A decoded extension value, or null when it does not decode (the rule then does not apply).</summary>
    internal static object? Decode(ExtensionInfo ext)
    {
        try
        {
            return ExtensionDetailsDecoder.Decode(ext);
        }
        catch (Exception e) when (CertificateDetailsParser.IsDecodeError(e))
        {
            return null;
        }
    }

    private static ReadOnlyMemory<byte>? IntegerOf(CrlInfo c, string oid)
    {
        if (c.Details.Extension(oid) is not { } e) return null;
        try
        {
            var r = new AsnCursor(e.Value);
            var v = CertificateDetailsParser.IntegerContent(ref r);
            r.ThrowIfNotEmpty();
            return v;
        }
        catch (Exception x) when (CertificateDetailsParser.IsDecodeError(x))
        {
            return null;
        }
    }

    private static CertificateInfo? IssuerOf(CrlInfo crl, EvaluationContext context) => context.Inventory.StatusOf(crl)?.Issuer;
}
