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

    /// <summary>The decoded record for a known extension, null for an unknown OID; throws on a malformed value.</summary>
    public static object? Decode(ExtensionInfo ext)
    {
        var r = new AsnReader(ext.Value, AsnEncodingRules.BER);
        object? result = ext.Oid switch
        {
            "2.5.29.35" => Aki(r.ReadSequence()),
            "2.5.29.14" => new OctetsDetails(Convert.ToHexString(Asn1Helpers.ReadOctetString(r).Span)),
            "2.5.29.15" => KeyUsage(r),
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
            _ => null,
        };
        if (result is not null) r.ThrowIfNotEmpty();
        return result;
    }

    /// <summary>
    /// TorServiceDescriptorSyntax ::= SEQUENCE (1..MAX) OF TorServiceDescriptorHash; TorServiceDescriptorHash ::= SEQUENCE {
    /// onionURI UTF8String, algorithm AlgorithmIdentifier, subjectPublicKeyHash BIT STRING } (EV Guidelines Appendix F).
    /// An empty outer SEQUENCE decodes to no entries (zcrypto accepts it too; the rule reports it).
    /// </summary>
    private static TorServiceDescriptorsDetails TorServiceDescriptors(AsnReader seq)
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
            var bits = Asn1Helpers.ReadBitString(hash, out var unused);
            hash.ThrowIfNotEmpty();
            entries.Add(new TorServiceDescriptor(uri, oid, bits.Length * 8 - unused));
        }
        return new TorServiceDescriptorsDetails(entries);
    }

    private static AkiDetails Aki(AsnReader seq)
    {
        string? keyId = null, serial = null;
        IReadOnlyList<string>? issuer = null;
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Ctx0)) keyId = Convert.ToHexString(Asn1Helpers.ReadOctetString(seq, Ctx0).Span);
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Ctx1C)) issuer = GeneralNames.ReadAll(seq.ReadSequence(Ctx1C)).Select(e => e.Value).ToArray();
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Ctx2))
            serial = Asn1Helpers.IntegerToHex(CertificateDetailsParser.Content(seq.ReadEncodedValue()).Span);
        seq.ThrowIfNotEmpty();
        return new AkiDetails(keyId, issuer, serial);
    }

    /// <summary>DER demands no trailing zero bits in a named-bit BIT STRING (X.690 §11.2.2).</summary>
    private static KeyUsageDetails KeyUsage(AsnReader reader)
    {
        var bits = Asn1Helpers.ReadBitString(reader, out var unused).Span;
        var flags = 0;
        for (var i = 0; i < bits.Length * 8 && i < 9; i++)
        {
            if ((bits[i / 8] & (0x80 >> (i % 8))) != 0) flags |= 1 << i;
        }
        var minimal = bits.Length == 0 ? unused == 0 : bits[^1] != 0 && (bits[^1] & (1 << unused)) != 0;
        return new KeyUsageDetails((KeyUsageFlags)flags, minimal);
    }

    private static PoliciesDetails Policies(AsnReader seq)
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

    private static PolicyQualifier Qualifier(AsnReader q)
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
        if (notice.HasData && notice.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            notice.ReadEncodedValue();
            noticeRef = true;
        }
        if (notice.HasData) (text, type, _) = NameDetails.ReadString(notice.ReadEncodedValue());
        return new PolicyQualifier(oid, "userNotice", null, text, type, noticeRef);
    }

    private static PolicyMappingsDetails Mappings(AsnReader seq)
    {
        var list = new List<PolicyMapping>();
        while (seq.HasData)
        {
            var m = seq.ReadSequence();
            list.Add(new PolicyMapping(m.ReadObjectIdentifier(), m.ReadObjectIdentifier()));
        }
        return new PolicyMappingsDetails(list);
    }

    private static AttributesDetails Attributes(AsnReader seq)
    {
        var oids = new List<string>();
        while (seq.HasData)
        {
            var a = seq.ReadSequence();
            oids.Add(a.ReadObjectIdentifier());
        }
        return new AttributesDetails(oids);
    }

    private static BasicConstraintsDetails Basic(AsnReader seq)
    {
        var ca = seq.HasData && seq.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && seq.ReadBoolean();
        long? pathLen = seq.HasData && seq.TryReadInt64(out var n) ? n : null;
        seq.ThrowIfNotEmpty();
        return new BasicConstraintsDetails(ca, pathLen);
    }

    private static NameConstraintsDetails NameConstraints(AsnReader seq)
    {
        IReadOnlyList<GeneralSubtree>? permitted = null, excluded = null;
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Ctx0C)) permitted = Subtrees(seq.ReadSequence(Ctx0C));
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Ctx1C)) excluded = Subtrees(seq.ReadSequence(Ctx1C));
        seq.ThrowIfNotEmpty();
        return new NameConstraintsDetails(permitted, excluded);
    }

    private static List<GeneralSubtree> Subtrees(AsnReader seq)
    {
        var list = new List<GeneralSubtree>();
        while (seq.HasData)
        {
            var t = seq.ReadSequence();
            var name = GeneralNames.Read(t, constraint: true);
            long? min = null, max = null;
            if (t.HasData && t.PeekTag().HasSameClassAndValue(Ctx0)) min = t.TryReadInt64(out var a, Ctx0) ? a : null;
            if (t.HasData && t.PeekTag().HasSameClassAndValue(Ctx1)) max = t.TryReadInt64(out var b, Ctx1) ? b : null;
            list.Add(new GeneralSubtree(name.Type, name.Value, min, max));
        }
        return list;
    }

    private static PolicyConstraintsDetails PolicyConstraints(AsnReader seq)
    {
        long? require = null, inhibit = null;
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Ctx0)) require = seq.TryReadInt64(out var a, Ctx0) ? a : null;
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(Ctx1)) inhibit = seq.TryReadInt64(out var b, Ctx1) ? b : null;
        seq.ThrowIfNotEmpty();
        return new PolicyConstraintsDetails(require, inhibit);
    }

    private static OidListDetails Oids(AsnReader seq)
    {
        var list = new List<string>();
        while (seq.HasData) list.Add(seq.ReadObjectIdentifier());
        return new OidListDetails(list);
    }

    private static DistributionPointsDetails DistributionPoints(AsnReader seq)
    {
        var list = new List<DistributionPoint>();
        while (seq.HasData)
        {
            var p = seq.ReadSequence();
            var full = new List<string>();
            var relative = false;
            if (p.HasData && p.PeekTag().HasSameClassAndValue(Ctx0C))
            {
                var dpName = p.ReadSequence(Ctx0C);
                if (dpName.PeekTag().HasSameClassAndValue(Ctx0C)) full.AddRange(GeneralNames.ReadAll(dpName.ReadSequence(Ctx0C)).Select(e => e.Value));
                else { dpName.ReadEncodedValue(); relative = true; }
            }
            var reasons = p.HasData && p.PeekTag().HasSameClassAndValue(Ctx1);
            if (reasons) p.ReadEncodedValue();
            var crlIssuer = p.HasData && p.PeekTag().HasSameClassAndValue(Ctx2C);
            if (crlIssuer) p.ReadEncodedValue();
            p.ThrowIfNotEmpty();
            list.Add(new DistributionPoint(full, relative, reasons, crlIssuer));
        }
        return new DistributionPointsDetails(list);
    }

    private static AccessDetails Access(AsnReader seq)
    {
        var list = new List<AccessDescription>();
        while (seq.HasData)
        {
            var d = seq.ReadSequence();
            var method = d.ReadObjectIdentifier();
            var name = GeneralNames.Read(d, constraint: false);
            list.Add(new AccessDescription(method, name.Type, name.Value));
        }
        return new AccessDetails(list);
    }
}
