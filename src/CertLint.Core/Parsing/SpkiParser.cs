using System.Formats.Asn1;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>Decodes a SubjectPublicKeyInfo into <see cref="PublicKeyInfo"/>; used for certificates and keys alike.</summary>
public static class SpkiParser
{
    /// <summary>Decodes a DER SubjectPublicKeyInfo. <paramref name="spki"/> is kept (not copied) as <see cref="PublicKeyInfo.Spki"/>.</summary>
    public static PublicKeyInfo Parse(ReadOnlyMemory<byte> spki)
    {
        var reader = new AsnCursor(spki, AsnEncodingRules.DER);
        var result = Read(ref reader);
        reader.ThrowIfNotEmpty();
        return result;
    }

    /// <summary>Reads the next SubjectPublicKeyInfo from <paramref name="reader"/>.</summary>
    internal static PublicKeyInfo Read(ref AsnCursor reader)
    {
        var raw = reader.PeekEncodedValue();
        var seq = reader.ReadSequence();
        var (oid, parameters) = Asn1Helpers.ReadAlgorithmIdentifier(ref seq);
        var key = seq.ReadBitString(out _);

        var (algorithm, bits, curveOid, curveName) = oid switch
        {
            OidNames.RsaEncryption => (KeyAlgorithm.Rsa, RsaModulusBits(key), null, null),
            OidNames.RsaPss => (KeyAlgorithm.RsaPss, RsaModulusBits(key), null, null),
            OidNames.Dsa => (KeyAlgorithm.Dsa, DsaPBits(parameters), null, null),
            DhKeys.Pkcs3Oid or DhKeys.X942Oid => (KeyAlgorithm.Dh, DhKeys.Bits(oid, parameters), null, null),
            OidNames.EcPublicKey => Ec(parameters, key),
            // Sizes as OpenSSL's EVP_PKEY_get_bits reports them.
            OidNames.Ed25519 => (KeyAlgorithm.Ed25519, 253, null, null),
            OidNames.Ed448 => (KeyAlgorithm.Ed448, 456, null, null),
            OidNames.X25519 => (KeyAlgorithm.X25519, 253, null, null),
            OidNames.X448 => (KeyAlgorithm.X448, 448, null, null),
            // 8 × the key's octets, as OpenSSL 3.5 reports an ML-DSA or SLH-DSA key's bits; a key of the wrong length keeps its own.
            _ when PureSignatureSet.Of(oid) is { } set => (set.Algorithm, key.Length * 8, null, null),
            _ when MlKem.Of(oid) is not null => (KeyAlgorithm.MlKem, key.Length * 8, null, null),
            _ => (KeyAlgorithm.Unknown, key.Length * 8, (string?)null, (string?)null),
        };
        return new PublicKeyInfo(algorithm, oid, bits, curveOid, curveName, raw, Asn1Helpers.Sha256Hex(raw.Span));
    }

    private static int RsaModulusBits(ReadOnlyMemory<byte> key)
    {
        var seq = new AsnReader(key, AsnEncodingRules.BER).ReadSequence();
        return Asn1Helpers.BitLength(Asn1Helpers.ReadIntegerContent(seq, out _));
    }

    private static int DsaPBits(ReadOnlyMemory<byte> parameters)
    {
        if (parameters.IsEmpty) return 0; // parameters inherited from the issuer
        var seq = new AsnReader(parameters, AsnEncodingRules.BER).ReadSequence();
        return Asn1Helpers.BitLength(Asn1Helpers.ReadIntegerContent(seq, out _));
    }

    private static (KeyAlgorithm, int, string?, string?) Ec(ReadOnlyMemory<byte> parameters, ReadOnlyMemory<byte> point)
    {
        // Fallback for explicit or unknown curves: a point is 04 || X || Y, or 02/03 || X compressed.
        var pointBits = point.Length > 1 ? (point.Span[0] is 2 or 3 ? point.Length - 1 : (point.Length - 1) / 2) * 8 : 0;
        if (parameters.IsEmpty) return (KeyAlgorithm.Ec, pointBits, null, null);
        var reader = new AsnCursor(parameters);
        if (!reader.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier)) return (KeyAlgorithm.Ec, pointBits, null, null);
        var curveOid = reader.ReadObjectIdentifier();
        return OidNames.Curves.TryGetValue(curveOid, out var curve)
            ? (KeyAlgorithm.Ec, curve.Bits, curveOid, curve.Name)
            : (KeyAlgorithm.Ec, pointBits, curveOid, null);
    }
}
