using System.Buffers.Text;
using System.Numerics;
using System.Text.Json.Nodes;
using CertLint.Model;
using CertLint.Tests.WeakKeys;

namespace CertLint.Core.Tests.Parsing;

/// <summary>
/// RSA JWKs beyond the two-prime form (RFC 7518 §6.3.2): a multi-prime key's "oth" is audited as RFC 8017's
/// otherPrimeInfos, and a key of "d" alone has e·d checked. Both passed unchecked before.
/// </summary>
public sealed class JwkRsaAuditTests
{
    private static readonly BigInteger E = 65537;

    private static string B64(BigInteger value) => Base64Url.EncodeToString(value.ToByteArray(isUnsigned: true, isBigEndian: true));

    private static BigInteger[] Primes(int seed, params int[] bits)
    {
        var rng = new Random(seed);
        return [.. bits.Select(b => WeakKeyMath.Prime(rng, b))];
    }

    private static BigInteger Lambda(IEnumerable<BigInteger> primes) =>
        primes.Aggregate(BigInteger.One, (l, r) => l * (r - 1) / BigInteger.GreatestCommonDivisor(l, r - 1));

    /// <summary>An RSA JWK of these primes: n, e, d, p, q, dp, dq, qi and, from the third prime on, "oth".</summary>
    private static JsonObject Jwk(BigInteger[] primes, BigInteger? d = null)
    {
        var (p, q) = (primes[0], primes[1]);
        var exponent = d ?? WeakKeyMath.ModInverse(E, Lambda(primes));
        var n = primes.Aggregate(BigInteger.One, (x, r) => x * r);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA", ["n"] = B64(n), ["e"] = B64(E), ["d"] = B64(exponent), ["p"] = B64(p), ["q"] = B64(q),
            ["dp"] = B64(exponent % (p - 1)), ["dq"] = B64(exponent % (q - 1)), ["qi"] = B64(WeakKeyMath.ModInverse(q, p)),
        };
        var others = new JsonArray();
        var before = p * q;
        foreach (var r in primes.Skip(2))
        {
            others.Add(new JsonObject { ["r"] = B64(r), ["d"] = B64(exponent % (r - 1)), ["t"] = B64(WeakKeyMath.ModInverse(before, r)) });
            before *= r;
        }
        if (others.Count > 0) jwk["oth"] = others;
        return jwk;
    }

    private static PrivateKeyVerdict? VerdictOf(JsonObject jwk)
    {
        var parsed = JwkTests.ParseText(jwk.ToJsonString());
        parsed.Issues.ShouldBeEmpty();
        var key = parsed.Keys.ShouldHaveSingleItem();
        key.IsPrivate.ShouldBeTrue();
        return key.Verdict;
    }

    private static BigInteger Number(JsonNode node) =>
        new(Base64Url.DecodeFromChars(node.GetValue<string>()), isUnsigned: true, isBigEndian: true);

    [Test]
    public void A_multi_prime_jwk_is_audited_as_its_otherPrimeInfos()
    {
        var primes = Primes(5, 512, 512, 512, 512);
        VerdictOf(Jwk(primes)).ShouldBe(new PrivateKeyVerdict(null, null));
        JwkTests.ParseText(Jwk(primes).ToJsonString()).Keys[0].PublicKey!.Label.ShouldBe("RSA 2048");

        var wrongT = Jwk(primes);
        wrongT["oth"]![1]!["t"] = B64(Number(wrongT["oth"]![1]!["t"]!) + 2);
        VerdictOf(wrongT).ShouldBe(new PrivateKeyVerdict(PrivateKeyFlaw.WrongCrtCoefficient, null));
        var wrongD = Jwk(primes);
        wrongD["oth"]![0]!["d"] = B64(Number(wrongD["oth"]![0]!["d"]!) + 2);
        VerdictOf(wrongD).ShouldBe(new PrivateKeyVerdict(PrivateKeyFlaw.WrongCrtExponent, null));
        var composite = Primes(6, 512, 512, 256, 256);
        composite = [composite[0], composite[1], composite[2] * composite[3]];
        VerdictOf(Jwk(composite)).ShouldBe(new PrivateKeyVerdict(PrivateKeyFlaw.FactorNotPrime, null));
        var dropped = Jwk(primes);
        dropped.Remove("oth"); // n is no longer p·q
        VerdictOf(dropped).ShouldBe(new PrivateKeyVerdict(PrivateKeyFlaw.ModulusNotProduct, null));
    }

    [Test]
    public void An_oth_that_is_no_list_of_prime_objects_is_a_parse_error()
    {
        var primes = Primes(5, 512, 512, 512);
        var jwk = Jwk(primes);
        jwk["oth"] = new JsonObject();
        JwkTests.IssueOf(jwk).ShouldBe("invalid JWK: JWK: \"oth\" is not a non-empty array (RFC 7518 §6.3.2.7)");
        jwk["oth"] = new JsonArray();
        JwkTests.IssueOf(jwk).ShouldBe("invalid JWK: JWK: \"oth\" is not a non-empty array (RFC 7518 §6.3.2.7)");
        jwk["oth"] = new JsonArray(1);
        JwkTests.IssueOf(jwk).ShouldBe("invalid JWK: JWK: an \"oth\" entry is not an object (RFC 7518 §6.3.2.7)");
        jwk = Jwk(primes);
        ((JsonObject)jwk["oth"]![0]!).Remove("t");
        JwkTests.IssueOf(jwk).ShouldBe("invalid JWK: JWK: no \"t\" member");
        jwk = Jwk(primes);
        var entry = jwk["oth"]![0]!;
        jwk["oth"] = new JsonArray([.. Enumerable.Range(0, 15).Select(_ => entry.DeepClone())]);
        JwkTests.IssueOf(jwk).ShouldBe("invalid JWK: JWK: \"oth\" holds more than 14 further primes");
    }

    [Test]
    public void A_jwk_of_d_alone_has_its_exponents_checked()
    {
        var primes = Primes(7, 512, 512);
        JsonObject Bare(JsonObject full)
        {
            foreach (var name in new[] { "p", "q", "dp", "dq", "qi" }) full.Remove(name);
            return full;
        }
        VerdictOf(Bare(Jwk(primes))).ShouldBe(new PrivateKeyVerdict(null, null));
        var wrong = Bare(Jwk(primes));
        wrong["d"] = B64(Number(wrong["d"]!) + 2);
        VerdictOf(wrong).ShouldBe(new PrivateKeyVerdict(PrivateKeyFlaw.ExponentsNotInverse, null));
        // d of 255 bits and e its inverse: below n^0.292 (298 bits for this 1,024-bit n), Boneh–Durfee's bound.
        var lambda = Lambda(primes);
        var d = (BigInteger.One << 254) + 1;
        while (!BigInteger.GreatestCommonDivisor(d, lambda).IsOne) d += 2;
        var small = Bare(Jwk(primes, d));
        small["e"] = B64(WeakKeyMath.ModInverse(d, lambda));
        VerdictOf(small).ShouldBe(new PrivateKeyVerdict(null, 255));
    }
}
