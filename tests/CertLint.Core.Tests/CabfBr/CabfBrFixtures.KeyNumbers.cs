using System.Numerics;
using System.Security.Cryptography;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Tests.CabfBr;

internal static partial class CabfBrFixtures
{
    private const string RsaEncryption = "1.2.840.113549.1.1.1", IdDsa = "1.2.840.10040.4.1";

    /// <summary>BR §6.1.5/§6.1.6 numbers inside the key: RSA exponents, DSA domain parameters and public value.</summary>
    private static void KeyNumbers()
    {
        Add("cabf-rsa-exponent-even", Leaf(b => b.Spki = RsaSpki(65538)), Leaf(b => b.Spki = RsaSpki(65537)));
        Add("cabf-rsa-exponent-too-small", Leaf(b => b.Spki = RsaSpki(1)), Leaf(b => b.Spki = RsaSpki(3)));
        Add("cabf-rsa-exponent-range", Leaf(b => b.Spki = RsaSpki(3)), Leaf(b => b.Spki = RsaSpki((BigInteger.One << 255) + 1)));
        Add("cabf-rsa-exponent-range", Leaf(b => b.Spki = RsaSpki((BigInteger.One << 256) + 1)), Leaf(b => b.Spki = RsaSpki(65537)));

        // The DSA lints of BR 1.7.0 bind until BR 1.7.1 (2020-08-20), when DSA left the BR: these leaves are from 2019.
        var y2019 = IssuedOn(2019, 6, 1);
        Add("cabf-dsa-params-missing", Leaf(b => { y2019(b); b.Spki = DsaSpki(Dsa2048.Value, withParameters: false); }),
            Leaf(b => { y2019(b); b.Spki = DsaSpki(Dsa2048.Value); }));
        Add("cabf-dsa-key-size", Leaf(b => b.Spki = DsaSpki(Dsa1024.Value)), Leaf(b => b.Spki = DsaSpki(Dsa2048.Value)));
        Add("cabf-dsa-parameter-sizes", Leaf(b => b.Spki = DsaSpki(Dsa1024.Value)), Leaf(b => b.Spki = DsaSpki(Dsa2048.Value)));
        Add("cabf-dsa-public-value-range", Leaf(b => { y2019(b); b.Spki = DsaSpki(Dsa2048.Value, y: BigInteger.One); }),
            Leaf(b => { y2019(b); b.Spki = DsaSpki(Dsa2048.Value); }));
        // y = 2 is in range, but 2^q mod p = 1 only if 2 happens to lie in the order-q subgroup (it does not for these p, q).
        Add("cabf-dsa-subgroup-order", Leaf(b => { y2019(b); b.Spki = DsaSpki(Dsa2048.Value, y: 2); }),
            Leaf(b => { y2019(b); b.Spki = DsaSpki(Dsa2048.Value); }));
    }

    private static readonly Lazy<RSAParameters> RsaKey = new(() =>
    {
        using var rsa = RSA.Create(2048);
        return rsa.ExportParameters(false);
    });

    internal static readonly Lazy<DSAParameters> Dsa2048 = new(() => DsaParameters(2048));
    private static readonly Lazy<DSAParameters> Dsa1024 = new(() => DsaParameters(1024));

    private static DSAParameters DsaParameters(int bits)
    {
        using var dsa = DSA.Create(bits);
        return dsa.ExportParameters(false);
    }

    /// <summary>An rsaEncryption SPKI (or <paramref name="algorithm"/>) with a real 2048-bit modulus (or
    /// <paramref name="modulus"/>) and the public exponent <paramref name="e"/>.</summary>
    internal static byte[] RsaSpki(BigInteger e, byte[]? modulus = null, byte[]? algorithm = null) =>
        Seq(algorithm ?? AlgorithmId(RsaEncryption, NullValue()), Bits(Seq(UInt(modulus ?? RsaKey.Value.Modulus!), BigInt(e))));

    /// <summary><see cref="RsaSpki"/> with the modulus INTEGER missing its leading 00 octet, so DER reads it as negative.</summary>
    internal static byte[] RsaSpkiNegativeModulus() =>
        Seq(AlgorithmId(RsaEncryption, NullValue()), Bits(Seq(Tlv(Integer, RsaKey.Value.Modulus!), BigInt(65537))));

    /// <summary>The 2048-bit modulus of <see cref="RsaSpki"/>, big-endian.</summary>
    internal static byte[] RsaModulus => RsaKey.Value.Modulus!;

    /// <summary>An id-dsa SPKI from <paramref name="key"/>, without Dss-Parms if asked, with another public value if given.</summary>
    internal static byte[] DsaSpki(DSAParameters key, bool withParameters = true, BigInteger? y = null)
    {
        var parameters = withParameters ? Seq(UInt(key.P!), UInt(key.Q!), UInt(key.G!)) : null;
        return Seq(AlgorithmId(IdDsa, parameters), Bits(y is { } value ? BigInt(value) : UInt(key.Y!)));
    }

    private static byte[] Bits(byte[] content) => Tlv(BitString, [0, .. content]);

    private static byte[] UInt(byte[] unsignedBigEndian) => BigInt(new BigInteger(unsignedBigEndian, isUnsigned: true, isBigEndian: true));

    private static byte[] BigInt(BigInteger value) => Tlv(Integer, value.ToByteArray(isUnsigned: false, isBigEndian: true));
}
