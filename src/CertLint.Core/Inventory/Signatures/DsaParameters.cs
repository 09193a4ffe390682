using System.Formats.Asn1;
using CertLint.Model;
using CertLint.Parsing;

namespace CertLint.Inventory.Signatures;

/// <summary>
/// DSA domain parameters inherited from the issuer (RFC 3279 §2.3.2): a DSA subjectPublicKeyInfo without parameters
/// uses those of the CA that signed its certificate with DSA.
/// </summary>
internal static class DsaParameters
{
    /// <summary>A DSA key without p, q and g (the parser gives it 0 bits).</summary>
    public static bool Missing(PublicKeyInfo key) => key.Algorithm == KeyAlgorithm.Dsa && key.SizeBits == 0;

    /// <summary><paramref name="key"/> with the parameters of <paramref name="issuerKey"/>, or null when either does not decode.</summary>
    public static PublicKeyInfo? Inherit(PublicKeyInfo key, PublicKeyInfo issuerKey)
    {
        try
        {
            var issuer = new AsnReader(issuerKey.Spki, AsnEncodingRules.DER).ReadSequence();
            var issuerAlgorithm = issuer.ReadSequence();
            issuerAlgorithm.ReadObjectIdentifier();
            var parameters = issuerAlgorithm.ReadEncodedValue();
            var own = new AsnReader(key.Spki, AsnEncodingRules.DER).ReadSequence();
            var algorithm = own.ReadSequence();
            var oid = algorithm.ReadObjectIdentifier();
            var publicKey = own.ReadEncodedValue();
            var w = new AsnWriter(AsnEncodingRules.DER);
            using (w.PushSequence())
            {
                using (w.PushSequence())
                {
                    w.WriteObjectIdentifier(oid);
                    w.WriteEncodedValue(parameters.Span);
                }
                w.WriteEncodedValue(publicKey.Span);
            }
            return SpkiParser.Parse(w.Encode());
        }
        catch (Exception e) when (e is AsnContentException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
