using System.Formats.Asn1;
using CertLint.Model;

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
    /// <summary>Diffie-Hellman domain parameters, PKCS#3 or X9.42 (what <c>openssl dhparam -outform DER</c> writes).</summary>
    DhParameters,
    /// <summary>A PKCS#10 certificate request (RFC 2986): its public key is read, as in PEM.</summary>
    CertificationRequest,
    /// <summary>A well-formed structure CertLint does not lint (an OCSP request or response, DSA domain parameters):
    /// neither an object nor a parse error.</summary>
    NotLinted,
}

/// <summary>Cheap structural sniffing of DER: reads a few tags, decodes nothing expensive, never throws.</summary>
public static class DerSniffer
{
    private const string Pkcs7DataOid = "1.2.840.113549.1.7.1";
    private static readonly Asn1Tag Context0 = new(TagClass.ContextSpecific, 0, isConstructed: true);

    /// <param name="exact">False for discovery, which only asks whether the blob is worth parsing: a pair of integers is
    /// then a key without the Fermat test that tells an RSA public key from DH parameters (both are parsed), so walking
    /// a tree does no key arithmetic, which only a file's parse meters (<see cref="ArithmeticMeter"/>).</param>
    public static DerShape Sniff(ReadOnlyMemory<byte> data, bool exact = true) => Sniff(data, exact, out _);

    /// <param name="key">For <see cref="DerShape.Key"/>, which key encoding (for <see cref="KeyParser.ParseDer"/>).</param>
    internal static DerShape Sniff(ReadOnlyMemory<byte> data, bool exact, out KeyEncoding? key)
    {
        key = null;
        try
        {
            if (data.Length < 2 || data.Span[0] != 0x30) return DerShape.Unknown;
            if ((key = KeyParser.DerKeyShape(data, fermat: exact)) is not null) return DerShape.Key;
            var outer = new AsnReader(data, AsnEncodingRules.BER).ReadSequence();
            var first = outer.PeekTag();
            // OCSPResponse (RFC 6960 §4.2.1): responseStatus ENUMERATED, responseBytes [0] EXPLICIT OPTIONAL.
            if (first.HasSameClassAndValue(Asn1Tag.Enumerated)) return DerShape.NotLinted;
            if (first.HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
            {
                return outer.ReadObjectIdentifier() == Pkcs7Parser.SignedDataOid ? DerShape.Pkcs7 : DerShape.Unknown;
            }
            if (first.HasSameClassAndValue(Asn1Tag.Integer))
            {
                switch (DhParametersParser.Classify(outer.Clone()))
                {
                    case DhParametersParser.DerForm.Pkcs3 or DhParametersParser.DerForm.X942: return DerShape.DhParameters;
                    case DhParametersParser.DerForm.Dsa: return DerShape.NotLinted;
                }
                // PFX: version 3, then authSafe ContentInfo (data or signedData).
                outer.ReadEncodedValue();
                var authSafe = outer.ReadSequence();
                var type = authSafe.ReadObjectIdentifier();
                return type is Pkcs7DataOid or Pkcs7Parser.SignedDataOid ? DerShape.Pkcs12 : DerShape.Unknown;
            }
            if (!first.HasSameClassAndValue(Asn1Tag.Sequence)) return DerShape.Unknown;
            var tbs = outer.ReadSequence();
            return IsOcspRequest(tbs.Clone()) ? DerShape.NotLinted : TbsShape(tbs);
        }
        catch (AsnContentException)
        {
            return DerShape.Unknown;
        }
    }

    /// <summary>
    /// Certificate tbs: [0] version or serial, algorithm, issuer, validity SEQUENCE. CRL tbs: version?, algorithm, issuer,
    /// thisUpdate Time. PKCS#10 CertificationRequestInfo (RFC 2986 §4.1): version, subject, subjectPKInfo, [0] attributes.
    /// </summary>
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
        if (next.HasSameClassAndValue(Context0) && first.HasSameClassAndValue(Asn1Tag.Integer)) return DerShape.CertificationRequest;
        return DerShape.Unknown;
    }

    /// <summary>
    /// OCSP TBSRequest (RFC 6960 §4.1.1): [0] version and [1] requestorName optional, then requestList, a SEQUENCE OF
    /// Request whose first element, reqCert, is a CertID: hashAlgorithm SEQUENCE then issuerNameHash OCTET STRING.
    /// </summary>
    private static bool IsOcspRequest(AsnReader tbs)
    {
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Context0)) tbs.ReadEncodedValue();
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 1, isConstructed: true))) tbs.ReadEncodedValue();
        if (!tbs.HasData || !tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence)) return false;
        var requests = tbs.ReadSequence();
        if (!requests.HasData || !requests.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence)) return false;
        var request = requests.ReadSequence();
        if (!request.HasData || !request.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence)) return false;
        var certId = request.ReadSequence();
        if (!certId.HasData || !certId.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence)) return false;
        certId.ReadEncodedValue();
        return certId.HasData && certId.PeekTag().HasSameClassAndValue(Asn1Tag.PrimitiveOctetString);
    }
}
