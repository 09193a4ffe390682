using System.Formats.Asn1;

namespace CertLint.Parsing;

/// <summary>What a binary (non-PEM) blob looks like, from its outer ASN.1 structure only.</summary>
public enum DerShape
{
    Unknown,
    Certificate,
    Crl,
    Pkcs7,
    Pkcs12,
    Key,
}

/// <summary>Cheap structural sniffing of DER: reads a few tags, decodes nothing expensive, never throws.</summary>
public static class DerSniffer
{
    private const string Pkcs7DataOid = "1.2.840.113549.1.7.1";
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);

    public static DerShape Sniff(ReadOnlyMemory<byte> data)
    {
        try
        {
            if (data.Length < 2 || data.Span[0] != 0x30) return DerShape.Unknown;
            if (KeyParser.DerKeyShape(data) is not null) return DerShape.Key;
            var outer = new AsnReader(data, AsnEncodingRules.BER).ReadSequence();
            var first = outer.PeekTag();
            if (first.HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
            {
                return outer.ReadObjectIdentifier() == Pkcs7Parser.SignedDataOid ? DerShape.Pkcs7 : DerShape.Unknown;
            }
            if (first.HasSameClassAndValue(Asn1Tag.Integer))
            {
                // PFX: version 3, then authSafe ContentInfo (data or signedData).
                outer.ReadEncodedValue();
                var authSafe = outer.ReadSequence();
                var type = authSafe.ReadObjectIdentifier();
                return type is Pkcs7DataOid or Pkcs7Parser.SignedDataOid ? DerShape.Pkcs12 : DerShape.Unknown;
            }
            if (!first.HasSameClassAndValue(Asn1Tag.Sequence)) return DerShape.Unknown;
            return TbsShape(outer.ReadSequence());
        }
        catch (AsnContentException)
        {
            return DerShape.Unknown;
        }
    }

    /// <summary>Certificate tbs: [0] version or serial, algorithm, issuer, validity SEQUENCE. CRL tbs: version?, algorithm, issuer, thisUpdate Time.</summary>
    private static DerShape TbsShape(AsnReader tbs)
    {
        var first = tbs.PeekTag();
        if (first.HasSameClassAndValue(Context0)) return DerShape.Certificate;
        if (first.HasSameClassAndValue(Asn1Tag.Integer)) tbs.ReadEncodedValue();
        if (!tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence)) return DerShape.Unknown; // algorithm
        tbs.ReadEncodedValue();
        if (!tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence)) return DerShape.Unknown; // issuer
        tbs.ReadEncodedValue();
        var next = tbs.PeekTag();
        if (next.HasSameClassAndValue(Asn1Tag.Sequence)) return DerShape.Certificate;
        if (next.HasSameClassAndValue(Asn1Tag.UtcTime) || next.HasSameClassAndValue(Asn1Tag.GeneralizedTime)) return DerShape.Crl;
        return DerShape.Unknown;
    }
}
