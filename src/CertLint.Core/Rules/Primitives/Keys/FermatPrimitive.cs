using System.Numerics;
using CertLint.Findings;
using CertLint.Parsing;

namespace CertLint.Rules.Primitives.Keys;

/// <summary>
/// Close primes: when |p − q| is small, a = ⌈√n⌉, a+1, ... soon gives a² − n = b², so n = (a − b)(a + b) (Fermat's
/// method; keys from Canon and Fujifilm printer firmware, CVE-2022-26320, fell to it). The loop is bounded by `steps`;
/// each step costs a few integer operations, because a² − n is first sieved against the squares modulo 64, 63, 65,
/// 11 and the primes 17..61, and only survivors (one step in about 340,000) get an exact square root: a random key
/// costs one square root, not one per step. The factors are never reported, only the distance.
/// </summary>
public sealed class FermatPrimitive : ICheckPrimitive
{
    private static readonly int[] Filters = [64, 63, 65, 11, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61];

    /// <summary>
    /// Products of the filters below 2^31: a and n are reduced once per product, not once per filter, and a divisor that
    /// fits one machine word takes BigInteger's single-word remainder (measured 4× cheaper than a two-word divisor).
    /// </summary>
    private static readonly (uint Product, int First, int Count)[] Groups =
        [(64u * 63 * 65 * 11 * 17 * 19, 0, 6), (23u * 29 * 31 * 37 * 41 * 43, 6, 6), (47u * 53 * 59 * 61, 12, 4)];

    /// <summary>Steps sieved at a time: bounds the survivor buffer whatever `steps` says.</summary>
    private const int Chunk = 1024;

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

    // The quick test first, outside the iterator: most subjects fail it, and an iterator is an allocation per subject.
    public IEnumerable<Violation> Check(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context) =>
        RsaNumbers.IsRsa(subject) ? Violations(subject, arguments, context) : [];

    private IEnumerable<Violation> Violations(RuleSubject subject, PrimitiveArguments arguments, EvaluationContext context)
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
    /// <remarks>
    /// A sieve, filter by filter: the first filter (squares mod 64, 12 of 64 residues) keeps about a fifth of the steps,
    /// and each later filter tests only the survivors of the ones before, so a random key costs about 130 residue tests
    /// per 100 steps instead of 1,600 (measured: Factor on a 2048-bit modulus went from 25 to 13 µs, most of it now the
    /// square root). The survivors of all filters are tried in step order, so the first step found is the same.
    /// </remarks>
    internal static (int Step, BigInteger B)? Factor(BigInteger n, int steps)
    {
        var a = NumberTheory.ISqrt(n);
        if (a * a != n) a += 1;
        Span<int> am = stackalloc int[Filters.Length];
        Span<int> nm = stackalloc int[Filters.Length];
        foreach (var (product, first, count) in Groups)
        {
            var ag = (uint)(a % product);
            var ng = (uint)(n % product);
            for (var f = first; f < first + count; f++)
            {
                am[f] = (int)(ag % (uint)Filters[f]);
                nm[f] = (int)(ng % (uint)Filters[f]);
            }
        }
        Span<int> alive = stackalloc int[Chunk];
        for (var start = 0; start < steps; start += Chunk)
        {
            var count = Sieve(alive, start, Math.Min(Chunk, steps - start), am, nm);
            for (var j = 0; j < count; j++)
            {
                var x = a + (start + alive[j]);
                var b2 = (x * x) - n;
                var b = NumberTheory.ISqrt(b2);
                if (b * b == b2 && x - b > 1) return (start + alive[j], b);
            }
        }
        return null;
    }

    /// <summary>
    /// Writes to <paramref name="alive"/> the offsets i in [0, count) for which (a + start + i)² − n is a square modulo
    /// every filter, in increasing order, and returns how many there are.
    /// </summary>
    private static int Sieve(Span<int> alive, int start, int count, ReadOnlySpan<int> am, ReadOnlySpan<int> nm)
    {
        var k = 0;
        var m = Filters[0];
        var squares = Squares[0];
        var x = (int)((am[0] + (long)start) % m);
        for (var i = 0; i < count; i++)
        {
            var v = ((x * x) - nm[0]) % m;
            if (squares[v < 0 ? v + m : v]) alive[k++] = i;
            if (++x == m) x = 0;
        }
        for (var f = 1; f < Filters.Length && k > 0; f++)
        {
            m = Filters[f];
            squares = Squares[f];
            var offset = am[f] + (long)start;
            var kept = 0;
            for (var j = 0; j < k; j++)
            {
                var y = (int)((offset + alive[j]) % m);
                var v = ((y * y) - nm[f]) % m;
                if (squares[v < 0 ? v + m : v]) alive[kept++] = alive[j];
            }
            k = kept;
        }
        return k;
    }
}
