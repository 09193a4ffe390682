using System.Numerics;
using System.Security.Cryptography;
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
    public void Curve_constants_agree_with_the_platform_crypto_library(string oid)
    {
        using var key = ECDsa.Create(ECCurve.CreateFromValue(oid));
        var curve = key.ExportExplicitParameters(false).Curve;
        var ours = EcCurves.ByOid[oid];
        ours.P.ShouldBe(new BigInteger(curve.Prime, isUnsigned: true, isBigEndian: true));
        ours.A.ShouldBe(new BigInteger(curve.A, isUnsigned: true, isBigEndian: true));
        ours.B.ShouldBe(new BigInteger(curve.B, isUnsigned: true, isBigEndian: true));
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
                var r = FermatPrimitive.ISqrt(n);
                (r * r <= n && (r + 1) * (r + 1) > n).ShouldBeTrue($"isqrt of a {bits}*2-bit number");
            }
        }
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
    public void Batch_gcd_finds_exactly_the_moduli_that_share_a_factor()
    {
        BigInteger[] primes = [1000003, 1000033, 1000037, 1000039, 1000081, 1000099];
        BigInteger[] moduli = [primes[0] * primes[1], primes[2] * primes[3], primes[4] * primes[1], primes[5] * 1000117];
        BatchGcd.Run(moduli).ShouldBe([primes[1], BigInteger.One, primes[1], BigInteger.One]);
    }
}
