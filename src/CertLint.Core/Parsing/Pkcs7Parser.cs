using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>PKCS#7 / CMS SignedData (.p7b, .p7c, PEM "PKCS7"): the certificates in its certificates set, in order.</summary>
public static class Pkcs7Parser
{
    public const string SignedDataOid = "1.2.840.113549.1.7.2";
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);
    private static readonly Asn1Tag Context1 = new(TagClass.ContextSpecific, 1, isConstructed: true);

    private static void End(AsnReader reader, string what)
    {
        if (reader.HasData) throw new AsnContentException($"unexpected data at the end of {what}");
    }

    /// <summary>Parses a ContentInfo holding SignedData; <paramref name="location"/> is the block's (Index is set per certificate).</summary>
    public static IReadOnlyList<CertificateInfo> Parse(ReadOnlyMemory<byte> der, SourceLocation location)
    {
        // PKCS#7 files are often BER (indefinite lengths); certificates inside are still DER. Every level must be read
        // to its end: a structure that does not parse completely is damaged, and a damaged bundle is a parse error.
        var outer = new AsnReader(der, AsnEncodingRules.BER);
        var contentInfo = outer.ReadSequence();
        if (outer.HasData) throw new AsnContentException("data after the PKCS#7 structure");
        var contentType = contentInfo.ReadObjectIdentifier();
        if (contentType != SignedDataOid) throw new AsnContentException($"PKCS#7 content type {contentType} is not signedData");
        var explicitContent = contentInfo.ReadSequence(Context0);
        End(contentInfo, "ContentInfo");
        var signedData = explicitContent.ReadSequence();
        End(explicitContent, "the signedData content");
        signedData.ReadInteger(); // version
        signedData.ReadSetOf(skipSortOrderValidation: true); // digestAlgorithms
        signedData.ReadSequence(); // encapContentInfo
        var certificates = new List<CertificateInfo>();
        if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(Context0))
        {
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
        }
        if (signedData.HasData && signedData.PeekTag().HasSameClassAndValue(Context1)) signedData.ReadEncodedValue(); // crls
        signedData.ReadSetOf(skipSortOrderValidation: true); // signerInfos (empty in a certificate bundle)
        End(signedData, "SignedData");
        return certificates;
    }
}
