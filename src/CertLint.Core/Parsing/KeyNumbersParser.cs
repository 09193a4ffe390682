using System.Formats.Asn1;
using System.Numerics;
using CertLint.Model;

namespace CertLint.Parsing;

/// <summary>
/// The numbers inside a SubjectPublicKeyInfo that profile rules judge: the RSA public exponent at any size, and a DSA
/// key's domain parameters and public value (RFC 3279 §2.3.1, §2.3.2).
/// </summary>
internal static class KeyNumbersParser
{
    /// <summary>
    /// Above these sizes y^q mod p is not computed, nor a private key's y = g^x mod p (PublicKeyDerivation): bounded work
    /// on a hostile key (FIPS 186-5 stops at 3072 / 256).
    /// </summary>
    internal const int MaxOrderPBits = 16384, MaxOrderQBits = 1024;

    /// <summary>The publicExponent of an RSAPublicKey held in <paramref name="keyBitString"/> (the encoded BIT STRING).</summary>
    public static BigInteger RsaExponent(ReadOnlyMemory<byte> keyBitString)
    {
        var seq = new AsnReader(BitStringContent(keyBitString), AsnEncodingRules.BER).ReadSequence();
        seq.ReadEncodedValue(); // modulus
        return Integer(seq);
    }

    /// <summary>
    /// Whether the modulus of the RSAPublicKey in <paramref name="keyBitString"/> is encoded as a negative INTEGER: its
    /// first content octet has the top bit set, the leading 00 octet an encoder forgot. Key sizes read the octets as
    /// unsigned, so such a key otherwise looks like a sound 2048-bit one.
    /// </summary>
    public static bool RsaModulusNegative(ReadOnlyMemory<byte> keyBitString)
    {
        var seq = new AsnReader(BitStringContent(keyBitString), AsnEncodingRules.BER).ReadSequence();
        var modulus = Asn1Helpers.ReadIntegerContent(seq, out _);
        return !modulus.IsEmpty && (modulus[0] & 0x80) != 0;
    }

    /// <summary>Dss-Parms from the algorithm parameters (absent: all sizes 0) and y from the BIT STRING.</summary>
    public static DsaKeyDetails Dsa(AlgorithmDetails? algorithm, ReadOnlyMemory<byte> keyBitString)
    {
        var y = Integer(new AsnReader(BitStringContent(keyBitString), AsnEncodingRules.BER));
        if (algorithm is not { Parameters: "present" } a) return new DsaKeyDetails(0, 0, 0, null, null);
        var parms = new AsnReader(Convert.FromHexString(a.ParametersHex), AsnEncodingRules.BER).ReadSequence();
        var (p, q, g) = (Integer(parms), Integer(parms), Integer(parms));
        var (pBits, qBits) = (Bits(p), Bits(q));
        bool? inRange = p.Sign > 0 ? y >= 2 && y <= p - 2 : null;
        bool? inSubgroup = p.Sign > 0 && q.Sign > 0 && pBits <= MaxOrderPBits && qBits <= MaxOrderQBits
            ? ModularExponent.Pow(y, q, p).IsOne
            : null;
        return new DsaKeyDetails(pBits, qBits, Bits(g), inRange, inSubgroup);
    }

    /// <summary>Bit length of a non-negative integer; 0 for zero or a negative value.</summary>
    public static int Bits(BigInteger value) => value.Sign > 0 ? (int)value.GetBitLength() : 0;

    private static ReadOnlyMemory<byte> BitStringContent(ReadOnlyMemory<byte> encoded) =>
        Asn1Helpers.ReadBitString(new AsnReader(encoded, AsnEncodingRules.BER), out _);

    private static BigInteger Integer(AsnReader reader) =>
        new(Asn1Helpers.ReadIntegerContent(reader, out _), isUnsigned: false, isBigEndian: true);
}
