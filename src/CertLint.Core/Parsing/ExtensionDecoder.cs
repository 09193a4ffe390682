using System.Formats.Asn1;
using System.Net;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>Decoders for the extensions the rules look at (RFC 5280 §4.2). Each reads the extnValue contents.</summary>
internal static class ExtensionDecoder
{
    private static readonly Asn1Tag Rfc822Tag = new(TagClass.ContextSpecific, 1);
    private static readonly Asn1Tag DnsTag = new(TagClass.ContextSpecific, 2);
    private static readonly Asn1Tag UriTag = new(TagClass.ContextSpecific, 6);
    private static readonly Asn1Tag IpTag = new(TagClass.ContextSpecific, 7);
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0);
    private static readonly Asn1Tag Context0Constructed = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <summary>basicConstraints without a path length, one instance each (the record is immutable): most certificates carry one of these.</summary>
    private static readonly BasicConstraints[] Shared = [new(false, null, false), new(false, null, true), new(true, null, false), new(true, null, true)];

    private const string OcspMethod = "1.3.6.1.5.5.7.48.1";
    private const string CaIssuersMethod = "1.3.6.1.5.5.7.48.2";

    public static SubjectAltNames SubjectAltNames(ReadOnlyMemory<byte> value)
    {
        List<string>? dns = null, ip = null, email = null, uri = null;
        var names = Open(value).ReadSequence();
        while (names.HasData)
        {
            var tag = names.PeekTag();
            if (tag.HasSameClassAndValue(DnsTag)) (dns ??= []).Add(names.ReadCharacterString(UniversalTagNumber.IA5String, DnsTag));
            else if (tag.HasSameClassAndValue(Rfc822Tag)) (email ??= []).Add(names.ReadCharacterString(UniversalTagNumber.IA5String, Rfc822Tag));
            else if (tag.HasSameClassAndValue(UriTag)) (uri ??= []).Add(names.ReadCharacterString(UniversalTagNumber.IA5String, UriTag));
            else if (tag.HasSameClassAndValue(IpTag)) (ip ??= []).Add(IpText(names.ReadOctetString(IpTag).Span));
            else names.ReadEncodedValue(); // otherName, directoryName, registeredID: not used by rules
        }
        return new SubjectAltNames(KeptList.Of(dns), KeptList.Of(ip), KeptList.Of(email), KeptList.Of(uri));
    }

    /// <summary>IPv4 dotted, IPv6 in its compressed form; odd lengths (never valid in a SAN) as hex.</summary>
    private static string IpText(ReadOnlySpan<byte> bytes) =>
        bytes.Length is 4 or 16 ? new IPAddress(bytes).ToString() : Hex.Upper(bytes);

    public static IReadOnlyList<string> ExtendedKeyUsage(ReadOnlyMemory<byte> value)
    {
        var oids = new List<string>();
        var seq = Open(value).ReadSequence();
        while (seq.HasData) oids.Add(seq.ReadObjectIdentifier());
        return KeptList.Of(oids);
    }

    /// <summary>Bit 0 (digitalSignature) is the most significant bit of the first octet.</summary>
    public static KeyUsageFlags KeyUsage(ReadOnlyMemory<byte> value)
    {
        var bits = Open(value).ReadBitString(out _).Span;
        var flags = 0;
        for (var i = 0; i < bits.Length * 8 && i < 9; i++)
        {
            if ((bits[i / 8] & (0x80 >> (i % 8))) != 0) flags |= 1 << i;
        }
        return (KeyUsageFlags)flags;
    }

    public static BasicConstraints BasicConstraints(ReadOnlyMemory<byte> value, bool critical)
    {
        var seq = Open(value).ReadSequence();
        var isCa = seq.HasData && seq.PeekTag().HasSameClassAndValue(Asn1Tag.Boolean) && seq.ReadBoolean();
        int? pathLength = null;
        if (seq.HasData && seq.TryReadInt32(out var n)) pathLength = n;
        return pathLength is null ? Shared[(isCa ? 2 : 0) + (critical ? 1 : 0)] : new BasicConstraints(isCa, pathLength, critical);
    }

    /// <summary>Key identifiers as upper-case hex without separators.</summary>
    public static string SubjectKeyIdentifier(ReadOnlyMemory<byte> value) =>
        Hex.Upper(Open(value).ReadOctetString().Span);

    public static string? AuthorityKeyIdentifier(ReadOnlyMemory<byte> value) =>
        AuthorityKeyId(value) is { } id ? Hex.Upper(id.Span) : null;

    /// <summary>The keyIdentifier [0] octets of an authorityKeyIdentifier (a slice of its value when primitive), or null.</summary>
    public static ReadOnlyMemory<byte>? AuthorityKeyId(ReadOnlyMemory<byte> value)
    {
        var seq = Open(value).ReadSequence();
        return seq.HasData && seq.PeekTag().HasSameClassAndValue(Context0) ? seq.ReadOctetString(Context0) : null;
    }

    /// <summary>The URIs of every distribution point's fullName.</summary>
    public static IReadOnlyList<string> CrlDistributionPoints(ReadOnlyMemory<byte> value)
    {
        var urls = new List<string>();
        var points = Open(value).ReadSequence();
        while (points.HasData)
        {
            var point = points.ReadSequence();
            if (!point.HasData || !point.PeekTag().HasSameClassAndValue(Context0Constructed)) continue;
            var name = point.ReadSequence(Context0Constructed);
            if (!name.HasData || !name.PeekTag().HasSameClassAndValue(Context0Constructed)) continue;
            var fullName = name.ReadSequence(Context0Constructed);
            while (fullName.HasData)
            {
                if (fullName.PeekTag().HasSameClassAndValue(UriTag)) urls.Add(fullName.ReadCharacterString(UniversalTagNumber.IA5String, UriTag));
                else fullName.ReadEncodedValue();
            }
        }
        return KeptList.Of(urls);
    }

    /// <summary>
    /// The names of an encoded distributionPoint [0] DistributionPointName: fullName URIs as text, other general
    /// names and nameRelativeToCRLIssuer as hex of their DER, so a CRL's scope can be compared with a certificate's.
    /// </summary>
    public static IReadOnlyList<string> DistributionPointNames(ReadOnlyMemory<byte> encodedPointName)
    {
        var names = new List<string>();
        var choice = new AsnReader(encodedPointName, AsnEncodingRules.BER).ReadSequence(Context0Constructed);
        if (!choice.HasData) return names;
        if (!choice.PeekTag().HasSameClassAndValue(Context0Constructed))
        {
            names.Add("rdn:" + Hex.Upper(choice.ReadEncodedValue().Span));
            return names;
        }
        var fullName = choice.ReadSequence(Context0Constructed);
        while (fullName.HasData)
        {
            if (fullName.PeekTag().HasSameClassAndValue(UriTag)) names.Add(fullName.ReadCharacterString(UniversalTagNumber.IA5String, UriTag));
            else names.Add(Hex.Upper(fullName.ReadEncodedValue().Span));
        }
        return names;
    }

    /// <summary>Every distribution point of a cRLDistributionPoints extension: its names and its cRLIssuer.</summary>
    public static IReadOnlyList<CrlDistributionPoint> DistributionPoints(ReadOnlyMemory<byte> value)
    {
        var result = new List<CrlDistributionPoint>();
        var points = Open(value).ReadSequence();
        while (points.HasData)
        {
            var point = points.ReadSequence();
            IReadOnlyList<string> names = [];
            // Empty unless a cRLIssuer is present (rare): nothing allocated for the common point.
            IReadOnlyList<string> issuerNames = [];
            IReadOnlyList<DistinguishedName> issuers = [];
            while (point.HasData)
            {
                var tag = point.PeekTag();
                if (tag.HasSameClassAndValue(Context0Constructed)) names = DistributionPointNames(point.ReadEncodedValue());
                else if (tag.TagClass == TagClass.ContextSpecific && tag.TagValue == 2) (issuerNames, issuers) = ReadCrlIssuer(point.ReadSequence(tag));
                else point.ReadEncodedValue();
            }
            result.Add(new CrlDistributionPoint(names, issuerNames, issuers));
        }
        return result;
    }

    /// <summary>
    /// cRLIssuer [2] GeneralNames: each name in the hex form distribution point names are compared in, and its
    /// directoryNames decoded (a CRL's issuer field is a directory name).
    /// </summary>
    private static (List<string> Names, List<DistinguishedName> DirectoryNames) ReadCrlIssuer(AsnCursor generalNames)
    {
        List<string> names = [];
        List<DistinguishedName> directoryNames = [];
        var directoryName = new Asn1Tag(TagClass.ContextSpecific, 4, isConstructed: true);
        while (generalNames.HasData)
        {
            var encoded = generalNames.ReadEncodedValue();
            names.Add(Hex.Upper(encoded.Span));
            var reader = new AsnCursor(encoded, AsnEncodingRules.BER);
            if (!reader.PeekTag().HasSameClassAndValue(directoryName)) continue;
            try
            {
                var name = reader.ReadSequence(directoryName);
                directoryNames.Add(NameParser.Read(ref name));
            }
            catch (AsnContentException)
            {
                // An undecodable name matches no CRL issuer: the CRL it points to is not found (as an unknown one).
            }
        }
        return (names, directoryNames);
    }

    public static AuthorityInfoAccess AuthorityInfoAccess(ReadOnlyMemory<byte> value)
    {
        List<string> ocsp = [], caIssuers = [];
        var seq = Open(value).ReadSequence();
        while (seq.HasData)
        {
            var description = seq.ReadSequence();
            var method = description.ReadObjectIdentifier();
            if (!description.PeekTag().HasSameClassAndValue(UriTag)) continue;
            var uri = description.ReadCharacterString(UniversalTagNumber.IA5String, UriTag);
            if (method == OcspMethod) ocsp.Add(uri);
            else if (method == CaIssuersMethod) caIssuers.Add(uri);
        }
        return new AuthorityInfoAccess(KeptList.Of(ocsp), KeptList.Of(caIssuers));
    }

    public static IReadOnlyList<string> Policies(ReadOnlyMemory<byte> value)
    {
        var oids = new List<string>();
        var seq = Open(value).ReadSequence();
        while (seq.HasData) oids.Add(seq.ReadSequence().ReadObjectIdentifier());
        return KeptList.Of(oids);
    }

    // Extension contents in the wild are not always strict DER; BER is the lenient superset. A cursor: every
    // certificate's extensions are decoded as it is parsed, and a reader object per nested structure added up.
    private static AsnCursor Open(ReadOnlyMemory<byte> value) => new(value, AsnEncodingRules.BER);
}
