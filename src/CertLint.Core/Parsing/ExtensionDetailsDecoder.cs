using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>Decoders of every certificate extension RFC 5280 §4.2 defines, into the records the field model exposes.</summary>
internal static class ExtensionDetailsDecoder
{
    private static readonly Asn1Tag Ctx0 = new(TagClass.ContextSpecific, 0);
    private static readonly Asn1Tag Ctx1 = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag Ctx2 = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag Ctx0C = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Ctx1C = new(TagClass.ContextSpecific, 1, isConstructed: true);
    private static readonly Asn1Tag Ctx2C = new(TagClass.ContextSpecific, 2, isConstructed: true);

    /// <summary>
    /// Decoded values of the extensions whose bytes repeat across the certificates of one CA (basicConstraints,
    /// keyUsage, EKU, policies, AIA, CRL distribution points, qcStatements, the AKI of one issuer...), by OID and then by value: the
    /// records are immutable, so 10,000 leaves share one. SAN, SKI, subjectDirectoryAttributes, TorServiceDescriptor and
    /// cabfOrganizationIdentifier are nearly always unique and are decoded each time.
    /// </summary>
    private static readonly Dictionary<string, BytesCache<object>> Shared = new[]
    {
        "2.5.29.35", "2.5.29.15", "2.5.29.32", "2.5.29.33", "2.5.29.18", "2.5.29.19", "2.5.29.30", "2.5.29.36", "2.5.29.37",
        "2.5.29.31", "2.5.29.46", "2.5.29.54", "1.3.6.1.5.5.7.1.1", "1.3.6.1.5.5.7.1.11", "1.3.6.1.5.5.7.1.3",
    }.ToDictionary(oid => oid, _ => new BytesCache<object>(maxEntries: 256, maxKeyLength: 2048), StringComparer.Ordinal);

    /// <summary>The decoded record for a known extension, null for an unknown OID; throws on a malformed value.</summary>
    public static object? Decode(ExtensionInfo ext)
    {
        var shared = Shared.GetValueOrDefault(ext.Oid);
        if (shared is not null && shared.TryGet(ext.Value.Span, out var known)) return known;
        var r = new AsnCursor(ext.Value);
        object? result = ext.Oid switch
        {
            "2.5.29.35" => Aki(r.ReadSequence()),
            "2.5.29.14" => new OctetsDetails(Hex.Upper(r.ReadOctetString().Span)),
            "2.5.29.15" => KeyUsage(ref r),
            "2.5.29.32" => Policies(r.ReadSequence()),
            "2.5.29.33" => Mappings(r.ReadSequence()),
            "2.5.29.17" or "2.5.29.18" => new GeneralNamesDetails(GeneralNames.ReadAll(r.ReadSequence())),
            "2.5.29.9" => Attributes(r.ReadSequence()),
            "2.5.29.19" => Basic(r.ReadSequence()),
            "2.5.29.30" => NameConstraints(r.ReadSequence()),
            "2.5.29.36" => PolicyConstraints(r.ReadSequence()),
            "2.5.29.37" => Oids(r.ReadSequence()),
            "2.5.29.31" or "2.5.29.46" => DistributionPoints(r.ReadSequence()),
            "2.5.29.54" => new SkipCertsDetails(r.TryReadInt64(out var skip) ? skip : throw new AsnContentException("skipCerts out of range")),
            "1.3.6.1.5.5.7.1.1" or "1.3.6.1.5.5.7.1.11" => Access(r.ReadSequence()),
            "2.23.140.1.31" => TorServiceDescriptors(r.ReadSequence()),
            "2.23.140.3.1" => CabfOrganizationIdentifier(r.ReadSequence()),
            "1.3.6.1.5.5.7.1.3" => QcStatementsDecoder.Decode(r.ReadSequence()),
            "1.3.6.1.5.5.7.1.24" => TlsFeatures(r.ReadSequence()),
            // id-pkix-ocsp-nocheck (RFC 6960 §4.2.2.2.1) and the CT precertificate poison (RFC 6962 §3.1): extnValue is NULL.
            Model.Oids.OcspNoCheck or "1.3.6.1.4.1.11129.2.4.3" => Null(ref r),
            _ => null,
        };
        if (result is null) return null;
        r.ThrowIfNotEmpty();
        return shared is null ? result : shared.Add(ext.Value.Span, result);
    }

    /// <summary>An extension whose value is ASN.1 NULL: anything else (an empty value, NULL with content) is malformed.</summary>
    private static OctetsDetails Null(ref AsnCursor r)
    {
        if (!r.ReadEncodedValue().Span.SequenceEqual((ReadOnlySpan<byte>)[0x05, 0x00])) throw new AsnContentException("expected NULL");
        return NullValue;
    }

    private static readonly OctetsDetails NullValue = new("");

