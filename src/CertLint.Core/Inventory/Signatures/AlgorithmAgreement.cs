using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Inventory.Signatures;

/// <summary>
/// RFC 5280 §4.1.1.2: Certificate.signatureAlgorithm "MUST contain the same algorithm identifier as the signature
/// field in the sequence tbsCertificate". Only the TBS field is signed; when the two differ, which algorithm the
/// signer meant is not determined, so the signature cannot be taken as verified (§6.1.3 (a)(1)) even if it verifies
/// under the outer one. OpenSSL, Go, BoringSSL and webpki all reject such a certificate. The comparison is of the
/// encoded AlgorithmIdentifiers, byte for byte, as Go and the `signature-algorithm-mismatch` rule compare them.
/// </summary>
internal static class AlgorithmAgreement
{
    /// <summary>Why the certificate's two algorithm identifiers disagree, or null when they agree (or cannot be read: the parser reports that).</summary>
    public static string? Problem(CertificateInfo certificate)
    {
        try
        {
            var outer = new AsnReader(certificate.Raw, AsnEncodingRules.BER).ReadSequence();
            outer.ReadEncodedValue(); // tbsCertificate
            var outerAlgorithm = outer.ReadEncodedValue();
            var tbs = new AsnReader(certificate.TbsRaw, AsnEncodingRules.BER).ReadSequence();
            if (tbs.PeekTag().HasSameClassAndValue(new Asn1Tag(TagClass.ContextSpecific, 0, true))) tbs.ReadEncodedValue(); // version
            tbs.ReadEncodedValue(); // serialNumber
            var tbsAlgorithm = tbs.ReadEncodedValue();
            return outerAlgorithm.Span.SequenceEqual(tbsAlgorithm.Span)
                ? null
                : "its signatureAlgorithm is not the tbsCertificate signature field (RFC 5280 §4.1.1.2), so the algorithm the issuer signed with is not determined";
        }
        catch (AsnContentException)
        {
            return null;
        }
    }
}
