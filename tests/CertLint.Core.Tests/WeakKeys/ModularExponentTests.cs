using System.Numerics;
using CertLint.Parsing;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// value^exponent mod modulus for the key checks: the libcrypto route (Linux, moduli of 768 bits and more) must give
/// BigInteger.ModPow's number for every shape of input the checks pass it, secret exponents included.
/// </summary>
public sealed class ModularExponentTests
{
    private static BigInteger Random(Random random, int bits, bool odd)
    {
        var bytes = new byte[(bits + 7) / 8];
        random.NextBytes(bytes);
        bytes[0] |= 0x80;
        if (odd) bytes[^1] |= 1;
        else bytes[^1] &= 0xFE;
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    [Test]
    public void On_linux_the_libcrypto_route_is_taken()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("libcrypto is used directly on Linux only");
        ModularExponent.NativeAvailable.ShouldBeTrue();
    }

    [TestCase(768, true, false)]
    [TestCase(1024, true, false)]
    [TestCase(2048, true, true)]
    [TestCase(2048, false, true)]
    [TestCase(3072, true, false)]
    [TestCase(1030, false, false)]
    public void Both_routes_agree(int bits, bool oddModulus, bool secret)
    {
        var random = new Random(bits + (oddModulus ? 1 : 0));
        for (var i = 0; i < 6; i++)
        {
            var modulus = Random(random, bits, oddModulus);
            var value = i == 0 ? modulus + 5 : Random(random, bits - 3, odd: i % 2 == 0);   // one value above the modulus
            var exponent = Random(random, i == 1 ? 17 : bits, odd: true);
            var expected = BigInteger.ModPow(value, exponent, modulus);
            ModularExponent.Pow(value, exponent, modulus, secret).ShouldBe(expected);
            ModularExponent.Pow(value, exponent, modulus, secret, managed: true).ShouldBe(expected);
        }
    }

    [Test]
    public void Edge_values_give_the_managed_answer()
    {
        var modulus = Random(new Random(7), 2048, odd: true);
        foreach (var (value, exponent) in new (BigInteger, BigInteger)[]
                 {
                     (0, 5), (5, 0), (0, 0), (1, modulus), (modulus, 3), (modulus - 1, 2), (-3, 5), (2, modulus - 1),
                 })
        {
            foreach (var secret in new[] { false, true })
            {
                ModularExponent.Pow(value, exponent, modulus, secret).ShouldBe(BigInteger.ModPow(value, exponent, modulus), $"{value}^{exponent}");
            }
        }
        ModularExponent.Pow(3, 5, BigInteger.One).ShouldBe(BigInteger.Zero);
    }

    [Test]
    public void Miller_rabin_on_the_libcrypto_route_decides_a_known_safe_prime_and_its_products()
    {
        // RFC 3526 group 14's prime (2,048 bits) is a safe prime: p and (p - 1)/2 are prime, their products are not.
        var p = BigInteger.Parse("0" + string.Concat(
            "FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DDEF9519B3CD3A431B302B0A6DF25F1437",
            "4FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7EDEE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF05",
            "98DA48361C55D39A69163FA8FD24CF5F83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B",
            "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA051015728E5A8AACAA68FFFFFFFFFFFFFFFF"),
            System.Globalization.NumberStyles.HexNumber);
        NumberTheory.IsProbablePrime(p).ShouldBeTrue();
        NumberTheory.IsProbablePrime((p - 1) / 2).ShouldBeTrue();
        NumberTheory.IsProbablePrime(p * 7).ShouldBeFalse();
        NumberTheory.IsProbablePrime(p * ((p - 1) / 2)).ShouldBeFalse();   // no factor below 37: decided by the exponentiations
    }
}
