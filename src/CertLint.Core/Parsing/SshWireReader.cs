using System.Buffers.Binary;
using System.Numerics;

namespace CertLint.Parsing;

/// <summary>
/// Reads the SSH wire encoding (RFC 4251 §5: uint32, string, mpint) from a span, every length checked against what is
/// left, so a hostile length can neither overrun the buffer nor allocate more than the file holds.
/// </summary>
internal ref struct SshWireReader(ReadOnlySpan<byte> data)
{
    /// <summary>OpenSSH's own bound on a bignum (SSHBUF_MAX_BIGNUM): 16384 bits.</summary>
    public const int MaxMpintBytes = 16384 / 8;

    private ReadOnlySpan<byte> rest = data;

    public readonly bool HasData => !rest.IsEmpty;

    public readonly ReadOnlySpan<byte> Rest => rest;

    public uint ReadUInt32()
    {
        if (rest.Length < 4) throw new FormatException("OpenSSH key: truncated (a 32-bit field runs past the end)");
        var value = BinaryPrimitives.ReadUInt32BigEndian(rest);
        rest = rest[4..];
        return value;
    }

    public byte ReadByte()
    {
        if (rest.IsEmpty) throw new FormatException("OpenSSH key: truncated (a byte field runs past the end)");
        var value = rest[0];
        rest = rest[1..];
        return value;
    }

    /// <summary>A length-prefixed string, as bytes.</summary>
    public ReadOnlySpan<byte> ReadString()
    {
        var length = ReadUInt32();
        if (length > (uint)rest.Length) throw new FormatException("OpenSSH key: truncated (a string's length runs past the end)");
        var value = rest[..(int)length];
        rest = rest[(int)length..];
        return value;
    }

    /// <summary>A length-prefixed string that names something (a key type, cipher, curve): ASCII, at most 64 octets.</summary>
    public string ReadName()
    {
        var bytes = ReadString();
        if (bytes.Length > 64) throw new FormatException("OpenSSH key: a name field is longer than 64 octets");
        foreach (var b in bytes)
        {
            if (b is < 0x21 or > 0x7e) throw new FormatException("OpenSSH key: a name field is not printable ASCII");
        }
        return System.Text.Encoding.ASCII.GetString(bytes);
    }

    /// <summary>A non-negative mpint (RFC 4251 §5), at most <see cref="MaxMpintBytes"/> octets of magnitude.</summary>
    public BigInteger ReadPositiveMpint()
    {
        var bytes = ReadString();
        if (bytes.Length > MaxMpintBytes + 1) throw new FormatException("OpenSSH key: a number is longer than 16384 bits");
        if (!bytes.IsEmpty && (bytes[0] & 0x80) != 0) throw new FormatException("OpenSSH key: a number is negative");
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }
}