    /// <summary>Features ::= SEQUENCE OF INTEGER (RFC 7633 §5), each a TLS extension type (a 16-bit number).</summary>
    private static TlsFeaturesDetails TlsFeatures(AsnCursor seq)
    {
        var features = new List<long>();
        while (seq.HasData)
        {
            features.Add(seq.TryReadInt64(out var feature) && feature is >= 0 and <= ushort.MaxValue
                ? feature : throw new AsnContentException("TLS feature out of range"));
        }
        return new TlsFeaturesDetails(features);
    }

    /// <summary>
    /// TorServiceDescriptorSyntax ::= SEQUENCE (1..MAX) OF TorServiceDescriptorHash; TorServiceDescriptorHash ::= SEQUENCE {
    /// onionURI UTF8String, algorithm AlgorithmIdentifier, subjectPublicKeyHash BIT STRING } (EV Guidelines Appendix F).
    /// An empty outer SEQUENCE decodes to no entries (zcrypto accepts it too; the rule reports it).
    /// </summary>
    private static TorServiceDescriptorsDetails TorServiceDescriptors(AsnCursor seq)
    {
        var entries = new List<TorServiceDescriptor>();
        while (seq.HasData)
        {
            var hash = seq.ReadSequence();
            var uri = hash.ReadCharacterString(UniversalTagNumber.UTF8String);
            var algorithm = hash.ReadSequence();
            var oid = algorithm.ReadObjectIdentifier();
            if (algorithm.HasData) algorithm.ReadEncodedValue(); // parameters: any
            algorithm.ThrowIfNotEmpty();
            var bits = hash.ReadBitString(out var unused);
            hash.ThrowIfNotEmpty();
            entries.Add(new TorServiceDescriptor(uri, oid, bits.Length * 8 - unused));
        }
        return new TorServiceDescriptorsDetails(entries);
    }

    /// <summary>
    /// CABFOrganizationIdentifier ::= SEQUENCE { registrationSchemeIdentifier PrintableString (SIZE(3)), registrationCountry
    /// PrintableString (SIZE(2)), registrationStateOrProvince [0] IMPLICIT PrintableString OPTIONAL, registrationReference
    /// UTF8String } (EV Guidelines §9.8.2). Another string type is malformed; the sizes are left to the rules, which name them.
    /// </summary>
    private static CabfOrganizationIdentifierDetails CabfOrganizationIdentifier(AsnCursor seq)
    {
        var scheme = seq.ReadCharacterString(UniversalTagNumber.PrintableString);
        var country = seq.ReadCharacterString(UniversalTagNumber.PrintableString);
        var state = seq.NextIs(Ctx0) ? seq.ReadCharacterString(UniversalTagNumber.PrintableString, Ctx0) : null;
        var reference = seq.ReadCharacterString(UniversalTagNumber.UTF8String);
        seq.ThrowIfNotEmpty();
        return new CabfOrganizationIdentifierDetails(scheme, country, state, reference);
    }

    private static AkiDetails Aki(AsnCursor seq)
    {
        string? keyId = null, serial = null;
        IReadOnlyList<string>? issuer = null;
        if (seq.NextIs(Ctx0)) keyId = Hex.Upper(seq.ReadOctetString(Ctx0).Span);
        if (seq.NextIs(Ctx1C)) issuer = GeneralNames.ReadValues(seq.ReadSequence(Ctx1C));
        if (seq.NextIs(Ctx2)) serial = Asn1Helpers.IntegerToHex(AsnCursor.Content(seq.ReadEncodedValue()).Span);
        seq.ThrowIfNotEmpty();
        return new AkiDetails(keyId, issuer, serial);
    }

    /// <summary>DER demands no trailing zero bits in a named-bit BIT STRING (X.690 §11.2.2).</summary>
    private static KeyUsageDetails KeyUsage(ref AsnCursor reader)
    {
        var bits = reader.ReadBitString(out var unused).Span;
        var flags = 0;
        for (var i = 0; i < bits.Length * 8 && i < 9; i++)
        {
            if ((bits[i / 8] & (0x80 >> (i % 8))) != 0) flags |= 1 << i;
        }
        var minimal = bits.Length == 0 ? unused == 0 : bits[^1] != 0 && (bits[^1] & (1 << unused)) != 0;
        return new KeyUsageDetails((KeyUsageFlags)flags, minimal);
    }

    private static PoliciesDetails Policies(AsnCursor seq)
    {
        var list = new List<PolicyEntry>();
        while (seq.HasData)
        {
            var info = seq.ReadSequence();
            var oid = info.ReadObjectIdentifier();
            var qualifiers = new List<PolicyQualifier>();
            if (info.HasData)
            {
                var qs = info.ReadSequence();
                while (qs.HasData) qualifiers.Add(Qualifier(qs.ReadSequence()));
            }
            info.ThrowIfNotEmpty();
            list.Add(new PolicyEntry(oid, qualifiers));
        }
        return new PoliciesDetails(list);
    }

