using System.Numerics;
using CertLint.Parsing;
using CertLint.Rules.Primitives.Keys;

namespace CertLint.Tests.WeakKeys;

/// <summary>Miller–Rabin, k-th roots, the prime-power search and Wiener's attack, against independent references.</summary>
public sealed class KeyNumberMathTests
{
    [Test]
    public void Miller_rabin_agrees_with_trial_division_below_two_hundred_thousand()
    {
        var sieve = new bool[200_000];
        for (var i = 2; i < sieve.Length; i++) sieve[i] = true;
        for (var i = 2; i * i < sieve.Length; i++)
        {
            if (!sieve[i]) continue;
            for (var j = i * i; j < sieve.Length; j += i) sieve[j] = false;
        }
        for (var n = 0; n < sieve.Length; n++) NumberTheory.IsProbablePrime(n).ShouldBe(sieve[n], $"n = {n}");
    }

    [Test]
    public void Miller_rabin_rejects_strong_pseudoprimes_to_base_two_and_carmichael_numbers()
    {
        // 3215031751 is a strong pseudoprime to bases 2, 3, 5 and 7; 3825123056546413051 to 2 .. 23 (ψ9).
        foreach (var n in new BigInteger[] { 2047, 3215031751, 561, 41041, 3825123056546413051 })
        {
            NumberTheory.IsProbablePrime(n).ShouldBeFalse($"{n}");
        }
        NumberTheory.IsProbablePrime(BigInteger.Pow(2, 127) - 1).ShouldBeTrue();
        NumberTheory.IsProbablePrime(BigInteger.Pow(2, 128) + 1).ShouldBeFalse();   // F7 is composite
    }

    [Test]
    public void Integer_root_is_exact_around_perfect_powers()
    {
        var rng = new Random(7);
        foreach (var (bits, k) in new[] { (10, 3), (100, 3), (683, 3), (300, 5), (40, 31), (2, 200) })
        {
            var x = WeakKeyMath.Random(rng, bits);
            foreach (var n in new[] { BigInteger.Pow(x, k) - 1, BigInteger.Pow(x, k), BigInteger.Pow(x, k) + 1 })
            {
                var r = NumberTheory.IntegerRoot(n, k);
                (BigInteger.Pow(r, k) <= n && BigInteger.Pow(r + 1, k) > n).ShouldBeTrue($"{k}-th root of a {bits}·{k}-bit number");
            }
        }
    }

    [Test]
    public void Prime_power_search_finds_primes_and_odd_prime_powers_and_leaves_the_rest_to_other_rules()
    {
        var rng = new Random(11);
        var p = WeakKeyMath.Prime(rng, 200);
        var q = WeakKeyMath.Prime(rng, 200);
        PrimePower.Exponent(p).ShouldBe(1);
        PrimePower.Exponent(BigInteger.Pow(p, 3)).ShouldBe(3);
        PrimePower.Exponent(BigInteger.Pow(p, 5)).ShouldBe(5);
        PrimePower.Exponent(BigInteger.Pow(p, 9)).ShouldBe(9);
        PrimePower.Exponent(BigInteger.Pow(p, 15)).ShouldBe(15);
        PrimePower.Exponent(p * q).ShouldBeNull();
        PrimePower.Exponent(BigInteger.Pow(p * q, 3)).ShouldBeNull();       // a cube, but not of a prime
        PrimePower.Exponent(BigInteger.Pow(p, 2)).ShouldBeNull();           // weak-key-fermat's
        PrimePower.Exponent(BigInteger.Pow(p, 6)).ShouldBeNull();           // a square too
        PrimePower.Exponent(BigInteger.Pow(751, 101)).ShouldBeNull();       // weak-key-small-factor's
        PrimePower.Exponent(BigInteger.Pow(757, 101)).ShouldBe(101);
        PrimePower.Exponent(2 * p).ShouldBeNull();                          // even: weak-key-rsa-even-modulus's
    }

    [Test]
    public void Wiener_recovers_every_small_private_exponent_and_skips_ordinary_keys_without_work()
    {
        var rng = new Random(17);
        foreach (var bits in new[] { 256, 512, 1024 })
        {
            var p = WeakKeyMath.Prime(rng, bits / 2);
            var q = WeakKeyMath.Prime(rng, bits / 2);
            var n = p * q;
            var phi = (p - 1) * (q - 1);
            for (var round = 0; round < 5; round++)
            {
                // d < n^¼/3: Wiener's theorem says it is found.
                var d = Invertible(rng, (bits / 4) - 3, phi);
                var e = WeakKeyMath.ModInverse(d, phi);
                (e * e > n).ShouldBeTrue("the prune's premise: a Wiener-weak e exceeds √n");
                WienerAttack.Recovers(n, e, out var tried).ShouldBeTrue($"{bits}-bit n, round {round}");
                tried.ShouldBeInRange(1, WienerAttack.MaxConvergents(bits));

                // d well above n^¼: not found, and the walk stops at the denominator bound.
                var large = Invertible(rng, (bits / 4) + 24, phi);
                WienerAttack.Recovers(n, WeakKeyMath.ModInverse(large, phi), out tried).ShouldBeFalse();
                tried.ShouldBeLessThanOrEqualTo(WienerAttack.MaxConvergents(bits));
            }
            WienerAttack.Recovers(n, 65537, out var none).ShouldBeFalse();
            none.ShouldBe(0, "e² < n is pruned before any convergent");
        }
    }

    private static BigInteger Invertible(Random rng, int bits, BigInteger phi)
    {
        while (true)
        {
            var d = WeakKeyMath.Random(rng, bits) | 1;
            if (BigInteger.GreatestCommonDivisor(d, phi).IsOne) return d;
        }
    }
}
