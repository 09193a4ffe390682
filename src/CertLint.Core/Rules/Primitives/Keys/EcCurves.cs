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
        // RFC 5639 §3.4, §3.6, §3.7 (the r1 curves TLS and the German and European eID PKIs use)
        ["1.3.36.3.3.2.8.1.1.7"] = new("brainpoolP256r1",
            Hex("a9fb57dba1eea9bc3e660a909d838d726e3bf623d52620282013481d1f6e5377"),
            Hex("7d5a0975fc2c3057eef67530417affe7fb8055c126dc5c6ce94a4b44f330b5d9"),
            Hex("26dc5c6ce94a4b44f330b5d9bbd77cbf958416295cf7e1ce6bccdc18ff8c07b6")),
        ["1.3.36.3.3.2.8.1.1.11"] = new("brainpoolP384r1",
            Hex("8cb91e82a3386d280f5d6f7e50e641df152f7109ed5456b412b1da197fb71123acd3a729901d1a71874700133107ec53"),
            Hex("7bc382c63d8c150c3c72080ace05afa0c2bea28e4fb22787139165efba91f90f8aa5814a503ad4eb04a8c7dd22ce2826"),
            Hex("04a8c7dd22ce28268b39b55416f0447c2fb77de107dcd2a62e880ea53eeb62d57cb4390295dbc9943ab78696fa504c11")),
        ["1.3.36.3.3.2.8.1.1.13"] = new("brainpoolP512r1",
            Hex("aadd9db8dbe9c48b3fd4e6ae33c9fc07cb308db3b3c9d20ed6639cca703308717d4d9b009bc66842aecda12ae6a380e62881ff2f2d82c68528aa6056583a48f3"),
            Hex("7830a3318b603b89e2327145ac234cc594cbdd8d3df91610a83441caea9863bc2ded5d5aa8253aa10a2ef1c98b9ac8b57f1117a72bf2c7b9e7c1ac4d77fc94ca"),
            Hex("3df91610a83441caea9863bc2ded5d5aa8253aa10a2ef1c98b9ac8b57f1117a72bf2c7b9e7c1ac4d77fc94cadc083e67984050b75ebae5dd2809bd638016f723")),
    };
}
