using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using CertLint.Core.Tests.Parsing;
using static CertLint.Tests.Pki.Raw.Der;

namespace CertLint.Core.Tests.Hostile;

/// <summary>
/// A DSA private key's public value y = g^x mod p is computed to pair the key with its certificate. The numbers come
/// from the file, so they are checked before the exponentiation (FIPS 186-5 §4.1: 0 &lt; x &lt; q; p and q within the
/// public-key checks' 16,384 and 1,024 bits). Unchecked, p = 0 threw DivideByZeroException out of the parser and a
/// 22 KB key of 65,536-bit numbers ran for minutes (tests/fuzz-regressions/sniff-pem/dsa-*). Through the real engine:
/// each is one parse-error at the block's lines, in a bounded time (typical: well under a second).
/// </summary>
public sealed class DsaPrivateKeyBoundTests
{
    private const string DsaOid = "1.2.840.10040.4.1";
    private const string SizeReason = "p and q must be above 1 and at most 16,384 and 1,024 bits long";

    /// <summary>The parse-error at the block's line (2: a comment line comes first), as <see cref="BoundedLint.Of"/> lists it.</summary>
    private static string[] At2(string reason) =>
        [$"dsa.key:2 dsa.key:2 cannot be parsed: invalid PRIVATE KEY block: DSA private key: {reason}. Fix or regenerate the file, or exclude it if it is not a certificate."];

    private static byte[] Integer(BigInteger value)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteInteger(value);
        return writer.Encode();
    }

    /// <summary>PKCS#8 PrivateKeyInfo for id-dsa with Dss-Parms (p, q, g) and private value x, as PEM.</summary>
    private static string Pkcs8(BigInteger p, BigInteger q, BigInteger g, BigInteger x) =>
        PemEncoding.WriteString("PRIVATE KEY", Seq(Int(0), AlgorithmId(DsaOid, Seq(Integer(p), Integer(q), Integer(g))), Octets(Integer(x)))) + "\n";

    private static string[] Lint(string pem)
    {
        using var dir = new TempDirectory();
        dir.Write("dsa.key", "a comment line\n" + pem);
        return BoundedLint.Run(dir.Path, ".").Of("parse-error");
    }

    [Test]
    public void A_zero_modulus_is_a_parse_error_not_a_division_by_zero() =>
        Lint(Pkcs8(0, 11, 2, 5)).ShouldBe(At2(SizeReason));

    [Test]
    public void Numbers_of_65536_bits_are_refused_before_the_exponentiation()
    {
        var huge = (BigInteger.One << 65536) - 1;
        Lint(Pkcs8(huge, 11, 3, huge - 2)).ShouldBe(At2(SizeReason));
    }

    [Test]
    public void A_subgroup_order_above_1024_bits_is_refused() =>
        Lint(Pkcs8(23, BigInteger.One << 1024, 2, 5)).ShouldBe(At2(SizeReason));

    [TestCase(0)]
    [TestCase(11)]
    [TestCase(12)]
    public void A_private_value_outside_1_to_q_minus_1_is_refused(int x) =>
        Lint(Pkcs8(23, 11, 4, x)).ShouldBe(At2("x is not between 1 and q - 1 (FIPS 186-5 4.1)"));

    [Test]
    public void A_key_at_the_bounds_is_read_and_derived()
    {
        // p = 23, q = 11 (11 divides 22), g = 4 of order 11: y = 4^5 mod 23 = 12. The numbers are small but valid.
        var pem = Pkcs8(23, 11, 4, 5);
        var parsed = CertLint.Parsing.ContentParser.Parse(new CertLint.Model.SourceFile("/k", "k", 0, null), System.Text.Encoding.ASCII.GetBytes(pem), TestPasswords.None);
        parsed.Issues.ShouldBeEmpty();
        var spki = parsed.Keys.ShouldHaveSingleItem().PublicKey.ShouldNotBeNull().Spki;
        spki.ToArray()[^3..].ShouldBe(Integer(12));
    }
}
