using System.Numerics;
using System.Security.Cryptography;

namespace CertLint.Tests.WeakKeys;

/// <summary>Number theory for generating defective RSA keys: primes, ROCA primes, RSA parameters from p and q.</summary>
internal static class WeakKeyMath
{
    private static readonly int[] SmallPrimes = [.. Enumerable.Range(2, 2000).Where(n => Enumerable.Range(2, (int)Math.Sqrt(n) - 1).All(d => n % d != 0))];

    public static BigInteger Random(Random rng, int bits)
    {
        var bytes = new byte[(bits + 7) / 8];
        rng.NextBytes(bytes);
        var n = new BigInteger(bytes, isUnsigned: true, isBigEndian: true) & ((BigInteger.One << bits) - 1);
        return n | (BigInteger.One << (bits - 1)) | (BigInteger.One << (bits - 2));   // top two bits: p·q has 2·bits bits
    }

    public static bool IsProbablePrime(BigInteger n, Random rng)
    {
        if (n < 2) return false;
        foreach (var p in SmallPrimes)
        {
            if (n == p) return true;
            if (n % p == 0) return false;
        }
        var d = n - 1;
        var s = 0;
        while (d.IsEven) { d >>= 1; s++; }
        for (var round = 0; round < 24; round++)
        {
            var a = (Random(rng, 64) % (n - 3)) + 2;
            var x = BigInteger.ModPow(a, d, n);
            if (x.IsOne || x == n - 1) continue;
            var composite = true;
            for (var r = 1; r < s && composite; r++)
            {
                x = BigInteger.ModPow(x, 2, n);
                if (x == n - 1) composite = false;
            }
            if (composite) return false;
        }
        return true;
    }

    /// <summary>The first prime ≥ start with gcd(p − 1, 65537) = 1.</summary>
    public static BigInteger NextPrime(BigInteger start, Random rng)
    {
        for (var p = start | 1; ; p += 2)
        {
            if ((p - 1) % 65537 != 0 && IsProbablePrime(p, rng)) return p;
        }
    }

    public static BigInteger Prime(Random rng, int bits) => NextPrime(Random(rng, bits), rng);

    /// <summary>
    /// 620 distinct random 256-bit primes, made once per test run (about a second) and shared by the batch-GCD tests,
    /// which need hundreds of moduli that share no factor unless a test plants one.
    /// </summary>
    public static IReadOnlyList<BigInteger> PrimePool => Pool.Value;

    private static readonly Lazy<BigInteger[]> Pool = new(() =>
    {
        var rng = new Random(256);
        var primes = new HashSet<BigInteger>();
        while (primes.Count < 620) primes.Add(Prime(rng, 256));
        return [.. primes.Order()];
    });

    /// <summary>
    /// A prime of Infineon RSALib's form p = k·M + (65537^a mod M), M the product of the primes up to 167
    /// (Nemec et al. 2017, §2: the structure of the primes; the real library uses a larger M for bigger keys,
    /// which keeps the same residues modulo these small primes).
    /// </summary>
    public static BigInteger RocaPrime(Random rng, int bits)
    {
        var m = SmallPrimes.TakeWhile(p => p <= 167).Aggregate(BigInteger.One, (acc, p) => acc * p);
        while (true)
        {
            var k = Random(rng, bits) / m;
            var candidate = (k * m) + BigInteger.ModPow(65537, Random(rng, 62), m);
            if (candidate.GetBitLength() == bits && (candidate - 1) % 65537 != 0 && IsProbablePrime(candidate, rng)) return candidate;
        }
    }

    /// <summary>A complete RSA key (e = 65537) from its two primes.</summary>
    public static RSA Rsa(BigInteger p, BigInteger q)
    {
        var e = new BigInteger(65537);
        var n = p * q;
        var phi = (p - 1) * (q - 1);
        var d = ModInverse(e, phi);
        var size = (int)((n.GetBitLength() + 7) / 8);
        var half = (size + 1) / 2;
        var rsa = RSA.Create();
        rsa.ImportParameters(new RSAParameters
        {
            Modulus = Bytes(n, size), Exponent = Bytes(e, 3), D = Bytes(d, size),
            P = Bytes(p, half), Q = Bytes(q, half), DP = Bytes(d % (p - 1), half), DQ = Bytes(d % (q - 1), half),
            InverseQ = Bytes(ModInverse(q, p), half),
        });
        return rsa;
    }

    public static byte[] Bytes(BigInteger value, int length)
    {
        var raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (raw.Length >= length) return raw;
        var padded = new byte[length];
        raw.CopyTo(padded, length - raw.Length);
        return padded;
    }

    public static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        BigInteger g = m, x = 0, x1 = 1, a1 = a % m;
        while (a1 != 0)
        {
            var q = g / a1;
            (g, a1) = (a1, g - (q * a1));
            (x, x1) = (x1, x - (q * x1));
        }
        if (!g.IsOne) throw new ArgumentException("not invertible");
        return ((x % m) + m) % m;
    }
}
