using System.Numerics;
using CertLint.Parsing;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Whether an RSA modulus is a prime or a power of one: either way φ(n) is known (n − 1, or p^(k−1)·(p − 1)), so the
/// private exponent is e⁻¹ mod φ(n) for anyone. Squares (and so every even power) are left to weak-key-fermat, which
/// factors them at its first step (a = √n, b = 0); roots below 752 to weak-key-small-factor; even moduli to
/// weak-key-rsa-even-modulus: one finding per defect.
/// </summary>
internal static class PrimePower
{
    /// <summary>Roots below 752 are weak-key-small-factor's, and 2^9 &lt; 752: exponents above bits/9 cannot matter.</summary>
    private const int MinRootBits = 9;

    /// <summary>Filter primes m ≡ 1 (mod k) per odd prime k ≤ 16384/9 (<see cref="RsaNumbers.MaxBits"/>).</summary>
    private static readonly Lazy<(int K, uint[] Filters)[]> Exponents = new(() => MakeFilters(RsaNumbers.MaxBits / MinRootBits));

    /// <summary>
    /// 1 when n is prime, k ≥ 3 when n = p^k for a prime p ≥ 752, otherwise null. Primality is tested up to
    /// <see cref="NumberTheory.MaxPrimalityBits"/> bits (of n, or of the root); the perfect-power search up to 16,384.
    /// </summary>
    /// <param name="n">The modulus.</param>
    /// <param name="testPrimality">Whether to test n itself for primality (roots, a third of its size or less, always are).</param>
    public static int? Exponent(BigInteger n, bool testPrimality = true)
    {
        if (n < 3 || n.IsEven || n.GetBitLength() > RsaNumbers.MaxBits) return null;
        var root = NumberTheory.ISqrt(n);
        if (root * root == n) return null;
        return Odd(n, 0, testPrimality);
    }

    /// <summary>
    /// Prime: 1. Otherwise the least odd prime k with n = r^k, then r likewise; depth below log3(16384) &lt; 9, as each
    /// level divides the bit length by at least 3.
    /// </summary>
    private static int? Odd(BigInteger n, int depth, bool testPrimality)
    {
        if (n < 752 || depth > 12) return null;
        if (testPrimality && n.GetBitLength() <= NumberTheory.MaxPrimalityBits && NumberTheory.IsProbablePrime(n)) return 1;
        var maxK = n.GetBitLength() / MinRootBits;
        foreach (var (k, filters) in Exponents.Value)
        {
            if (k > maxK) break;
            if (!MayBePower(n, k, filters)) continue;
            var r = NumberTheory.IntegerRoot(n, k);
            if (BigInteger.Pow(r, k) != n) continue;
            return Odd(r, depth + 1, true) is { } inner ? k * inner : null;
        }
        return null;
    }

    /// <summary>
    /// If n = r^k then n mod m is a k-th power modulo every prime m ≡ 1 (mod k), i.e. (n mod m)^((m−1)/k) ≡ 1 unless m
    /// divides n. A random n passes each filter with probability about 1/k, so the k-th root is rarely computed.
    /// </summary>
    private static bool MayBePower(BigInteger n, int k, uint[] filters)
    {
        foreach (var m in filters)
        {
            var residue = (ulong)(n % m);
            if (residue != 0 && PowMod(residue, (m - 1) / (ulong)k, m) != 1) return false;
        }
        return true;
    }

    private static ulong PowMod(ulong b, ulong e, ulong m)
    {
        ulong result = 1;
        for (b %= m; e > 0; e >>= 1)   // m < 2^32: products fit in 64 bits
        {
            if ((e & 1) == 1) result = result * b % m;
            b = b * b % m;
        }
        return result;
    }

    /// <summary>For each odd prime k ≤ <paramref name="maxK"/>, the three least primes m = 2jk + 1.</summary>
    private static (int K, uint[] Filters)[] MakeFilters(int maxK)
    {
        var list = new List<(int, uint[])>();
        for (var k = 3; k <= maxK; k += 2)
        {
            if (!IsSmallPrime((ulong)k)) continue;
            var filters = new List<uint>(3);
            for (ulong m = (2 * (ulong)k) + 1; filters.Count < 3; m += 2 * (ulong)k)
            {
                if (IsSmallPrime(m)) filters.Add((uint)m);
            }
            list.Add((k, [.. filters]));
        }
        return [.. list];
    }

    private static bool IsSmallPrime(ulong n)
    {
        if (n < 2) return false;
        for (ulong d = 2; d * d <= n; d++)
        {
            if (n % d == 0) return false;
        }
        return true;
    }
}
