using System.Numerics;
using System.Security.Cryptography;
using CertLint.Parsing;
using CertLint.Rules.Primitives.Keys;

namespace CertLint.Tests.WeakKeys;

/// <summary>The number theory under the weak-key primitives, against independent references.</summary>
public sealed class WeakKeyMathTests
{
    [TestCase("1.2.840.10045.3.1.1")]
    [TestCase("1.3.132.0.33")]
    [TestCase("1.2.840.10045.3.1.7")]
    [TestCase("1.3.132.0.34")]
    [TestCase("1.3.132.0.35")]
    [TestCase("1.3.132.0.10")]
    [TestCase("1.3.36.3.3.2.8.1.1.7")]
    [TestCase("1.3.36.3.3.2.8.1.1.11")]
    [TestCase("1.3.36.3.3.2.8.1.1.13")]
    public void Curve_constants_agree_with_the_platform_crypto_library(string oid)
    {
        using var key = ECDsa.Create(ECCurve.CreateFromValue(oid));
        var curve = key.ExportExplicitParameters(false).Curve;
        var ours = EcCurves.ByOid[oid];
        ours.P.ShouldBe(new BigInteger(curve.Prime, isUnsigned: true, isBigEndian: true));
        ours.A.ShouldBe(new BigInteger(curve.A, isUnsigned: true, isBigEndian: true));
        ours.B.ShouldBe(new BigInteger(curve.B, isUnsigned: true, isBigEndian: true));
    }

    /// <summary>A fresh key of each brainpool curve is a valid point; the same with one bit of y flipped is not.</summary>
    [TestCase("brainpoolP256r1")]
    [TestCase("brainpoolP384r1")]
    [TestCase("brainpoolP512r1")]
    public void Brainpool_points_are_checked_on_their_curve(string name)
    {
        using var key = ECDsa.Create(ECCurve.CreateFromFriendlyName(name));
        var spki = key.ExportSubjectPublicKeyInfo();
        EcPointPrimitive.Problem(SpkiParser.Parse(spki)).ShouldBeNull();
        spki[^1] ^= 1;   // the last byte of the uncompressed point is y's lowest
        EcPointPrimitive.Problem(SpkiParser.Parse(spki)).ShouldBe($"is not on {name}: y² ≠ x³ + ax + b");
    }

    [Test]
    public void Integer_square_root_is_exact_around_perfect_squares()
    {
        var rng = new Random(5);
        foreach (var bits in new[] { 1, 20, 52, 53, 64, 300, 1024, 2048, 4097 })
        {
            var x = WeakKeyMath.Random(rng, Math.Max(bits, 2));
            foreach (var n in new[] { x * x - 1, x * x, x * x + 1 })
            {
                var r = NumberTheory.ISqrt(n);
                (r * r <= n && (r + 1) * (r + 1) > n).ShouldBeTrue($"isqrt of a {bits}*2-bit number");
            }
        }
    }

    /// <summary>
    /// The sieved Fermat loop against the plain one (an exact square root at every step), on products of two odd numbers
    /// whose distance puts the first hit anywhere from step 0 to beyond 3,000 (across the sieve's 1,024-step chunks), and
    /// on random moduli with no hit, for bounds on both sides of every hit.
    /// </summary>
    [Test]
    public void Fermat_sieve_finds_the_same_first_step_as_trying_every_step()
    {
        static (int, BigInteger)? Plain(BigInteger n, int steps)
        {
            var a = NumberTheory.ISqrt(n);
            if (a * a != n) a += 1;
            for (var i = 0; i < steps; i++)
            {
                var b2 = ((a + i) * (a + i)) - n;
                var b = NumberTheory.ISqrt(b2);
                if (b * b == b2 && a + i - b > 1) return (i, b);
            }
            return null;
        }
        var rng = new Random(26320);
        var found = new List<int>();
        for (var round = 0; round < 40; round++)
        {
            var p = WeakKeyMath.Random(rng, 256) | 1;
            // (p + q)/2 − √(pq) ≈ d²/(2p) for q = p + 2d: d up to about 2^134 puts the hit up to a few thousand steps.
            var n = (round % 8) switch
            {
                7 => WeakKeyMath.Random(rng, 512) | 1,                 // random: almost surely no hit
                6 => p * (p + 2),                                       // twin factors: the first step
                _ => p * (p + (2 * (WeakKeyMath.Random(rng, 125) * rng.Next(1, 600)))),
            };
            var expected = Plain(n, 3100);
            if (expected is { } hit) found.Add(hit.Item1);
            foreach (var steps in new[] { 1, 100, 1024, 1025, 2049, 3100 })
            {
                // The first hit within a smaller bound is the first hit overall, or none.
                var within = expected is { } e && e.Item1 < steps ? expected : null;
                FermatPrimitive.Factor(n, steps).ShouldBe(within, $"round {round}, {steps} steps");
            }
        }
        // The draw covered hits at the first step, inside the first chunk and beyond it, and moduli with none.
        found.ShouldContain(s => s == 0);
        found.ShouldContain(s => s > 0 && s < 1024);
        found.ShouldContain(s => s >= 1024);
        found.Count.ShouldBeLessThan(40);
    }

    [Test]
    public void Small_prime_residues_equal_biginteger_remainders()
    {
        var rng = new Random(7);
        var n = WeakKeyMath.Random(rng, 3000);
        var residues = SmallPrimes.Residues(n.ToByteArray(isUnsigned: true, isBigEndian: true), SmallPrimes.CountBelow(65536));
        for (var i = 0; i < residues.Length; i++) residues[i].ShouldBe((uint)(n % SmallPrimes.Odd[i]));
    }

