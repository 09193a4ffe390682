using System.Numerics;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Bernstein's batch GCD (as in Heninger et al., "Mining Your Ps and Qs", 2012): a product tree of all moduli, then a
/// remainder tree of P mod N², so gcd(N, (P mod N²)/N) = gcd(N, product of all the other moduli) for every N at once.
/// .NET's BigInteger has no FFT multiplication, so the cost grows about quadratically with the number of moduli:
/// callers bound the input (see <see cref="SharedPrimePrimitive"/>).
/// </summary>
internal static class BatchGcd
{
    /// <summary>For each modulus, its GCD with the product of all the others (1 when it shares no factor).</summary>
    public static BigInteger[] Run(IReadOnlyList<BigInteger> moduli)
    {
        if (moduli.Count < 2) return Enumerable.Repeat(BigInteger.One, moduli.Count).ToArray();
        var levels = new List<BigInteger[]> { moduli.ToArray() };
        while (levels[^1].Length > 1)
        {
            var below = levels[^1];
            var level = new BigInteger[(below.Length + 1) / 2];
            for (var i = 0; i < level.Length; i++)
            {
                level[i] = 2 * i + 1 < below.Length ? below[2 * i] * below[2 * i + 1] : below[2 * i];
            }
            levels.Add(level);
        }
        var remainders = levels[^1];
        for (var l = levels.Count - 2; l >= 0; l--)
        {
            var nodes = levels[l];
            var next = new BigInteger[nodes.Length];
            for (var i = 0; i < nodes.Length; i++) next[i] = remainders[i / 2] % (nodes[i] * nodes[i]);
            remainders = next;
        }
        var result = new BigInteger[moduli.Count];
        for (var i = 0; i < result.Length; i++)
        {
            result[i] = BigInteger.GreatestCommonDivisor(remainders[i] / moduli[i], moduli[i]);
        }
        return result;
    }
}
