using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>X.509 CRL (RFC 5280 §5): recognised by its issuer only; CRLs are not linted further.</summary>
public static class CrlParser
{
    public static CrlInfo Parse(ReadOnlyMemory<byte> der, SourceLocation location)
    {
        var certificateList = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbs = certificateList.ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer)) tbs.ReadEncodedValue(); // version
        Asn1Helpers.ReadAlgorithmIdentifier(tbs);
        var issuer = NameParser.Read(tbs);
        CertificateParser.ReadTime(tbs); // thisUpdate: proves this is a CRL and not something else shaped alike
        return new CrlInfo(location, issuer);
    }
}