    [Test]
    public void Smallest_factor_search_agrees_with_biginteger_remainders()
    {
        var rng = new Random(11);
        var odd = SmallPrimes.Odd;
        odd[^1].ShouldBe(65537u);
        int Expected(BigInteger n, int count)
        {
            for (var i = 0; i < count; i++) if (n % odd[i] == 0) return i;
            return -1;
        }
        // Sizes from one limb to the 16,384-bit maximum, so the power table grows and shorter moduli reuse longer rows.
        foreach (var bits in new[] { 64, 2048, 16384, 1000, 4096, 33 })
        {
            for (var round = 0; round < 12; round++)
            {
                var n = WeakKeyMath.Random(rng, bits) | BigInteger.One;
                // A third stay random (most have some factor below 65,537), a third are multiples of 65,537, a third of a random prime.
                if (round % 3 == 0) n = ((n >> 17) | BigInteger.One) * 65537;
                if (round % 3 == 1) n = ((n >> 17) | BigInteger.One) * odd[rng.Next(odd.Length)];
                var bytes = n.ToByteArray(isUnsigned: true, isBigEndian: true);
                foreach (var count in new[] { odd.Length, SmallPrimes.CountBelow(752), 1 })
                {
                    SmallFactorSearch.SmallestFactorIndex(bytes, count).ShouldBe(Expected(n, count), $"{bits} bits, round {round}, {count} primes");
                }
            }
        }
        // A product of two primes above 65,537 has no factor to find; 65,537 itself is the last one tried.
        var rsa = WeakKeyMath.Prime(rng, 512) * WeakKeyMath.Prime(rng, 512);
        SmallFactorSearch.SmallestFactorIndex(rsa.ToByteArray(isUnsigned: true, isBigEndian: true), odd.Length).ShouldBe(-1);
        SmallFactorSearch.SmallestFactorIndex((rsa * 65537).ToByteArray(isUnsigned: true, isBigEndian: true), odd.Length).ShouldBe(odd.Length - 1);
    }

    [Test]
    public void Batch_gcd_finds_exactly_the_moduli_that_share_a_factor()
    {
        BigInteger[] primes = [1000003, 1000033, 1000037, 1000039, 1000081, 1000099];
        BigInteger[] moduli = [primes[0] * primes[1], primes[2] * primes[3], primes[4] * primes[1], primes[5] * 1000117];
        BatchGcd.Run(moduli).ShouldBe([primes[1], BigInteger.One, primes[1], BigInteger.One]);
    }

    [Test]
    public void Batch_gcd_of_fewer_than_two_moduli_compares_nothing()
    {
        BatchGcd.Run([]).ShouldBeEmpty();
        BatchGcd.Run([BigInteger.Parse("1000003")]).ShouldBe([BigInteger.One]);
    }

    /// <summary>
    /// Against the definition, gcd(N, product of all the others), on sets of every size from 2 to 70 (odd sizes, powers
    /// of two and one above and below them shape the trees differently) drawn from a small pool of primes, so that most
    /// sets hold shared primes, equal moduli, moduli sharing a prime with several others and moduli sharing nothing.
    /// </summary>
    [Test]
    public void Batch_gcd_equals_the_gcd_with_the_product_of_the_others_on_random_sets()
    {
        var rng = new Random(1616);
        var pool = Enumerable.Range(0, 40).Select(_ => WeakKeyMath.Prime(rng, 40 + rng.Next(90))).ToArray();
        var shapes = new HashSet<string>();
        for (var size = 2; size <= 70; size++)
        {
            for (var round = 0; round < 3; round++)
            {
                var moduli = Enumerable.Range(0, size).Select(_ => pool[rng.Next(pool.Length)] * pool[rng.Next(pool.Length)]).ToArray();
                if (round == 2) moduli[rng.Next(size)] = moduli[rng.Next(size)];   // equal moduli (or the same one twice)
                var expected = moduli.Select((n, i) => BigInteger.GreatestCommonDivisor(n,
                    moduli.Where((_, j) => j != i).Aggregate(BigInteger.One, (acc, m) => acc * m))).ToArray();
                BatchGcd.Run(moduli).ShouldBe(expected, $"{size} moduli, round {round}");
                if (expected.Contains(BigInteger.One)) shapes.Add("shares nothing");
                if (moduli.Where((n, i) => expected[i] == n).Any()) shapes.Add("shares every factor");
                if (moduli.Where((n, i) => moduli.Count(m => BigInteger.GreatestCommonDivisor(n, m) > 1) > 2).Any()) shapes.Add("shares with several");
            }
        }
        // The draw really covered the cases it is meant to cover (a changed seed or pool could silently lose them).
        shapes.ShouldBe(["shares nothing", "shares every factor", "shares with several"], ignoreOrder: true);
    }

    /// <summary>512-bit moduli where only two of 300 share a prime: the two and nothing else, at any position.</summary>
    [TestCase(0, 299)]
    [TestCase(150, 151)]
    [TestCase(255, 256)]
    public void Batch_gcd_finds_one_shared_pair_among_hundreds_of_moduli(int first, int second)
    {
        var primes = WeakKeyMath.PrimePool;
        var moduli = Enumerable.Range(0, 300).Select(i => primes[2 * i] * primes[2 * i + 1]).ToArray();
        moduli[second] = primes[2 * first] * primes[600];
        var expected = Enumerable.Repeat(BigInteger.One, 300).ToArray();
        expected[first] = expected[second] = primes[2 * first];
        BatchGcd.Run(moduli).ShouldBe(expected);
    }
}
