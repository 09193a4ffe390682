using System.Numerics;
using CertLint.Findings;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Close primes: when |p − q| is small, a = ⌈√n⌉, a+1, ... soon gives a² − n = b², so n = (a − b)(a + b) (Fermat's
/// method; keys from Canon and Fujifilm printer firmware, CVE-2022-26320, fell to it). The loop is bounded by `steps`;
/// each step costs a few integer operations, because a² − n is first tested against the squares modulo 64, 63, 65,
/// 11 and the primes 17..61, and only survivors (one step in about 340,000) get an exact square root: a random key
/// costs one square root, not one per surviving step. The factors are never reported, only the distance.
/// </summary>
public sealed class FermatPrimitive : ICheckPrimitive
{
    private static readonly int[] Filters = [64, 63, 65, 11, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61];

    /// <summary>Products of the filters below 2^63: a and n are reduced once per product, not once per filter.</summary>
    private static readonly (ulong Product, int First, int Count)[] Groups =
        [(64UL * 63 * 65 * 11 * 17 * 19 * 23 * 29 * 31 * 37 * 41, 0, 11), (43UL * 47 * 53 * 59 * 61, 11, 5)];
    private static readonly bool[][] Squares = Filters.Select(m =>
    {
        var s = new bool[m];
        for (var i = 0; i < m; i++) s[i * i % m] = true;
        return s;
    }).ToArray();

    public string Name => "rsa-fermat";

    public IReadOnlyList<SubjectKind> SubjectKinds { get; } = [SubjectKind.Certificate, SubjectKind.Key];

    public IReadOnlyList<PrimitiveParameter> Parameters { get; } =
    [
        new("steps", ParameterType.Integer, 100L, "How many values of a to try above ⌈√n⌉", Minimum: 1, Maximum: 10_000_000),
    ];

    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
    {
        if (RsaNumbers.Of(subject, context) is not { } rsa || rsa.Modulus.IsEven || rsa.Bits < 16) yield break;
        if (rsa.Fermat(arguments.GetInt("steps")) is not { } found) yield break;
        yield return new Violation(new Dictionary<string, object?>
        {
            ["found"] = found.Step + 1,
            ["distanceBits"] = (long)(2 * found.B).GetBitLength(),
            ["bits"] = rsa.Bits,
        });
    }

    /// <summary>The step at which a² − n became the square b², or null within <paramref name="steps"/>.</summary>
    internal static (int Step, BigInteger B)? Factor(BigInteger n, int steps)
    {
        var a = ISqrt(n);
        if (a * a != n) a += 1;
        var r = new int[Filters.Length];
        var inc = new int[Filters.Length];
        foreach (var (product, first, count) in Groups)
        {
            var ag = (ulong)(a % product);
            var ng = (ulong)(n % product);
            for (var f = first; f < first + count; f++)
            {
                var m = Filters[f];
                var am = (long)(ag % (ulong)m);
                r[f] = (int)(((am * am - (long)(ng % (ulong)m)) % m + m) % m);   // (a² − n) mod m
                inc[f] = (int)((2 * am + 1) % m);                                  // (a+1)² − a² = 2a + 1
            }
        }
        for (var i = 0; i < steps; i++)
        {
            var candidate = true;
            for (var f = 0; f < Filters.Length; f++)
            {
                // r and inc stay below m, so a subtraction replaces the division a % would cost (the loop's main cost).
                var m = Filters[f];
                candidate &= Squares[f][r[f]];
                var next = r[f] + inc[f];
                r[f] = next >= m ? next - m : next;
                var step = inc[f] + 2;
                inc[f] = step >= m ? step - m : step;
            }
            if (!candidate) continue;
            var x = a + i;
            var b2 = x * x - n;
            var b = ISqrt(b2);
            if (b * b == b2 && x - b > 1) return (i, b);
        }
        return null;
    }

    /// <summary>
    /// ⌊√n⌋: the root of the top half of the bits (recursively), shifted back, is an overestimate with half the bits
    /// right, so one Newton step (one full-precision division) lands at most a few units above ⌊√n⌋, and squaring
    /// (cheaper than dividing) steps down to it; Newton's loop finishes the job should the estimate ever be worse.
    /// </summary>
    internal static BigInteger ISqrt(BigInteger n)
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
}
