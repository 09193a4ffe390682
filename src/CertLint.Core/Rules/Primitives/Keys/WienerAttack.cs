using System.Numerics;
using CertLint.Parsing;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Wiener's attack (IEEE Trans. IT 36(3), 1990): when e·d = 1 + k·φ(n) with d &lt; n^¼/3, k/d is a convergent of the
/// continued fraction of e/n, and each convergent is tested: φ = (e·d − 1)/k must be an integer and
/// x² − (n − φ + 1)·x + n must have integer roots (then they are p and q). Only the verdict leaves this class.
/// </summary>
internal static class WienerAttack
{
    /// <summary>
    /// Whether (n, e) falls to the attack. <paramref name="convergents"/> is how many convergents were tested (0 when
    /// the key was pruned). Only denominators d &lt; 2^(bits/4 + 1) are tried, a little beyond Wiener's n^¼/3.
    /// </summary>
    /// <remarks>
    /// The prune: a success below means e·d = 1 + k·φ with k ≥ 1 and φ = (p − 1)(q − 1) for integers p, q &gt; 1 with
    /// p·q = n; n is odd (even moduli are skipped: weak-key-rsa-even-modulus reports them), so
    /// p, q ≥ 3 and φ/n = (1 − 1/p)(1 − 1/q) ≥ 4/9. With d &lt; 2^(bits/4 + 1) ≤ 4·n^¼ (n ≥ 2^(bits − 1)) that
    /// gives e &gt; φ/d ≥ (4/9)·n / (4·n^¼) = n^¾/9, which exceeds n^½ as soon as n^¼ &gt; 9, i.e. n &gt; 6561 (16 bits).
    /// So when e² &lt; n no convergent can succeed and none is tried: an e = 65537 key costs one comparison.
    /// The loop is bounded twice: denominators grow at least like the Fibonacci numbers (q_i ≥ F_(i+1)), so they pass
    /// 2^(bits/4 + 1) within 1.44·(bits/4 + 1) + 2 steps, and <see cref="MaxConvergents"/> caps it regardless.
    /// </remarks>
    public static bool Recovers(BigInteger n, BigInteger e, out int convergents)
    {
        convergents = 0;
        var bits = (int)n.GetBitLength();
        if (bits < 16 || n.IsEven || e.Sign <= 0 || e >= n || e * e < n) return false;
        var maxDBits = (bits / 4) + 1;
        BigInteger num = e, den = n;
        BigInteger h1 = 1, h2 = 0, k1 = 0, k2 = 1;   // convergents h/k of e/n: h ≈ k_attack, k ≈ d
        while (!den.IsZero && convergents < MaxConvergents(bits))
        {
            var a = BigInteger.DivRem(num, den, out var rem);
            (num, den) = (den, rem);
            (h1, h2) = ((a * h1) + h2, h1);
            (k1, k2) = ((a * k1) + k2, k1);
            if (k1.GetBitLength() > maxDBits) break;
            convergents++;
            if (!h1.IsZero && Factors(n, e, h1, k1)) return true;
        }
        return false;
    }

    /// <summary>Lamé's bound for the denominators, with room to spare: 3·(bits/4 + 1)/2 + 8.</summary>
    internal static int MaxConvergents(int bits) => (3 * ((bits / 4) + 1) / 2) + 8;

    private static bool Factors(BigInteger n, BigInteger e, BigInteger k, BigInteger d)
    {
        var phi = BigInteger.DivRem((e * d) - 1, k, out var remainder);
        if (!remainder.IsZero) return false;
        var s = n - phi + 1;                       // p + q
        var discriminant = (s * s) - (4 * n);      // (p − q)²
        if (discriminant.Sign < 0) return false;
        var root = NumberTheory.ISqrt(discriminant);
        if (root * root != discriminant || !((s + root) % 2).IsZero) return false;
        var p = (s + root) / 2;
        var q = (s - root) / 2;
        return q > 1 && p * q == n;
    }
}
