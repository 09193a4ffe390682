using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>PKCS#7 / CMS SignedData (.p7b, .p7c, PEM "PKCS7"): the certificates in its certificates set, in order.</summary>
public static class Pkcs7Parser
{
    public const string SignedDataOid = "1.2.840.113549.1.7.2";
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <summary>Parses a ContentInfo holding SignedData; <paramref name="location"/> is the block's (Index is set per certificate).</summary>
    public static IReadOnlyList<CertificateInfo> Parse(ReadOnlyMemory<byte> der, SourceLocation location)
    {
        // PKCS#7 files are often BER (indefinite lengths); certificates inside are still DER.
        var contentInfo = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        var contentType = contentInfo.ReadObjectIdentifier();
        if (contentType != SignedDataOid) throw new AsnContentException($"PKCS#7 content type {contentType} is not signedData");
        var signedData = contentInfo.ReadSequence(Context0).ReadSequence();
        signedData.ReadEncodedValue(); // version
        signedData.ReadEncodedValue(); // digestAlgorithms
        signedData.ReadEncodedValue(); // encapContentInfo
        var certificates = new List<CertificateInfo>();
        if (!signedData.HasData || !signedData.PeekTag().HasSameClassAndValue(Context0)) return certificates;
        var set = signedData.ReadSetOf(skipSortOrderValidation: true, Context0);
        while (set.HasData)
        {
            if (set.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
            {
                certificates.Add(CertificateParser.Read(set, location with { Index = certificates.Count }, ObjectFormat.Pkcs7));
            }
            else
            {
                set.ReadEncodedValue(); // attribute certificates and other choices
            }
        }
        return certificates;
    }
}