    private static PolicyQualifier Qualifier(AsnCursor q)
    {
        var oid = q.ReadObjectIdentifier();
        if (oid == "1.3.6.1.5.5.7.2.1")
        {
            var (cps, _, _) = NameDetails.ReadString(q.ReadEncodedValue());
            return new PolicyQualifier(oid, "cps", cps, null, null, false);
        }
        if (oid != "1.3.6.1.5.5.7.2.2" || !q.HasData) return new PolicyQualifier(oid, "other", null, null, null, false);
        var notice = q.ReadSequence();
        var noticeRef = false;
        string? text = null, type = null;
        if (notice.NextIs(Asn1Tag.Sequence))
        {
            notice.ReadEncodedValue();
            noticeRef = true;
        }
        if (notice.HasData) (text, type, _) = NameDetails.ReadString(notice.ReadEncodedValue());
        return new PolicyQualifier(oid, "userNotice", null, text, type, noticeRef);
    }

    private static PolicyMappingsDetails Mappings(AsnCursor seq)
    {
        var list = new List<PolicyMapping>();
        while (seq.HasData)
        {
            var m = seq.ReadSequence();
            list.Add(new PolicyMapping(m.ReadObjectIdentifier(), m.ReadObjectIdentifier()));
        }
        return new PolicyMappingsDetails(list);
    }

    private static AttributesDetails Attributes(AsnCursor seq)
    {
        var oids = new List<string>();
        while (seq.HasData)
        {
            var a = seq.ReadSequence();
            oids.Add(a.ReadObjectIdentifier());
        }
        return new AttributesDetails(oids);
    }

    private static BasicConstraintsDetails Basic(AsnCursor seq)
    {
        var ca = seq.NextIs(Asn1Tag.Boolean) && seq.ReadBoolean();
        long? pathLen = seq.HasData && seq.TryReadInt64(out var n) ? n : null;
        seq.ThrowIfNotEmpty();
        return new BasicConstraintsDetails(ca, pathLen);
    }

    private static NameConstraintsDetails NameConstraints(AsnCursor seq)
    {
        IReadOnlyList<GeneralSubtree>? permitted = null, excluded = null;
        if (seq.NextIs(Ctx0C)) permitted = Subtrees(seq.ReadSequence(Ctx0C));
        if (seq.NextIs(Ctx1C)) excluded = Subtrees(seq.ReadSequence(Ctx1C));
        seq.ThrowIfNotEmpty();
        return new NameConstraintsDetails(permitted, excluded);
    }

    private static List<GeneralSubtree> Subtrees(AsnCursor seq)
    {
        var list = new List<GeneralSubtree>();
        while (seq.HasData)
        {
            var t = seq.ReadSequence();
            var name = GeneralNames.Read(ref t, constraint: true);
            long? min = null, max = null;
            if (t.NextIs(Ctx0)) min = t.TryReadInt64(out var a, Ctx0) ? a : null;
            if (t.NextIs(Ctx1)) max = t.TryReadInt64(out var b, Ctx1) ? b : null;
            list.Add(new GeneralSubtree(name.Type, name.Value, min, max, name.Valid));
        }
        return list;
    }

    private static PolicyConstraintsDetails PolicyConstraints(AsnCursor seq)
    {
        long? require = null, inhibit = null;
        if (seq.NextIs(Ctx0)) require = seq.TryReadInt64(out var a, Ctx0) ? a : null;
        if (seq.NextIs(Ctx1)) inhibit = seq.TryReadInt64(out var b, Ctx1) ? b : null;
        seq.ThrowIfNotEmpty();
        return new PolicyConstraintsDetails(require, inhibit);
    }

    private static OidListDetails Oids(AsnCursor seq)
    {
        var list = new List<string>();
        while (seq.HasData) list.Add(seq.ReadObjectIdentifier());
        return new OidListDetails(list);
    }

    private static DistributionPointsDetails DistributionPoints(AsnCursor seq)
    {
        var list = new List<DistributionPoint>();
        while (seq.HasData)
        {
            var p = seq.ReadSequence();
            IReadOnlyList<GeneralNameEntry> full = [];
            var relative = false;
            if (p.NextIs(Ctx0C))
            {
                var dpName = p.ReadSequence(Ctx0C);
                if (dpName.PeekTag().HasSameClassAndValue(Ctx0C)) full = GeneralNames.ReadAll(dpName.ReadSequence(Ctx0C));
                else { dpName.ReadEncodedValue(); relative = true; }
            }
            var reasons = p.NextIs(Ctx1);
            if (reasons) p.ReadEncodedValue();
            var crlIssuer = p.NextIs(Ctx2C);
            if (crlIssuer) p.ReadEncodedValue();
            p.ThrowIfNotEmpty();
            list.Add(new DistributionPoint([.. full.Select(n => n.Value)], [.. full.Select(n => n.Type)], relative, reasons, crlIssuer));
        }
        return new DistributionPointsDetails(list);
    }

    private static AccessDetails Access(AsnCursor seq)
    {
        var list = new List<AccessDescription>();
        while (seq.HasData)
        {
            var d = seq.ReadSequence();
            var method = d.ReadObjectIdentifier();
            var name = GeneralNames.Read(ref d, constraint: false);
            list.Add(new AccessDescription(method, name.Type, name.Value));
        }
        return new AccessDetails(list);
    }
}
