using System.Numerics;
using CertLint.Engine;
using CertLint.Tests.BuiltInRules;
using CertLint.Tests.Pki;
using CertLint.Tests.Pki.Raw;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// S/MIME BR §6.1.5 and §6.1.6 on RSA subject keys, through the engine with the pack on: each defective key is exactly
/// one finding of the pack, the SHALL's (smime-rsa-exponent) or the SHOULD's (smime-rsa-exponent-range), never both.
/// </summary>
public sealed class CabfSmimeKeyNumberTests
{
    private static LintResult Lint(TestCertificate[] chain) => PackChainLint.Run(chain, "cabf-smime");

    [Test]
    public void A_conformant_rsa_key_is_checked_by_the_three_key_rules_and_passes()
    {
        var result = Lint(CabfSmimeFixtures.RsaSpkiLeaf(65537)());

        PackChainLint.FirstFindings(result, "cabf-smime").ShouldBeEmpty();
        PackChainLint.Checked(result, "cabf-smime").ShouldContain("smime-rsa-key-size");
        PackChainLint.Checked(result, "cabf-smime").ShouldContain("smime-rsa-exponent");
        PackChainLint.Checked(result, "cabf-smime").ShouldContain("smime-rsa-exponent-range");
    }

    [Test]
    public void An_ec_key_is_not_judged_by_the_rsa_rules()
    {
        var result = Lint(CabfSmimeFixtures.Leaf()());

        PackChainLint.Checked(result, "cabf-smime").ShouldNotContain("smime-rsa-key-size");
        PackChainLint.Checked(result, "cabf-smime").ShouldNotContain("smime-rsa-exponent");
        PackChainLint.Checked(result, "cabf-smime").ShouldNotContain("smime-rsa-exponent-range");
    }

    // 1 and 65538 break the SHALL (odd, 3 or more) and are not also reported as outside the SHOULD's range;
    // 3 and 2^256 + 1 keep the SHALL and leave the range; 2^256 - 1 is the range's top.
    [TestCase("1", "smime-rsa-exponent")]
    [TestCase("65538", "smime-rsa-exponent")]
    [TestCase("-65537", "smime-rsa-exponent")]
    [TestCase("3", "smime-rsa-exponent-range")]
    [TestCase("65535", "smime-rsa-exponent-range")]
    [TestCase("115792089237316195423570985008687907853269984665640564039457584007913129639937", "smime-rsa-exponent-range")]
    [TestCase("65537", null)]
    [TestCase("115792089237316195423570985008687907853269984665640564039457584007913129639935", null)]
    public void An_rsa_exponent_gets_at_most_one_finding(string exponent, string? rule)
    {
        var result = Lint(CabfSmimeFixtures.RsaSpkiLeaf(BigInteger.Parse(exponent))());

        PackChainLint.FirstFindings(result, "cabf-smime").ShouldBe(rule is null ? [] : [rule]);
    }

    // §7.1: fewer than 8 octets cannot hold 64 random bits; a zero or negative serial is rfc5280's finding alone.
    [TestCase(new byte[] { 0x01, 0x02, 0x03 }, new[] { "smime-serial-entropy" })]
    [TestCase(new byte[] { 0x40, 1, 2, 3, 4, 5, 6, 7 }, new string[0])]
    [TestCase(new byte[] { 0x00 }, new string[0])]
    [TestCase(new byte[] { 0xFF, 0x01 }, new string[0])]
    public void A_short_serial_number_is_one_finding_of_the_pack(byte[] serial, string[] expected)
    {
        var result = Lint(CabfSmimeFixtures.Leaf(b => b.Serial = Der.IntRaw(serial))());

        PackChainLint.FirstFindings(result, "cabf-smime").ShouldBe(expected);
    }
}
