using CertLint.Rules.Primitives.Keys;

namespace CertLint.Tests.WeakKeys;

/// <summary>
/// The two octet tests of weak-key-rsa-pattern on hand-made octet strings: a repeated octet at either half-octet
/// offset and its bound, and the xz-utils header with and without the ASN.1 leading zero. The bit-bias test is
/// exercised through the engine on the fixtures (<see cref="WeakKeyRuleTests"/>).
/// </summary>
public sealed class RsaPatternTests
{
    private static byte[] Random(int length, int seed)
    {
        var octets = new byte[length];
        new Random(seed).NextBytes(octets);
        octets[0] |= 0x80;
        return octets;
    }

    [Test]
    public void Sixteen_equal_octets_are_a_pattern_fifteen_are_not()
    {
        var octets = Random(256, 1);
        octets[99] = 0x11;
        octets.AsSpan(100, 16).Fill(0x5A);
        RsaPatternPrimitive.RepeatedRun(octets).ShouldBe(0x5A);
        octets[115] = 0x00;
        RsaPatternPrimitive.RepeatedRun(octets).ShouldBeNull();
    }

    [Test]
    public void A_run_counts_at_a_half_octet_offset_as_the_hex_digits_read()
    {
        // Hex ...? 3C C3 3C ... C3 ?...: the digit pairs "C3" repeat 16 times starting half an octet in.
        var octets = Random(64, 2);
        for (var i = 10; i < 27; i++) octets[i] = (byte)(i == 10 ? (octets[i] & 0xF0) | 0x0C : i == 26 ? 0x30 | (octets[i] & 0x0F) : 0x3C);
        RsaPatternPrimitive.RepeatedRun(octets).ShouldNotBeNull();
        RsaPatternPrimitive.RepeatedRun(Random(2048, 3)).ShouldBeNull();   // 16,384 random bits: no run
    }

    [Test]
    public void The_xz_header_is_read_as_encoded_with_the_leading_zero_when_the_top_bit_is_set()
    {
        // Top bit set: the encoded INTEGER starts 00 80 00 00 | 00 00 00 00 | 00 ..: a = 0x8000, b = 0, c = 0: a header.
        byte[] topBit = [0x80, .. new byte[255]];
        topBit[^1] = 1;
        RsaPatternPrimitive.IsXzBackdoorHeader(topBit).ShouldBeTrue();
        // Top bit clear: a = 1, b = 1, c = 0xFFFFFFFFFFFF0001 (little-endian 01 00 FF ..): a·b + c is far above 3.
        byte[] clear = [1, 0, 0, 0, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, .. new byte[240]];
        clear[8] = 0x01;
        clear[9] = 0x00;
        RsaPatternPrimitive.IsXzBackdoorHeader(clear).ShouldBeFalse();
        byte[] header = [1, 0, 0, 0, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, .. Random(240, 4)];
        header[0] = 0x01;
        RsaPatternPrimitive.IsXzBackdoorHeader(header).ShouldBeTrue();   // 1·1 + (2^64 − 1) ≡ 0
        header[8] = 0x03;                                                   // 1 + (2^64 − 253) ≡ 2^64 − 252: not
        RsaPatternPrimitive.IsXzBackdoorHeader(header).ShouldBeFalse();
        RsaPatternPrimitive.IsXzBackdoorHeader(Random(256, 5)).ShouldBeFalse();
        RsaPatternPrimitive.IsXzBackdoorHeader([]).ShouldBeFalse();
    }
}
