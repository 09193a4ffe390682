using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;

namespace CertLint.Parsing;

/// <summary>Small AsnReader helpers shared by every parser, tolerant where real-world encodings are sloppy.</summary>
internal static class Asn1Helpers
{
    /// <summary>Reads an AlgorithmIdentifier: the OID and the encoded parameters (empty when absent), without copying.</summary>
    public static (string Oid, ReadOnlyMemory<byte> Parameters) ReadAlgorithmIdentifier(AsnReader reader)
    {
        var seq = reader.ReadSequence();
        var oid = seq.ReadObjectIdentifier();
        var parameters = seq.HasData ? seq.ReadEncodedValue() : ReadOnlyMemory<byte>.Empty;
        return (oid, parameters);
    }

    /// <summary><see cref="ReadAlgorithmIdentifier(AsnReader)"/> on a cursor: no reader object, known OIDs not copied.</summary>
    public static (string Oid, ReadOnlyMemory<byte> Parameters) ReadAlgorithmIdentifier(ref AsnCursor reader)
    {
        var seq = reader.ReadSequence();
        var oid = seq.ReadObjectIdentifier();
        var parameters = seq.HasData ? seq.ReadEncodedValue() : ReadOnlyMemory<byte>.Empty;
        return (oid, parameters);
    }

    /// <summary>The content octets of the next INTEGER, without the minimal-encoding check AsnReader enforces.</summary>
    public static ReadOnlySpan<byte> ReadIntegerContent(AsnReader reader, out ReadOnlyMemory<byte> encoded)
    {
        encoded = reader.ReadEncodedValue();
        return IntegerContent(encoded.Span);
    }

    /// <inheritdoc cref="ReadIntegerContent(AsnReader, out ReadOnlyMemory{byte})"/>
    public static ReadOnlySpan<byte> ReadIntegerContent(ref AsnCursor reader, out ReadOnlyMemory<byte> encoded)
    {
        encoded = reader.ReadEncodedValue();
        return IntegerContent(encoded.Span);
    }

    private static ReadOnlySpan<byte> IntegerContent(ReadOnlySpan<byte> encoded)
    {
        var tag = Asn1Tag.Decode(encoded, out _);
        if (!tag.HasSameClassAndValue(Asn1Tag.Integer)) throw new AsnContentException("expected an INTEGER");
        AsnDecoder.ReadEncodedValue(encoded, AsnEncodingRules.BER, out var offset, out var length, out _);
        return encoded.Slice(offset, length);
    }

    /// <summary>An INTEGER as OpenSSL prints a serial: upper-case hex, leading zero octets dropped, "-" for negatives.</summary>
    public static string IntegerToHex(ReadOnlySpan<byte> content)
    {
        if (content.IsEmpty) return "00";
        if ((content[0] & 0x80) != 0)
        {
            var magnitude = BigInteger.Negate(new BigInteger(content, isUnsigned: false, isBigEndian: true));
            return "-" + Hex.Upper(magnitude.ToByteArray(isUnsigned: true, isBigEndian: true));
        }
        var i = 0;
        while (i < content.Length - 1 && content[i] == 0) i++;
        return Hex.Upper(content[i..]);
    }

    /// <summary>Bit length of an unsigned big-endian integer (RSA modulus, DSA p).</summary>
    public static int BitLength(ReadOnlySpan<byte> unsignedBigEndian)
    {
        var i = 0;
        while (i < unsignedBigEndian.Length && unsignedBigEndian[i] == 0) i++;
        if (i == unsignedBigEndian.Length) return 0;
        return ((unsignedBigEndian.Length - i - 1) * 8) + (32 - BitOperations.LeadingZeroCount(unsignedBigEndian[i]));
    }

    /// <summary>Contents of a primitive BIT STRING without copying (constructed BER forms are copied).</summary>
    public static ReadOnlyMemory<byte> ReadBitString(AsnReader reader, out int unusedBits, Asn1Tag? tag = null)
    {
        if (reader.TryReadPrimitiveBitString(out unusedBits, out var value, tag)) return value;
        return reader.ReadBitString(out unusedBits, tag);
    }

    /// <summary>Contents of a primitive OCTET STRING without copying (constructed BER forms are copied).</summary>
    public static ReadOnlyMemory<byte> ReadOctetString(AsnReader reader, Asn1Tag? tag = null)
    {
        if (reader.TryReadPrimitiveOctetString(out var value, tag)) return value;
        return reader.ReadOctetString(tag);
    }

    public static string Sha256Hex(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        return Hex.Lower(hash);
    }

    public static string Sha1Hex(ReadOnlySpan<byte> data)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(data, hash);
        return Hex.Lower(hash);
    }
}
