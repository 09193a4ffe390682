using System.Numerics;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Bernstein's batch GCD (as in Heninger et al., "Mining Your Ps and Qs", 2012): for every modulus N, gcd(N, product of
/// all the other moduli), from one product tree and one descending tree, without any pairwise GCD.
/// </summary>
/// <remarks>
/// The usual descending tree reduces P mod Q² at every node Q (then gcd(N, (P mod N²)/N)). This one carries, at every
/// node Q with sibling S and parent V, R(Q) = (product of the moduli outside Q) mod Q = ((R(V) mod Q) · S) mod Q,
/// starting from R(root) = 1; at a leaf, R(N) = (product of the others) mod N and gcd(N, R(N)) is the same answer.
/// No square is ever formed: each node costs two 2b-by-b divisions and one b-by-b product instead of a 4b-by-2b
/// division, which measured 1.5× faster with .NET's BigInteger (Karatsuba multiplication, Burnikel–Ziegler division, no
/// FFT; see docs/performance.md). The cost still grows as about n^1.6 in the number of moduli, so callers bound the
/// input (<see cref="SharedPrimePrimitive"/>). The nodes of a level are independent and run in parallel.
/// </remarks>
internal static class BatchGcd
{
    /// <summary>For each modulus, its GCD with the product of all the others (1 when it shares no factor).</summary>
    /// <remarks>Every modulus must be positive; equal moduli each get the modulus itself (they share every factor).</remarks>
    public static BigInteger[] Run(IReadOnlyList<BigInteger> moduli)
    {
        if (moduli.Count < 2) return Enumerable.Repeat(BigInteger.One, moduli.Count).ToArray();
        var levels = ProductTree(moduli);
        // R(root) = the empty product = 1. The root P itself is never needed (only its two halves are), so the tree
        // stops at two nodes and the largest multiplication of all is never done.
        BigInteger[] outside = [BigInteger.One];
        for (var l = levels.Count - 1; l >= 0; l--)
        {
            var nodes = levels[l];
            var parent = outside;
            var next = new BigInteger[nodes.Length];
            ForEach(nodes.Length, nodes, i =>
            {
                var sibling = i ^ 1;
                var reduced = parent[i / 2] % nodes[i];
                // A lone last node was carried up unchanged: its parent is itself, so there is nothing outside to add.
                next[i] = sibling < nodes.Length ? reduced * nodes[sibling] % nodes[i] : reduced;
            });
            outside = next;
        }
        var result = new BigInteger[moduli.Count];
        ForEach(result.Length, levels[0], i => result[i] = BigInteger.GreatestCommonDivisor(moduli[i], outside[i]));
        return result;
    }

    /// <summary>
    /// Level 0 holds the moduli; each level above holds the products of pairs (an odd last one carried up), up to the
    /// level of two nodes (from three or more nodes the next level has at least two, so that level always exists).
    /// </summary>
    private static List<BigInteger[]> ProductTree(IReadOnlyList<BigInteger> moduli)
    {
        var levels = new List<BigInteger[]> { moduli.ToArray() };
        while (levels[^1].Length > 2)
        {
            var below = levels[^1];
            var level = new BigInteger[(below.Length + 1) / 2];
            ForEach(level.Length, below, i => level[i] = 2 * i + 1 < below.Length ? below[2 * i] * below[2 * i + 1] : below[2 * i]);
            levels.Add(level);
        }
        return levels;
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0..count-1, in parallel when the level is big enough to pay for it: a level of
    /// 2048-bit moduli is cheap next to the top levels, where two or four huge products or divisions run side by side.
    /// </summary>
    private static void ForEach(int count, BigInteger[] operands, Action<int> body)
    {
        long bits = 0;
        foreach (var n in operands) bits += (long)n.GetBitLength();
        if (count < 2 || bits < ParallelBits)
        {
            for (var i = 0; i < count; i++) body(i);
            return;
        }
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, body);
    }

    /// <summary>Below this many bits in a level, thread hand-off costs more than it saves (about 16 RSA-2048 moduli).</summary>
    private const long ParallelBits = 32_768;
}
