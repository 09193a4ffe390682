using System.Formats.Asn1;
using System.Text;

namespace CertLint.Tests.Pki.Raw;

/// <summary>
/// DER pieces for <see cref="RawCertificateBuilder"/>, including the wrong ones a conforming encoder refuses to write
/// (a PrintableString with '@', a UTCTime without seconds, an explicit FALSE). Every method returns a complete TLV.
/// </summary>
public static class Der
{
    public const byte Boolean = 0x01, Integer = 0x02, BitString = 0x03, OctetString = 0x04, Null = 0x05, Oid = 0x06;
    public const byte Utf8String = 0x0C, PrintableString = 0x13, TeletexString = 0x14, Ia5String = 0x16;
    public const byte UtcTime = 0x17, GeneralizedTime = 0x18, VisibleString = 0x1A, UniversalString = 0x1C, BmpString = 0x1E;
    public const byte Sequence = 0x30, Set = 0x31;

    /// <summary>Any tag with any content: no check of the content against the tag.</summary>
    public static byte[] Tlv(byte tag, ReadOnlySpan<byte> content)
    {
        var length = content.Length;
        var header = length switch
        {
            < 0x80 => new[] { tag, (byte)length },
            <= 0xFF => new[] { tag, (byte)0x81, (byte)length },
            <= 0xFFFF => new[] { tag, (byte)0x82, (byte)(length >> 8), (byte)length },
            _ => new[] { tag, (byte)0x83, (byte)(length >> 16), (byte)(length >> 8), (byte)length },
        };
        return [.. header, .. content];
    }

    public static byte[] Seq(params byte[][] items) => Tlv(Sequence, Concat(items));

    public static byte[] SetOf(params byte[][] items) => Tlv(Set, Concat(items));

    /// <summary>Context-specific tag: constructed (EXPLICIT or a constructed IMPLICIT type) or primitive.</summary>
    public static byte[] Context(int number, bool constructed, params byte[][] content) =>
        Tlv((byte)(0x80 | (constructed ? 0x20 : 0) | number), Concat(content));

    public static byte[] Concat(params byte[][] items) => items.SelectMany(i => i).ToArray();

    public static byte[] ObjectId(string oid)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteObjectIdentifier(oid);
        return writer.Encode();
    }

    public static byte[] Int(long value)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        writer.WriteInteger(value);
        return writer.Encode();
    }

    /// <summary>An INTEGER with exactly these content octets (negative, zero, too long or not minimal).</summary>
    public static byte[] IntRaw(params byte[] content) => Tlv(Integer, content);

    public static byte[] Bool(bool value) => Tlv(Boolean, [value ? (byte)0xFF : (byte)0x00]);

    public static byte[] NullValue() => [Null, 0x00];

    public static byte[] Octets(ReadOnlySpan<byte> content) => Tlv(OctetString, content);

    /// <summary>A string of the given universal type; BMPString is written UTF-16BE, UniversalString UTF-32BE, the rest UTF-8 bytes.</summary>
    public static byte[] String(byte tag, string value) => Tlv(tag, tag switch
    {
        BmpString => Encoding.BigEndianUnicode.GetBytes(value),
        UniversalString => new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes(value),
        _ => Encoding.UTF8.GetBytes(value),
    });

    public static byte[] AlgorithmId(string oid, byte[]? parameters = null) =>
        parameters is null ? Seq(ObjectId(oid)) : Seq(ObjectId(oid), parameters);

    public static byte[] Time(byte tag, string text) => Tlv(tag, Encoding.ASCII.GetBytes(text));

    /// <summary>A UTCTime (before 2050) or GeneralizedTime (2050 on) as RFC 5280 wants them.</summary>
    public static byte[] Time(DateTimeOffset at) => at.Year < 2050
        ? Time(UtcTime, at.UtcDateTime.ToString("yyMMddHHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture))
        : Time(GeneralizedTime, at.UtcDateTime.ToString("yyyyMMddHHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>One AttributeTypeAndValue.</summary>
    public static byte[] Attribute(string oid, byte tag, string value) => Seq(ObjectId(oid), String(tag, value));

    /// <summary>A Name with one attribute per RDN, in order.</summary>
    public static byte[] Name(params byte[][] attributes) => Seq(attributes.Select(a => SetOf(a)).ToArray());

    /// <summary>A Name "CN=value" with a UTF8String (the common encoding of today's CAs).</summary>
    public static byte[] CnName(string cn) => Name(Attribute(Oids.CommonName, Utf8String, cn));

    public static byte[] Ascii(string value) => Encoding.ASCII.GetBytes(value);
}
