using System.Numerics;
using CertLint.Tests.Pki.Raw;
using static CertLint.Tests.CabfSmime.CabfSmimeLint;

namespace CertLint.Tests.CabfSmime;

/// <summary>
/// S/MIME BR §6.1.5 and §6.1.6 on RSA subject keys and §7.1 on serial numbers, through the engine with the pack on: each
/// defect is exactly one finding of the pack, the SHALL's (smime-rsa-exponent) or the SHOULD's
/// (smime-rsa-exponent-range), never both, and a serial that is not positive is left to the rfc5280 pack.
/// </summary>
public sealed class CabfSmimeKeyNumberTests
{
    [Test]
    public void A_conformant_rsa_key_is_checked_by_the_three_key_rules_and_passes()
    {
        var leaf = CabfSmimeFixtures.RsaSpkiLeaf(65537);

        PackFindings(leaf).ShouldBeEmpty();
        PackChecked(leaf).ShouldContain("smime-rsa-key-size");
        PackChecked(leaf).ShouldContain("smime-rsa-exponent");
        PackChecked(leaf).ShouldContain("smime-rsa-exponent-range");
    }

    [Test]
    public void An_ec_key_is_not_judged_by_the_rsa_rules()
    {
        var judged = PackChecked(CabfSmimeFixtures.Leaf());

        judged.ShouldNotContain("smime-rsa-key-size");
        judged.ShouldNotContain("smime-rsa-exponent");
        judged.ShouldNotContain("smime-rsa-exponent-range");
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
    public void An_rsa_exponent_gets_at_most_one_finding(string exponent, string? rule) =>
        PackFindings(CabfSmimeFixtures.RsaSpkiLeaf(BigInteger.Parse(exponent))).ShouldBe(rule is null ? [] : [rule]);

    // §7.1: fewer than 8 octets cannot hold 64 random bits; a zero or negative serial is rfc5280's finding alone.
    [TestCase(new byte[] { 0x01, 0x02, 0x03 }, new[] { "smime-serial-entropy" })]
    [TestCase(new byte[] { 0x40, 1, 2, 3, 4, 5, 6, 7 }, new string[0])]
    [TestCase(new byte[] { 0x00 }, new string[0])]
    [TestCase(new byte[] { 0xFF, 0x01 }, new string[0])]
    public void A_short_serial_number_is_one_finding_of_the_pack(byte[] serial, string[] expected) =>
        PackFindings(CabfSmimeFixtures.Leaf(b => b.Serial = Der.IntRaw(serial))).ShouldBe(expected);
}
