using System.Numerics;

namespace CertLint.Parsing;

/// <summary>
/// Integer arithmetic the key checks share (parse-time private-key audit and the weak-key primitives): Miller–Rabin
/// with fixed bases, exact square and k-th roots, lcm. Every loop is bounded by the size of its input.
/// </summary>
internal static class NumberTheory
{
    /// <summary>
    /// The first twelve primes: as Miller–Rabin bases they decide primality exactly below 3.18·10^23 (ψ12, the least
    /// strong pseudoprime to all of them) and leave a random composite of RSA size a chance below 4^-12 of passing. Fixed bases are
    /// reproducible; a hostile file could craft a composite that passes them, which only hides its own defect.
    /// </summary>
    private static readonly int[] Bases = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37];

    /// <summary>
    /// Numbers above this size are not tested: one Miller–Rabin round is a modular exponentiation as long as the number,
    /// and BigInteger.ModPow took 1.3 s at 8,192 bits and 17 s at 16,384 on the (shared, loaded) build machine
    /// (libcrypto, <see cref="ModularExponent"/>'s route on Linux, 0.1 s at 8,192); a hostile repository holding many
    /// such keys must not turn that into hours.
    /// </summary>
    public const int MaxPrimalityBits = 8192;

    /// <summary>
    /// Miller–Rabin with the first <paramref name="rounds"/> of <see cref="Bases"/>. A false answer is a proof (a
    /// witness was found); a true one is "probably prime". Base 2 first: a composite almost always fails it, so a
    /// composite costs one modular exponentiation and only a (probable) prime pays for all the rounds.
    /// </summary>
    public static bool IsProbablePrime(BigInteger n, int rounds = 12)
    {
        if (n < 2) return false;
        foreach (var b in Bases)
        {
            if (n == b) return true;
            if (n % b == 0) return false;
        }
        var d = n - 1;
        var s = 0;
        while (d.IsEven)
        {
            d >>= 1;
            s++;
        }
        var minusOne = n - 1;
        for (var i = 0; i < Math.Min(rounds, Bases.Length); i++)
        {
            var x = ModularExponent.Pow(Bases[i], d, n);
            if (x.IsOne || x == minusOne) continue;
            ArithmeticMeter.Charge((long)n.GetBitLength(), s); // the squarings below: s can be most of n's bits (p − 1 = 2^4000·k)
            var witness = true;
            for (var r = 1; r < s && witness; r++)   // s < bit length of n: bounded
            {
                x = x * x % n;
                if (x == minusOne) witness = false;
            }
            if (witness) return false;
        }
        return true;
    }

    /// <summary>
    /// ⌊n^(1/k)⌋ for n ≥ 0 and k ≥ 2 by Newton's method from the overestimate 2^⌈bits/k⌉: from above, each step stays
    /// at or above the root and the iterates decrease until they stop, within about log2(bits) + 2 steps (capped).
    /// </summary>
    public static BigInteger IntegerRoot(BigInteger n, int k)
    {
        if (n.Sign <= 0) return BigInteger.Zero;
        var bits = (long)n.GetBitLength();
        var x = BigInteger.One << (int)((bits + k - 1) / k);
        for (var i = 0; i < bits + 64; i++)
        {
            var y = (((k - 1) * x) + (n / BigInteger.Pow(x, k - 1))) / k;
            if (y >= x) break;
            x = y;
        }
        while (BigInteger.Pow(x, k) > n) x -= 1;   // guards the rounding of the last step; at most a step or two
        return x;
    }

    /// <summary>
    /// ⌊√n⌋: the root of the top half of the bits (recursively), shifted back, is an overestimate with half the bits
    /// right, so one Newton step (one full-precision division) lands at most a few units above ⌊√n⌋, and squaring
    /// (cheaper than dividing) steps down to it; Newton's loop finishes the job should the estimate ever be worse.
    /// </summary>
    public static BigInteger ISqrt(BigInteger n)
    {
        if (n.Sign <= 0) return BigInteger.Zero;
        var bits = (int)n.GetBitLength();
        if (bits <= 52)
        {
            var r = (long)Math.Sqrt((double)n);
            while (r * r > n) r--;
            while ((r + 1) * (r + 1) <= n) r++;
            return r;
        }
        var h = bits / 4;
        var x = (ISqrt(n >> (2 * h)) + 1) << h;   // ((⌊√(n/4^h)⌋ + 1)·2^h)² > n
        x = (x + (n / x)) >> 1;                   // a Newton step from above stays ≥ ⌊√n⌋, now within about 2
        for (var i = 0; i < 8; i++, x -= 1)
        {
            if (x * x <= n) return x;
        }
        while (true)
        {
            var y = (x + (n / x)) >> 1;
            if (y >= x) return x;
            x = y;
        }
    }

    /// <summary>lcm(a, b) of positive integers.</summary>
    public static BigInteger Lcm(BigInteger a, BigInteger b) => a / BigInteger.GreatestCommonDivisor(a, b) * b;
}
