using System.Globalization;
using System.Numerics;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Short-Weierstrass curves y² = x³ + ax + b (mod p) whose points CertLint checks, by OID. Values from SEC 2 v2 and
/// FIPS 186-4 (D.1.2); a test compares them with the explicit parameters the platform's crypto library exports.
/// </summary>
internal static class EcCurves
{
    public sealed record Curve(string Name, BigInteger P, BigInteger A, BigInteger B)
    {
        public int Bytes => (int)((P.GetBitLength() + 7) / 8);
    }

    private static BigInteger Hex(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static Curve Nist(string name, BigInteger p, string b) => new(name, p, p - 3, Hex(b));

    public static readonly IReadOnlyDictionary<string, Curve> ByOid = new Dictionary<string, Curve>
    {
        ["1.2.840.10045.3.1.1"] = Nist("P-192", (BigInteger.One << 192) - (BigInteger.One << 64) - 1,
            "64210519e59c80e70fa7e9ab72243049feb8deecc146b9b1"),
        ["1.3.132.0.33"] = Nist("P-224", (BigInteger.One << 224) - (BigInteger.One << 96) + 1,
            "b4050a850c04b3abf54132565044b0b7d7bfd8ba270b39432355ffb4"),
        ["1.2.840.10045.3.1.7"] = Nist("P-256",
            (BigInteger.One << 256) - (BigInteger.One << 224) + (BigInteger.One << 192) + (BigInteger.One << 96) - 1,
            "5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b"),
        ["1.3.132.0.34"] = Nist("P-384",
            (BigInteger.One << 384) - (BigInteger.One << 128) - (BigInteger.One << 96) + (BigInteger.One << 32) - 1,
            "b3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aef"),
        ["1.3.132.0.35"] = Nist("P-521", (BigInteger.One << 521) - 1,
            "0051953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00"),
        ["1.3.132.0.10"] = new("secp256k1", (BigInteger.One << 256) - (BigInteger.One << 32) - 977, 0, 7),
    };
}
