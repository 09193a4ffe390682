namespace CertLint.Parsing;

/// <summary>The CRC-24 an OpenPGP armor ends with (RFC 9580 §6.1), which PEM text does not have.</summary>
internal static class OpenPgpArmor
{
    private const int Init = 0xB704CE, Poly = 0x1864CFB;

    /// <summary>Whether <paramref name="checksum"/> (four base64 characters, after the "=") is the data's CRC-24.</summary>
    public static bool ChecksumMatches(ReadOnlySpan<byte> data, string checksum)
    {
        Span<byte> expected = stackalloc byte[3];
        if (!Convert.TryFromBase64String(checksum, expected, out var written) || written != 3) return false;
        var crc = Crc24(data);
        return expected[0] == (byte)(crc >> 16) && expected[1] == (byte)(crc >> 8) && expected[2] == (byte)crc;
    }

    private static int Crc24(ReadOnlySpan<byte> data)
    {
        var crc = Init;
        foreach (var b in data)
        {
            crc ^= b << 16;
            for (var i = 0; i < 8; i++)
            {
                crc <<= 1;
                if ((crc & 0x1000000) != 0) crc ^= Poly;
            }
        }
        return crc & 0xFFFFFF;
    }
}
